import { formatProblem } from '../errors.js';
import { t } from '../i18n/index.js';
import { displayWidth, padDisplay } from '../i18n/width.js';
import type { Paths } from '../platform/paths.js';
import { diffCounts, filesToWrite, type InitPlan } from './apply.js';
import type { Draft } from './draft.js';

/** A line of init's screens, by kind; the command colours and prints it (file lines: padded columns). */
export type ReviewLine =
  | { kind: 'text' | 'title' | 'warn'; text: string }
  | { kind: 'file'; create: boolean; status: string; label: string; path: string; counts: string };

/** The first screen: what init does, where the files go, how to stop. */
export function introLines(paths: Pick<Paths, 'config' | 'secrets'>): { text: string; bold?: boolean }[] {
  return [
    { text: t('init.introTitle'), bold: true },
    { text: t('init.introSteps') },
    { text: t('init.introFiles') },
    { text: t('init.introConfig', { path: paths.config }) },
    { text: t('init.introSecrets', { path: paths.secrets }) },
    { text: t('init.introTools') },
    { text: t('init.introStop') },
  ];
}

/**
 * What init is about to do, short enough to read before answering: the answers, the warnings, and
 * one line per file (with its added/removed line counts when `diffs` are given).
 */
export function reviewLines(
  plan: InitPlan,
  draft: Draft,
  secretsFile: string,
  diffs?: Map<string, string>,
): ReviewLine[] {
  return [
    { kind: 'text', text: '' },
    { kind: 'title', text: t('init.summaryTitle') },
    ...answerLines(plan).map((text) => ({ kind: 'text' as const, text })),
    ...draft.notes.map((text) => ({ kind: 'warn' as const, text })),
    ...warningLines(plan).map((text) => ({ kind: 'warn' as const, text })),
    ...fileLines(plan, secretsFile, diffs),
  ];
}

function answerLines(plan: InitPlan): string[] {
  const c = plan.loaded.config;
  const { claude, continue: cont } = c.tools;
  return [
    ...Object.entries(c.providers).map(([name, p]) =>
      t('init.summaryProvider', { name, preset: p.preset, apiBase: p.apiBase, key: p.apiKey }),
    ),
    ...c.models.map((m) =>
      t('init.summaryModel', {
        name: m.name,
        // Several deployments (instances of one server): where each goes.
        provider: m.provider ?? m.deployments?.map((d) => d.apiBase ?? d.provider).join(' + '),
        model: m.model,
        roles: m.roles?.join(', '),
      }),
    ),
    t('init.summaryClaude', {
      enabled: claude.enabled,
      model: claude.model,
      haiku: claude.haikuModel,
    }),
    t('init.summaryContinue', { enabled: cont.enabled, via: cont.via, chat: cont.models?.[0] }),
    t('init.summaryPort', { port: c.proxy.port }),
    ...plan.keys.map((k) => t('init.summaryKey', { name: k.name, masked: k.masked, replaced: k.replaced })),
  ];
}

function warningLines(plan: InitPlan): string[] {
  return [
    ...plan.loaded.warnings,
    ...(plan.session ? plan.session.plans.flatMap((p) => [...p.warnings, ...p.conflicts]) : []),
  ].map((w) => formatProblem(w));
}

function fileLines(plan: InitPlan, secretsFile: string, diffs?: Map<string, string>): ReviewLine[] {
  const files = filesToWrite(plan, secretsFile);
  if (!files.length) return [{ kind: 'text', text: t('init.nothingToChange') }];
  const words = { create: t('init.fileCreate'), update: t('init.fileUpdate') };
  const rows = files.map((f) => {
    const diff = diffs?.get(f.path);
    return {
      ...f,
      label: t('ui.fileLabel', { label: f.label }),
      word: words[f.status],
      counts: diff ? t('init.fileLines', diffCounts(diff)) : '',
    };
  });
  // A table aligned in terminal columns, not characters: 新建 and 密钥 take two columns a character.
  const width = (k: 'word' | 'label' | 'counts') => Math.max(...rows.map((r) => displayWidth(r[k])));
  const [w1, w2, w3] = [width('word'), width('label'), width('counts')];
  return [
    { kind: 'text', text: t('init.filesTitle') },
    ...rows.map((r): ReviewLine => ({
      kind: 'file',
      create: r.status === 'create',
      status: padDisplay(r.word, w1),
      label: padDisplay(r.label, w2),
      counts: w3 ? padDisplay(r.counts, w3) : '',
      path: r.path,
    })),
  ];
}
