import { existsSync } from 'node:fs';
import type * as Commander from 'commander';
import { presetLabel, presetsNow } from './config/presets.js';
import { commander } from './deps.js';
import { currentPlatform } from './platform/index.js';
import { resolvePaths } from './platform/paths.js';
import { t } from './i18n/index.js';
import { parseLangOption } from './i18n/locale.js';
import { EXAMPLES } from './help-examples.js';
import { localizedHelp, outputError } from './help-format.js';

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
  addExportCommands(program, action);
  return program;
}

type Action = ReturnType<typeof actionFor>;

/** The program itself: its global options, the version answer and the help around the commands. */
function rootProgram(version: string): Command {
  return (
    new Command('llmctl')
      .description(t('cli.description'))
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
      .option('--config <file>', t('cli.opt.config'))
      .option('--no-color', t('cli.opt.noColor'))
      .addOption(new Option('--lang <lang>', t('cli.opt.lang')).argParser(langArg))
      .option('-q, --quiet', t('cli.opt.quiet'))
      .option('-v, --verbose', t('cli.opt.verbose'))
      .helpOption('-h, --help', t('cli.opt.help'))
      .helpCommand('help [command]', t('cli.helpCommand'))
      .showHelpAfterError(t('cli.err.runWithHelp'))
      .configureHelp({ sortSubcommands: false, visibleOptions: withVersionLine, ...localizedHelp() })
      .configureOutput({ outputError })
      .addHelpText('after', startHint)
      .exitOverride()
  );
}

function langArg(value: string): string {
  if (!parseLangOption(value)) throw new InvalidArgumentError(t('cli.badLang', { value }));
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
    .description(t('cli.init.desc'))
    .option('-y, --yes', t('cli.init.yes'))
    .option('--from <file>', t('cli.init.from'))
    .option('--provider <preset>', t('cli.init.provider'), collect)
    .option('--remove-provider <name>', t('cli.init.removeProvider'), collect)
    .option('--api-base <url>', t('cli.init.apiBase'), collect)
    .option('--key-env <var>', t('cli.init.keyEnv'))
    .option('--key-stdin', t('cli.init.keyStdin'))
    .option('--model <spec>', t('cli.init.model'), collect)
    .option('--claude-model <name>', t('cli.init.claudeModel'))
    .option('--claude-haiku-model <name>', t('cli.init.claudeHaikuModel'))
    .option('--continue-model <name>', t('cli.init.continueModel'))
    .option('--autocomplete-model <name>', t('cli.init.autocompleteModel'))
    .option('--tools <list>', t('cli.init.tools'))
    .option('--port <port>', t('cli.init.port'), parsePort)
    .option('--no-sync', t('cli.init.noSync'))
    .option('--serve', t('cli.init.serve'))
    .option('--webui', t('webui.cli.initWebui'))
    .addHelpText('after', presetList)
    .addHelpText('after', examplesText(EXAMPLES.init))
    .action(action(() => import('./commands/init.js')));

  program
    .command('import')
    .description(t('cli.import.desc'))
    .argument('<tool>', t('cli.import.tool'))
    .argument('[file]', t('cli.import.file'))
    .option('--dry-run', t('cli.import.dryRun'))
    .option('--gateway', t('gateway.cli.gateway'))
    .option('--no-gateway', t('gateway.cli.noGateway'))
    .addHelpText('after', examplesText(EXAMPLES.import))
    .action(action(() => import('./commands/import.js')));
  addKeysCommands(program, action);
}

/** keys set, list, rm: the secrets store (never printed in full, never taken from arguments). */
function addKeysCommands(program: Command, action: Action): void {
  const keys = program.command('keys').description(t('cli.keys.desc'));
  keys
    .command('set')
    .description(t('cli.keysSet.desc'))
    .argument('<name>', t('cli.keysSet.name'))
    .option('--from-env <var>', t('cli.keysSet.fromEnv'))
    .option('--stdin', t('cli.keysSet.stdin'))
    .addHelpText('after', examplesText(EXAMPLES.keysSet))
    .action(action(() => import('./commands/keys-set.js')));
  keys
    .command('list')
    .description(t('cli.keysList.desc'))
    .option('--json', t('cli.opt.json'))
    .addHelpText('after', examplesText(EXAMPLES.keysList))
    .action(action(() => import('./commands/keys-list.js')));
  keys
    .command('rm')
    .description(t('cli.keysRm.desc'))
    .argument('<name>')
    .option('--force', t('cli.keysRm.force'))
    .addHelpText('after', examplesText(EXAMPLES.keysRm))
    .action(action(() => import('./commands/keys-rm.js')));
  addClientCommands(keys, action);
}

/** keys client add, list, rm: named client keys (proxy.clients), each limited to its models and rates. */
function addClientCommands(keys: Command, action: Action): void {
  const client = keys.command('client').description(t('cli.keysClient.desc'));
  client
    .command('add')
    .description(t('cli.keysClientAdd.desc'))
    .argument('<name>', t('cli.keysClientAdd.name'))
    .option('--models <names>', t('cli.keysClientAdd.models'))
    .option('--rpm <count>', t('cli.keysClientAdd.rpm'))
    .option('--tpm <count>', t('cli.keysClientAdd.tpm'))
    .option('--max-budget <usd>', t('cli.keysClientAdd.maxBudget'))
    .option('--force', t('cli.keysClientAdd.force'))
    .addHelpText('after', examplesText(EXAMPLES.keysClientAdd))
    .action(action(() => import('./commands/keys-client-add.js')));
  client
    .command('list')
    .description(t('cli.keysClientList.desc'))
    .action(action(() => import('./commands/keys-client-list.js')));
  client
    .command('rm')
    .description(t('cli.keysClientRm.desc'))
    .argument('<name>', t('cli.keysClientRm.name'))
    .action(action(() => import('./commands/keys-client-rm.js')));
}

/** sync, status, unlink, restore: the tool files llmctl writes. */
function addFileCommands(program: Command, action: Action): void {
  program
    .command('sync')
    .description(t('cli.sync.desc'))
    .option('--dry-run', t('cli.sync.dryRun'))
    .option('--check', t('cli.sync.check'))
    .option('--only <targets>', t('cli.sync.only'))
    .option('--force', t('cli.sync.force'))
    .option('--yes', t('cli.sync.yes'))
    .option('--no-restart', t('cli.sync.noRestart'))
    .option('--refresh', t('gateway.cli.refresh'))
    .option('--json', t('cli.sync.json'))
    .addHelpText('after', examplesText(EXAMPLES.sync))
    .action(action(() => import('./commands/sync.js')));

  program
    .command('status')
    .description(t('cli.status.desc'))
    .option('--json', t('cli.opt.json'))
    .addHelpText('after', examplesText(EXAMPLES.status))
    .action(action(() => import('./commands/status.js')));

  program
    .command('unlink')
    .description(t('cli.unlink.desc'))
    .argument('<tool>', t('cli.unlink.tool'))
    .option('--dry-run', t('cli.unlink.dryRun'))
    .option('--force', t('cli.unlink.force'))
    .addHelpText('after', examplesText(EXAMPLES.unlink))
    .action(action(() => import('./commands/unlink.js')));

  program
    .command('restore')
    .description(t('cli.restore.desc'))
    .argument('[id]', t('cli.restore.id'))
    .option('--list', t('cli.restore.list'))
    .option('--json', t('cli.opt.json'))
    .addHelpText('after', examplesText(EXAMPLES.restore))
    .action(action(() => import('./commands/restore.js')));
}

/** serve, stop, proxy install: the LiteLLM proxy. */
function addProxyCommands(program: Command, action: Action): void {
  program
    .command('serve')
    .description(t('cli.serve.desc'))
    .addOption(new Option('--port <port>', t('cli.serve.port')).argParser(parsePort))
    .option('--host <host>', t('cli.serve.host'))
    .option('--detach', t('cli.serve.detach'))
    .option('--restart', t('cli.serve.restart'))
    .option('--webui', t('webui.cli.serveWebui'))
    .addOption(new Option('--webui-port <port>', t('webui.cli.serveWebuiPort')).argParser(parsePort))
    .addOption(new Option('--workers <count>', t('scale.cli.workers')).argParser(parseWorkers))
    .option('--redis-local', t('scale.cli.redisLocal'))
    .option('--force', t('scale.cli.force'))
    .option('--instance <name>', t('scale.cli.instance'))
    .addHelpText('after', examplesText(EXAMPLES.serve))
    .action(action(() => import('./commands/serve.js')));

  program
    .command('stop')
    .description(t('cli.stop.desc'))
    .option('--instance <name>', t('scale.cli.stopInstance'))
    .addHelpText('after', examplesText(EXAMPLES.stop))
    .action(action(() => import('./commands/stop.js')));

  const webui = program.command('webui').description(t('webui.cli.desc'));
  webui
    .command('install')
    .description(t('webui.cli.installDesc'))
    .option('--version <v>', t('webui.cli.installVersion'))
    .option('--python <path>', t('webui.cli.installPython'))
    .option('--pip', t('webui.cli.installPip'))
    .option('-y, --yes', t('webui.cli.installYes'))
    .addHelpText('after', examplesText(EXAMPLES.webuiInstall))
    .action(action(() => import('./commands/webui.js')));

  const proxy = program.command('proxy').description(t('cli.proxy.desc'));
  proxy
    .command('install')
    .description(t('cli.proxyInstall.desc'))
    .option('--version <v>', t('cli.proxyInstall.version'))
    .option('--python <path>', t('cli.proxyInstall.python'))
    .addHelpText('after', examplesText(EXAMPLES.proxyInstall))
    .action(action(() => import('./commands/proxy-install.js')));
}

/** doctor: diagnose and repair. */
function addDoctorCommand(program: Command, action: Action): void {
  program
    .command('doctor')
    .description(t('cli.doctor.desc'))
    .option('--json', t('cli.opt.json'))
    .option('--fix', t('cli.doctor.fix'))
    .option('--online', t('cli.doctor.online'))
    .addHelpText('after', examplesText(EXAMPLES.doctor))
    .action(action(() => import('./commands/doctor.js')));
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function examplesText(lines: string[]): string {
  return `\n${t('cli.title.examples')}\n${lines.map((l) => `  $ ${l}`).join('\n')}`;
}

/** `init --help` lists the presets (read only when the help is shown). */
function presetList(): string {
  const rows = [...presetsNow().values()].map((p) => `  ${p.id.padEnd(12)} ${presetLabel(p)}`);
  return `\n${t('cli.title.presets')}\n${rows.join('\n')}`;
}

/** Bare `llmctl` or `llmctl --help`: where to begin, depending on whether a setup exists. */
function startHint(): string {
  const has = existsSync(resolvePaths(currentPlatform()).config);
  return `\n${t(has ? 'cli.startHint.setup' : 'cli.startHint.fresh')}`;
}

/** The help's option list with the hidden `-V, --version [v]` shown as plain `-V, --version`. */
function withVersionLine(this: Commander.Help, cmd: Command): Commander.Option[] {
  const opts = commander().Help.prototype.visibleOptions.call(this, cmd);
  return cmd.parent ? opts : [new Option('-V, --version', t('cli.opt.version')), ...opts];
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(t('scale.cli.badWorkers', { value }));
  return n;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new InvalidArgumentError(t('cli.badPort', { value }));
  }
  return n;
}

/** export compose, export helm-values: the team gateway for several machines (src/export/). */
function addExportCommands(program: Command, action: Action): void {
  const exp = program.command('export').description(t('exporting.cli.desc'));
  const common = (c: Command) =>
    c
      .option('--out <dir>', t('exporting.cli.out'))
      .addOption(new Option('--replicas <count>', t('exporting.cli.replicas')).argParser(parseCount))
      .addOption(new Option('--workers <count>', t('exporting.cli.workers')).argParser(parseCount))
      .option('--force', t('exporting.cli.force'));
  common(exp.command('compose').description(t('exporting.cli.compose')))
    .option('--postgres', t('exporting.cli.postgres'))
    .option('--webui', t('exporting.cli.webui'))
    .addHelpText('after', examplesText(EXAMPLES.exportCompose))
    .action(action(() => import('./commands/export.js').then((m) => ({ run: m.runCompose }))));
  common(exp.command('helm-values').description(t('exporting.cli.helm')))
    .option('--redis-host <host[:port]>', t('exporting.cli.redisHost'))
    .addHelpText('after', examplesText(EXAMPLES.exportHelm))
    .action(action(() => import('./commands/export.js').then((m) => ({ run: m.runHelm }))));
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(t('exporting.cli.badCount', { value }));
  return n;
}
