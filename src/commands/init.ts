import type { Context } from '../context.js';
import { validateConfigText } from '../config/load.js';
import { loadPresets, type Preset } from '../config/presets.js';
import type { ConfigInput } from '../config/schema.js';
import { ExitCode, LlmctlError } from '../errors.js';
import { readTextIfExists } from '../fs/atomic.js';
import { t } from '../i18n/index.js';
import { applyInit, initDiffs, planInit, type InitPlan } from '../init/apply.js';
import { newDraft, type Draft } from '../init/draft.js';
import { applyFlags, type InitFlags } from '../init/flags.js';
import { detectExisting, importInto } from '../init/importing.js';
import { listModels } from '../init/models.js';
import { introLines, reviewLines, type ReviewLine } from '../init/review.js';
import { runWizard } from '../init/wizard.js';
import { enableWebui } from '../init/webui.js';
import { installedTools } from '../init/installed.js';
import type { Paths } from '../platform/paths.js';
import { SecretStore } from '../secrets/store.js';
import { envVarOf, secretNameOf } from '../secrets/refs.js';
import { colorDiff } from '../ui/diff.js';
import { color, log } from '../ui/log.js';
import { askFn, isInteractive, terminalPrompter } from '../ui/prompt.js';
import { spinner } from '../ui/spinner.js';

export async function run(ctx: Context, opts: InitFlags): Promise<number> {
  const { paths, platform } = ctx;
  const presets = await loadPresets();
  const { draft, firstRun } = await loadDraft(paths, presets);
  const store = await SecretStore.open(paths.secrets);
  // Flags answer the questions: with --yes, with providers given as flags, or with no terminal to ask in.
  const interactive =
    !opts.yes && !opts.provider?.length && !opts.removeProvider?.length && !opts.model?.length && isInteractive();
  if (interactive) await askQuestions(ctx, opts, { draft, presets, store, firstRun });
  else await answerFromFlags(ctx, opts, { draft, presets, store });

  const plan = await planInit(platform, paths, draft, presets, {
    sync: opts.sync !== false,
    confirm: askFn(Boolean(opts.yes)),
  });
  if (!(await review(plan, draft, paths, interactive))) {
    log.info(t('init.nothingWritten'));
    return ExitCode.ok;
  }
  await write(plan, paths);
  // A proxy already running from an older config is restarted, as after `llmctl sync`.
  if (
    plan.session &&
    (await (await import('../proxy/follow.js')).followProxy(platform, paths, plan.session, { restart: true }))
  )
    return ExitCode.ok;
  return startProxy(ctx, opts, plan.loaded.config.proxy.port, interactive);
}

interface Setup {
  draft: Draft;
  presets: Map<string, Preset>;
  store: SecretStore;
}

/** The draft starts from llmctl.yaml when there is one; a file with errors is refused, not guessed at. */
async function loadDraft(paths: Paths, presets: Map<string, Preset>): Promise<{ draft: Draft; firstRun: boolean }> {
  const existingText = await readTextIfExists(paths.config);
  if (existingText === null) return { draft: newDraft(), firstRun: true };
  const v = await validateConfigText(existingText, paths.config, presets);
  if (v.errors.length || !v.config) {
    throw new LlmctlError(t('init.configInvalid', { file: paths.config, n: v.errors.length }), {
      problems: v.errors,
      hint: t('init.configInvalidHint'),
    });
  }
  return { draft: newDraft({ text: existingText, raw: (v.doc.toJS() ?? {}) as ConfigInput }), firstRun: false };
}

async function answerFromFlags(ctx: Context, opts: InitFlags, s: Setup): Promise<void> {
  const { paths } = ctx;
  const keyFromStdin = opts.keyStdin ? await readStdinKey() : undefined;
  if (opts.from) {
    const [found] = await detectExisting(paths, process.cwd(), opts.from, false);
    log.info(await importInto(paths.config, s.presets, (n) => s.store.get(n))(s.draft, found!));
  }
  applyFlags(s.draft, opts, s.presets, keyFromStdin);
  if (opts.webui) enableWebui(s.draft);
  if ((opts.apiBase?.length ?? 0) > 1) await showInstances(s, ctx.platform.env);
}

/** Several instances of one model server: what each really serves, before anything is written. */
async function showInstances(s: Setup, env: NodeJS.ProcessEnv): Promise<void> {
  const { instanceLines } = await import('../init/instances.js');
  const keyOf = (provider: string) => {
    const ref = s.draft.config.providers[provider]?.apiKey;
    const secret = secretNameOf(ref);
    if (secret) return s.draft.secrets[secret] ?? s.store.get(secret);
    const variable = envVarOf(ref);
    return variable ? env[variable] : undefined;
  };
  for (const line of await instanceLines(s.draft, s.presets, keyOf))
    if (line.kind === 'warn') log.warn(line.text);
    else log.info(line.text);
}

/** The first screen (what will happen, where files go), then the wizard in the real terminal. */
async function askQuestions(ctx: Context, opts: InitFlags, s: Setup & { firstRun: boolean }): Promise<void> {
  const { paths, platform } = ctx;
  for (const line of introLines(paths)) log.info(line.bold ? color.bold(line.text) : line.text);
  log.info('');
  const found = await detectExisting(paths, process.cwd(), opts.from, s.firstRun);
  await runWizard({
    prompt: terminalPrompter(),
    presets: s.presets,
    env: platform.env,
    draft: s.draft,
    storedSecrets: new Set(s.store.names()),
    found,
    importFound: importInto(paths.config, s.presets, (n) => s.store.get(n)),
    listModels: async (preset, apiBase, key) => {
      const sp = await spinner(t('init.listing', { name: preset.name }));
      const r = await listModels(preset, apiBase, key);
      if (r.ok) sp.succeed(t('init.listed', { n: r.models.length, url: r.url }));
      else sp.stop();
      return r;
    },
    say: (line) => log.info(line),
    defaults: { ...(opts.port !== undefined ? { port: opts.port } : {}) },
    installed: installedTools(platform),
  });
}

/**
 * The summary and the files with their line counts; in a terminal, the question (the diffs on
 * request, keys masked). False when the user said not to write.
 */
async function review(plan: InitPlan, draft: Draft, paths: Paths, interactive: boolean): Promise<boolean> {
  const diffs = interactive ? await initDiffs(plan) : undefined;
  printLines(reviewLines(plan, draft, paths.secrets, diffs));
  if (!interactive) return true;
  for (;;) {
    const answer = await terminalPrompter().select<'yes' | 'diff' | 'no'>({
      message: t('init.askWrite'),
      choices: [
        { name: t('init.writeYes'), value: 'yes' },
        { name: t('init.writeDiff'), value: 'diff' },
        { name: t('init.writeNo'), value: 'no' },
      ],
      default: 'yes',
    });
    if (answer !== 'diff') return answer === 'yes';
    log.out(colorDiff([...diffs!.values()].join('')));
  }
}

function printLines(lines: ReviewLine[]): void {
  for (const l of lines) {
    if (l.kind === 'warn') log.warn(l.text);
    else if (l.kind === 'title') log.info(color.bold(l.text));
    else if (l.kind === 'file') {
      const status = l.create ? color.ok(l.status) : color.warn(l.status);
      log.info(`  ${status}  ${l.label}  ${l.counts ? `${l.counts}  ` : ''}${color.path(l.path)}`);
    } else log.info(l.text);
  }
}

async function write(plan: InitPlan, paths: Paths): Promise<void> {
  const result = await applyInit(plan, paths);
  if (result.configWritten)
    log.success(t('init.configWritten', { created: plan.before === null, path: color.path(plan.file) }));
  if (plan.keys.length) log.success(t('init.keysStored', { n: plan.keys.length, path: color.path(paths.secrets) }));
  for (const f of result.synced) log.success(t('init.syncedFile', { label: f.label, path: color.path(f.path) }));
  if (result.backup) log.info(color.dim(t('init.backup', { id: result.backup })));
}

type Start = 'detach' | 'here' | 'no';

/** Offers to start the proxy (or says how); --serve starts it in the background without asking. */
async function startProxy(ctx: Context, opts: InitFlags, port: number, interactive: boolean): Promise<number> {
  // --serve detaches: a script that runs init goes on to its next step with the proxy up.
  let start: Start = opts.serve ? 'detach' : 'no';
  if (!opts.serve && interactive) {
    const { resolveLitellm } = await import('../proxy/resolve.js');
    if (!(await resolveLitellm(ctx.platform, ctx.paths, { version: false })).path) {
      // i18n-ignore: commands, never translated
      const [install, serve] = [color.bold('llmctl proxy install'), color.bold('llmctl serve')];
      log.info(t('init.nextInstall', { install, serve, port }));
      return ExitCode.ok;
    }
    try {
      start = await askStart(port);
    } catch (e) {
      // Ctrl-C here comes after the writes: say so, instead of the entry point's "nothing was written".
      if ((e as Error).name !== 'ExitPromptError') throw e;
      log.info(t('init.interruptedAfterWrite'));
      return ExitCode.interrupted;
    }
  }
  if (start !== 'no') {
    const serve = await import('./serve.js');
    return serve.run(ctx, { port, ...(start === 'detach' ? { detach: true } : {}) });
  }
  log.info(t('init.nextServe', { serve: color.bold('llmctl serve'), port })); // i18n-ignore: a command
  return ExitCode.ok;
}

function askStart(port: number): Promise<Start> {
  return terminalPrompter().select<Start>({
    message: t('init.askStart', { port }),
    choices: [
      { name: t('init.startNo'), value: 'no' },
      { name: t('init.startDetach'), value: 'detach' },
      { name: t('init.startHere'), value: 'here' },
    ],
    default: 'no',
  });
}

/** The key piped in (`--key-stdin`): never on the command line, where other users could read it. */
async function readStdinKey(): Promise<string> {
  if (process.stdin.isTTY)
    throw new LlmctlError(t('init.keyStdinTty'), { exitCode: 2, hint: t('init.keyStdinTtyHint') });
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const key = Buffer.concat(chunks).toString('utf8').trim();
  if (!key) throw new LlmctlError(t('init.keyStdinEmpty'), { exitCode: 2, hint: t('init.keyStdinEmptyHint') });
  return key;
}
