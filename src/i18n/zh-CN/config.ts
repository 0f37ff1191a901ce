import type { Translation } from '../message.js';
import type { config as en } from '../en/config.js';

/** zod 的类型名（expected / received）在中文里的说法。 */
const TYPE: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true 或 false）',
  object: '映射（key: value）',
  record: '映射（key: value）',
  array: '列表',
  null: '空值',
  undefined: '空值',
};
const typeName = (t: string) => TYPE[t] ?? t;

/** too_small / too_big 的界限：字符串按字符数，列表按项数，数字按大小。 */
function bound(origin: string, n: number, inclusive: boolean, small: boolean): string {
  if (origin === 'string' && small && n === 1) return '不能为空';
  if (origin === 'array' && small && n === 1) return '至少要有 1 项';
  const what = origin === 'string' ? '长度' : origin === 'array' ? '项数' : '值';
  const rel = small ? (inclusive ? '不能小于' : '必须大于') : inclusive ? '不能大于' : '必须小于';
  return `${what}${rel} ${n}`;
}

/** 简体中文：config 部分。术语见 docs/glossary.zh-CN.md。 */
export const config: Translation<typeof en> = {
  // 读取 llmctl.yaml
  'config.notFound': (p) => `${p.file} 处没有 llmctl 配置文件`,
  'config.notFoundHint': '运行 `llmctl init`（或 `llmctl import litellm FILE`）创建一个，或用 --config FILE 指定',
  'config.cannotRead': (p) => `无法读取 ${p.file}：${p.code}`,
  'config.cannotReadHint': '请检查文件权限',
  'config.hasProblems': (p) => `${p.file} 有 ${p.n} 处问题`,
  'config.hasProblemsHint': '改好后重新运行命令；没有改动任何文件',
  'config.changedWhileRunning': (p) => `命令运行期间 ${p.file} 被修改了`,
  'config.changedWhileRunningHint': '没有写入任何内容；请重新运行命令',

  // 校验：语法与结构
  'config.notYaml': (p) => `不是有效的 YAML：${p.message}`,
  'config.notYamlHint': '修正该处的 YAML 语法（缩进、引号、冒号）',
  'config.notMapping': 'llmctl.yaml 必须是映射（key: value）',
  'config.notMappingHint': '可以从 `llmctl init` 或 README 中的示例开始',
  'config.unknownFields': (p) => `未知字段 ${p.fields}`,
  'config.unknownFieldsHint': '请检查拼写；文件开头有 $schema 行时，编辑器会补全字段',
  'config.missingField': '缺少必填字段',
  'config.missingFieldHint': (p) => `添加 ${p.field}:${p.value !== undefined ? ` ${p.value}` : ''}`,
  'config.useOneOf': (p) => `可选值：${p.values}`,
  'config.writeTypeHere': (p) => `这里应填写${typeName(p.expected)}`,

  // 校验：zod 的问题
  'config.zod.invalidType': (p) => `类型不对：应为${typeName(p.expected)}，实际是${typeName(p.received)}`,
  'config.zod.invalidValue': (p) => `取值无效：应为 ${p.values} 之一`,
  'config.zod.tooSmall': (p) => bound(p.origin, p.minimum, p.inclusive, true),
  'config.zod.tooBig': (p) => bound(p.origin, p.maximum, p.inclusive, false),
  'config.zod.other': (p) => `取值无效（${p.zod}）`,
  'config.keyRefFormat':
    '必须是密钥引用：secret:NAME（用 `llmctl keys set NAME` 保存）或 env:VAR（环境变量），不能直接写密钥本身',
  'config.urlFormat': '必须是 http(s) URL，例如 http://10.0.0.5:8000/v1',

  // 规则（src/config/rules.ts）
  'config.rule.providerName': (p) => `供应商名称“${p.name}”含有 llmctl 不能使用的字符`,
  'config.rule.providerNameHint': '只用字母、数字、“-”、“_”或“.”',
  'config.rule.unknownPreset': (p) => `未知的预设“${p.preset}”`,
  'config.rule.needsApiBase': (p) => `供应商“${p.name}”（${p.preset}）需要 apiBase`,
  'config.rule.needsApiBaseHint': (p) => `添加 apiBase: ${p.example}`,
  'config.rule.noV1': (p) => `apiBase“${p.apiBase}”不是以 /v1 结尾`,
  'config.rule.noV1Hint': 'OpenAI 兼容的服务（vLLM 等）在 /v1 下提供接口；除非你的服务不同，否则请加上',
  'config.rule.providerAndDeployments': (p) => `模型“${p.model}”同时有 provider 和 deployments`,
  'config.rule.providerAndDeploymentsHint': '只保留一个：多个上游用 deployments，单个上游用 provider',
  'config.rule.noProvider': (p) => `模型“${p.model}”没有 provider`,
  'config.rule.noProviderHint': '添加 provider: NAME（providers: 中的一个），或一个 deployments 列表',
  'config.rule.undefinedProviderHint': (p) => `可选：${p.names}；或者在 providers: 下添加它`,
  'config.rule.undefinedProviderHintNone': '在 providers: 下添加它',
  'config.rule.modelUndefinedProvider': (p) => `模型“${p.model}”使用的供应商“${p.provider}”未定义`,
  'config.rule.deploymentUndefinedProvider': (p) => `部署使用的供应商“${p.provider}”未定义`,
  'config.rule.duplicateModel': (p) => `模型名称“${p.model}”重复（models[${p.first}] 也用了它）`,
  'config.rule.duplicateModelHint': '改掉其中一个名称；或者把两个上游作为 deployments: 放到同一个模型下做负载均衡',
  'config.rule.claudeModelMissing': (p) => `Claude Code 的模型“${p.model}”不在 llmctl.yaml 的模型中`,
  'config.rule.claudeModelMissingHint': '使用 models: 中某个模型的名称，或添加这个模型',
  'config.rule.continueModelMissing': (p) => `Continue 的模型“${p.model}”不在 llmctl.yaml 的模型中`,
  'config.rule.continueModelMissingHint': '使用 models: 中某个模型的名称',
  'config.rule.reservedEnvKey': (p) => `${p.ref} 不能存放供应商的密钥：${p.why}，它的值会被发送到上游`,
  'config.rule.reservedEnvParam': (p) => `${p.ref} 不能作为 ${p.field} 交给 LiteLLM：${p.why}，它的值会被发送到上游`,
  'config.rule.reservedEnvHint':
    '用 `llmctl keys set NAME` 保存密钥并在这里写 secret:NAME；或者用一个专属的名称导出它（例如 MYPROVIDER_API_KEY），再写 env:THAT_NAME',
  'config.rule.credentialHeader': (p) => `请求头“${p.header}”带有凭据：llmctl.yaml 不存放密钥，而 LiteLLM 会原样复制它`,
  'config.rule.credentialHeaderHint':
    '删除它，把密钥作为供应商的 apiKey（先 `llmctl keys set NAME`，再写 apiKey: ' +
    'secret:NAME）：LiteLLM 会自己以 Authorization / x-api-key / api-key 发送',
  'config.rule.literalCredential': (p) =>
    `${p.field} 是写在 llmctl.yaml 里的凭据（llmctl.yaml 不存放密钥；LiteLLM 配置会原样收到它）`,
  'config.rule.literalCredentialHint': (p) =>
    `用 \`llmctl keys set NAME\` 保存，并写成 ${p.field}: secret:NAME（环境变量则写 env:VAR 或 os.environ/VAR）`,
  'config.rule.noKey': (p) =>
    `供应商“${p.name}”没有 apiKey，而 ${p.preset} 需要密钥：它的请求会带上 llmctl 的占位密钥（绝不会用你 shell 中的密钥），因此会被拒绝`,
  'config.rule.noKeyHint': (p) =>
    `运行 \`llmctl keys set ${p.name}\`（它会把 providers.${p.name}.apiKey 指向保存的密钥）`,
  'config.rule.literalMasterKeyHint': '删除它：llmctl 根据 proxy.masterKey 设置主密钥（`llmctl keys set proxy`）',
  'config.rule.literalSettingHint': (p) =>
    `用 \`llmctl keys set NAME\` 保存，并写成 ${p.field}: secret:NAME（环境变量则写 os.environ/VAR）`,
};
