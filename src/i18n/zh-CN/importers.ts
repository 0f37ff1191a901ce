import type { Translation } from '../message.js';
import type { importers as en } from '../en/importers.js';

/** 简体中文：importers 部分。术语见 docs/glossary.zh-CN.md。 */
export const importers: Translation<typeof en> = {
  // 各导入器共用
  'importers.reservedEnv': (p) => `密钥读取自 ${p.name}，它不能存放供应商的密钥（${p.why}）：未作为引用导入`,
  'importers.reservedEnvHint': '用 `llmctl keys set NAME` 保存密钥，并把供应商指向 secret:NAME',
  'importers.placeholderNoKey': (p) =>
    `供应商“${p.name}”导入时没有密钥（文件里是占位符）：请求会带上 llmctl 的占位密钥，绝不会用你 shell 中的密钥`,
  'importers.placeholderNoKeyHint': (p) => `如果该服务需要密钥，请运行 \`llmctl keys set ${p.name}\``,
  'importers.placeholder': (p) => `供应商“${p.name}”还没有密钥（文件里是占位符）`,
  'importers.placeholderHint': (p) =>
    `运行 \`llmctl keys set ${p.name}\`（它会把 providers.${p.name}.apiKey 指向保存的密钥）${p.env ? `，或导出 ${p.env}` : ''}`,

  // import litellm
  'importers.litellm.notYaml': (p) => `${p.file} 不是有效的 YAML`,
  'importers.litellm.notYamlHint': '修正该处的 YAML（LiteLLM 也读不了它）；没有导入任何内容',
  'importers.litellm.noModelList': (p) => `${p.file} 不是 LiteLLM 代理的配置文件：它没有 model_list`,
  'importers.litellm.noModelListProblem': '应为包含 model_list: 列表的映射',
  'importers.litellm.noModelListHint': '请传入启动 LiteLLM 时用的 config.yaml（`litellm --config FILE`）',
  'importers.litellm.keptModel': (p) => `“${p.model}”按原样无法对应任何 llmctl 预设`,
  'importers.litellm.keptModelHint':
    '已通过 params.model 原样保留，LiteLLM 收到的字符串不变；`llmctl sync` 之后请检查一下',
  'importers.litellm.apart': (p) => `“${p.name}”出现了不止一次，且不相邻`,
  'importers.litellm.apartHint': '它的各个部署会归到同一个模型下；model_list 的顺序会变，路由不变',
  'importers.litellm.unknownSetting': (p) => `LiteLLM 没有“${p.key}”这个设置，会忽略它`,
  'importers.litellm.unknownSettingHint': '已按原样保留在 proxy.settings 中；如果是写错了，请从 llmctl.yaml 删除',
  'importers.litellm.environmentVariables': '未导入 environment_variables（其中常有密钥）',
  'importers.litellm.environmentVariablesHint':
    '用 `llmctl keys set NAME` 保存密钥；其他变量请在运行 `llmctl serve` 的环境中设置',
  'importers.litellm.section': (p) => `未导入“${p.key}”部分`,
  'importers.litellm.sectionHint': 'llmctl 不管理这一部分，生成的配置文件里也不会有它',
  'importers.litellm.credentialHeader': (p) =>
    `请求头“${p.header}”带有凭据：已作为密钥“${p.name}”保存并从配置中去掉（llmctl.yaml 不存放密钥，而 LiteLLM 无法从变量读取请求头）`,
  'importers.litellm.credentialHeaderHint': (p) =>
    `如果这是上游的密钥，请设置 providers.${p.provider}.apiKey: secret:${p.name}`,
  'importers.litellm.placeholderParam': (p) => `${p.key} 是占位符：已略过`,
  'importers.litellm.placeholderParamHint': (p) =>
    `用 \`llmctl keys set NAME\` 保存真实的值，并在该模型的 params 中加上 ${p.key}: secret:NAME`,
  'importers.litellm.settingsCredential': (p) =>
    `${p.key} 是凭据：已移入密钥库，名为“${p.name}”（llmctl.yaml 不存放密钥）`,
  'importers.litellm.settingsCredentialHint': '生成的 LiteLLM 配置从 `llmctl serve` 设置的环境变量中读取它',
  'importers.litellm.entrySkipped': '已跳过该条目：它需要 model_name 和 litellm_params.model',
  'importers.litellm.entrySkippedHint': 'LiteLLM 同样会拒绝它；改好后重新导入',
  'importers.litellm.entryField': (p) => `未导入 model_list 条目中的字段“${p.key}”`,
  'importers.litellm.entryFieldHint': 'LiteLLM 不会在那里读取它；请移到 litellm_params 或 model_info 下',

  // import continue
  'importers.continue.notYaml': (p) => `${p.file} 不是有效的 YAML；没有导入任何内容`,
  'importers.continue.notYamlHint': '修正该处的 YAML 后重新导入',
  'importers.continue.noModels': '没有找到 models: 列表；没有可导入的内容',
  'importers.continue.noName': '已跳过该条目：Continue 的模型需要 name',
  'importers.continue.viaProxy': (p) =>
    `“${p.entry}”指向一个 LiteLLM 代理（${p.apiBase}）：已作为代理模型“${p.name}”导入`,
  'importers.continue.viaProxyHint': (p) =>
    `运行 \`llmctl sync\` 时，llmctl 的条目“${p.name}”会替换 Continue 列表中的这一条（旧文件保留在这次同步的备份中）`,
  'importers.continue.secretRef': (p) =>
    `密钥来自 Continue 的 secret ${p.name}（~/.continue/.env）：已作为 env:${p.name} 导入`,
  'importers.continue.secretRefHint': '也可以保存它：`llmctl keys set NAME`，然后使用 secret:NAME',
  'importers.continue.unknownRoles': '已去掉未知的 roles',
  'importers.continue.unknownRolesHint': (p) => `Continue 支持：${p.roles}`,
  'importers.continue.maxTokens': '`max-tokens` 不是 Continue 的字段（之前一直被忽略）：已作为 maxTokens 导入',
  'importers.continue.maxTokensHint': 'llmctl 会把它写成 defaultCompletionOptions.maxTokens',
  'importers.continue.secondEntry': (p) => `“${p.entry}”是模型“${p.name}”的第二个条目：已跳过`,
  'importers.continue.secondEntryHint': (p) =>
    `运行 \`llmctl sync\` 时，llmctl 的唯一条目“${p.name}”会替换 Continue 列表中的这两条（旧文件保留在这次同步的备份中）`,

  // import claude
  'importers.claude.notUrl': '不是 URL：未导入',
  'importers.claude.endsInV1': '以 /v1 结尾：Claude Code 会自己加上 /v1/messages',
  'importers.claude.endsInV1Hint': '运行 `llmctl sync` 时，llmctl 会写入代理的根地址（不带 /v1）',
  'importers.claude.placeholderToken': '是占位符：未导入',
  'importers.claude.placeholderTokenHint': '第一次运行 `llmctl sync` 时，llmctl 会生成代理密钥',
  'importers.claude.notSk': '不是以 sk- 开头，而 LiteLLM 要求主密钥以它开头：这不是代理密钥',
  'importers.claude.notSkHint':
    '第一次运行 `llmctl sync` 时，llmctl 会生成代理密钥；你的 token 已保存，`llmctl unlink claude` 时会还原',
  'importers.claude.apiKey': '未导入：Claude Code 会把它作为 x-api-key 发送，并要求你确认',
  'importers.claude.apiKeyHint':
    'llmctl 会把代理密钥作为 ANTHROPIC_AUTH_TOKEN 交给 Claude Code；请从 settings.json 中删除 ANTHROPIC_API_KEY',
  'importers.claude.smallFast': '已弃用：已作为 haikuModel 导入',
  'importers.claude.smallFastHint': 'llmctl 会写入 ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'importers.claude.maxTokens': '不是正整数：未导入',
  'importers.claude.alias': (p) =>
    `“${p.model}”是 Claude Code 对某一档模型的别名，不是模型：未作为 tools.claude.model 导入`,
  'importers.claude.aliasHint':
    'llmctl 会根据 llmctl.yaml 设置各档模型（tools.claude.opusModel、sonnetModel、haikuModel）',
  'importers.claude.noKey': (p) => `这个文件里没有供应商“${p.name}”的密钥`,
  'importers.claude.noKeyHint': (p) => `运行 \`llmctl keys set ${p.name}\`${p.own ? '，或导出 ANTHROPIC_API_KEY' : ''}`,
  'importers.claude.upstream': (p) => `指向 ${p.host}：已作为供应商“${p.name}”导入，带上 Claude Code 请求的模型`,
  'importers.claude.upstreamHint': 'llmctl 会让 Claude Code 连接 llmctl 自己的代理，再由代理转发到那个服务',

  // 合并到 llmctl.yaml
  'importers.merge.configInvalid': (p) => `${p.file} 有 ${p.n} 处问题；没有导入任何内容`,
  'importers.merge.configInvalidHint': '请先修正 llmctl.yaml（或把它移走重新开始），然后再导入',
  'importers.merge.modelExists': (p) => `llmctl.yaml 中已经有名为“${p.name}”的模型`,
  'importers.merge.wouldBreak': (p) => `导入 ${p.source} 会使 ${p.file} 无效；没有写入任何内容`,
  'importers.merge.wouldBreakHint': '这是导入器的 bug：请附上你导入的文件（去掉密钥）报告它',
  'importers.merge.viaLocalProxy': (p) => `通过本机端口 ${p.port} 上的 LiteLLM 代理`,
  'importers.merge.viaProxy': '通过一个代理',
  'importers.merge.unknownClaudeModel': (p) =>
    `Claude Code 请求的“${p.model}”还不是 llmctl.yaml 中的模型：暂时略过（Claude Code 是${p.via}访问它的）`,
  'importers.merge.unknownClaudeModelHint': (p) =>
    `先导入那个代理的配置文件（\`llmctl import litellm PATH/TO/config.yaml\`），或在 ` +
    `llmctl.yaml 中添加名为“${p.model}”的模型；然后再运行一次 \`llmctl import claude\``,
  // llmctl import（src/commands/import.ts、src/importers/summary.ts）
  'importers.cmd.unknownTool': (p) => `无法从“${p.tool}”导入`,
  'importers.cmd.unknownToolHint': (p) => `可选：${p.tools}（例如 \`llmctl import litellm config.yaml\`）`,
  'importers.cmd.noLitellmConfig': '当前文件夹中没有找到 LiteLLM 配置文件（查找了 config.yaml 和 litellm.config.yaml）',
  'importers.cmd.noLitellmConfigHint': '请指定文件：`llmctl import litellm PATH/TO/config.yaml`',
  'importers.cmd.cannotRead': (p) =>
    `无法读取 ${p.file}：` +
    (p.code === 'ENOENT'
      ? '文件不存在'
      : p.code === 'EACCES'
        ? '没有权限'
        : p.code === 'EISDIR'
          ? '这是一个文件夹'
          : p.code),
  'importers.cmd.cannotReadPermissionHint': '请检查文件权限；没有导入任何内容',
  'importers.cmd.cannotReadHint': (p) => `请传入要导入的 ${p.tool} 配置文件的路径；没有导入任何内容`,
  'importers.cmd.changed': (p) => `导入期间 ${p.file} 被修改了`,
  'importers.cmd.changedHint': '请重新运行命令',
  'importers.cmd.diffLabel': '导入后',
  'importers.summary.head': (p) =>
    `${p.dryRun ? '试运行：' : ''}${p.tool} 配置文件 ` +
    `${p.file}：${p.dryRun ? '将' : '已'}${p.into ? `向 ${p.into} ` : ''}添加 ${p.providers} 个供应商和 ${p.models} 个模型。`,
  'importers.summary.providers': (p) => `  供应商：${p.names}`,
  'importers.summary.reused': (p) => `  供应商 ${p.from}：llmctl.yaml 中已有，名为“${p.to}”`,
  'importers.summary.models': (p) => `  模型：${p.names}`,
  'importers.summary.settings': (p) => `  设置：${p.names}`,
  'importers.summary.skipped': (p) => `  跳过了 llmctl.yaml 中已有的 ${p.n} 个模型：${p.names}`,
  'importers.summary.key': (p) => `  密钥 ${p.name}（${p.masked}）${p.dryRun ? '将保存' : '已保存'}到 ${p.file}`,
  'importers.summary.noKey': (p) =>
    `  ${p.n} 个供应商还没有密钥：用 \`llmctl keys set NAME\` 保存（\`llmctl sync\` 会列出它们）`,
  'importers.summary.noKeyDetail': (p) =>
    `  “${p.provider}”还没有密钥：运行 \`llmctl keys set ${p.provider}\`（` +
    `它会把 llmctl.yaml 指向保存的密钥）${p.env ? `，或导出 ${p.env}` : ''}`,
  'importers.summary.nothingNew': '没有新内容可导入：llmctl.yaml 已经包含全部内容。',
  'importers.summary.dryRun': '没有写入任何内容（试运行）。',
  'importers.summary.nextDeferred': (p) =>
    `下一步：用 ${p.importCmd} 导入该工具所用代理的配置文件（见上面的警告），然后运行 ${p.syncCmd}。`,
  'importers.summary.next': (p) => `下一步：${p.syncCmd} 会据此写入各工具的配置文件。`,
};
