import { t } from '../i18n/index.js';
import { NAME_PATTERN } from './constants.js';
import { masterKeyRef, usesLlmctlAuth } from './master-key.js';
import { err, type Rule } from './rule-kit.js';

/**
 * Client keys (`proxy.clients`): each a name LiteLLM's logs can show, a key of its own that is not the
 * master key nor another client's, and models that exist. They need llmctl's key check, which the
 * proxy does not run when the user brings a database or an auth of their own.
 */

const clientNames: Rule = (config) =>
  Object.keys(config.proxy.clients ?? {})
    .filter((name) => !NAME_PATTERN.test(name))
    .map((name) => err(['proxy', 'clients', name], t('clients.rule.name', { name }), t('clients.rule.nameHint')));

const clientModelsExist: Rule = (config) => {
  const known = new Set(config.models.map((m) => m.name));
  const names = [...known].join(', ');
  return Object.entries(config.proxy.clients ?? {}).flatMap(([name, c]) =>
    (c.models ?? []).flatMap((model, i) =>
      known.has(model)
        ? []
        : [
            err(
              ['proxy', 'clients', name, 'models', i],
              t('clients.rule.unknownModel', { client: name, model }),
              names ? t('clients.rule.unknownModelHint', { names }) : t('clients.rule.unknownModelHintNone'),
            ),
          ],
    ),
  );
};

const clientKeysDistinct: Rule = (config) => {
  const master = masterKeyRef(config);
  const seen = new Map<string, string>();
  return Object.entries(config.proxy.clients ?? {}).flatMap(([name, c]) => {
    const path = ['proxy', 'clients', name, 'key'];
    if (c.key === master)
      return [err(path, t('clients.rule.masterKey', { client: name }), t('clients.rule.masterKeyHint', { name }))];
    const other = seen.get(c.key);
    seen.set(c.key, name);
    return other
      ? [err(path, t('clients.rule.sharedKey', { client: name, other }), t('clients.rule.sharedKeyHint', { name }))]
      : [];
  });
};

const clientsNeedLlmctlAuth: Rule = (config) =>
  Object.keys(config.proxy.clients ?? {}).length && !usesLlmctlAuth(config)
    ? [err(['proxy', 'clients'], t('clients.rule.ownAuth'), t('clients.rule.ownAuthHint'))]
    : [];

export const clientRules: Record<string, Rule> = {
  clientNames,
  clientModelsExist,
  clientKeysDistinct,
  clientsNeedLlmctlAuth,
};
