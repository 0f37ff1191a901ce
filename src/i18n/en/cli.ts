import type { Messages } from '../message.js';

/**
 * English messages of the cli area: the `--help` of every command (descriptions of commands, options
 * and arguments, headings, the start hint) and commander's own words (help titles, usage errors).
 * Ids start with `cli.`. Example command lines are not messages: src/help-examples.ts.
 */
export const cli = {
  'cli.description':
    'One source of truth for LLM providers, models and keys: generates the ' +
    'LiteLLM config, patches Continue and Claude Code, runs the proxy.',
  'cli.opt.version': 'print the version',
  'cli.opt.config': 'use this llmctl.yaml instead of the one in the llmctl home',
  'cli.opt.noColor': 'no colours (also: NO_COLOR=1)',
  'cli.opt.lang': 'language of messages: en or zh-CN (also: LLMCTL_LANG, LANG)',
  'cli.opt.quiet': 'only errors and data',
  'cli.opt.verbose': 'more detail',
  'cli.opt.json': 'print data as JSON',
  'cli.opt.help': 'display help for command',
  'cli.helpCommand': 'display help for command',
  'cli.startHint.setup':
    'Your setup: `llmctl status` shows it, `llmctl doctor` checks it, `llmctl sync` applies llmctl.yaml.',
  'cli.startHint.fresh':
    'Start with `llmctl init`: a wizard that sets up providers, keys and your tools (or `llmctl import litellm FILE`).',
  'cli.badLang': (p: { value: string }) => `unknown language '${p.value}' for --lang: use --lang en or --lang zh-CN`,
  'cli.badPort': (p: { value: string }) => `port must be a number from 1 to 65535, not "${p.value}"`,

  // Help headings. commander's own titles are passed through styleTitle (src/help-format.ts).
  'cli.title.usage': 'Usage:',
  'cli.title.options': 'Options:',
  'cli.title.globalOptions': 'Global Options:',
  'cli.title.arguments': 'Arguments:',
  'cli.title.commands': 'Commands:',
  'cli.title.examples': 'Examples:',
  'cli.title.presets': 'Presets (--provider):',

  // commander's usage errors, in commander's words (English passes through unchanged).
  'cli.err.prefix': 'error:',
  'cli.err.runWithHelp': '(run with --help for usage)',
  'cli.err.unknownCommand': (p: { name: string }) => `unknown command '${p.name}'`,
  'cli.err.unknownOption': (p: { flag: string }) => `unknown option '${p.flag}'`,
  'cli.err.missingArgument': (p: { name: string }) => `missing required argument '${p.name}'`,
  'cli.err.optionMissingArgument': (p: { flag: string }) => `option '${p.flag}' argument missing`,
  'cli.err.invalidArgument': (p: { flag: string; value: string; reason: string }) =>
    `option '${p.flag}' argument '${p.value}' is invalid. ${p.reason}`,
  'cli.err.excessArguments': (p: { command: string; expected: number; got: number }) =>
    `too many arguments${p.command ? ` for '${p.command}'` : ''}. Expected ` +
    `${p.expected} argument${p.expected === 1 ? '' : 's'} but got ${p.got}.`,
  'cli.err.didYouMean': (p: { names: string }) => `(Did you mean ${p.names}?)`,
  'cli.err.didYouMeanOneOf': (p: { names: string }) => `(Did you mean one of ${p.names}?)`,

  'cli.init.desc': 'wizard (or flags only) that writes llmctl.yaml and keys, then syncs',
  'cli.init.yes': 'no questions: use flags and defaults',
  'cli.init.from': 'start from an existing LiteLLM config',
  'cli.init.provider': 'provider preset to add, e.g. siliconflow, vllm, custom (repeatable)',
  'cli.init.removeProvider': 'provider to remove from llmctl.yaml, with its models (repeatable)',
  'cli.init.apiBase':
    'base URL for a custom or self-hosted provider; repeat it for several instances of one model server',
  'cli.init.keyEnv': 'take the provider key from this environment variable',
  'cli.init.keyStdin': 'read the provider key from standard input',
  'cli.init.model':
    'model to add: ID, or NAME=ID for a shorter public name; PROVIDER:ID with several --provider (repeatable)',
  'cli.init.claudeModel': 'model Claude Code uses',
  'cli.init.claudeHaikuModel': 'model for Claude Code background calls',
  'cli.init.continueModel': 'Continue chat model',
  'cli.init.autocompleteModel': 'Continue autocomplete (FIM) model',
  'cli.init.tools': 'tools to configure: continue,claude,codex,opencode,qwen,gemini (or none)',
  'cli.init.port': 'port the proxy listens on (default 4000)',
  'cli.init.noSync': 'write llmctl.yaml and keys only',
  'cli.init.serve': 'start the proxy in the background at the end (`llmctl stop` stops it)',

  'cli.import.desc': 'adopt an existing tool config into llmctl.yaml (keys move to the secrets store)',
  'cli.import.tool': 'litellm | continue | claude | codex | opencode | qwen | gemini',
  'cli.import.file': 'the file to import (default: the tool’s usual place)',
  'cli.import.dryRun': 'show what would be added; write nothing',

  'cli.keys.desc': 'manage API keys (never printed in full, never taken from arguments)',
  'cli.keysSet.desc': 'store a key: typed hidden, or --stdin, or --from-env VAR',
  'cli.keysSet.name': 'key name, used as secret:NAME in llmctl.yaml',
  'cli.keysSet.fromEnv': 'copy the value of this environment variable',
  'cli.keysSet.stdin': 'read the value from standard input',
  'cli.keysList.desc': 'key names, where each is used, and a masked tail',
  'cli.keysRm.desc': 'delete a stored key (asks first when llmctl.yaml uses it)',
  'cli.keysRm.force': 'delete it even when llmctl.yaml uses it, without asking',

  'cli.keysClient.desc':
    'client keys: a key of its own for Open WebUI, a person or a CI job, limited to its models and rates',
  'cli.keysClientAdd.desc': 'create a client key (printed once) and add the client to llmctl.yaml',
  'cli.keysClientAdd.name': "the client's name, shown in the proxy log (openwebui, alice, ci)",
  'cli.keysClientAdd.models': 'comma-separated models it may use (default: every model)',
  'cli.keysClientAdd.rpm': 'requests per minute it may send',
  'cli.keysClientAdd.tpm': 'tokens per minute it may use',
  'cli.keysClientAdd.maxBudget': 'spend limit in US dollars',
  'cli.keysClientAdd.force': 'replace an existing client of that name, with a new key',
  'cli.keysClientList.desc': 'list the client keys in llmctl.yaml, with their models and limits (never the keys)',
  'cli.keysClientRm.desc': 'remove a client from llmctl.yaml and its stored key',
  'cli.keysClientRm.name': "the client's name",
  'cli.sync.desc': 'render and patch every enabled target',
  'cli.sync.dryRun': 'print a unified diff per file; write nothing',
  'cli.sync.check': 'exit 3 when any target differs from what llmctl would write',
  'cli.sync.only': 'comma-separated: litellm,continue,claude',
  'cli.sync.force': 'also overwrite managed entries edited by hand',
  'cli.sync.yes': 'answer yes to questions (e.g. ~/.claude.json onboarding)',
  'cli.sync.noRestart': 'keep a running proxy on its older config (default: restart it so it serves the new one)',
  'cli.sync.json': 'print the result as JSON',

  'cli.status.desc': 'per target: in sync / drifted / missing; proxy up or down',

  'cli.unlink.desc':
    "take llmctl out of a tool's config: remove what it wrote there and turn the tool off in llmctl.yaml",
  'cli.unlink.tool': 'continue, claude, codex, opencode, qwen or gemini',
  'cli.unlink.dryRun': 'print the diffs, write nothing',
  'cli.unlink.force': 'also remove entries edited by hand since llmctl wrote them',

  'cli.restore.desc': 'undo a sync from its backup',
  'cli.restore.id': 'backup id (default: the last one)',
  'cli.restore.list': 'list backups',

  'cli.serve.desc': 'run the real LiteLLM proxy from the generated config',
  'cli.serve.port': 'port to listen on (default 4000); recorded in llmctl.yaml (proxy.port), and the tools follow',
  'cli.serve.host':
    'address to bind (0.0.0.0: every interface, reachable from other machines); recorded in llmctl.yaml (proxy.host)',
  'cli.serve.detach': 'run in the background (pid and log files in the llmctl home)',
  'cli.serve.restart':
    'restart the running proxy (detached or foreground) with the current config; reports how long it was unavailable',

  'cli.stop.desc': 'stop the proxy llmctl serve started (detached, or in another terminal)',

  'cli.proxy.desc': 'manage the LiteLLM installation',
  'cli.proxyInstall.desc': 'install LiteLLM into a virtual environment llmctl manages',
  'cli.proxyInstall.version': 'LiteLLM version',
  'cli.proxyInstall.python': 'Python interpreter to use',

  'cli.doctor.desc': 'diagnose the setup (Windows first-class) and say how to fix it',
  'cli.doctor.fix': 'apply the safe fixes (each backed up)',
  'cli.doctor.online': 'also check providers and the running proxy over the network',
} satisfies Messages;
