import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { checkRequestedVersion, installLitellm } from '../proxy/install.js';
import { log } from '../ui/log.js';
import { spinner } from '../ui/spinner.js';

export async function run(ctx: Context, options: { version?: string; python?: string } = {}): Promise<number> {
  // `--version V` is read by the program-level option (see cli.ts) and arrives with the globals.
  const globalVersion = (ctx.globals as { version?: unknown }).version;
  const version = options.version ?? (typeof globalVersion === 'string' ? globalVersion : undefined);
  checkRequestedVersion(version);
  const s = await spinner('Preparing the LiteLLM install');
  try {
    const r = await installLitellm(
      ctx.platform,
      ctx.paths,
      { ...options, ...(version ? { version } : {}) },
      { step: (label) => s.text(label) },
    );
    if (r.changed) s.succeed(`LiteLLM ${r.version} installed in ${r.venv} (${r.tool}, ${r.seconds.toFixed(0)} s)`);
    else s.succeed(`LiteLLM ${r.version} is already installed in ${r.venv}`);
    log.info('Next: `llmctl serve` starts the proxy.');
    return ExitCode.ok;
  } catch (e) {
    s.fail('LiteLLM install failed');
    throw e;
  }
}
