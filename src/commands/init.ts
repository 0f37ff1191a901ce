import type { Context } from '../context.js';
import { validateConfigText } from '../config/load.js';
import { loadPresets } from '../config/presets.js';
import type { ConfigInput } from '../config/schema.js';
import { ExitCode, LlmctlError, formatProblem } from '../errors.js';
import { readTextIfExists } from '../fs/atomic.js';
import { applyInit, filesToWrite, planInit, renderInitDiff, type InitPlan } from '../init/apply.js';
import { newDraft, type Draft } from '../init/draft.js';
import { applyFlags, type InitFlags } from '../init/flags.js';
import { detectExisting, importInto } from '../init/importing.js';
import { listModels } from '../init/models.js';
import { runWizard } from '../init/wizard.js';
import { SecretStore } from '../secrets/store.js';
import { colorDiff } from '../ui/diff.js';
import { color, log } from '../ui/log.js';
import { askFn, isInteractive, terminalPrompter } from '../ui/prompt.js';
import { spinner } from '../ui/spinner.js';

export async function run(ctx: Context, opts: InitFlags): Promise<number> {
  const { paths, platform } = ctx;
  const presets = await loadPresets();
  const existingText = await readTextIfExists(paths.config);
  let draft: Draft;
  if (existingText !== null) {
    const v = await validateConfigText(existingText, paths.config, presets);
    if (v.errors.length || !v.config) {
      throw new LlmctlError(
        `${paths.config} has ${v.errors.length} problem${v.errors.length === 1 ? '' : 's'}; init edits it and will not guess`,
        {
          problems: v.errors,
          hint: 'fix them (or move the file away to start afresh) and run `llmctl init` again; nothing was changed',
        },
      );
    }
    draft = newDraft({ text: existingText, raw: (v.doc.toJS() ?? {}) as ConfigInput });
  } else draft = newDraft();
  const store = await SecretStore.open(paths.secrets);
  const storedSecret = (n: string) => store.get(n);
  const importFound = importInto(paths.config, presets, storedSecret);

  // Flags answer the questions: with --yes, with providers given as flags, or with no terminal to ask in.
  const interactive =
    !opts.yes && !opts.provider?.length && !opts.removeProvider?.length && !opts.model?.length && isInteractive();
  if (!interactive) {
    const keyFromStdin = opts.keyStdin ? await readStdinKey() : undefined;
    if (opts.from) {
      const [found] = await detectExisting(paths, process.cwd(), opts.from, false);
      log.info(await importFound(draft, found!));
    }
    applyFlags(draft, opts, presets, keyFromStdin);
  } else {
    const found = await detectExisting(paths, process.cwd(), opts.from, existingText === null);
    await runWizard({
      prompt: terminalPrompter(),
      presets,
      env: platform.env,
      draft,
      storedSecrets: new Set(store.names()),
      found,
      importFound,
      listModels: async (preset, apiBase, key) => {
        const s = await spinner(`Asking ${preset.name} for its models…`);
        const r = await listModels(preset, apiBase, key);
        if (r.ok) s.succeed(`${r.models.length} models listed by ${r.url}`);
        else s.stop();
        return r;
      },
      say: (line) => log.info(line),
      defaults: { ...(opts.port !== undefined ? { port: opts.port } : {}) },
    });
  }

  const plan = await planInit(platform, paths, draft, presets, {
    sync: opts.sync !== false,
    confirm: askFn(Boolean(opts.yes)),
  });
  if (interactive) {
    // The diff first, the summary last: what is on screen when asked is the short version.
    const diff = await renderInitDiff(plan);
    if (diff) log.out(colorDiff(diff));
  }
  summary(plan, draft, paths.secrets);
  if (interactive) {
    const ok = await terminalPrompter().confirm({ message: 'Write these files?', default: true });
    if (!ok) {
      log.info('Nothing was written.');
      return ExitCode.ok;
    }
  }
  const result = await applyInit(plan, paths);
  if (result.configWritten)
    log.success(`${plan.before === null ? 'created' : 'updated'} llmctl.yaml: ${color.path(plan.file)}`);
  if (plan.keys.length)
    log.success(
      `stored ${plan.keys.length} key${plan.keys.length === 1 ? '' : 's'} in ${color.path(paths.secrets)} (mode 0600)`,
    );
  for (const f of result.synced) log.success(`${f.label}: ${color.path(f.path)}`);
  if (result.backup) log.info(color.dim(`Backup ${result.backup} — undo with \`llmctl restore\`.`));
  // A proxy already running from an older config is restarted, as after `llmctl sync`.
  if (
    plan.session &&
    (await (await import('../proxy/follow.js')).followProxy(platform, paths, plan.session, { restart: true }))
  )
    return ExitCode.ok;

  const port = plan.loaded.config.proxy.port;
  type Start = 'detach' | 'here' | 'no';
  // --serve detaches: a script that runs init goes on to its next step with the proxy up.
  let start: Start = opts.serve ? 'detach' : 'no';
  if (!opts.serve && interactive) {
    const { resolveLitellm } = await import('../proxy/resolve.js');
    if (!(await resolveLitellm(platform, paths, { version: false })).path) {
      log.info(
        `Next: ${color.bold('llmctl proxy install')} (LiteLLM is not installed yet), then ${color.bold('llmctl serve')} starts the proxy on port ${port}.`,
      );
      return ExitCode.ok;
    }
    try {
      start = await terminalPrompter().select<Start>({
        message: `Start the proxy now on port ${port}?`,
        choices: [
          { name: 'not now (start it later with `llmctl serve`)', value: 'no' },
          { name: 'in the background (`llmctl stop` stops it)', value: 'detach' },
          { name: 'here, in this terminal (Ctrl-C stops it)', value: 'here' },
        ],
        default: 'no',
      });
    } catch (e) {
      // Ctrl-C here comes after the writes: say so, instead of the entry point's "nothing was written".
      if ((e as Error).name !== 'ExitPromptError') throw e;
      log.info('\nInterrupted: the files above were written; start the proxy with `llmctl serve`.');
      return ExitCode.interrupted;
    }
  }
  if (start !== 'no') {
    const serve = await import('./serve.js');
    return serve.run(ctx, { port, ...(start === 'detach' ? { detach: true } : {}) });
  }
  log.info(`Next: ${color.bold('llmctl serve')} starts the proxy on port ${port}; your tools are pointed at it.`);
  return ExitCode.ok;
}

function summary(plan: InitPlan, draft: Draft, secretsFile: string): void {
  const c = plan.loaded.config;
  log.info('');
  log.info(color.bold('Summary'));
  for (const [name, p] of Object.entries(c.providers))
    log.info(
      `  provider ${name}: ${p.preset}${p.apiBase ? ` at ${p.apiBase}` : ''}${p.apiKey ? `, key ${p.apiKey}` : ''}`,
    );
  for (const m of c.models)
    log.info(
      `  model ${m.name}${m.provider ? ` (${m.provider}${m.model ? ` ${m.model}` : ''})` : ''}${m.roles ? ` [${m.roles.join(', ')}]` : ''}`,
    );
  const { claude, continue: cont } = c.tools;
  log.info(
    `  Claude Code: ${claude.enabled ? `model ${claude.model ?? '(default)'}, background ${claude.haikuModel ?? claude.model ?? '(default)'}` : 'not configured'}`,
  );
  log.info(
    `  Continue: ${cont.enabled ? `via ${cont.via}${cont.models?.length ? `, chat model ${cont.models[0]}` : ''}` : 'not configured'}`,
  );
  log.info(`  proxy port: ${c.proxy.port}`);
  for (const k of plan.keys) log.info(`  key ${k.name}: ${k.masked}${k.replaced ? ' (replaces the stored one)' : ''}`);
  for (const n of draft.notes) log.warn(n);
  for (const w of [
    ...plan.loaded.warnings,
    ...(plan.session ? plan.session.plans.flatMap((p) => [...p.warnings, ...p.conflicts]) : []),
  ])
    log.warn(formatProblem(w));
  const files = filesToWrite(plan, secretsFile);
  log.info(files.length ? 'Files:' : 'Nothing to change: everything is already as answered.');
  for (const f of files)
    log.info(
      `  ${f.status === 'create' ? color.ok('create') : color.warn('update')} ${f.label}: ${color.path(f.path)}`,
    );
}

/** The key piped in (`--key-stdin`): never on the command line, where other users could read it. */
async function readStdinKey(): Promise<string> {
  if (process.stdin.isTTY)
    throw new LlmctlError('--key-stdin reads the key from a pipe, and standard input is a terminal', {
      exitCode: 2,
      hint: 'pipe it in: `printf %s "$KEY" | llmctl init --yes --key-stdin …`, or use --key-env VAR',
    });
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const key = Buffer.concat(chunks).toString('utf8').trim();
  if (!key)
    throw new LlmctlError('--key-stdin: standard input was empty', {
      exitCode: 2,
      hint: 'pipe the key in, e.g. `printf %s "$KEY" | llmctl init --yes --key-stdin …`',
    });
  return key;
}
