import type { Messages } from '../message.js';

/** English messages of the exporting area. Ids start with `exporting.`. */
export const exporting = {
  // The commands and their options (--help)
  'exporting.cli.desc': 'write the team gateway for other machines (docker compose, Kubernetes)',
  'exporting.cli.compose': 'write a docker compose project for the team gateway (LiteLLM, Redis, …)',
  'exporting.cli.helm': "write values for LiteLLM's official Helm chart, and the Secret they name",
  'exporting.cli.out': 'folder to write into (default ./llmctl-gateway, or ./llmctl-helm for helm-values)',
  'exporting.cli.replicas': 'LiteLLM containers or pods (default 1; more than one needs Redis)',
  'exporting.cli.workers': 'worker processes in each (default proxy.workers, else 1)',
  'exporting.cli.force': 'overwrite files edited by hand (backed up first); several processes without Redis',
  'exporting.cli.postgres': "add Postgres for LiteLLM's own virtual keys and spend tracking",
  'exporting.cli.webui': 'add Open WebUI (also when tools.openwebui.enabled is true)',
  'exporting.cli.redisHost': 'where pods reach Redis, when llmctl.yaml takes its address from the environment',
  'exporting.cli.badCount': (p: { value: string }) => `must be a whole number from 1 to 64, not "${p.value}"`,

  // Refusals
  'exporting.clientMode': (p: { url: string; file: string }) =>
    `${p.file} is in client mode (proxy.url: ${p.url}): it runs no gateway of its own to export`,
  'exporting.clientModeHint': 'Export from the llmctl.yaml of the machine that runs the gateway.',
  'exporting.noRedis': (p: { n: number }) =>
    `refusing to run ${p.n} LiteLLM processes without Redis: each would count rate limits, ` +
    `budgets and cooldowns on its own, so every limit would be multiplied by ${p.n}`,
  'exporting.noRedisHint':
    'Add proxy.redis to llmctl.yaml (host: redis, port: 6379, password: ' +
    'secret:redis) and export again; --force exports anyway.',
  'exporting.noRedisForced': (p: { n: number }) =>
    `${p.n} LiteLLM processes without Redis (--force): every rate ` +
    `limit and budget is counted by each process on its own.`,
  'exporting.redisLoopback':
    "the Redis in llmctl.yaml is on this machine's loopback address, which a container or pod cannot reach",
  'exporting.redisLoopbackHint':
    'Set proxy.redis.host to "redis" (the compose project\'s own Redis) or to an address the containers reach.',
  'exporting.redisHostNeeded': 'llmctl.yaml takes the Redis address from the environment: the pods need one',
  'exporting.redisHostNeededHint': 'Give it with --redis-host HOST[:PORT] (a Redis service in the cluster).',
  'exporting.redisExternal': 'The Redis named in llmctl.yaml runs outside this project: every replica must reach it.',
  'exporting.postgresWithLlmctlAuth':
    "Postgres records LiteLLM's spend; its virtual keys also need proxy.generalSettings.database_url: " +
    "os.environ/DATABASE_URL in llmctl.yaml, which replaces llmctl's key check.",
  'exporting.webuiNoClient': (p: { name: string }) =>
    `Open WebUI needs its own client key (proxy.clients.${p.name}), and llmctl.yaml has none with a value`,
  'exporting.webuiNoClientHint': (p: { name: string }) =>
    `Create it with \`llmctl keys client add ${p.name}\`, then export again.`,
  'exporting.badEnvValue': (p: { name: string }) =>
    `the value of ${p.name} has a quote, a backslash or a line break: an env file cannot hold it`,
  'exporting.badEnvValueHint': 'Store the key again without those characters (`llmctl keys set NAME`).',
  'exporting.edited': (p: { n: number; dir: string }) =>
    `${p.n} ${p.n === 1 ? 'file' : 'files'} in ${p.dir} changed since ` +
    `llmctl wrote ${p.n === 1 ? 'it' : 'them'}; nothing was written`,
  'exporting.editedFile': 'edited by hand (or not written by llmctl)',
  'exporting.helmRedisService':
    'llmctl.yaml names the Redis host "redis": the pods reach ' +
    'it only if a Service of that name runs in their namespace.',
  'exporting.editedHint':
    'Move your change into llmctl.yaml, or run again with --force to overwrite ' +
    '(the old files are backed up; `llmctl restore` brings them back).',

  // What was written
  'exporting.wrote': (p: { file: string }) => `Wrote ${p.file}`,
  'exporting.removed': (p: { file: string }) => `Removed ${p.file} (no longer part of the export)`,
  'exporting.keptEdited': (p: { file: string }) => `Kept ${p.file}: no longer part of the export, but edited by hand`,
  'exporting.upToDate': (p: { dir: string }) => `${p.dir} is up to date.`,
  'exporting.into': (p: { dir: string }) => `Exported into ${p.dir}`,
  'exporting.backedUp': (p: { id: string }) => `Previous files backed up (${p.id}).`,
  'exporting.composeNext': (p: { dir: string }) =>
    `Next: copy ${p.dir} to the server and run \`docker compose up -d\` there (the keys are in secrets/, mode 0600).`,
  'exporting.helmNext': (p: { dir: string }) =>
    `Next: \`kubectl apply -f ${p.dir}/secret.yaml\`, then \`helm install ` +
    `llmctl oci://ghcr.io/berriai/litellm-helm -f ${p.dir}/values.yaml\`.`,
} satisfies Messages;
