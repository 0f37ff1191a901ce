import type { Context } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { openwebuiFiles } from '../targets/openwebui.js';
import { log } from '../ui/log.js';
import { confirmFn, isInteractive } from '../ui/prompt.js';
import { spinner } from '../ui/spinner.js';
import { WEBUI_SIZE_GB, checkWebuiVersion, installWebui } from '../webui/install.js';

interface Options {
  version?: string;
  python?: string;
  pip?: boolean;
  yes?: boolean;
}

/** `llmctl webui install`: says what it will take, asks (or --yes), installs with a spinner. */
export async function run(ctx: Context, options: Options = {}): Promise<number> {
  // `--version V` is read by the program-level option (see cli.ts) and arrives with the globals.
  const globalVersion = (ctx.globals as { version?: unknown }).version;
  const version = checkWebuiVersion(options.version ?? (typeof globalVersion === 'string' ? globalVersion : undefined));
  const venv = openwebuiFiles(ctx.platform, ctx.paths).venv;
  log.info(t('webui.install.size', { version, venv, gb: WEBUI_SIZE_GB }));
  if (!options.yes) {
    if (!isInteractive()) throw new UsageError(t('webui.install.needsYes'), t('webui.install.needsYesHint'));
    if (!(await confirmFn(false)(t('webui.install.confirm')))) return ExitCode.failure;
  }
  const s = await spinner(t('webui.install.preparing'));
  try {
    const r = await installWebui(
      ctx.platform,
      ctx.paths,
      { version, ...(options.python ? { python: options.python } : {}), pip: Boolean(options.pip) },
      { step: (label) => s.text(label) },
    );
    s.succeed(
      r.changed
        ? t('webui.install.installed', {
            version: r.version,
            venv: r.venv,
            tool: r.tool,
            seconds: r.seconds.toFixed(0),
          })
        : t('webui.install.already', { version: r.version, venv: r.venv }),
    );
    log.info(t('webui.install.next'));
    return ExitCode.ok;
  } catch (e) {
    s.fail(t('webui.install.failed'));
    throw e;
  }
}
