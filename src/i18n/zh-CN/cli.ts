import type { Translation } from '../message.js';
import type { cli as en } from '../en/cli.js';

/** 简体中文：cli 部分（各命令的 --help 和 commander 自身的提示）。术语见 docs/glossary.zh-CN.md。 */
export const cli: Translation<typeof en> = {
  'cli.description':
    '集中管理 LLM 供应商、模型和密钥的唯一配置来源：生成 LiteLLM 配置文件，修改 Continue 和 Claude Code 的配置，并运行代理。',
  'cli.opt.version': '显示版本号',
  'cli.opt.config': '使用指定的 llmctl.yaml，而不是 llmctl 主目录中的那个',
  'cli.opt.noColor': '不使用颜色（也可设置 NO_COLOR=1）',
  'cli.opt.lang': '消息语言：en 或 zh-CN（也可用 LLMCTL_LANG、LANG 设置）',
  'cli.opt.quiet': '只输出错误和数据',
  'cli.opt.verbose': '输出更多细节',
  'cli.opt.json': '以 JSON 格式输出数据',
  'cli.opt.help': '显示命令帮助',
  'cli.helpCommand': '显示命令帮助',
  'cli.startHint.setup':
    '已有配置：`llmctl status` 查看状态，`llmctl doctor` 诊断问题，`llmctl sync` 应用 llmctl.yaml。',
  'cli.startHint.fresh':
    '从 `llmctl init` 开始：向导会带你设置供应商、密钥和要用的工具（也可以用 `llmctl import litellm FILE` 导入现有配置）。',
  'cli.badLang': (p) => `--lang 不支持语言“${p.value}”，请使用 --lang en 或 --lang zh-CN`,
  'cli.badPort': (p) => `端口必须是 1 到 65535 之间的数字，不能是“${p.value}”`,

  'cli.title.usage': '用法：',
  'cli.title.options': '选项：',
  'cli.title.globalOptions': '全局选项：',
  'cli.title.arguments': '参数：',
  'cli.title.commands': '命令：',
  'cli.title.examples': '示例：',
  'cli.title.presets': '预设（--provider）：',

  'cli.err.prefix': '错误：',
  'cli.err.runWithHelp': '（加上 --help 运行可查看用法）',
  'cli.err.unknownCommand': (p) => `未知命令 '${p.name}'`,
  'cli.err.unknownOption': (p) => `未知选项 '${p.flag}'`,
  'cli.err.missingArgument': (p) => `缺少必需的参数 '${p.name}'`,
  'cli.err.optionMissingArgument': (p) => `选项 '${p.flag}' 缺少参数值`,
  'cli.err.invalidArgument': (p) => `选项 '${p.flag}' 的参数值 '${p.value}' 无效。${p.reason}`,
  'cli.err.excessArguments': (p) =>
    `${p.command ? `'${p.command}' 的` : ''}参数过多：应为 ${p.expected} 个，实际为 ${p.got} 个。`,
  'cli.err.didYouMean': (p) => `（你是不是想输入 ${p.names}？）`,
  'cli.err.didYouMeanOneOf': (p) => `（你是不是想输入以下之一：${p.names}？）`,

  'cli.init.desc': '向导（或只用选项）：写入 llmctl.yaml 和密钥，然后同步',
  'cli.init.yes': '不提问：使用选项和默认值',
  'cli.init.from': '以现有的 LiteLLM 配置文件为起点',
  'cli.init.provider': '要添加的供应商预设，如 siliconflow、vllm、custom（可重复）',
  'cli.init.removeProvider': '要从 llmctl.yaml 中移除的供应商，连同它的模型（可重复）',
  'cli.init.apiBase': '自定义或自部署供应商的 base URL；同一模型服务有多个实例时可重复给出',
  'cli.init.keyEnv': '从这个环境变量读取供应商的密钥',
  'cli.init.keyStdin': '从标准输入读取供应商的密钥',
  'cli.init.model':
    '要添加的模型：ID，或 NAME=ID（用更短的名称对外提供）；有多个 --provider 时写 PROVIDER:ID（可重复）',
  'cli.init.claudeModel': 'Claude Code 使用的模型',
  'cli.init.claudeHaikuModel': 'Claude Code 后台调用使用的模型',
  'cli.init.continueModel': 'Continue 的对话模型',
  'cli.init.autocompleteModel': 'Continue 的自动补全（FIM）模型',
  'cli.init.tools': '要配置的工具：continue,claude,codex,opencode,qwen,gemini（或 none）',
  'cli.init.port': '代理监听的端口（默认 4000）',
  'cli.init.noSync': '只写入 llmctl.yaml 和密钥',
  'cli.init.serve': '最后在后台启动代理（用 `llmctl stop` 停止）',

  'cli.import.desc': '把现有工具的配置导入 llmctl.yaml（密钥移入密钥库）',
  'cli.import.tool': 'litellm、continue、claude、codex、opencode、qwen 或 gemini',
  'cli.import.file': '要导入的文件（默认：该工具的常用位置）',
  'cli.import.dryRun': '显示将要添加的内容，不写入任何文件',

  'cli.keys.desc': '管理 API 密钥（从不完整显示，也从不从命令行参数读取）',
  'cli.keysSet.desc': '保存密钥：隐藏输入，或用 --stdin、--from-env VAR',
  'cli.keysSet.name': '密钥名称，在 llmctl.yaml 中写作 secret:NAME',
  'cli.keysSet.fromEnv': '复制这个环境变量的值',
  'cli.keysSet.stdin': '从标准输入读取密钥',
  'cli.keysList.desc': '列出密钥名称、各自的使用位置和打码后的末尾几位',
  'cli.keysRm.desc': '删除已保存的密钥（llmctl.yaml 正在使用时先询问）',
  'cli.keysRm.force': '即使 llmctl.yaml 正在使用也直接删除，不询问',

  'cli.keysClient.desc': '客户端密钥：为 Open WebUI、某个人或 CI 任务单独发放密钥，并限制其模型和速率',
  'cli.keysClientAdd.desc': '创建客户端密钥（只显示一次），并把客户端加入 llmctl.yaml',
  'cli.keysClientAdd.name': '客户端名称，会显示在代理日志中（openwebui、alice、ci）',
  'cli.keysClientAdd.models': '它可以使用的模型，用逗号分隔（默认：全部模型）',
  'cli.keysClientAdd.rpm': '每分钟可发送的请求数',
  'cli.keysClientAdd.tpm': '每分钟可使用的 token 数',
  'cli.keysClientAdd.maxBudget': '花费上限（美元）',
  'cli.keysClientAdd.force': '替换同名的已有客户端，并生成新密钥',
  'cli.keysClientList.desc': '列出 llmctl.yaml 中的客户端密钥及其模型和限制（不显示密钥）',
  'cli.keysClientRm.desc': '从 llmctl.yaml 删除客户端及其保存的密钥',
  'cli.keysClientRm.name': '客户端名称',
  'cli.sync.desc': '生成并写入所有已启用的目标工具的配置',
  'cli.sync.dryRun': '为每个文件输出一份 unified diff，不写入任何文件',
  'cli.sync.check': '任一目标工具与 llmctl 将写入的内容不一致时以退出码 3 退出',
  'cli.sync.only': '逗号分隔：litellm,continue,claude',
  'cli.sync.force': '同时覆盖被手动修改过的托管条目',
  'cli.sync.yes': '对所有问题回答“是”（如 ~/.claude.json 的 onboarding）',
  'cli.sync.noRestart': '让运行中的代理继续使用旧配置（默认：重启代理，让它使用新配置）',
  'cli.sync.json': '以 JSON 格式输出结果',

  'cli.status.desc': '每个目标工具：已同步 / 不一致 / 缺少；代理是否在运行',

  'cli.unlink.desc': '解除 llmctl 与某个工具的关联：删除 llmctl 在它的配置中写入的内容，并在 llmctl.yaml 中关闭该工具',
  'cli.unlink.tool': 'continue、claude、codex、opencode、qwen 或 gemini',
  'cli.unlink.dryRun': '输出差异，不写入任何文件',
  'cli.unlink.force': '同时删除 llmctl 写入后又被手动修改过的条目',

  'cli.restore.desc': '用备份撤销一次同步',
  'cli.restore.id': '备份 ID（默认：最近一个）',
  'cli.restore.list': '列出所有备份',

  'cli.serve.desc': '用生成的配置文件运行真正的 LiteLLM 代理',
  'cli.serve.port': '监听的端口（默认 4000）；记录到 llmctl.yaml（proxy.port），各工具随之更新',
  'cli.serve.host': '绑定的地址（0.0.0.0：所有网络接口，其他机器也可访问）；记录到 llmctl.yaml（proxy.host）',
  'cli.serve.detach': '在后台运行（pid 文件和日志文件在 llmctl 主目录中）',
  'cli.serve.restart': '用当前配置重启运行中的代理（后台或前台），并报告代理有多长时间不可用',

  'cli.stop.desc': '停止 llmctl serve 启动的代理（后台运行的，或在另一个终端中运行的）',

  'cli.proxy.desc': '管理 LiteLLM 的安装',
  'cli.proxyInstall.desc': '把 LiteLLM 安装到 llmctl 管理的虚拟环境中',
  'cli.proxyInstall.version': 'LiteLLM 版本',
  'cli.proxyInstall.python': '要使用的 Python 解释器',

  'cli.doctor.desc': '诊断当前配置（完整支持 Windows），并说明如何修复',
  'cli.doctor.fix': '应用安全的修复（每项都先备份）',
  'cli.doctor.online': '同时通过网络检查供应商和运行中的代理',
};
