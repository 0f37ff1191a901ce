import { existsSync } from 'node:fs';
import type * as Commander from 'commander';
import { presetLabel, presetsNow } from './config/presets.js';
import { commander } from './deps.js';
import { currentPlatform } from './platform/index.js';
import { resolvePaths } from './platform/paths.js';
import { t } from './i18n/index.js';
import { parseLangOption } from './i18n/locale.js';

const { Command, CommanderError, InvalidArgumentError, Option } = commander();
type Command = Commander.Command;
import type { Context, GlobalOptions } from './context.js';

/** Each command's code is imported inside its action, so `llmctl --version` loads almost nothing. */
type Loader = () => Promise<{ run: (ctx: Context, ...args: never[]) => Promise<number | void> }>;

export interface Outcome {
  code: number;
}

export function buildProgram(version: string, outcome: Outcome): Command {
  const program = rootProgram(version);
  const action = actionFor(outcome);
  addSetupCommands(program, action);
  addFileCommands(program, action);
  addProxyCommands(program, action);
  addDoctorCommand(program, action);
  return program;
}

type Action = ReturnType<typeof actionFor>;

/** The program itself: its global options, the version answer and the help around the commands. */
function rootProgram(version: string): Command {
  return (
    new Command('llmctl')
      .description(
        'One source of truth for LLM providers, models and keys: generates the LiteLLM config, patches Continue and Claude Code, runs the proxy.',
      )
      // Not .version(): commander matches program options anywhere on the line, so it would swallow
      // `proxy install --version 1.108.7`. With an optional value, that value reaches the subcommand
      // through optsWithGlobals(); a bare --version prints llmctl's own version.
      // Hidden: its optional value is plumbing; the help lists it as plain `-V, --version` below.
      .addOption(new Option('-V, --version [v]').hideHelp())
      .on('option:version', (v: unknown) => {
        if (v !== true && v !== undefined) return;
        process.stdout.write(`${version}\n`);
        throw new CommanderError(0, 'commander.version', version);
      })
      .option('--config <file>', 'use this llmctl.yaml instead of the one in the llmctl home')
      .option('--no-color', 'no colours (also: NO_COLOR=1)')
      .addOption(
        new Option('--lang <lang>', 'language of messages: en or zh-CN (also: LLMCTL_LANG, LANG)').argParser(langArg),
      )
      .option('-q, --quiet', 'only errors and data')
      .option('-v, --verbose', 'more detail')
      .showHelpAfterError('(run with --help for usage)')
      .configureHelp({ sortSubcommands: false, visibleOptions: withVersionLine })
      .addHelpText('after', startHint)
      .exitOverride()
  );
}

function langArg(value: string): string {
  if (!parseLangOption(value))
    throw new InvalidArgumentError(`${t('common.badLang', { value })}: ${t('common.badLangHint')}`);
  return value;
}

/** The action every command shares: set up the UI, load the command's module, run it. */
function actionFor(outcome: Outcome) {
  return (load: Loader) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const { createContext } = await import('./context.js');
      const { configureUi, loadColors, colorEnabledByDefault } = await import('./ui/log.js');
      configureUi({
        quiet: Boolean(globals.quiet),
        verbose: Boolean(globals.verbose),
        json: Boolean(globals.json),
        color: globals.color !== false && colorEnabledByDefault(process.env, process.stderr),
      });
      await loadColors();
      const mod = await load();
      // commander passes (positional…, options, command); commands take (ctx, positional…, options).
      const code = await mod.run(createContext(globals), ...(args.slice(0, -1) as never[]));
      outcome.code = typeof code === 'number' ? code : 0;
    };
}

/** init, import, keys: what goes into llmctl.yaml and the secrets store. */
function addSetupCommands(program: Command, action: Action): void {
  program
    .command('init')
    .description('wizard (or flags only) that writes llmctl.yaml and keys, then syncs')
    .option('-y, --yes', 'no questions: use flags and defaults')
    .option('--from <file>', 'start from an existing LiteLLM config')
    .option('--provider <preset>', 'provider preset to add, e.g. siliconflow, vllm, custom (repeatable)', collect)
    .option('--remove-provider <name>', 'provider to remove from llmctl.yaml, with its models (repeatable)', collect)
    .option('--api-base <url>', 'base URL for a custom or self-hosted provider')
    .option('--key-env <var>', 'take the provider key from this environment variable')
    .option('--key-stdin', 'read the provider key from standard input')
    .option(
      '--model <spec>',
      'model to add: ID, or NAME=ID for a shorter public name; PROVIDER:ID with several --provider (repeatable)',
      collect,
    )
    .option('--claude-model <name>', 'model Claude Code uses')
    .option('--claude-haiku-model <name>', 'model for Claude Code background calls')
    .option('--continue-model <name>', 'Continue chat model')
    .option('--autocomplete-model <name>', 'Continue autocomplete (FIM) model')
    .option('--tools <list>', 'tools to configure: continue,claude (or none)')
    .option('--port <port>', 'port the proxy listens on (default 4000)', parsePort)
    .option('--no-sync', 'write llmctl.yaml and keys only')
    .option('--serve', 'start the proxy in the background at the end (`llmctl stop` stops it)')
    .addHelpText('after', presetList)
    .addHelpText(
      'after',
      examplesText([
        'llmctl init',
        'llmctl init --yes --provider siliconflow --key-env SILICONFLOW_API_KEY --model Qwen/Qwen2.5-Coder-7B-Instruct',
        'llmctl init --yes --provider custom --api-base http://172.16.1.166:8000/v1 --model google/gemma-3-4b-it',
      ]),
    )
    .action(action(() => import('./commands/init.js')));

  program
    .command('import')
    .description('adopt an existing tool config into llmctl.yaml (keys move to the secrets store)')
    .argument('<tool>', 'litellm | continue | claude')
    .argument('[file]', 'the file to import (default: the tool’s usual place)')
    .option('--dry-run', 'show what would be added; write nothing')
    .addHelpText(
      'after',
      examplesText(['llmctl import litellm ./config.yaml', 'llmctl import continue --dry-run', 'llmctl import claude']),
    )
    .action(action(() => import('./commands/import.js')));
  addKeysCommands(program, action);
}

/** keys set, list, rm: the secrets store (never printed in full, never taken from arguments). */
function addKeysCommands(program: Command, action: Action): void {
  const keys = program
    .command('keys')
    .description('manage API keys (never printed in full, never taken from arguments)');
  keys
    .command('set')
    .description('store a key: typed hidden, or --stdin, or --from-env VAR')
    .argument('<name>', 'key name, used as secret:NAME in llmctl.yaml')
    .option('--from-env <var>', 'copy the value of this environment variable')
    .option('--stdin', 'read the value from standard input')
    .addHelpText(
      'after',
      examplesText([
        'llmctl keys set siliconflow',
        'llmctl keys set zhipu --from-env ZHIPUAI_API_KEY',
        'printf \'%s\' "$KEY" | llmctl keys set vllm --stdin',
      ]),
    )
    .action(action(() => import('./commands/keys-set.js')));
  keys
    .command('list')
    .description('key names, where each is used, and a masked tail')
    .option('--json', 'print data as JSON')
    .addHelpText('after', examplesText(['llmctl keys list', 'llmctl keys list --json']))
    .action(action(() => import('./commands/keys-list.js')));
  keys
    .command('rm')
    .description('delete a stored key (asks first when llmctl.yaml uses it)')
    .argument('<name>')
    .option('--force', 'delete it even when llmctl.yaml uses it, without asking')
    .addHelpText('after', examplesText(['llmctl keys rm old-provider', 'llmctl keys rm zhipu --force']))
    .action(action(() => import('./commands/keys-rm.js')));
}

/** sync, status, unlink, restore: the tool files llmctl writes. */
function addFileCommands(program: Command, action: Action): void {
  program
    .command('sync')
    .description('render and patch every enabled target')
    .option('--dry-run', 'print a unified diff per file; write nothing')
    .option('--check', 'exit 3 when any target differs from what llmctl would write')
    .option('--only <targets>', 'comma-separated: litellm,continue,claude')
    .option('--force', 'also overwrite managed entries edited by hand')
    .option('--yes', 'answer yes to questions (e.g. ~/.claude.json onboarding)')
    .option('--no-restart', 'keep a running proxy on its older config (default: restart it so it serves the new one)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examplesText(['llmctl sync', 'llmctl sync --dry-run', 'llmctl sync --check --only litellm,claude']),
    )
    .action(action(() => import('./commands/sync.js')));

  program
    .command('status')
    .description('per target: in sync / drifted / missing; proxy up or down')
    .option('--json', 'print data as JSON')
    .addHelpText('after', examplesText(['llmctl status', 'llmctl status --json']))
    .action(action(() => import('./commands/status.js')));

  program
    .command('unlink')
    .description("take llmctl out of a tool's config: remove what it wrote there and turn the tool off in llmctl.yaml")
    .argument('<tool>', 'continue or claude')
    .option('--dry-run', 'print the diffs, write nothing')
    .option('--force', 'also remove entries edited by hand since llmctl wrote them')
    .addHelpText('after', examplesText(['llmctl unlink claude --dry-run', 'llmctl unlink continue']))
    .action(action(() => import('./commands/unlink.js')));

  program
    .command('restore')
    .description('undo a sync from its backup')
    .argument('[id]', 'backup id (default: the last one)')
    .option('--list', 'list backups')
    .option('--json', 'print data as JSON')
    .addHelpText(
      'after',
      examplesText(['llmctl restore --list', 'llmctl restore', 'llmctl restore 20261202-061500123-ab12']),
    )
    .action(action(() => import('./commands/restore.js')));
}

/** serve, stop, proxy install: the LiteLLM proxy. */
function addProxyCommands(program: Command, action: Action): void {
  program
    .command('serve')
    .description('run the real LiteLLM proxy from the generated config')
    .addOption(
      new Option(
        '--port <port>',
        'port to listen on (default 4000); recorded in llmctl.yaml (proxy.port), and the tools follow',
      ).argParser(parsePort),
    )
    .option(
      '--host <host>',
      'address to bind (0.0.0.0: every interface, reachable from other machines); recorded in llmctl.yaml (proxy.host)',
    )
    .option('--detach', 'run in the background (pid and log files in the llmctl home)')
    .option(
      '--restart',
      'restart the running proxy (detached or foreground) with the current config; reports how long it was unavailable',
    )
    .addHelpText('after', examplesText(['llmctl serve', 'llmctl serve --port 5000 --detach', 'llmctl serve --restart']))
    .action(action(() => import('./commands/serve.js')));

  program
    .command('stop')
    .description('stop the proxy llmctl serve started (detached, or in another terminal)')
    .addHelpText('after', examplesText(['llmctl stop']))
    .action(action(() => import('./commands/stop.js')));

  const proxy = program.command('proxy').description('manage the LiteLLM installation');
  proxy
    .command('install')
    .description('install LiteLLM into a virtual environment llmctl manages')
    .option('--version <v>', 'LiteLLM version')
    .option('--python <path>', 'Python interpreter to use')
    .addHelpText(
      'after',
      examplesText([
        'llmctl proxy install',
        'PIP_INDEX_URL=https://pypi.tuna.tsinghua.edu.cn/simple llmctl proxy install',
        'llmctl proxy install --version 1.108.7 --python python3.12',
      ]),
    )
    .action(action(() => import('./commands/proxy-install.js')));
}

/** doctor: diagnose and repair. */
function addDoctorCommand(program: Command, action: Action): void {
  program
    .command('doctor')
    .description('diagnose the setup (Windows first-class) and say how to fix it')
    .option('--json', 'print data as JSON')
    .option('--fix', 'apply the safe fixes (each backed up)')
    .option('--online', 'also check providers and the running proxy over the network')
    .addHelpText('after', examplesText(['llmctl doctor', 'llmctl doctor --fix', 'llmctl doctor --online --json']))
    .action(action(() => import('./commands/doctor.js')));
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function examplesText(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;
}

/** `init --help` lists the presets (read only when the help is shown). */
function presetList(): string {
  const rows = [...presetsNow().values()].map((p) => `  ${p.id.padEnd(12)} ${presetLabel(p)}`);
  return `\nPresets (--provider):\n${rows.join('\n')}`;
}

/** Bare `llmctl` or `llmctl --help`: where to begin, depending on whether a setup exists. */
function startHint(): string {
  const has = existsSync(resolvePaths(currentPlatform()).config);
  return has
    ? '\nYour setup: `llmctl status` shows it, `llmctl doctor` checks it, `llmctl sync` applies llmctl.yaml.'
    : '\nStart with `llmctl init`: a wizard that sets up providers, keys and your tools (or `llmctl import litellm FILE`).';
}

/** The help's option list with the hidden `-V, --version [v]` shown as plain `-V, --version`. */
function withVersionLine(this: Commander.Help, cmd: Command): Commander.Option[] {
  const opts = commander().Help.prototype.visibleOptions.call(this, cmd);
  return cmd.parent ? opts : [new Option('-V, --version', 'print the version'), ...opts];
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new InvalidArgumentError(`port must be a number from 1 to 65535, not "${value}"`);
  }
  return n;
}
