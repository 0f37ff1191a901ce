import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { ExitCode } from '../errors.js';
import { checkRequestedVersion, installLitellm } from '../proxy/install.js';
import { log } from '../ui/log.js';
import { spinner } from '../ui/spinner.js';

export async function run(ctx: Context, options: { version?: string; python?: string } = {}): Promise<number> {
  // `--version V` is read by the program-level option (see cli.ts) and arrives with the globals.
  const globalVersion = (ctx.globals as { version?: unknown }).version;
  const version = options.version ?? (typeof globalVersion === 'string' ? globalVersion : undefined);
  checkRequestedVersion(version);
  const s = await spinner(t('commands.proxyInstall.preparing'));
  try {
    const r = await installLitellm(
      ctx.platform,
      ctx.paths,
      { ...options, ...(version ? { version } : {}) },
      { step: (label) => s.text(label) },
    );
    if (r.changed)
      s.succeed(
        t('commands.proxyInstall.installed', {
          version: r.version,
          venv: r.venv,
          tool: r.tool,
          seconds: r.seconds.toFixed(0),
        }),
      );
    else s.succeed(t('commands.proxyInstall.already', { version: r.version, venv: r.venv }));
    log.info(t('commands.proxyInstall.next'));
    return ExitCode.ok;
  } catch (e) {
    s.fail(t('commands.proxyInstall.failed'));
    throw e;
  }
}
