import type { Messages } from '../message.js';

/** English messages of the scale area (workers, Redis, several instances). Ids start with `scale.`. */
export const scale = {
  // serve --workers
  'scale.workers.noRedis': (p: { n: number }) =>
    `refusing to start ${p.n} LiteLLM workers without Redis: each worker would count rate limits, budgets ` +
    `and cooldowns on its own, so a limit of 100 requests a minute would let ${100 * p.n} through`,
  'scale.workers.noRedisHint': (p: { n: number }) =>
    `add Redis to llmctl.yaml (proxy.redis: { host, port, password: secret:redis }), or let llmctl run ` +
    `one on this machine: \`llmctl serve --workers ${p.n} --redis-local\`; --force starts them anyway`,
  'scale.workers.forced': (p: { n: number }) =>
    `starting ${p.n} workers without Redis (--force): every limit ` +
    `is counted per worker, ${p.n} times what llmctl.yaml says`,

  // serve --instance
  'scale.instance.badName': (p: { name: string }) => `"${p.name}" is not a valid instance name`,
  'scale.instance.badNameHint': 'use lower-case letters, digits and "-" (up to 32), e.g. --instance b',
  'scale.instance.needsPort': (p: { name: string }) => `instance ${p.name} needs a port of its own`,
  'scale.instance.needsPortHint': (p: { name: string }) =>
    `the main proxy has the port in llmctl.yaml: \`llmctl serve --instance ${p.name} --port 4001 --detach\``,
  'scale.instance.noRestart': '--restart works on the main proxy only',
  'scale.instance.noRestartHint': (p: { name: string }) =>
    `stop the instance and start it again: \`llmctl stop --instance ` +
    `${p.name}\`, then \`llmctl serve --instance ${p.name} --port …\``,
  'scale.instance.notRunning': (p: { name: string }) => `no instance named ${p.name} is running`,

  // serve --redis-local
  'scale.redisLocal.notInstalled': 'redis-server was not found on PATH',
  'scale.redisLocal.notInstalledHint':
    'install Redis (Debian/Ubuntu: `sudo apt install redis-server`, macOS: ' +
    '`brew install redis`), or point proxy.redis at a Redis you run',
  'scale.redisLocal.otherRedis': (p: { target: string }) =>
    `proxy.redis already points at ${p.target}: --redis-local only manages a Redis of its own`,
  'scale.redisLocal.otherRedisHint': (p: { file: string }) =>
    `leave out --redis-local to use that Redis, or remove proxy.redis from ${p.file} to let llmctl run one`,
  'scale.redisLocal.recorded': (p: { address: string; file: string }) =>
    `Recorded the local Redis ${p.address} as proxy.redis in ${p.file} (password: secret:redis-local).`,
  'scale.redisLocal.started': (p: { address: string; pid: number }) =>
    `started redis-server on ${p.address} (pid ${p.pid}); \`llmctl stop\` stops it with the proxy`,
  'scale.redisLocal.startFailed': (p: { log: string }) => `redis-server did not start; its log: ${p.log}`,

  // stop, status
  'scale.stop.redis': (p: { pid: number }) => `stopped the local redis-server (pid ${p.pid})`,
  'scale.stop.instance': (p: { name: string }) => `instance ${p.name}:`,
  'scale.status.instance': (p: { name: string }) => `instance ${p.name}`,
  'scale.status.redisUp': (p: { address: string; pid: number }) =>
    `redis-server run by llmctl answers on ${p.address} (pid ${p.pid})`,
  'scale.status.redisDown': (p: { address: string; pid: number }) =>
    `redis-server run by llmctl (pid ${p.pid}, ${p.address}) does not answer`,

  // rules
  'scale.rule.redisUrlPassword': 'proxy.redis.url contains a password',
  'scale.rule.redisUrlPasswordHint':
    'keys stay out of llmctl.yaml: remove it from the URL and set ' +
    'proxy.redis.password: secret:redis (`llmctl keys set redis`)',
  'scale.rule.redisHostAndUrl': 'proxy.redis has both host and url',
  'scale.rule.redisHostAndUrlHint': 'keep one: host and port (faster with LiteLLM), or url',
  'scale.rule.redisNoTarget': 'proxy.redis names no Redis',
  'scale.rule.redisNoTargetHint': 'set proxy.redis.host (and port), or proxy.redis.url',
  'scale.rule.maxBudget': (p: { name: string }) =>
    `proxy.clients.${p.name}.maxBudget is not enforced: LiteLLM checks a key's ` +
    `budget only for keys kept in its own database, not for keys llmctl checks`,
  'scale.rule.maxBudgetHint':
    'limit the client with rpm/tpm instead, or use LiteLLM virtual keys with its database for spend limits',

  // doctor
  'scale.doctor.workersTitle': 'Workers and Redis',
  'scale.doctor.workersNoRedis': (p: { n: number }) =>
    `proxy.workers is ${p.n} but there is no proxy.redis: every limit would be counted ${p.n} times`,
  'scale.doctor.workersNoRedisFix':
    'add proxy.redis (host, port, password: secret:redis), or serve with --redis-local, or set proxy.workers: 1',
  'scale.doctor.workersOk': (p: { n: number }) => `${p.n} workers share their limits through Redis`,
  'scale.doctor.redisTitle': 'Redis',
  'scale.doctor.redisOk': (p: { address: string; ms: number }) =>
    `${p.address} answers PING with the configured password (${p.ms} ms)`,
  'scale.doctor.redisUnreachable': (p: { address: string; detail: string }) =>
    `${p.address} cannot be reached (${p.detail})`,
  'scale.doctor.redisUnreachableFix':
    'start Redis (or `llmctl serve --redis-local`), and check proxy.redis host and port',
  'scale.doctor.redisAuth': (p: { address: string; detail: string }) =>
    `${p.address} refuses the password (${p.detail})`,
  'scale.doctor.redisAuthFix': (p: { ref: string }) => `set the password Redis expects in ${p.ref}`,
  'scale.doctor.redisNoPassword': 'the Redis password reference has no value',
  'scale.doctor.redisNoPasswordFix': (p: { ref: string }) => `set ${p.ref} (\`llmctl keys set …\`)`,
  'scale.doctor.redisTls': (p: { url: string }) => `${p.url} uses TLS: not checked here`,
  'scale.doctor.instancesTitle': 'Instances serve the same config',
  'scale.doctor.instancesSame': (p: { n: number; hash: string }) =>
    `all ${p.n} instances serve the same models and settings (hash ${p.hash})`,
  'scale.doctor.instancesDiffer': (p: { list: string }) => `the instances serve different configs: ${p.list}`,
  'scale.doctor.instancesDifferFix':
    'run the same llmctl.yaml on every instance (`llmctl sync`, then restart the ones that differ)',
  'scale.doctor.instanceFailed': (p: { url: string; detail: string }) => `${p.url}: ${p.detail}`,
  'scale.doctor.instanceFailedFix': 'start that instance, or check its URL and the master key in proxy.instances',

  // cli
  'scale.cli.badWorkers': (p: { value: string }) => `--workers wants a whole number from 1 to 64, not "${p.value}"`,
  'scale.cli.workers': 'LiteLLM worker processes (more than 1 needs Redis: proxy.redis or --redis-local)',
  'scale.cli.force': 'with --workers: start several workers even without Redis (limits are then per worker)',
  'scale.cli.redisLocal': 'start (or reuse) a redis-server llmctl manages on 127.0.0.1, stopped with the proxy',
  'scale.cli.instance':
    'run an extra instance NAME from the same llmctl.yaml (needs --port; the tools stay on the main one)',
  'scale.cli.stopInstance': 'stop only instance NAME (default: the proxy, every instance and the local Redis)',
} satisfies Messages;
