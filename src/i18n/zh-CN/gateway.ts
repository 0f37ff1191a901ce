import type { Translation } from '../message.js';
import type { gateway as en } from '../en/gateway.js';

/** 简体中文：gateway 部分（客户端模式：别人运行的网关）。术语见 docs/glossary.zh-CN.md。 */
export const gateway: Translation<typeof en> = {
  // 网关的模型列表
  'gateway.timeout': (p) => `${p.seconds} 秒内没有响应`,
  'gateway.notAList': '响应不是模型列表（带 data 数组的 JSON）',
  'gateway.noModels': (p) => `${p.url} 上的网关没有为你的密钥列出任何模型`,
  'gateway.noModelsHint': '请询问网关的管理者你的密钥可以使用哪些模型',
  'gateway.keyRefused': (p) => `${p.url} 上的网关拒绝了你的密钥（HTTP ${p.status}）`,
  'gateway.badStatus': (p) => `${p.url} 返回了 HTTP ${p.status}`,
  'gateway.badStatusHint': (p) =>
    `${p.file} 中的 proxy.url 必须是 LiteLLM（或兼容 OpenAI 的）网关的根地址，例如 http://gateway:4000`,
  'gateway.badAnswer': (p) => `${p.url}：${p.error}`,
  'gateway.unreachable': (p) => `无法访问网关：${p.url}：${p.error}`,
  'gateway.unreachableHint': (p) =>
    `请检查 ${p.file} 中的 proxy.url 和网络（网关是否在运行？系统代理是否需要把它加入 NO_PROXY？）；llmctl 取得过一次模型列表后，同步会使用缓存`,
  'gateway.keyHintSecret': (p) => `proxy.key 是 ${p.ref}：请用 \`llmctl keys set ${p.name}\` 保存你拿到的密钥`,
  'gateway.keyHintEnv': (p) => `proxy.key 是 ${p.ref}：请把你拿到的密钥导出为 ${p.name}`,
  'gateway.keyHintNone': '请把 proxy.key 设为你拿到的密钥（secret:NAME，用 `llmctl keys set NAME` 保存）',
  'gateway.keyUnset': (p) => `网关的密钥（proxy.key：${p.ref}）未设置`,
  'gateway.modelMissing': (p) => `${p.url} 上的网关没有模型 ${p.name}：工具使用它时会出错`,
  'gateway.modelMissingHint': (p) => `它提供：${p.names}（\`llmctl sync --refresh\` 会重新获取列表）`,
  'gateway.modelsFetched': (p) => `来自网关 ${p.url} 的模型：${p.n} 个（刚刚获取）。`,
  'gateway.modelsCached': (p) =>
    `来自网关 ${p.url} 的模型：${p.n} 个（列表获取于 ${p.when}；\`llmctl sync --refresh\` 会重新获取）。`,

  // 客户端模式下 llmctl.yaml 的规则
  'gateway.rule.needsKey': 'proxy.url（别人运行的网关）需要 proxy.key：工具发给网关的密钥',
  'gateway.rule.needsKeyHint': '请在 proxy 下添加 `key: secret:team`，并用 `llmctl keys set team` 保存你拿到的密钥',
  'gateway.rule.keyWithoutUrl': 'proxy.key 只在设置了 proxy.url（别人运行的网关）时使用',
  'gateway.rule.keyWithoutUrlHint':
    '请添加 proxy.url（例如 http://gateway:4000），或删除 proxy.key：llmctl 自己的代理使用 proxy.masterKey',
  'gateway.rule.urlV1': (p) => `proxy.url ${p.url} 以 /v1 结尾：它应是网关的根地址`,
  'gateway.rule.urlV1Hint': '请去掉 /v1（需要它的工具由 llmctl 自动加上）',
  'gateway.rule.localOnly': (p) => `${p.field} 用于 llmctl 运行的代理：设置了 proxy.url（客户端模式）时会被忽略`,
  'gateway.rule.localOnlyHint': '请删除它，或删除 proxy.url 以自己运行代理',
  'gateway.rule.masterKeyHint': '如果要把这个密钥发给网关，请把它设为 proxy.key；否则请删除 proxy.masterKey',
  'gateway.rule.providers': '设置了 proxy.url（客户端模式）时会忽略 providers：网关有自己的供应商',
  'gateway.rule.modelUpstream': (p) =>
    `模型 ${p.model}：设置了 proxy.url（客户端模式）时会忽略 ${p.fields}：模型发往哪里由网关决定`,
  'gateway.rule.modelUpstreamHint': '请只保留 name、roles、maxTokens 和 continue；其余由网关决定',
  'gateway.rule.direct': '设置了 proxy.url 时 tools.continue.via: direct 不适用：Continue 直接访问网关',
  'gateway.rule.directHint': '请删除 via: direct，或删除 proxy.url',

  // serve、status
  'gateway.serve.remote': (p) => `客户端模式：${p.url} 上的网关由别人运行，llmctl 不启动代理。`,
  'gateway.serve.remoteHint': '`llmctl status` 会检查网关；`llmctl sync` 会让工具指向它。',
  'gateway.status.label': '网关',
  'gateway.status.ok': (p) => `远程，密钥已被接受，${p.n} 个模型`,
  'gateway.status.refused': (p) => `远程，拒绝了密钥（HTTP ${p.status}）`,
  'gateway.status.unreachable': (p) => `远程，无法访问：${p.error}`,
  'gateway.status.bad': (p) => `远程，/v1/models 返回了 ${p.status}`,
  'gateway.status.noKey': '远程，proxy.key 未设置',

  // 客户端模式下的诊断
  'gateway.doctor.notNeeded': (p) => `客户端模式下不需要：${p.url} 上的网关由别人运行`,
  'gateway.doctor.reachTitle': '网关可访问并接受你的密钥',
  'gateway.doctor.reachOk': (p) => `${p.url}：密钥已被接受，${p.n} 个模型`,
  'gateway.doctor.modelsTitle': '工具使用的每个模型都在网关上',
  'gateway.doctor.modelsMissing': (p) => `网关上没有：${p.list}`,
  'gateway.doctor.modelsFix':
    '请在 llmctl.yaml 中使用网关提供的模型（`llmctl sync --refresh` 会获取它的列表），或询问网关的管理者',
  'gateway.doctor.modelsOk': (p) => `${p.n} 个都在网关上`,
  'gateway.doctor.upstreamFix': '网关返回了错误：请询问网关的管理者（它的日志会说明原因）',
  'gateway.doctor.claudeElsewhere': (p) => `ANTHROPIC_BASE_URL 是 ${p.base}，不是网关 ${p.url}`,
  'gateway.doctor.networkFix': '请检查 proxy.url、网络和 NO_PROXY',

  // import continue
  'gateway.import.found': (p) => `这个 Continue 配置文件中有 ${p.n} 个模型通过 ${p.url} 上的 LiteLLM 网关访问`,
  'gateway.import.ask': (p) => `把 ${p.url} 作为别人运行的网关（客户端模式：llmctl 不运行代理，工具直接访问它）？`,
  'gateway.import.asProvider': (p) =>
    `它们已作为 llmctl 自己代理的一个供应商导入；\`llmctl import continue --gateway\` 则会把 ${p.url} 当作别人运行的网关`,
  'gateway.import.others': (p) => `另有 ${p.n} 个条目不经过网关（${p.names}）：它们在 Continue 配置文件中保持原样`,
  'gateway.import.placeholderKey': (p) =>
    `网关条目中没有真实的密钥：请用 \`llmctl keys set ${p.name}\` 保存你拿到的密钥`,
  'gateway.import.none': (p) => `${p.file} 中没有找到 LiteLLM 网关`,
  'gateway.import.noneHint': '网关是指多个不同名称的模型（provider openai）共用、且不属于已知供应商的同一个 apiBase',

  // 选项
  'gateway.cli.refresh': '客户端模式：重新获取网关的模型列表',
  'gateway.cli.gateway': 'import continue：把它指向的 LiteLLM 网关当作别人运行的网关',
  'gateway.cli.noGateway': 'import continue：把该网关的模型作为 llmctl 自己代理的一个供应商导入',
};
