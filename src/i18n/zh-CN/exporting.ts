import type { Translation } from '../message.js';
import type { exporting as en } from '../en/exporting.js';

/** 简体中文：exporting 部分。术语见 docs/glossary.zh-CN.md。 */
export const exporting: Translation<typeof en> = {
  // 命令与选项（--help）
  'exporting.cli.desc': '为其他机器写出团队网关（docker compose、Kubernetes）',
  'exporting.cli.compose': '为团队网关写出 docker compose 项目（LiteLLM、Redis 等）',
  'exporting.cli.helm': '为 LiteLLM 官方 Helm chart 写出 values 文件，以及它引用的 Secret',
  'exporting.cli.out': '写入的文件夹（默认 ./llmctl-gateway；helm-values 默认 ./llmctl-helm）',
  'exporting.cli.replicas': 'LiteLLM 容器或 Pod 的数量（默认 1；多于一个需要 Redis）',
  'exporting.cli.workers': '每个容器里的 worker 进程数（默认 proxy.workers，否则为 1）',
  'exporting.cli.force': '覆盖手动编辑过的文件（先备份）；没有 Redis 也运行多个进程',
  'exporting.cli.postgres': '加入 Postgres，用于 LiteLLM 自己的虚拟密钥和花费统计',
  'exporting.cli.webui': '加入 Open WebUI（tools.openwebui.enabled 为 true 时也会加入）',
  'exporting.cli.redisHost': 'Pod 访问 Redis 的地址（llmctl.yaml 从环境变量读取 Redis 地址时需要）',
  'exporting.cli.badCount': (p) => `必须是 1 到 64 之间的整数，而不是“${p.value}”`,

  // 拒绝
  'exporting.clientMode': (p) => `${p.file} 处于客户端模式（proxy.url：${p.url}）：它自己不运行网关，没有可导出的内容`,
  'exporting.clientModeHint': '请在运行网关的那台机器上，用它的 llmctl.yaml 导出。',
  'exporting.noRedis': (p) =>
    `拒绝在没有 Redis 的情况下运行 ${p.n} 个 LiteLLM 进程：每个进程会各自计算速率限制、预算和冷却，所有限制都会变成 ${p.n} 倍`,
  'exporting.noRedisHint':
    '请在 llmctl.yaml 中加入 proxy.redis（host: redis、port: 6379、password: secret:redis）后再导出；--force 会照样导出。',
  'exporting.noRedisForced': (p) => `${p.n} 个 LiteLLM 进程没有 Redis（--force）：每个进程各自计算速率限制和预算。`,
  'exporting.redisLoopback': 'llmctl.yaml 中的 Redis 在本机的回环地址上，容器或 Pod 无法访问',
  'exporting.redisLoopbackHint':
    '请把 proxy.redis.host 设为“redis”（compose 项目自带的 Redis），或设为容器可访问的地址。',
  'exporting.redisHostNeeded': 'llmctl.yaml 从环境变量读取 Redis 地址：Pod 需要一个地址',
  'exporting.redisHostNeededHint': '请用 --redis-host HOST[:PORT] 指定（集群里的 Redis 服务）。',
  'exporting.redisExternal': 'llmctl.yaml 中的 Redis 在这个项目之外运行：每个副本都必须能访问它。',
  'exporting.postgresWithLlmctlAuth':
    'Postgres 会记录 LiteLLM 的花费；要使用它的虚拟密钥，还需要在 llmctl.yaml 中设置 ' +
    'proxy.generalSettings.database_url: os.environ/DATABASE_URL，这会替换 llmctl 的密钥检查。',
  'exporting.webuiNoClient': (p) =>
    `Open WebUI 需要自己的客户端密钥（proxy.clients.${p.name}），而 llmctl.yaml 中没有一个有值的`,
  'exporting.webuiNoClientHint': (p) => `请用 \`llmctl keys client add ${p.name}\` 创建它，然后再导出。`,
  'exporting.badEnvValue': (p) => `${p.name} 的值含有引号、反斜杠或换行：env 文件无法保存它`,
  'exporting.badEnvValueHint': '请重新保存不含这些字符的密钥（`llmctl keys set NAME`）。',
  'exporting.edited': (p) => `${p.dir} 中有 ${p.n} 个文件在 llmctl 写入之后被改动过；没有写入任何文件`,
  'exporting.editedFile': '被手动编辑过（或不是 llmctl 写的）',
  'exporting.helmRedisService':
    'llmctl.yaml 中的 Redis 主机名是“redis”：只有当 Pod 所在的命名空间里有同名的 Service 时才能访问。',
  'exporting.editedHint':
    '请把你的改动移到 llmctl.yaml 中，或加上 --force 再运行以覆盖（旧文件会先备份；`llmctl restore` 可以恢复）。',

  // 写入的内容
  'exporting.wrote': (p) => `已写入 ${p.file}`,
  'exporting.removed': (p) => `已删除 ${p.file}（不再属于导出内容）`,
  'exporting.keptEdited': (p) => `保留了 ${p.file}：它不再属于导出内容，但被手动编辑过`,
  'exporting.upToDate': (p) => `${p.dir} 已是最新。`,
  'exporting.into': (p) => `已导出到 ${p.dir}`,
  'exporting.backedUp': (p) => `之前的文件已备份（${p.id}）。`,
  'exporting.composeNext': (p) =>
    `下一步：把 ${p.dir} 复制到服务器上，在那里运行 \`docker compose up -d\`（密钥在 secrets/ 中，权限 0600）。`,
  'exporting.helmNext': (p) =>
    `下一步：运行 \`kubectl apply -f ${p.dir}/secret.yaml\`，然后运行 \`helm install ` +
    `llmctl oci://ghcr.io/berriai/litellm-helm -f ${p.dir}/values.yaml\`。`,
};
