import type { Translation } from '../message.js';
import type { scale as en } from '../en/scale.js';

/** 简体中文：scale 部分。术语见 docs/glossary.zh-CN.md。 */
export const scale: Translation<typeof en> = {
  'scale.workers.noRedis': (p) =>
    `拒绝在没有 Redis 的情况下启动 ${p.n} 个 LiteLLM worker：每个 worker 会各自计算速率限制、预算和冷却，每分钟 100 次请求的限制会放行 ${100 * p.n} 次`,
  'scale.workers.noRedisHint': (p) =>
    `请在 llmctl.yaml 中添加 Redis（proxy.redis: { host, port, password: secret:redis }），或让 ` +
    `llmctl 在本机运行一个：\`llmctl serve --workers ${p.n} --redis-local\`；--force 会照样启动`,
  'scale.workers.forced': (p) =>
    `在没有 Redis 的情况下启动 ${p.n} 个 worker（--force）：每个限制都按 worker 分别计算，是 llmctl.yaml 所写的 ${p.n} 倍`,

  'scale.instance.badName': (p) => `“${p.name}”不是有效的实例名`,
  'scale.instance.badNameHint': '请使用小写字母、数字和“-”（最多 32 个），例如 --instance b',
  'scale.instance.needsPort': (p) => `实例 ${p.name} 需要自己的端口`,
  'scale.instance.needsPortHint': (p) =>
    `主代理使用 llmctl.yaml 中的端口：\`llmctl serve --instance ${p.name} --port 4001 --detach\``,
  'scale.instance.noRestart': '--restart 只适用于主代理',
  'scale.instance.noRestartHint': (p) =>
    `请先停止该实例再重新启动：\`llmctl stop --instance ${p.name}\`，然后 \`llmctl serve --instance ${p.name} --port …\``,
  'scale.instance.notRunning': (p) => `没有名为 ${p.name} 的实例在运行`,

  'scale.redisLocal.notInstalled': '在 PATH 中找不到 redis-server',
  'scale.redisLocal.notInstalledHint':
    '请安装 Redis（Debian/Ubuntu：`sudo apt install redis-server`，macOS：`brew install redis`），或让 proxy.redis 指向你自己运行的 Redis',
  'scale.redisLocal.otherRedis': (p) => `proxy.redis 已指向 ${p.target}：--redis-local 只管理它自己启动的 Redis`,
  'scale.redisLocal.otherRedisHint': (p) =>
    `去掉 --redis-local 即可使用那个 Redis；或从 ${p.file} 中删除 proxy.redis，让 llmctl 自己运行一个`,
  'scale.redisLocal.recorded': (p) =>
    `已将本机 Redis ${p.address} 记录为 ${p.file} 中的 proxy.redis（密码：secret:redis-local）。`,
  'scale.redisLocal.started': (p) =>
    `已在 ${p.address} 启动 redis-server（pid ${p.pid}）；\`llmctl stop\` 会与代理一起停止它`,
  'scale.redisLocal.startFailed': (p) => `redis-server 没有启动成功；日志：${p.log}`,

  'scale.stop.redis': (p) => `已停止本机 redis-server（pid ${p.pid}）`,
  'scale.stop.instance': (p) => `实例 ${p.name}：`,
  'scale.status.instance': (p) => `实例 ${p.name}`,
  'scale.status.redisUp': (p) => `llmctl 运行的 redis-server 在 ${p.address} 上应答（pid ${p.pid}）`,
  'scale.status.redisDown': (p) => `llmctl 运行的 redis-server（pid ${p.pid}，${p.address}）没有应答`,

  'scale.rule.redisUrlPassword': 'proxy.redis.url 中包含密码',
  'scale.rule.redisUrlPasswordHint':
    '密钥不写进 llmctl.yaml：请从 URL 中删除密码，并设置 proxy.redis.password: secret:redis（`llmctl keys set redis`）',
  'scale.rule.redisHostAndUrl': 'proxy.redis 同时设置了 host 和 url',
  'scale.rule.redisHostAndUrlHint': '只保留一种：host 和 port（LiteLLM 用起来更快），或 url',
  'scale.rule.redisNoTarget': 'proxy.redis 没有指明 Redis 的地址',
  'scale.rule.redisNoTargetHint': '请设置 proxy.redis.host（和 port），或 proxy.redis.url',
  'scale.rule.maxBudget': (p) =>
    `proxy.clients.${p.name}.maxBudget 不会生效：LiteLLM 只对保存在它自己数据库中的密钥检查预算，不检查由 llmctl 校验的密钥`,
  'scale.rule.maxBudgetHint': '请改用 rpm/tpm 限制该客户端，或使用 LiteLLM 带数据库的虚拟密钥来限制花费',

  'scale.doctor.workersTitle': 'Worker 与 Redis',
  'scale.doctor.workersNoRedis': (p) => `proxy.workers 为 ${p.n}，但没有 proxy.redis：每个限制都会被计算 ${p.n} 次`,
  'scale.doctor.workersNoRedisFix':
    '请添加 proxy.redis（host、port、password: secret:redis），或使用 --redis-local 启动，或设置 proxy.workers: 1',
  'scale.doctor.workersOk': (p) => `${p.n} 个 worker 通过 Redis 共享限制`,
  'scale.doctor.redisTitle': 'Redis',
  'scale.doctor.redisOk': (p) => `${p.address} 用配置的密码应答了 PING（${p.ms} ms）`,
  'scale.doctor.redisUnreachable': (p) => `无法访问 ${p.address}（${p.detail}）`,
  'scale.doctor.redisUnreachableFix':
    '请启动 Redis（或 `llmctl serve --redis-local`），并检查 proxy.redis 的 host 和 port',
  'scale.doctor.redisAuth': (p) => `${p.address} 拒绝了密码（${p.detail}）`,
  'scale.doctor.redisAuthFix': (p) => `请在 ${p.ref} 中设置 Redis 要求的密码`,
  'scale.doctor.redisNoPassword': 'Redis 密码引用没有值',
  'scale.doctor.redisNoPasswordFix': (p) => `请设置 ${p.ref}（\`llmctl keys set …\`）`,
  'scale.doctor.redisTls': (p) => `${p.url} 使用 TLS：这里不做检查`,
  'scale.doctor.instancesTitle': '各实例使用相同的配置',
  'scale.doctor.instancesSame': (p) => `全部 ${p.n} 个实例提供相同的模型和设置（哈希 ${p.hash}）`,
  'scale.doctor.instancesDiffer': (p) => `各实例提供的配置不同：${p.list}`,
  'scale.doctor.instancesDifferFix': '请在每个实例上使用同一份 llmctl.yaml（`llmctl sync`，然后重启不一致的实例）',
  'scale.doctor.instanceFailed': (p) => `${p.url}：${p.detail}`,
  'scale.doctor.instanceFailedFix': '请启动该实例，或检查 proxy.instances 中的 URL 和主密钥',

  'scale.cli.badWorkers': (p) => `--workers 需要 1 到 64 之间的整数，而不是“${p.value}”`,
  'scale.cli.workers': 'LiteLLM worker 进程数（多于 1 个需要 Redis：proxy.redis 或 --redis-local）',
  'scale.cli.force': '与 --workers 一起使用：没有 Redis 也启动多个 worker（此时限制按 worker 分别计算）',
  'scale.cli.redisLocal': '在 127.0.0.1 上启动（或复用）一个由 llmctl 管理的 redis-server，随代理一起停止',
  'scale.cli.instance': '用同一份 llmctl.yaml 运行额外的实例 NAME（需要 --port；各工具仍指向主代理）',
  'scale.cli.stopInstance': '只停止实例 NAME（默认：停止代理、所有实例和本机 Redis）',
};
