import type { Translation } from '../message.js';
import type { tools as en } from '../en/tools.js';

/** 简体中文：tools 部分（Codex CLI、opencode、Qwen Code、Gemini CLI）。术语见 docs/glossary.zh-CN.md。 */
export const tools: Translation<typeof en> = {
  'tools.fixAndRetry': '请修正该文件后重新运行命令；没有写入任何文件',
  'tools.editedByHand': '在 llmctl 写入后被手动修改过：保持原样',
  'tools.forceHint': '运行 `llmctl sync --force` 恢复 llmctl 的值，或在 llmctl.yaml 中写明你想要的值',
  'tools.replacedForeign': '原有一个不是 llmctl 写入的值：已替换（旧文件保存在本次同步的备份中）',
  'tools.nowYours': '已不再由 llmctl 管理，且被手动修改过：保持原样（现在归你管理）',
  'tools.toml.invalid': (p) => `${p.file}${p.where}：不是有效的 TOML（${p.what}）；llmctl 不会修改它`,
  'tools.toml.tooDeep': (p) => `${p.file}：嵌套层级过深，无法读取；llmctl 不会修改它`,
  'tools.codex.label': 'Codex CLI 配置文件',
  'tools.codex.envLabel': 'Codex .env',
  'tools.codex.title': 'Codex CLI 配置文件与 llmctl.yaml 一致',
  'tools.codex.foreignTable': '已有一个不是 llmctl 写入的 [model_providers.llmctl] 表：保持原样',
  'tools.codex.unlinkGivesBack': '可用 `llmctl restore` 撤销；`llmctl unlink codex` 会还原旧值',
  'tools.codex.defaultLeft': (p) =>
    `Codex 的默认设置仍是你自己的（model_provider "${p.provider}"）：llmctl 已添加它的供应商，但没有设为默认`,
  'tools.codex.defaultHint':
    '在 llmctl.yaml 中设置 tools.codex.setDefault: true 让 llmctl 成为默认，或运行 `codex -c model_provider=llmctl -m MODEL`',
  'tools.codex.notATable': (p) => `${p.file}：“${p.key}”不是以 [表] 的形式写的，llmctl 无法在其中添加它的供应商`,
  'tools.codex.notAString': (p) => `${p.file}：“${p.key}”必须是字符串`,
  'tools.codex.tableHint':
    '请把供应商写成 [model_providers.NAME] 表（不要用内联表或点分键），然后重新运行命令；没有写入任何文件',
  'tools.codex.cannotPatch': (p) => `${p.file}：llmctl 无法在不改变文件含义的前提下添加它的供应商`,
  'tools.codex.noModels': 'Codex CLI 需要代理上至少有一个模型，而 llmctl.yaml 中没有任何模型',
  'tools.codex.noModelsHint': '在 models: 下添加模型，或用 tools.codex.enabled: false 关闭 Codex',
  'tools.codex.unknownModel': (p) => `Codex 会向代理请求“${p.model}”，但代理上没有这个模型`,
  'tools.useOneOf': (p) => `可用的有：${p.names}`,
  'tools.badModel': '某个工具会请求代理上不存在的模型',
  'tools.badModelHint': '请修正 llmctl.yaml 中的 tools；没有写入任何文件',
  'tools.loneSurrogate': (p) => `模型名 ${p.name} 含有损坏的 Unicode 字符（孤立代理项），任何配置文件都无法保存`,
  'tools.loneSurrogateHint': '请在 llmctl.yaml 中重命名该模型；没有写入任何文件',
  'tools.import.noModel': '没有顶层 model：未导入 Codex 的默认模型',
  'tools.import.noBaseUrl': (p) => `模型供应商“${p.id}”没有 llmctl 可用的 base_url：未导入`,
  'tools.import.noBaseUrlOpencode': (p) => `供应商“${p.id}”没有 llmctl 可用的 options.baseURL：未导入`,
  'tools.import.noBaseUrlQwen': (p) => `模型“${p.id}”没有 llmctl 可用的 baseUrl：未导入`,
  'tools.import.keyNotImported': '这个密钥从文件读取或由多段拼成：未导入，请在 llmctl.yaml 中手动设置该供应商的 apiKey',
  'tools.import.geminiGateway': (p) =>
    `Gemini CLI 通过 Gemini 自己的 API 连接 ${p.url} 上的网关：llmctl 无法从中导入任何内容`,
  'tools.import.geminiGatewayHint':
    '如果该网关也提供 OpenAI 兼容的 chat completions 接口，请在 llmctl.yaml 的 providers: 下手动添加（preset: custom，apiBase）',
  'tools.import.geminiNothing': '没有设置 GOOGLE_GEMINI_BASE_URL：Gemini CLI 直连 Google，没有可导入的内容',
  'tools.import.geminiNothingHint': '先把模型加到 llmctl.yaml，再启用 tools.gemini 并运行 `llmctl sync`',
  'tools.jsonc.invalid': (p) => `${p.file}${p.where}：不是有效的 JSONC（${p.what}）；llmctl 不会修改它`,
  'tools.jsonc.notObject': (p) => `${p.file}：顶层不是 JSON 对象`,
  'tools.opencode.label': 'opencode 配置文件',
  'tools.opencode.keyLabel': 'opencode 代理密钥文件',
  'tools.opencode.title': 'opencode 配置文件与 llmctl.yaml 一致',
  'tools.opencode.providerNotObject': (p) => `${p.file}：“provider”不是对象，llmctl 无法在其中添加它的供应商`,
  'tools.opencode.foreignProvider': '已有一个不是 llmctl 写入的供应商“llmctl”：保持原样',
  'tools.opencode.defaultLeft': (p) =>
    `opencode 的默认模型仍是你自己的（“${p.model}”）：llmctl 已添加它的供应商，但没有设为默认`,
  'tools.opencode.defaultHint':
    '在 llmctl.yaml 中设置 tools.opencode.setDefault: true 让 llmctl 成为默认，或在 opencode 中用 /models 选择 llmctl/MODEL',
  'tools.opencode.unknownModel': (p) => `opencode 会向代理请求“${p.model}”，但 llmctl 提供给它的模型中没有这个`,
  'tools.opencode.noModels': 'opencode 需要代理上至少有一个模型，而 llmctl.yaml 中没有任何模型',
  'tools.opencode.noModelsHint': '在 models: 下添加模型，或用 tools.opencode.enabled: false 关闭 opencode',
  'tools.qwen.label': 'Qwen Code 配置文件',
  'tools.qwen.envLabel': 'Qwen Code .env',
  'tools.qwen.title': 'Qwen Code 配置文件与 llmctl.yaml 一致',
  'tools.qwen.notObject': (p) => `Qwen Code 的 settings.json 中“${p.key}”不是对象，llmctl 无法在其中添加条目`,
  'tools.qwen.defaultLeft': (p) =>
    `Qwen Code 的默认模型仍是你自己的（“${p.model}”）：llmctl 已添加它的模型，但没有设为默认`,
  'tools.qwen.defaultHint':
    '在 llmctl.yaml 中设置 tools.qwen.setDefault: true 让 llmctl 成为默认，或在 Qwen Code 中用 /model 选择',
  'tools.qwen.unknownModel': (p) => `Qwen Code 会向代理请求“${p.model}”，但 llmctl 提供给它的模型中没有这个`,
  'tools.qwen.noModels': 'Qwen Code 需要代理上至少有一个模型，而 llmctl.yaml 中没有任何模型',
  'tools.qwen.noModelsHint': '在 models: 下添加模型，或用 tools.qwen.enabled: false 关闭 Qwen Code',
  'tools.gemini.label': 'Gemini CLI 配置文件',
  'tools.gemini.envLabel': 'Gemini CLI .env',
  'tools.gemini.title': 'Gemini CLI 配置文件与 llmctl.yaml 一致',
  'tools.gemini.defaultLeft': (p) =>
    `Gemini CLI 的模型仍是你自己的（“${p.model}”）：llmctl 已让它连接代理，但没有替它选择模型`,
  'tools.gemini.defaultHint':
    '在 llmctl.yaml 中设置 tools.gemini.setDefault: true 让 llmctl 选择，或运行 `gemini -m MODEL`',
  'tools.gemini.unknownModel': (p) => `Gemini CLI 会向代理请求“${p.model}”，但代理上没有这个模型`,
  'tools.gemini.noModels': 'Gemini CLI 需要代理上至少有一个模型，而 llmctl.yaml 中没有任何模型',
  'tools.gemini.noModelsHint': '在 models: 下添加模型，或用 tools.gemini.enabled: false 关闭 Gemini CLI',
};
