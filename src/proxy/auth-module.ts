import { readFileSync } from 'node:fs';
import type { LlmctlConfig } from '../config/schema.js';
import { envNameFor } from '../secrets/refs.js';
import { packageFile } from '../version.js';
import { AUTH_MODULE } from './endpoint.js';

/**
 * The proxy key check llmctl ships (templates/llmctl_auth.py), with llmctl.yaml's client keys written
 * into its CLIENTS table: for each client the environment variable its key arrives in (never the key),
 * its models and its limits in LiteLLM's names.
 */

export interface AuthClient {
  env: string;
  models?: string[];
  rpm?: number;
  tpm?: number;
  max_budget?: number;
  budget_duration?: string;
}

// i18n-ignore: the line of the template llmctl fills in (data)
const CLIENTS_LINE = 'CLIENTS = json.loads("{}")';

export function authClients(config: LlmctlConfig): Record<string, AuthClient> {
  return Object.fromEntries(
    Object.entries(config.proxy.clients ?? {}).map(([name, c]) => [
      name,
      {
        env: envNameFor(c.key),
        ...(c.models ? { models: c.models } : {}),
        ...(c.rpm ? { rpm: c.rpm } : {}),
        ...(c.tpm ? { tpm: c.tpm } : {}),
        ...(c.maxBudget ? { max_budget: c.maxBudget } : {}),
        ...(c.budgetDuration ? { budget_duration: c.budgetDuration } : {}),
      },
    ]),
  );
}

/** The module's text: the template with the client table in it (a JSON string is a valid Python literal). */
export function renderAuthModule(config: LlmctlConfig, template = authTemplate()): string {
  // i18n-ignore: a packaging bug, not user input
  if (!template.includes(CLIENTS_LINE)) throw new Error(`${AUTH_MODULE}.py: the CLIENTS line is missing`);
  const table = JSON.stringify(JSON.stringify(authClients(config)));
  return template.replace(CLIENTS_LINE, () => `CLIENTS = json.loads(${table})`);
}

let template: string | undefined;
function authTemplate(): string {
  template ??= readFileSync(packageFile('templates', `${AUTH_MODULE}.py`), 'utf8');
  return template;
}
