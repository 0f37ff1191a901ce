import type { Translation } from '../message.js';
import type { doctor as en } from '../en/doctor.js';

/** 简体中文：doctor 部分。术语见 docs/glossary.zh-CN.md。检查项 id 和 PASS/WARN/FAIL/SKIP 不翻译。 */
export const doctor: Translation<typeof en> = {
  // 通用
  'doctor.skip.noConfig': '没有 llmctl.yaml（见 config.valid）',
  'doctor.skip.configInvalid': 'llmctl.yaml 无效（见 config.valid）',
  'doctor.skip.windowsAcl': 'Windows：由用户配置文件的 ACL 保护',
  'doctor.skip.claudeDisabled': 'llmctl.yaml 中未启用 Claude Code',
  'doctor.facts.tooDeep': '嵌套层级过深，无法读取',
  'doctor.facts.notObject': '不是 JSON 对象',
  'doctor.unknownReason': '原因未知',
  'doctor.versionUnknown': '（版本未知）',

  // node.version
  'doctor.node.title': 'Node.js 版本',
  'doctor.node.tooOld': (p) => `v${p.version}（llmctl 需要 ${p.min} 或更高版本）`,
  'doctor.node.fix': '从 https://nodejs.org 安装 Node.js 20.19+ 或 22 LTS',

  // config.valid
  'doctor.config.title': 'llmctl.yaml 有效',
  'doctor.config.missing': (p) => `${p.file} 处没有 llmctl.yaml`,
  'doctor.config.missingFix': 'llmctl init   （或：llmctl import litellm FILE）',
  'doctor.config.problems': (p) => `${p.n} 个问题：${p.first}${p.n > 1 ? `（另有 ${p.n - 1} 个）` : ''}`,
  'doctor.config.warnings': (p) => `${p.n} 个警告：${p.first}`,
  'doctor.config.ok': (p) => `${p.file}：${p.models} 个模型，${p.providers} 个供应商`,
  'doctor.config.pastedKeyFix': (p) =>
    `llmctl keys set ${p.name}   （在这里粘贴密钥），然后编辑 ${p.at}：把${p.field} 改为 secret:${p.name}`,
  'doctor.config.unknownFieldFix': (p) => `编辑 ${p.at}：删除${p.field}，或改正拼写（${p.hint}）`,
  'doctor.config.seeSchema': '见配置文件的 schema',
  'doctor.config.editFix': (p) => `编辑 ${p.at}${p.field}：${p.what}`,

  // secrets.present
  'doctor.secrets.title': '引用的密钥都已设置',
  'doctor.secrets.unreadable': '无法读取密钥库文件',
  'doctor.secrets.unreadableFix': (p) => `把 ${p.file} 移走，再用 \`llmctl keys set NAME\` 重新设置密钥`,
  'doctor.secrets.notStored': (p) => `密钥库中没有：${p.list}`,
  'doctor.secrets.usedBy': (p) => `${p.name}（${p.usedBy}）`,
  'doctor.secrets.envNotSet': (p) => `当前环境未设置环境变量：${p.list}`,
  'doctor.secrets.envNotSetFix': (p) =>
    `在 \`llmctl serve\` 之前执行 ${p.setIt}（或存入密钥库：\`llmctl keys set PROVIDER\`，它会让 llmctl.yaml 引用该密钥）`,
  'doctor.secrets.noMasterKey': '还没有代理主密钥',
  'doctor.secrets.noMasterKeyFix': 'llmctl sync   （生成 secret:proxy）',
  'doctor.secrets.resolved': (p) => `${p.n} 个密钥引用均可解析${p.masterStored ? '，代理主密钥已存储' : ''}`,

  // secrets.permissions、files.permissions、home.permissions
  'doctor.secretsMode.title': '密钥库文件仅你本人可读',
  'doctor.secretsMode.none': (p) => `还没有密钥库文件（${p.file}）`,
  'doctor.secretsMode.loose': (p) => `${p.file} 的权限为 ${p.mode}：其他用户可以读取你的密钥`,
  'doctor.secretsMode.fix': (p) => `${p.command}   （之后请考虑轮换密钥）`,
  'doctor.secretsMode.ok': (p) => `权限 ${p.mode}`,
  'doctor.modes.fileMode': (p) => `${p.file}（权限 ${p.mode}）`,
  'doctor.modes.fixDoes': (p) => `${p.command}   （llmctl doctor --fix 会自动执行）`,
  'doctor.keyFiles.title': '存有密钥的工具文件仅你本人可读',
  'doctor.keyFiles.loose': (p) => `其他用户可以读取以下文件中的代理密钥：${p.list}`,
  'doctor.keyFiles.none': '还没有 settings.json 或 Continue 的 .env',
  'doctor.home.title': 'llmctl 的目录和认证模块仅你本人可写',
  'doctor.home.writable': (p) =>
    `其他用户可写：${p.list}。LiteLLM 会导入${p.file ? '这个文件' : '其中的 llmctl_auth.py'}，他们因此可以以你的身份运行代码`,
  'doctor.home.none': (p) => `还没有 ${p.dir}`,

  // target.*
  'doctor.target.title': (p) => `${p.tool}与 llmctl.yaml 一致`,
  'doctor.target.litellm': 'LiteLLM 配置',
  'doctor.target.continue': 'Continue 配置',
  'doctor.target.claude': 'Claude Code 设置',
  'doctor.target.cannotPlan': (p) => `无法规划同步：${p.why}`,
  'doctor.target.notEnabled': 'llmctl.yaml 中未启用',
  'doctor.target.handEdited': (p) => `${p.n} 个托管条目与 llmctl.yaml 不一致：它们被手动修改过，llmctl 予以保留`,
  'doctor.target.forceFix': (p) => `llmctl sync --only ${p.name} --force   （覆盖你的修改；会先备份）`,
  'doctor.target.inSync': (p) => `已同步：${p.files}`,
  'doctor.target.missing': (p) => `缺少：${p.files}`,
  'doctor.target.drifted': (p) => `不一致：${p.files}${p.conflicts ? `；${p.conflicts}` : ''}`,
  'doctor.target.driftFix': (p) =>
    `llmctl sync --dry-run --only ${p.name}   （查看差异），然后：llmctl sync --only ${p.name}`,

  // files.duplicate-keys
  'doctor.duplicates.title': 'llmctl 编辑的工具文件中没有重复的键',
  'doctor.duplicates.noFiles': '还没有 settings.json 或 Continue 配置',
  'doctor.duplicates.none': (p) => `${p.files} 中没有`,
  'doctor.duplicates.found': (p) => `${p.found}：工具只会使用其中一个，llmctl 不做猜测`,
  'doctor.duplicates.fix': '手动把每组重复的键合并为一个（保留你想要的值），然后：llmctl sync',

  // continue.valid
  'doctor.continue.title': 'Continue 配置符合 Continue 的规则',
  'doctor.continue.notEnabled': 'llmctl.yaml 中未启用 Continue',
  'doctor.continue.none': (p) => `没有 ${p.file}（见 target.continue）`,
  'doctor.continue.badYaml': (p) => `${p.file} 不是有效的 YAML：${p.error}`,
  'doctor.continue.badYamlFix': (p) =>
    `手动修正 YAML，或：mv ${p.file} ${p.broken} && llmctl sync --only continue   （生成包含 llmctl 模型的新文件；旧文件保留为 .broken）`,
  'doctor.continue.editFix': (p) => `编辑 ${p.file}：${p.edits}`,
  'doctor.continue.ok': (p) => `${p.file}：name、version、schema v1 和各列表均符合 Continue 的要求`,
  'doctor.shape.notMapping': '文件不是 YAML 映射',
  'doctor.shape.noName': '缺少 `name`（必须是字符串）',
  'doctor.shape.noVersion': '缺少 `version`',
  'doctor.shape.versionNotString': '`version` 必须是字符串，例如 version: "1.0.0"',
  'doctor.shape.schemaNotString': '`schema` 必须是字符串，例如 v1',
  'doctor.shape.notList': (p) => `\`${p.field}\` 必须是列表`,
  'doctor.shape.modelNotMapping': (p) => `${p.at} 不是映射`,
  'doctor.shape.modelField': (p) => `${p.at} 缺少 ${p.field}`,
  'doctor.shape.setVersion': '设置 version: "1.0.0"',
  'doctor.shape.setName': '把 name: 设为任意文本（例如 name: My config）',
  'doctor.shape.setSchema': '设置 schema: v1',
  'doctor.shape.makeList': (p) => `把 ${p.field} 改为列表（每项一行，以 "- " 开头），或删除它`,
  'doctor.shape.addField': (p) => `为 ${p.at} 添加 ${p.field}:，或删除该条目`,
  'doctor.shape.fixModel': (p) => `${p.at}：删除它，或写成映射`,
  'doctor.shape.makeMapping': '改为 YAML 映射（name:、version:、models: …）',

  // litellm.installed、python.version
  'doctor.litellm.title': '`llmctl serve` 将运行的 LiteLLM',
  'doctor.litellm.cannotTell': (p) => `无法判断：${p.error}`,
  'doctor.litellm.notFound': (p) => `未找到（查找过：${p.tried}）`,
  'doctor.litellm.nowhere': '无',
  'doctor.litellm.malicious': (p) => `${p.where} 处的 LiteLLM ${p.version} 是恶意版本（会窃取凭据）`,
  'doctor.litellm.rotateFix': (p) => `立即轮换你的密钥（每个供应商密钥和代理主密钥）。${p.hint}`,
  'doctor.litellm.ok': (p) => `LiteLLM ${p.version}，位于 ${p.where}`,
  'doctor.python.title': (p) => `Python ${p.min}+（LiteLLM 需要）`,
  'doctor.python.installFix':
    '安装 Python 3.9+（例如 apt install python3 python3-venv），或为 `llmctl proxy install` 指定 --python',
  'doctor.python.ok': (p) => `Python ${p.version}（${p.command}）`,
  'doctor.python.notNeeded': 'PATH 中没有 Python，但 LiteLLM 已安装',
  'doctor.python.none': '未找到 Python',
  'doctor.python.tooOld': (p) => `Python ${p.version}（${p.command}）版本过低，LiteLLM 无法使用`,
  'doctor.python.excluded': 'LiteLLM 不支持 Python 3.9.7',

  // proxy.port、proxy.config、proxy.exposure、network.system-proxy
  'doctor.port.title': '代理端口空闲，或 llmctl 的代理运行正常',
  'doctor.port.up': (p) => `llmctl 的代理运行中：${p.url}${p.pid ? `（pid ${p.pid}）` : ''}，已就绪`,
  'doctor.port.notReady': (p) => `${p.url} 上 llmctl 的代理未就绪${p.detail ? `：${p.detail}` : ''}`,
  'doctor.port.notReadyFix': (p) => `llmctl stop && llmctl serve --detach   （未就绪的原因见：${p.log}）`,
  'doctor.port.taken': (p) => `${p.host} 上的端口 ${p.port} 已被其他程序占用`,
  'doctor.port.takenFix': '停止该程序，或换一个端口：在 llmctl.yaml 中设置 proxy.port，然后 llmctl sync',
  'doctor.port.free': (p) => `代理未运行；端口 ${p.port} 空闲`,
  'doctor.proxyConfig.title': '运行中的代理使用当前配置',
  'doctor.proxyConfig.noConfig': '没有有效的 llmctl.yaml（见 config.valid）',
  'doctor.proxyConfig.notRunning': '没有由 `llmctl serve` 启动的代理在运行',
  'doctor.proxyConfig.stale': (p) => `代理（pid ${p.pid}）运行的是旧配置：${p.why}`,
  'doctor.proxyConfig.ok': (p) => `代理（pid ${p.pid}）由当前的 LiteLLM 配置和密钥启动`,
  'doctor.exposure.title': '本机以外只能凭密钥访问代理',
  'doctor.exposure.loopback': (p) => `监听 ${p.host}（仅本机可访问）`,
  'doctor.exposure.generate': 'llmctl sync   （生成主密钥）',
  'doctor.exposure.exportKey': (p) => `${p.command}（客户端将使用的密钥）`,
  'doctor.exposure.open': (p) => `监听 ${p.host} 且没有主密钥：网络上任何人都能消耗你的供应商密钥`,
  'doctor.exposure.openFix': (p) => `${p.provide}，或在 llmctl.yaml 中设置 proxy.host: 127.0.0.1`,
  'doctor.exposure.keyed': (p) => `监听 ${p.host}；客户端需要主密钥`,
  'doctor.systemProxy.title': '发往本地代理的请求不经过系统 HTTP 代理',
  'doctor.systemProxy.none': '未设置 HTTP(S)_PROXY',
  'doctor.systemProxy.covered': (p) => `已设置 ${p.vars}；${p.host} 在 NO_PROXY 中`,
  'doctor.systemProxy.notCovered': (p) =>
    `已设置 ${p.vars}，但 ${p.host} 不在 NO_PROXY 中：发往本地代理的请求会走系统代理（Clash 等）`,
  'doctor.systemProxy.setxFix': (p) => `setx NO_PROXY "${p.value}"   （然后打开新的终端 / 重启 IDE）`,
  'doctor.systemProxy.exportFix': (p) => `export NO_PROXY="${p.value}"   （写入你的 shell 配置文件）`,

  // claude.installed、claude.settings、claude.models
  'doctor.claude.syncForceFix': (p) =>
    `llmctl sync --only ${p.target} --force   （用 llmctl 的值覆盖你的修改；会先备份）`,
  'doctor.claudeInstalled.title': '已安装 Claude Code',
  'doctor.claudeInstalled.notFound': 'PATH 中找不到 `claude`',
  'doctor.claudeSettings.title': 'Claude Code 设置指向代理并带有令牌',
  'doctor.claudeSettings.none': (p) => `没有 ${p.file}`,
  'doctor.claudeSettings.badJson': (p) => `${p.file} 不是有效的 JSON：${p.error}`,
  'doctor.claudeSettings.badJsonFix': '手动修正 JSON（llmctl 从不改写无法解析的文件），或 `llmctl restore`',
  'doctor.claudeSettings.noBase': '未设置 env.ANTHROPIC_BASE_URL：Claude Code 会绕过代理，直接访问 api.anthropic.com',
  'doctor.claudeSettings.elsewhere': (p) => `env.ANTHROPIC_BASE_URL 为 ${p.base}，不是 llmctl 的代理（端口 ${p.port}）`,
  'doctor.claudeSettings.endsInV1': (p) =>
    `env.ANTHROPIC_BASE_URL 以 /v1 结尾（${p.base}）：Claude Code 会自行加上 /v1`,
  'doctor.claudeSettings.apiKeyInstead':
    '使用了 ANTHROPIC_API_KEY（以 x-api-key 发送，且需要确认）而不是 ANTHROPIC_AUTH_TOKEN',
  'doctor.claudeSettings.noToken': '未设置 env.ANTHROPIC_AUTH_TOKEN：代理会返回 401',
  'doctor.claudeSettings.wrongToken': 'env.ANTHROPIC_AUTH_TOKEN 不是代理的主密钥：代理会返回 401',
  'doctor.claudeSettings.ok': (p) => `${p.base}，已带令牌`,
  'doctor.claudeModels.title': 'Claude Code 可能请求的模型在代理上都存在',
  'doctor.claudeModels.noSettings': '没有可读取的 settings.json（见 claude.settings）',
  'doctor.claudeModels.fix':
    '在 llmctl.yaml 中把 tools.claude.model / haikuModel / sonnetModel / opusModel 设为其中定义的模型，然后：llmctl sync --only claude',
  'doctor.claudeModels.missing': (p) => `代理上没有：${p.list}`,
  'doctor.claudeModels.forceFix': (p) =>
    `llmctl sync --only claude --force   （恢复 llmctl.yaml 中的模型；会先备份），或者${p.fix}`,
  'doctor.claudeModels.noMain': '主模型（没有 `model`）',
  'doctor.claudeModels.noHaiku': 'haiku（后台调用）',
  'doctor.claudeModels.unmapped': (p) => `${p.list} 未设置：Claude Code 会请求它自己的模型名，而代理上没有这个模型`,

  // online.*（doctor --online）
  'doctor.online.title': '在线检查',
  'doctor.online.timeout': (p) => `${p.seconds} 秒内无响应`,
  'doctor.online.providerTitle': (p) => `供应商 ${p.name} 用自己的密钥响应 /models`,
  'doctor.online.noApiBase': '没有 apiBase',
  'doctor.online.noKey': '密钥不可用（见 secrets.present）',
  'doctor.online.networkFix': '检查网络 / VPN 和 apiBase；如需经过代理上网，请为 `llmctl serve` 设置 HTTPS_PROXY',
  'doctor.online.keyRejected': (p) => `${p.url}：HTTP ${p.status}，密钥被拒绝`,
  'doctor.online.setKeyFix': (p) => `把 ${p.what} 设为有效的密钥`,
  'doctor.online.theKey': '密钥',
  'doctor.online.apiBaseFix': '检查 llmctl.yaml 中的 apiBase',
  'doctor.online.listed': (p) => `${p.url}：200，${p.n} 个模型`,
  'doctor.online.proxyDown': '代理未运行：llmctl serve --detach',
  'doctor.online.modelsTitle': '运行中的代理提供 llmctl.yaml 中的所有模型',
  'doctor.online.masterKeyRefused': (p) => `代理不接受 llmctl 持有的主密钥：${p.command}`,
  'doctor.online.seeOutput': (p) => `查看代理的输出：${p.log}`,
  'doctor.online.notServed': (p) => `代理未提供：${p.list}（它运行的是旧配置）`,
  'doctor.online.restartFix': (p) => `${p.command}   （加载当前配置；\`llmctl sync\` 也会这样做）`,
  'doctor.online.served': (p) => `提供 ${p.n} 个模型名`,
  'doctor.online.chatTitle': '经代理的一次 chat completion 请求',
  'doctor.online.noModels': '没有模型',
  'doctor.online.messagesTitle': '经代理的一次 Anthropic /v1/messages 请求（Claude Code 的路径）',
  'doctor.online.responsesFix': (p) =>
    `LiteLLM 把 ${p.model} 发到了上游的 /responses，而上游没有该接口：从 llmctl.yaml 的 proxy.settings 中删除 ` +
    `use_chat_completions_url_for_anthropic_messages: false（llmctl 写入的是 true），然后 llmctl sync`,
  'doctor.online.providerKeyRefused': (p) =>
    `供应商 ${p.provider} 的密钥被拒绝：见 online.provider.${p.provider}；详情见代理的输出：${p.log}`,
  'doctor.online.upstreamFix': (p) =>
    `上面的响应来自供应商 ${p.provider}（或代理）：检查该服务器以及 llmctl.yaml 中该模型的 \`model:\`（` +
    `online.provider.${p.provider} 列出了它提供的模型）；详情见代理的输出：${p.log}`,

  // doctor --fix
  'doctor.fix.gitBashAuto': (p) =>
    `在 ${p.file} 中设置 tools.claude.gitBashPath: auto（在 ${p.found} 找到了 Git Bash）`,
  'doctor.fix.gitBashPath': (p) => `在 ${p.file} 中设置 env.CLAUDE_CODE_GIT_BASH_PATH = ${p.path}`,
  'doctor.fix.setxAsk': (p) => `是否同时运行 \`${p.command}\`，供不读取 settings.json 的程序使用？`,
  'doctor.fix.setxSuggest': (p) => `供不读取 settings.json 的程序使用，请运行：${p.command}`,
  'doctor.fix.fixing': (p) => `正在修复：${p.action}`,
  'doctor.fix.doneBackup': (p) => `${p.action}（备份 ${p.backup}；撤销：llmctl restore ${p.backup}）`,
  'doctor.fix.failed': (p) => `无法完成 ${p.action}：${p.error}`,
  'doctor.fix.unknownError': '未知错误',
  'doctor.fix.nothing': '没有 doctor 能安全修复的问题；请按下方的修复提示操作',

  // 表格
  'doctor.table.fixLabel': '修复：',
  'doctor.table.summary': (p) => `${p.pass} 项通过，${p.warn} 项警告，${p.fail} 项失败，${p.skip} 项跳过`,
  'doctor.presetNote': (p) => `注意（预设 ${p.preset}，未经确认）：${p.note}`,
};
