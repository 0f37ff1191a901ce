import type { Translation } from '../message.js';
import type { webui as en } from '../en/webui.js';

/** 简体中文：webui 部分。术语见 docs/glossary.zh-CN.md。 */
export const webui: Translation<typeof en> = {
  'webui.cli.desc': 'Open WebUI：面向用户的聊天界面，位于代理之前',
  'webui.cli.installDesc': '把 Open WebUI 安装到 llmctl 管理的 Python 虚拟环境中',
  'webui.cli.installVersion': '要安装的 Open WebUI 版本（默认：经过测试的版本）',
  'webui.cli.installPython': '用来创建虚拟环境的 Python 3.11 或 3.12',
  'webui.cli.installPip': '只用 pip（较慢），即使有 uv 也不用',
  'webui.cli.installYes': '下载（数 GB）之前不再询问',
  'webui.cli.serveWebui': '同时启动 Open WebUI（tools.openwebui），连接到代理',
  'webui.cli.serveWebuiPort': 'Open WebUI 的端口（默认：tools.openwebui.port，8080）',

  'webui.cli.initWebui': '同时配置聊天界面：Open WebUI，使用它自己的客户端密钥（用 `llmctl webui install` 安装）',
  'webui.init.choice': 'Open WebUI（浏览器中的聊天界面，使用自己的客户端密钥）',

  'webui.env.label': 'Open WebUI 环境变量文件',
  'webui.env.badValue': (p) => `${p.name} 的值含有环境变量文件无法原样保存的字符（空格、引号、#、换行）`,
  'webui.env.badValueHint':
    '请使用只含普通字符（字母、数字、- _ . : / + @ % ~ ,）的密钥：`llmctl keys client add` 会生成这样的密钥',
  'webui.env.noSession': 'Open WebUI 的会话密钥（WEBUI_SECRET_KEY）尚未保存',
  'webui.env.noSessionHint': '请运行 `llmctl sync`：它只生成一次该密钥，并保存在密钥库中',

  'webui.client.missing': (p) =>
    `Open WebUI 使用客户端“${p.name}”（tools.openwebui.client），但 proxy.clients 中没有这个客户端`,
  'webui.client.missingHint': (p) =>
    `请用 \`llmctl keys client add ${p.name}\` 创建它（Open WebUI 从不使用主密钥），然后重新运行命令`,
  'webui.client.noKey': (p) => `客户端“${p.name}”的密钥（${p.ref}）未设置`,
  'webui.client.noKeyHint': (p) => `请用 \`llmctl keys client add ${p.name}\` 重新保存，或设置它指定的环境变量`,
  'webui.client.isMaster': (p) => `客户端“${p.name}”的密钥就是代理的主密钥`,
  'webui.client.isMasterHint': (p) =>
    `请给它单独的密钥：先运行 \`llmctl keys client rm ${p.name}\`，再运行 \`llmctl keys client add ${p.name}\``,

  'webui.install.size': (p) =>
    `Open WebUI ${p.version} 及其依赖（包括 PyTorch）在 ${p.venv} 中约占 ${p.gb} GB，从你的 Python 包索引下载。`,
  'webui.install.needsYes': '安装 Open WebUI 需要下载数 GB：请用 --yes 确认',
  'webui.install.needsYesHint': '请运行 `llmctl webui install --yes`',
  'webui.install.confirm': '现在安装 Open WebUI？',
  'webui.install.preparing': '正在准备安装 Open WebUI',
  'webui.install.installed': (p) => `Open WebUI ${p.version} 已安装到 ${p.venv}（${p.tool}，用时 ${p.seconds} 秒）`,
  'webui.install.already': (p) => `Open WebUI ${p.version} 已经安装在 ${p.venv}`,
  'webui.install.next': '下一步：`llmctl serve --webui` 启动代理和 Open WebUI。',
  'webui.install.failed': 'Open WebUI 安装失败',
  'webui.install.badVersion': (p) => `“${p.version}”不是 Open WebUI 的版本号（例如 0.12.4）`,
  'webui.install.badVersionHint': (p) => `去掉 --version 即安装 ${p.default}，或写成 X.Y.Z`,
  'webui.install.lookingForPython': '正在查找 Python 3.11 或 3.12',
  'webui.install.pythonIs': (p) => `${p.command} 是 Python ${p.version}`,
  'webui.install.pythonOutOfRange': (p) => `Open WebUI 需要 Python 3.11 或 3.12（不支持 3.13）：${p.found}`,
  'webui.install.noPython': (p) => `没有找到 Python（试过 ${p.tried}）`,
  'webui.install.pythonHint':
    '请安装 Python 3.12 或 3.11（python.org、pyenv、`uv python install 3.12` 或系统包管理器），并用 `--python PATH` 指定',
  'webui.install.stepVenv': (p) => `正在 ${p.venv} 创建虚拟环境`,
  'webui.install.stepPip': (p) => `正在用 pip 安装 ${p.spec}（需要较长时间）`,
  'webui.install.stepUvBoot': (p) => `PATH 中没有 uv：正在把它装到 ${p.venv}`,
  'webui.install.stepUvBootPip': '正在用 pip 安装 uv',
  'webui.install.stepVenvUv': (p) => `正在 ${p.venv} 创建虚拟环境（uv）`,
  'webui.install.stepUv': (p) => `正在用 uv 安装 ${p.spec}`,
  'webui.install.notThere': (p) => `安装已结束，但 ${p.venv} 中没有 Open WebUI ${p.version}`,
  'webui.install.retryHint': '请重新运行 `llmctl webui install`；加 `-v` 可以看到它运行的命令',
  'webui.install.unreachable': '无法连接 Python 包索引',
  'webui.install.stepFailed': (p) => `失败：${p.step}`,
  'webui.install.failedHint':
    '在防火墙后使用镜像会有帮助：PIP_INDEX_URL / UV_INDEX_URL=https://pypi.tuna.tsinghua.edu.cn/simple llmctl webui install',

  'webui.run.disabled': (p) => `${p.file} 中 Open WebUI 处于关闭状态（tools.openwebui.enabled）`,
  'webui.run.disabledHint':
    '请设置 tools.openwebui.enabled: true（并创建它的客户端：`llmctl keys client add openwebui`），或运行 `llmctl init --webui`',
  'webui.run.notInstalled': (p) => `Open WebUI 尚未安装（查找了 ${p.venv}）`,
  'webui.run.notInstalledHint': '请运行 `llmctl webui install`',
  'webui.run.alreadyRunning': (p) => `llmctl 启动的 Open WebUI 已在运行（pid ${p.pid}，${p.url}）`,
  'webui.run.alreadyRunningHint': '请先运行 `llmctl stop`',
  'webui.run.noEnvFile': (p) => `缺少 ${p.file}`,
  'webui.run.noEnvFileHint': '请运行 `llmctl sync` 生成它',
  'webui.run.starting': (p) => `正在端口 ${p.port} 上启动 Open WebUI（需要一分钟或更久）`,
  'webui.run.ready': (p) => `Open WebUI 已就绪：${p.url}（pid ${p.pid}）`,
  'webui.run.logs': (p) => `Open WebUI 日志：${p.file}`,
  'webui.run.exited': (p) => `Open WebUI 在启动过程中退出（退出码 ${p.code}）；请查看 ${p.log}`,
  'webui.run.timeout': (p) => `Open WebUI 在 ${p.seconds} 秒内没有响应 /health；请查看 ${p.log}`,
  'webui.run.failedHint': (p) => `请查看 ${p.log} 的末尾；\`llmctl doctor\` 会检查配置`,
  'webui.run.stopped': (p) => `Open WebUI 已停止（pid ${p.pid}）`,

  'webui.status.running': (p) => `运行中：${p.url}（pid ${p.pid}）`,
  'webui.status.down': '未运行（`llmctl serve --webui` 会启动它）',
  'webui.status.label': 'Open WebUI',

  'webui.doctor.targetTitle': 'Open WebUI 环境变量文件与 llmctl.yaml 一致',
  'webui.doctor.notEnabled': 'Open WebUI 处于关闭状态（tools.openwebui.enabled）',
  'webui.doctor.installedTitle': 'Open WebUI 已安装',
  'webui.doctor.notInstalled': (p) => `未安装（查找了 ${p.venv}）`,
  'webui.doctor.installed': (p) => `Open WebUI ${p.version}，位于 ${p.venv}`,
  'webui.doctor.envTitle': 'Open WebUI 用自己的客户端密钥连接代理',
  'webui.doctor.noEnv': (p) => `缺少 ${p.file}`,
  'webui.doctor.wrongBase': (p) => `${p.file}：OPENAI_API_BASE_URL 是 ${p.got}，代理在 ${p.want}`,
  'webui.doctor.masterKey': (p) => `${p.file}：OPENAI_API_KEY 是代理的主密钥`,
  'webui.doctor.wrongKey': (p) => `${p.file}：OPENAI_API_KEY 不是客户端“${p.name}”的密钥`,
  'webui.doctor.envOk': (p) => `${p.file}：${p.url}，客户端“${p.name}”的密钥`,
  'webui.doctor.portTitle': 'Open WebUI 的端口空闲',
  'webui.doctor.portOurs': (p) => `端口 ${p.port} 由 llmctl 启动的 Open WebUI 占用（pid ${p.pid}）`,
  'webui.doctor.portFree': (p) => `端口 ${p.port} 空闲`,
  'webui.doctor.portTaken': (p) => `端口 ${p.port} 被其他程序占用`,
  'webui.doctor.portFix': '请停止那个程序，或换一个端口：tools.openwebui.port 或 `serve --webui-port N`',
  'webui.doctor.persistentTitle': 'Open WebUI 从环境变量文件读取设置',
  'webui.doctor.noEnvYet': '还没有环境变量文件',
  'webui.doctor.persistentOn': (p) =>
    `ENABLE_PERSISTENT_CONFIG 是 ${p.value}：首次启动后，Open WebUI 数据库中保存的设置优先于环境变量文件`,
  'webui.doctor.persistentOnDb': (p) =>
    `ENABLE_PERSISTENT_CONFIG 是 ${p.value} 且 webui.db 已存在：Open WebUI 使用其中保存的连接，而不是环境变量文件`,
  'webui.doctor.persistentOff': 'ENABLE_PERSISTENT_CONFIG=False：以环境变量文件为准',
};
