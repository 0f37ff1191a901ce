import type { Messages } from '../message.js';

const s = (n: number, one = '', many = 's') => (n === 1 ? one : many);

/**
 * English messages of the commands area (what sync, status, keys, restore, unlink, import, stop and proxy install
 * print). Ids start with `commands.`.
 */
export const commands = {
  // Files a command wrote, one line each (sync, unlink, restore).
  'commands.file.created': (p: { label: string; path: string }) => `created ${p.label}: ${p.path}`,
  'commands.file.updated': (p: { label: string; path: string }) => `updated ${p.label}: ${p.path}`,
  'commands.file.removed': (p: { label: string; path: string }) => `removed ${p.label}: ${p.path}`,

  // sync
  'commands.sync.state.missing': 'missing',
  'commands.sync.state.drifted': 'drifted',
  'commands.sync.state.removed': 'removed',
  'commands.sync.staleProxy': (p: { pid: number; reasons: string }) =>
    `The proxy (pid ${p.pid}) is running an older config (${p.reasons}): \`llmctl ` +
    `sync\` restarts it (\`llmctl serve --restart\` if no file changes).`,
  'commands.sync.backup': (p: { id: string }) => `Backup ${p.id} — undo with \`llmctl restore\`.`,

  // status
  'commands.status.state.inSync': 'in sync',
  'commands.status.state.drifted': 'drifted',
  'commands.status.state.missing': 'missing',
  'commands.status.state.extra': 'extra',
  'commands.status.proxy': 'proxy',
  'commands.status.proxy.up': 'up',
  'commands.status.proxy.down': 'down',
  'commands.status.proxy.unhealthy': 'unhealthy',
  'commands.status.olderConfig': 'running an older config',
  'commands.status.restartHint': (p: { command: string }) =>
    `Run \`${p.command}\` to load the current config into the proxy.`,

  // keys set
  'commands.keysSet.badName': (p: { name: string }) => `"${p.name}" is not a usable key name`,
  'commands.keysSet.badNameHint': 'use letters, digits, "-", "_" or "." (e.g. zhipu)',
  'commands.keysSet.twoSources': '--from-env and --stdin cannot be used together',
  'commands.keysSet.twoSourcesHint': 'pick one',
  'commands.keysSet.empty': (p: { name: string }) => `the key for "${p.name}" is empty`,
  'commands.keysSet.emptyHint': 'nothing was stored; pass a non-empty value',
  'commands.keysSet.whitespace': (p: { name: string }) => `the key for "${p.name}" contains whitespace`,
  'commands.keysSet.whitespaceHint': 'paste the key alone, on one line',
  'commands.keysSet.stored': (p: { replaced: boolean; name: string; masked: string; file: string }) =>
    `${p.replaced ? 'Replaced' : 'Stored'} key "${p.name}" (${p.masked}) in ${p.file}.`,
  'commands.keysSet.useAs': (p: { ref: string }) => `Use it as ${p.ref} in llmctl.yaml.`,
  'commands.keysSet.otherRef': (p: { name: string; current: string; inShell: boolean; ref: string }) =>
    `providers.${p.name}.apiKey is ${p.current}${p.inShell ? ' (set in this shell)' : ''}: ` +
    `to use the stored key instead, set it to ${p.ref}.`,
  'commands.keysSet.wired': (p: { name: string; file: string; current: string; ref: string }) =>
    `providers.${p.name}.apiKey in ${p.file}: ${p.current ? `${p.current} (not set in this shell)` : 'none'} ` +
    `→ ${p.ref}. Run \`llmctl sync\` to pass it on.`,
  'commands.keysSet.noEnv': (p: { name: string }) => `environment variable ${p.name} is not set`,
  'commands.keysSet.noEnvHint': (p: { name: string }) => `export ${p.name}=… first, or use --stdin`,
  'commands.keysSet.noTerminal': 'no terminal to type the key in',
  'commands.keysSet.noTerminalPipeHint':
    'pass --stdin (e.g. `printenv KEY | llmctl keys set NAME --stdin`) or --from-env VAR',
  'commands.keysSet.noTerminalHint': 'pass --stdin or --from-env VAR',
  'commands.keysSet.prompt': 'Key (input hidden):',

  // keys list
  'commands.keysList.none': 'No keys stored. Add one with `llmctl keys set NAME`.',
  'commands.keysList.notUsed': '(not used)',

  // keys rm
  'commands.keysRm.kept': (p: { name: string }) => `Kept key "${p.name}".`,
  'commands.keysRm.removedInUse': (p: { name: string; places: string; file: string; count: number }) =>
    `Removed key "${p.name}"; ${p.places} in ${p.file} still use${s(p.count, 's', '')} secret:${p.name}: ` +
    `store a new one with \`llmctl keys set ${p.name}\` before the next sync.`,
  'commands.keysRm.removed': (p: { name: string }) => `Removed key "${p.name}" (nothing in llmctl.yaml used it).`,
  'commands.keysRm.removedUnknown': (p: { name: string; file: string }) =>
    `Removed key "${p.name}" (${p.file} does not parse: check it does not reference secret:${p.name}).`,
  'commands.keysRm.unknownUse': (p: { name: string; file: string }) =>
    `${p.file} does not parse, so llmctl cannot tell whether it uses key "${p.name}"`,
  'commands.keysRm.unknownUseHint':
    'fix the file first (`llmctl doctor` shows where), or pass --force to remove the key anyway',
  'commands.keysRm.noKey': (p: { name: string }) => `no key named "${p.name}"`,
  'commands.keysRm.noKeyHint': 'see the stored names with `llmctl keys list`',
  'commands.keysRm.inUse': (p: { name: string; places: string; file: string }) =>
    `key "${p.name}" is in use: ${p.places} in ${p.file}`,
  'commands.keysRm.inUseHint': (p: { count: number }) =>
    `removing it makes the next \`llmctl sync\` fail; pass --force to remove it anyway, ` +
    `or first point ${p.count === 1 ? 'that place' : 'those places'} at another key`,
  'commands.keysRm.usedBy': (p: { name: string; places: string; file: string }) =>
    `Key "${p.name}" is used by ${p.places} in ${p.file}; without it the next \`llmctl sync\` fails.`,
  'commands.keysRm.confirm': (p: { name: string }) => `Remove key "${p.name}" anyway?`,

  // restore
  'commands.restore.noBackups': 'No backups yet: they are made by each sync that changes a file.',
  'commands.restore.nothing': 'there is nothing to restore',
  'commands.restore.nothingHint': 'backups are made by each sync that changes a file',
  'commands.restore.restoredFile': (p: { path: string }) => `restored ${p.path}`,
  'commands.restore.removedFile': (p: { path: string }) => `removed ${p.path}`,
  'commands.restore.done': (p: { id: string; undo: string }) =>
    `Restored backup ${p.id}. The state before this restore is backup ${p.undo}.`,

  // unlink
  'commands.unlink.badTool': (p: { tool: string }) => `unknown tool "${p.tool}"`,
  'commands.unlink.badToolHint': (p: { tools: string }) => `use one of: ${p.tools}`,
  'commands.unlink.wouldChange': (p: { n: number }) => `${p.n} file${s(p.n)} would change (dry run: nothing written).`,
  'commands.unlink.nothingDry': (p: { tool: string }) => `Nothing to do: llmctl has nothing in ${p.tool}'s config.`,
  'commands.unlink.nothing': (p: { tool: string; id: string }) =>
    `Nothing to do: llmctl has nothing in ${p.tool}'s config and tools.${p.id} is off.`,
  'commands.unlink.done': (p: { tool: string; id: string }) =>
    `${p.tool} no longer goes through llmctl; \`llmctl sync\` ` +
    `leaves it alone until tools.${p.id}.enabled is true again.`,
  'commands.unlink.undo': (p: { backup: string }) => ` Undo with \`llmctl restore\` (backup ${p.backup}).`,

  // import
  'commands.import.badTool': (p: { tool: string }) => `cannot import from "${p.tool}"`,
  'commands.import.badToolHint': (p: { tools: string }) =>
    `use one of: ${p.tools} (e.g. \`llmctl import litellm config.yaml\`)`,
  'commands.import.noLitellmConfig':
    'no LiteLLM config found in this folder (looked for config.yaml and litellm.config.yaml)',
  'commands.import.noLitellmConfigHint': 'pass the file: `llmctl import litellm PATH/TO/config.yaml`',
  'commands.import.cannotRead': (p: { file: string; reason: string }) => `cannot read ${p.file}: ${p.reason}`,
  'commands.import.noSuchFile': 'no such file',
  'commands.import.permissionDenied': 'permission denied',
  'commands.import.isFolder': 'it is a folder',
  'commands.import.permissionHint': 'check the file permissions; nothing was imported',
  'commands.import.passPathHint': (p: { tool: string }) =>
    `pass the path of the ${p.tool} config to import; nothing was imported`,
  'commands.import.changedMeanwhile': (p: { file: string }) => `${p.file} changed while importing`,
  'commands.import.changedMeanwhileHint': 'run the command again',
  'commands.import.summary': (p: {
    dryRun: boolean;
    tool: string;
    file: string;
    providers: number;
    models: number;
    config: string | undefined;
  }) =>
    `${p.dryRun ? 'Dry run — ' : ''}${p.tool} config ${p.file}: ${p.dryRun ? 'would add' : 'added'} ` +
    `${p.providers} provider${s(p.providers)} and ${p.models} model${s(p.models)}` +
    `${p.config ? ` ${p.dryRun ? 'to' : 'in'} ${p.config}` : ''}.`,
  'commands.import.providers': (p: { list: string }) => `providers: ${p.list}`,
  'commands.import.reused': (p: { from: string; to: string }) =>
    `provider ${p.from}: already in llmctl.yaml as "${p.to}"`,
  'commands.import.models': (p: { list: string }) => `models: ${p.list}`,
  'commands.import.settings': (p: { list: string }) => `settings: ${p.list}`,
  'commands.import.skipped': (p: { n: number; list: string }) =>
    `skipped ${p.n} model${s(p.n)} already in llmctl.yaml: ${p.list}`,
  'commands.import.keyStored': (p: { name: string; masked: string; dryRun: boolean; file: string }) =>
    `key ${p.name} (${p.masked}) ${p.dryRun ? 'would be stored' : 'stored'} in ${p.file}`,
  'commands.import.noKeyCount': (p: { n: number }) =>
    `${p.n} provider${s(p.n)} without a key yet: \`llmctl keys set NAME\` stores one (\`llmctl sync\` names them)`,
  'commands.import.noKeyFor': (p: { provider: string; env: string | undefined }) =>
    `no key yet for "${p.provider}": run \`llmctl keys set ${p.provider}\` (it ` +
    `points llmctl.yaml at the stored key)${p.env ? `, or export ${p.env}` : ''}`,
  'commands.import.nothingNew': 'Nothing new to import: llmctl.yaml already has all of it.',
  'commands.import.dryRunDone': 'Nothing was written (dry run).',
  'commands.import.nextDeferred': (p: { importCommand: string; syncCommand: string }) =>
    `Next: ${p.importCommand} with the config of the proxy the ` +
    `tool used (see the warning above), then ${p.syncCommand}.`,
  'commands.import.next': (p: { syncCommand: string }) => `Next: ${p.syncCommand} writes the tool configs from it.`,

  // stop
  'commands.stop.notRunning': 'No proxy started by `llmctl serve` is running.',
  'commands.stop.alreadyStopped': (p: { pid: number }) =>
    `The proxy (pid ${p.pid}) had already stopped; removed its pid file.`,
  'commands.stop.stopping': (p: { pid: number; url: string; foreground: number | undefined }) =>
    `Stopping LiteLLM (pid ${p.pid}, ` +
    `${p.url}${p.foreground ? `, the foreground \`llmctl serve\` of pid ${p.foreground}` : ''})`,
  'commands.stop.killed': (p: { pid: number }) => `LiteLLM (pid ${p.pid}) did not stop within 10 s and was killed`,
  'commands.stop.stopped': (p: { pid: number }) => `LiteLLM stopped (pid ${p.pid})`,

  // proxy install
  'commands.proxyInstall.preparing': 'Preparing the LiteLLM install',
  'commands.proxyInstall.installed': (p: { version: string; venv: string; tool: string; seconds: string }) =>
    `LiteLLM ${p.version} installed in ${p.venv} (${p.tool}, ${p.seconds} s)`,
  'commands.proxyInstall.already': (p: { version: string; venv: string }) =>
    `LiteLLM ${p.version} is already installed in ${p.venv}`,
  'commands.proxyInstall.next': 'Next: `llmctl serve` starts the proxy.',
  'commands.proxyInstall.failed': 'LiteLLM install failed',
} satisfies Messages;
