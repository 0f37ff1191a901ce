import { promises as fs } from 'node:fs';
import { readTextIfExists, writeFileAtomic } from '../fs/atomic.js';
import { createBackup } from '../fs/backup.js';
import { withLock } from '../fs/lock.js';
import { ensureDir } from '../fs/dir.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { isWslBash, setxCommand } from '../platform/windows.js';
import { redact } from '../secrets/store.js';
import { changedFiles } from '../sync/engine.js';
import type { TargetName } from '../targets/types.js';
import { claudeEnv, looseKeyFiles, writableByOthers } from './checks.js';
import type { Facts } from './facts.js';
import type { AppliedFix, Check } from './types.js';
import { applyWindowsFixes } from './windows-traps.js';
import { t, tEn, type MessageArgs, type MessageId } from '../i18n/index.js';
import { jsonc, yaml } from '../deps.js';

export interface FixHooks {
  /** Announces a fix before it is applied (stderr). */
  announce(text: string): void;
  /** Offers a command the user may run (setx); never run here without consent. */
  suggest(text: string): void;
  /** Asks before running setx on real Windows; false without a terminal. */
  confirm?(question: string): Promise<boolean>;
}

const bad = (checks: Check[], id: string) =>
  checks.some((c) => c.id === id && (c.status === 'FAIL' || c.status === 'WARN'));

/** What a fix does, in English (`fixes[].action` of `--json`) and in the user's language (the screen). */
interface Action {
  en: string;
  shown: string;
}
const said = <K extends MessageId>(id: K, ...args: MessageArgs<K>): Action => ({
  en: tEn(id, ...args),
  shown: t(id, ...args),
});
/** A command is the same in every language. */
const command = (text: string): Action => ({ en: text, shown: text });

/** Runs one fix: announced first, its backup id or its (redacted) error recorded. */
type RunFix = (id: string, action: Action, fn: () => Promise<string | undefined>) => Promise<void>;

/**
 * The safe fixes: each is announced, each file change is backed up like a sync (llmctl restore
 * undoes it). Keys are never needed from the user here; anything that needs a decision or a key is
 * left as the printed fix.
 */
export async function applyFixes(f: Facts, checks: Check[], hooks: FixHooks): Promise<AppliedFix[]> {
  const out: AppliedFix[] = [];
  const run: RunFix = async (id, action, fn) => {
    hooks.announce(action.shown);
    const done = { id, action: action.en, shown: action.shown };
    try {
      const backup = await fn();
      out.push({ ...done, ok: true, ...(backup ? { backup } : {}) });
    } catch (e) {
      out.push({
        ...done,
        ok: false,
        error: redact(e instanceof Error ? e.message : String(e), f.secrets?.values() ?? []),
      });
    }
  };
  if (f.platform.os !== 'win32') await fixModes(f, checks, run);
  const gitBash = await fixGitBashConfig(f, run);
  await fixTargets(f, checks, gitBash, run);
  if (f.platform.os === 'win32') await fixGitBashPath(f, checks, hooks, run, out);
  out.push(...(await applyWindowsFixes(f, checks, hooks.announce)));
  return out;
}

/** chmod 600 for the secrets file and tool files holding keys; 700 for llmctl's folders, go-w for the auth module. */
async function fixModes(f: Facts, checks: Check[], run: RunFix): Promise<void> {
  const chmod = (id: string, file: string, mode: number) =>
    run(id, command(`chmod ${mode.toString(8)} ${file}`), async () => {
      await fs.chmod(file, mode);
      return undefined;
    });
  if (bad(checks, 'secrets.permissions')) await chmod('secrets.permissions', f.paths.secrets, 0o600);
  if (bad(checks, 'files.permissions'))
    for (const m of looseKeyFiles(f)) await chmod('files.permissions', m.path, 0o600);
  if (bad(checks, 'home.permissions')) {
    for (const m of writableByOthers(f)) {
      await chmod('home.permissions', m.path, m.kind === 'code' ? m.mode & ~0o022 : 0o700);
    }
  }
}

/**
 * A configured gitBashPath that does not exist, while Git Bash is elsewhere: back to auto.
 * Returns whether a path is configured while a usable Git Bash is elsewhere (then a bad windows.git-bash
 * is fixed by the claude target, which writes the path it finds).
 */
async function fixGitBashConfig(f: Facts, run: RunFix): Promise<boolean> {
  const g = f.gitBash;
  const configured = g?.candidates.find((c) => c.source === 'configured');
  const usableElsewhere = g?.candidates.find((c) => c.exists && !c.rejected && c.source !== 'configured');
  if (!f.config || !configured || !(!configured.exists || configured.rejected) || !usableElsewhere)
    return Boolean(configured && usableElsewhere);
  await run(
    'windows.git-bash',
    said('doctor.fix.gitBashAuto', { file: f.paths.config, found: usableElsewhere.path }),
    () => setGitBashAuto(f.paths),
  );
  return true;
}

/** Only targets a sync would change: hand-edited entries (conflicts) need --force, which is the user's call. */
async function fixTargets(f: Facts, checks: Check[], gitBashMoved: boolean, run: RunFix): Promise<void> {
  const targets = new Set<TargetName>();
  for (const plan of f.session?.plans ?? []) if (changedFiles([plan]).length) targets.add(plan.target);
  if (bad(checks, 'windows.git-bash') && gitBashMoved && f.config?.tools.claude.enabled) targets.add('claude');
  if (!f.config || !targets.size) return;
  const only = [...targets];
  // i18n-ignore: a command, the same in every language
  await run(`target.${only.join('+')}`, command(`llmctl sync --only ${only.join(',')}`), async () => {
    const { planSync, applySync } = await import('../sync/engine.js');
    const session = await planSync(f.platform, f.paths, { only });
    const r = await applySync(session, 'doctor --fix');
    return r.backup?.id;
  });
}

/** The Git Bash path, when the claude target did not write it (target disabled or older build). */
async function fixGitBashPath(
  f: Facts,
  checks: Check[],
  hooks: FixHooks,
  run: RunFix,
  out: AppliedFix[],
): Promise<void> {
  const target = f.gitBash?.path;
  if (!target || !(bad(checks, 'windows.git-bash-path') || bad(checks, 'windows.git-bash'))) return;
  const now = await readTextIfExists(f.paths.claudeSettings);
  const current = now === null ? undefined : (await parseEnv(now)).CLAUDE_CODE_GIT_BASH_PATH;
  if (current !== target) {
    await run(
      'windows.git-bash-path',
      said('doctor.fix.gitBashPath', { path: target, file: f.paths.claudeSettings }),
      () => setSettingsEnv(f.paths, 'CLAUDE_CODE_GIT_BASH_PATH', target),
    );
  }
  const userEnv = f.platform.env.CLAUDE_CODE_GIT_BASH_PATH ?? f.savedUserEnvGitBash;
  if (
    userEnv !== target &&
    (userEnv === undefined || !f.platform.exists(userEnv) || isWslBash(userEnv, f.platform.env))
  )
    await offerSetx(f.platform, target, hooks, out);
}

async function offerSetx(p: Platform, value: string, hooks: FixHooks, out: AppliedFix[]): Promise<void> {
  const cmd = setxCommand('CLAUDE_CODE_GIT_BASH_PATH', value);
  // Only a real Windows machine, and only with the user's yes: setx changes every future process.
  const real = process.platform === 'win32' && p.os === 'win32';
  if (real && hooks.confirm && (await hooks.confirm(t('doctor.fix.setxAsk', { command: cmd })))) {
    hooks.announce(cmd);
    const r = await p.run('setx', ['CLAUDE_CODE_GIT_BASH_PATH', value]);
    out.push({
      id: 'windows.git-bash-path',
      action: cmd,
      shown: cmd,
      ok: r.code === 0,
      ...(r.code === 0 ? {} : { error: (r.stderr || r.error || '').trim() }),
    });
    return;
  }
  hooks.suggest(t('doctor.fix.setxSuggest', { command: cmd }));
}

async function parseEnv(text: string): Promise<Record<string, string>> {
  const { parse } = jsonc();
  const v = parse(text, [], { allowTrailingComma: true }) as unknown;
  return claudeEnv({ claudeSettings: v && typeof v === 'object' ? (v as Record<string, unknown>) : {} } as Facts);
}

/** Edits one env entry of settings.json in place (jsonc edit: the rest of the file is untouched). */
async function setSettingsEnv(paths: Paths, name: string, value: string): Promise<string | undefined> {
  return withLock(paths.lock, async () => {
    const before = await readTextIfExists(paths.claudeSettings);
    const { modify, applyEdits } = jsonc();
    const base = before ?? '{}\n';
    const after = applyEdits(
      base,
      modify(base, ['env', name], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }),
    );
    const backup =
      before === null ? undefined : await createBackup(paths.backups, [paths.claudeSettings], 'doctor --fix');
    await ensureDir(paths.claudeDir);
    await writeFileAtomic(paths.claudeSettings, after, before === null ? { mode: 0o600 } : {});
    return backup?.id;
  });
}

async function setGitBashAuto(paths: Paths): Promise<string | undefined> {
  const { parseDocument } = yaml();
  const { writeConfigLocked } = await import('../config/write.js');
  const text = await fs.readFile(paths.config, 'utf8');
  const r = await writeConfigLocked(
    paths,
    paths.config,
    (current) => {
      const doc = parseDocument(current ?? text);
      doc.setIn(['tools', 'claude', 'gitBashPath'], 'auto');
      return doc.toString({ lineWidth: 0 });
    },
    'doctor --fix',
  );
  return r.backup?.id;
}
