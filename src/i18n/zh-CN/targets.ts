import type { Translation } from '../message.js';
import type { targets as en } from '../en/targets.js';

/** 简体中文：targets 部分（LiteLLM、Continue、Claude Code 等目标工具的配置文件）。术语见 docs/glossary.zh-CN.md。 */
export const targets: Translation<typeof en> = {
  'targets.tooDeep': (p) => `嵌套超过 ${p.max} 层；llmctl 不会编辑它`,
  'targets.tooDeepStack': '嵌套过深，无法读取（解析器栈溢出）；llmctl 不会编辑它',
  'targets.tooDeepHint': '正常的配置不需要这么深的嵌套：请删除嵌套过深的值（或把文件移走）',
  'targets.jsonNotObject': (p) => `${p.file}：顶层不是 JSON 对象`,
  'targets.jsonNotObjectHint': '文件应以 { 开头；请修正或移走该文件，然后重新运行命令（没有写入任何文件）',
  'targets.jsonInvalidAt': (p) => `${p.file}:${p.line}:${p.col}：不是有效的 JSON（${p.what}）`,
  'targets.jsonInvalid': (p) => `不是有效的 JSON：${p.what}`,
  'targets.jsonInvalidHint': '请修正该位置的 JSON（缺少逗号或引号、含有注释、多余的末尾逗号）',
  'targets.duplicateKey': (p) => `“${p.path}”出现了两次（${p.first} 和 ${p.second}）`,
  'targets.duplicateKeyReader': (p) => `${p.duplicate}：${p.reader} 只会使用其中一个，llmctl 无法判断你想要哪个`,
  'targets.duplicateKeyHint': (p) => `请在 ${p.file}:${p.first} 和 :${p.second} 处把两者合并为一个（保留你想要的值）`,
  'targets.duplicateKeyMore': (p) => `（另有 ${p.n} 处）`,
  'targets.duplicateKeysHint': '请把重复的键合并为一个，然后重新运行命令；没有写入任何文件',
  'targets.keyLeak': (p) => `内部错误：有密钥将被写入 ${p.file}；没有写入任何文件`,

  'targets.yamlInvalid': (p) => `不是有效的 YAML：${p.error}`,
  'targets.yamlInvalidHint': '请修正该位置的 YAML 语法（缩进、引号、冒号）',
  'targets.yamlNotMapping': '顶层不是映射（name:、version:、models: …）',
  'targets.yamlNotMappingHint': '请从一个有效的 Continue config.yaml 开始',
  'targets.modelsNotList': '`models` 不是列表',
  'targets.modelsNotListHint': '请把它写成模型列表（- name: …）',
  'targets.modelsFlow': '`models` 写成了流式列表（[...]）；llmctl 只会把模型添加到块列表中',
  'targets.modelsFlowHint': '请改成以 "- " 开头的多行写法',
  'targets.whyForce': '（--force）',
  'targets.whyImported': '（它已被导入 llmctl.yaml）',
  'targets.continueTakenOver': (p) => `你的模型“${p.name}”现在由 llmctl 管理${p.why}；旧文件在本次同步的备份中`,
  'targets.undoRestore': '可用 `llmctl restore` 撤销',
  'targets.continueEdited': (p) => `模型“${p.name}”在 llmctl 写入后被手动修改过：保持原样`,
  'targets.continueEditedHint': '运行 `llmctl sync --force` 恢复 llmctl 的版本，或在 llmctl.yaml 中修改该模型',
  'targets.continueForeign': (p) => `你的 Continue 配置中已有名为“${p.name}”的模型，且不是 llmctl 创建的：保持原样`,
  'targets.continueForeignHint': '请重命名或删除你的这一项，或运行 `llmctl sync --force` 让 llmctl 接管它（会先备份）',
  'targets.continueLetGoEdited': (p) =>
    `模型“${p.name}”已不在 llmctl.yaml 中，但被手动修改过：保持原样（现在归你所有）`,
  'targets.continueImportedAs': (p) =>
    `你的模型“${p.name}”已作为“${p.as}”导入 llmctl.yaml：llmctl 的对应条目取代了你的这一项（已删除；旧文件在本次同步的备份中）`,

  'targets.continueUnknownModel': (p) => `“${p.name}”不是 llmctl.yaml 中的模型`,
  'targets.useOneOf': (p) => `请使用以下之一：${p.names}`,
  'targets.continueUnknownModels': 'tools.continue.models 引用了 llmctl 中不存在的模型',
  'targets.fixConfig': '请修正 llmctl.yaml；没有写入任何文件',
  'targets.fixConfigNoFile': '请修正 llmctl.yaml；没有写入任何文件',
  'targets.template': '包含 "${{"，Continue 会把它当作模板展开（${{ secrets.NAME }} 会变成该密钥的值）',
  'targets.templateHint': '请从该值中删除 "${{"；llmctl 不会把它写入 Continue 的配置',
  'targets.templates': (p) => `llmctl.yaml 中有 ${p.n} 个值会被 Continue 当作模板展开`,
  'targets.firstDeployment': (p) => `Continue 直接连接单个上游：“${p.name}”只会使用其 ${p.n} 个部署中的第一个`,
  'targets.firstDeploymentHint': '如需负载均衡，请使用 tools.continue.via: proxy',
  'targets.continueNoKey': (p) =>
    `${p.ref} 未设置，因此 ~/.continue/.env 中不会有 ${p.name}；Continue 将无法为“${p.model}”完成认证`,
  'targets.continueNoKeyHint': '请设置该密钥后重新运行 `llmctl sync`',
  'targets.envChanged': '已更改：Continue 只在启动时读取它',
  'targets.envChangedHint': '本次同步后请重启 VS Code / JetBrains（或重新加载窗口）',

  'targets.claudeNoModels': 'Claude Code 至少需要代理上有一个模型，而 llmctl.yaml 中没有任何模型',
  'targets.claudeNoModelsHint': '请在 models: 下添加模型，或用 tools.claude.enabled: false 关闭 Claude Code',
  'targets.claudeUnknownModel': (p) => `Claude Code 会向代理请求“${p.name}”，但它不是代理上的模型`,
  'targets.claudeUnknownModels': 'Claude Code 会请求代理上不存在的模型',
  'targets.claudeUnknownModelsHint': '请修正 llmctl.yaml 中的 tools.claude；没有写入任何文件',
  'targets.wslBash':
    'PATH 中排在最前面的是 WSL 的 C:\\Windows\\System32\\bash.exe；llmctl 会显式让 Claude Code 使用 Git Bash',
  'targets.gitBashMissing': (p) =>
    `${p.configured !== undefined ? `在配置的 ${p.configured} 处` : ''}未找到 Git Bash（查找了：${p.looked || '无'}）；保持未设置`,
  'targets.gitBashMissingHint':
    '请安装 Git for Windows（https://git-scm.com/download/win），或把 tools.claude.gitBashPath 设为 ' +
    'Git\\bin\\bash.exe 的完整路径，然后运行 `llmctl sync`（没有它时 Claude Code 2.1.120+ 会退回使用 PowerShell）',
  'targets.onboardingQuestion': (p) =>
    `要在 ${p.file} 中把 Claude Code 的初始引导标记为已完成，让它不再要求登录 Anthropic 吗？（选“否”会被记住；可用 tools.claude.onboarding: true 更改）`,
  'targets.onboardingUnset': '未设置：全新的 Claude Code 可能会要求登录 Anthropic，而不是使用代理',
  'targets.onboardingUnsetHint':
    '请运行 `llmctl sync --yes`，或设置 tools.claude.onboarding: true（设为 false 则不再提示）',
  'targets.claudeEnvNotObject': (p) => `${p.file}：“env”不是对象，llmctl 无法向其中添加变量`,
  'targets.claudeEnvShape': '“env”必须是由 NAME: "value" 组成的对象',
  'targets.claudeEnvHint': '请修正或删除该文件中的“env”，然后重新运行命令；没有写入任何文件',
  'targets.claudeEdited': '在 llmctl 写入后被手动修改过：保持原样',
  'targets.claudeEditedHint': '运行 `llmctl sync --force` 恢复 llmctl 的值，或在 llmctl.yaml 中写明你想要的值',
  'targets.claudeReplaced': '原有的值不是 llmctl 写入的：已替换（旧文件在本次同步的备份中）',
  'targets.claudeReplacedHint': '可用 `llmctl restore` 撤销；`llmctl unlink claude` 会还原旧值',
  'targets.claudeLetGoEdited': '已不再由 llmctl 管理，且被手动修改过：保持原样（现在归你所有）',
  'targets.claudeApiKeyToo':
    '也已设置：Claude Code 会把它作为 x-api-key 与 llmctl 的 ANTHROPIC_AUTH_TOKEN 一起发送，并要求你确认',
  'targets.claudeApiKeyTooHint':
    '请从 settings.json 中删除 env.ANTHROPIC_API_KEY；代理密钥已在 ANTHROPIC_AUTH_TOKEN 中',
  'targets.claudeCannotGiveBack': '无法还原：llmctl 替换了你的值且没有保留它（只保留了哈希）',
  'targets.claudeCannotGiveBackHint':
    '你原来的 settings.json 在替换它的那次同步的备份中：`llmctl restore ID`（ID 见 ~/.llmctl/backups）',
  'targets.claudeLegacyUnlink': '旧版 llmctl 没有记录这些设置在被接管前的值：已删除，无法还原',
  'targets.claudeLegacyUnlinkHint': '你在使用 llmctl 之前的 settings.json 在首次同步的备份中：`llmctl restore ID`',

  'targets.authFileTaken': (p) => `${p.file}：llmctl 存放 LiteLLM 代理密钥检查的位置上有一个不是 llmctl 写入的文件`,
  'targets.authFileTakenHint':
    '请移走或重命名该文件后重新运行命令（没有写入任何文件），或在 llmctl.yaml 中设置 proxy.configFile，把 LiteLLM 配置放到其他文件夹',
};
