import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { installLitellm } from '../proxy/install.js';
import { log } from '../ui/log.js';
import { spinner } from '../ui/spinner.js';

export async function run(ctx: Context, options: { version?: string; python?: string } = {}): Promise<number> {
  const s = await spinner('Preparing the LiteLLM install');
  try {
    const r = await installLitellm(ctx.platform, ctx.paths, options, { step: (label) => s.text(label) });
    if (r.changed) s.succeed(`LiteLLM ${r.version} installed in ${r.venv} (${r.tool}, ${r.seconds.toFixed(0)} s)`);
    else s.succeed(`LiteLLM ${r.version} is already installed in ${r.venv}`);
    log.info('Next: `llmctl serve` starts the proxy.');
    return ExitCode.ok;
  } catch (e) {
    s.fail('LiteLLM install failed');
    throw e;
  }
}
