import { llmctlVersion } from './version.js';

/** The entry point, and the only place that exits the process. */
export async function main(argv: string[]): Promise<void> {
  // `llmctl --help | head`: the reader went away; that is not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  const version = llmctlVersion();
  // `llmctl --version` alone answers before anything else loads (no program, no messages).
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  const { detectLocale } = await import('./i18n/locale.js');
  const { setLocale } = await import('./i18n/index.js');
  setLocale(detectLocale(argv, process.env));
  const { buildProgram } = await import('./cli.js');
  const outcome = { code: 0 };
  let code: number;
  try {
    await buildProgram(version, outcome).parseAsync(argv, { from: 'user' });
    code = outcome.code;
  } catch (e) {
    code = await report(e);
  }
  process.exitCode = code;
}

async function report(e: unknown): Promise<number> {
  const err = e as { code?: string; exitCode?: number; name?: string };
  // commander has printed its own message (usage errors, --help, --version).
  if (typeof err.code === 'string' && err.code.startsWith('commander.')) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
      return 0;
    return 2;
  }
  // Ctrl-C inside a prompt.
  if (err.name === 'ExitPromptError' || err.name === 'AbortPromptError') {
    const { t } = await import('./i18n/index.js');
    process.stderr.write(`\n${t('common.interrupted')}\n`);
    return 130;
  }
  const { t } = await import('./i18n/index.js');
  const { LlmctlError, formatProblem } = await import('./errors.js');
  const { log, color, uiOptions } = await import('./ui/log.js');
  // A file operation the machine refused (permissions, a full disk…) that no caller explained yet is
  // still the user's situation, not a bug: say which file and what the OS said.
  const { isOsError, osError } = await import('./fs/os-error.js');
  if (isOsError(e)) e = osError(e, e.path ?? t('common.someFile'), 'use');
  if (e instanceof LlmctlError) {
    log.error(e.message);
    for (const p of e.problems) process.stderr.write(`  ${color.dim('•')} ${formatProblem(p)}\n`);
    // "fix: …", "修复：…" (a full-width colon carries its own space).
    const label = t('common.fixLabel');
    if (e.hint) process.stderr.write(`  ${color.bold(label)}${label.endsWith('：') ? '' : ' '}${e.hint}\n`);
    return e.exitCode;
  }
  log.error(t('common.internalError', { message: e instanceof Error ? e.message : String(e) }));
  if (uiOptions().verbose && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  else process.stderr.write(`  ${t('common.reportBug')}\n`);
  return 1;
}
