import type { Translation } from '../message.js';
import type { proxy as en } from '../en/proxy.js';
import { zhLabel } from './labels.js';

/** 简体中文：proxy 部分（serve、sync 之后的重启、proxy install、代理状态）。术语见 docs/glossary.zh-CN.md。 */
export const proxy: Translation<typeof en> = {
  // 消息里连接词语和原因
  'proxy.join.and': ' 和 ',
  'proxy.join.list': '、',
  'proxy.join.reasons': '；',

  // serve：写入任何文件之前的检查
  'proxy.serve.notRunning': '没有正在运行的、由 `llmctl serve` 启动的代理',
  'proxy.serve.notRunningHint': '请用 `llmctl serve --detach` 启动一个（或在单独的终端里运行 `llmctl serve`）',
  'proxy.serve.alreadyRunning': (p) => `已有一个由 llmctl 启动的代理在运行（pid ${p.pid}，${p.url}）`,
  'proxy.serve.alreadyRunningHint': (p) => `\`${p.command}\` 会用当前配置重启它；\`llmctl stop\` 会停止它`,
  'proxy.serve.noMasterKey': (p) => `拒绝在 ${p.host} 上监听：没有设置代理主密钥，网络上的任何人都能用你的供应商密钥`,
  'proxy.serve.noMasterKeyHint': '请设置 proxy.masterKey（会为你生成 secret:proxy），或使用 --host 127.0.0.1',
  'proxy.serve.configMissing': (p) => `${p.file} 不存在`,
  'proxy.serve.configMissingHint': '请先运行 `llmctl init`（或 `llmctl import litellm FILE`）',

  // serve：写入的配置
  'proxy.serve.recorded': (p) => `已将代理地址 ${p.address} 记录到 ${p.file}（下次运行 \`llmctl serve\` 也会使用它）。`,
  'proxy.serve.created': (p) => `已创建 ${zhLabel(p.label)}：${p.path}`,
  'proxy.serve.updated': (p) => `已更新 ${zhLabel(p.label)}：${p.path}`,
  'proxy.serve.toolsMoved': (p) => `${p.tools} 现在指向 ${p.url}。`,
  'proxy.serve.toolsSame': (p) => `${p.tools} 无需改动（仍可通过 ${p.url} 访问代理）。`,

  // serve：启动与地址
  'proxy.start.starting': (p) => `正在 ${p.url} 上启动 ${p.label}`,
  'proxy.start.waiting': (p) => `正在 ${p.url} 上启动 ${p.label}（等待 ${p.probe}）`,
  'proxy.start.up': (p) => `${p.label} 已在 ${p.url} 就绪（用时 ${p.seconds} 秒）`,
  'proxy.start.exited': (p) => `LiteLLM 在启动过程中退出（退出码 ${p.code}）`,
  'proxy.start.timeout': (p) => `LiteLLM 在 ${p.seconds} 秒内未就绪`,
  'proxy.start.didNotStart': '代理未能启动',
  'proxy.start.notReady': '代理未能就绪',
  'proxy.start.likelyCause': (p) => `可能的原因：${p.cause}`,
  'proxy.start.fullLog': (p) => `完整日志：${p.file}`,
  'proxy.start.seeAbove': '请查看上面的日志',
  'proxy.start.openaiUrl': (p) => `OpenAI base URL：   ${p.url}/v1`,
  'proxy.start.anthropicUrl': (p) => `Anthropic base URL：${p.url}   （即 Claude Code 的 ANTHROPIC_BASE_URL）`,
  'proxy.start.modelsKey': (p) => `模型：${p.models} 个   密钥：代理主密钥（\`llmctl keys list\`）   pid ${p.pid}`,
  'proxy.start.lanHeading': '其他机器访问（OpenAI base URL）：',
  'proxy.start.lanWarning': (p) => `正在 ${p.host} 上监听：其他机器可以访问此代理（由主密钥保护）`,
  'proxy.start.detachedLogs': (p) => `日志：${p.file}。用 \`llmctl stop\` 停止。`,

  // 前台运行的 serve
  'proxy.fg.stopping': (p) => `\n${p.signal}：正在停止 LiteLLM（再按一次立即强制结束）…`,
  'proxy.fg.logsFollow': '下面是 LiteLLM 的日志。按 Ctrl-C（或运行 `llmctl stop`）停止代理。',
  'proxy.fg.stopped': (p) => `LiteLLM 已停止（退出码 ${p.code}）。`,
  'proxy.fg.stoppedByCommand': (p) => `LiteLLM 已被 \`llmctl stop\` 停止（退出码 ${p.code}）。`,
  'proxy.fg.exited': (p) => `LiteLLM 已退出，退出码 ${p.code}`,
  'proxy.fg.restarting': (p) => `\n正在用新配置重启 LiteLLM（由 pid ${p.pid} 请求）…`,
  'proxy.fg.restarted': (p) => `LiteLLM 已重启（pid ${p.from} → ${p.to}）：${p.downtime}`,
  'proxy.fg.restartFailed': (p) => `重启失败：${p.message}`,

  // sync 之后的重启（以及 serve --restart）
  'proxy.follow.olderConfig': (p) => `代理（pid ${p.pid}）正在使用旧配置：${p.reasons}`,
  'proxy.follow.runRestart': (p) => `运行 \`${p.command}\` 加载新配置（代理会中断约一秒）。`,
  'proxy.follow.keysMissingHere': (p) =>
    `代理（pid ${p.pid}）正在使用旧配置（${p.reasons}），但没有重启：它设置了 ${p.missing}，而当前 shell 中没有`,
  'proxy.follow.exportThen': (p) => `请先 export ${p.n === 1 ? '该变量' : '这些变量'}，再运行 \`${p.command}\`。`,
  'proxy.follow.restartingOlder': (p) => `代理（pid ${p.pid}）正在使用旧配置：${p.reasons}。`,
  'proxy.restart.foregroundDone': (p) => `已在前台的 \`llmctl serve\`（pid ${p.pid}）中重启代理：${p.downtime}`,
  'proxy.restart.spinner': '正在用新配置重启代理',
  'proxy.restart.done': (p) => `已重启代理（pid ${p.from} → ${p.to}，${p.url}）：${p.downtime}`,
  'proxy.restart.notRestarted': '代理没有重启',
  'proxy.restart.asking': (p) => `正在请求前台的 \`llmctl serve\`（pid ${p.pid}）重启代理`,
  'proxy.restart.foregroundCouldNot': '前台的 `llmctl serve` 未能重启代理',
  'proxy.restart.failed': '重启失败',
  'proxy.restart.foregroundCouldNotHint': (p) =>
    `请查看那个 \`llmctl serve\` 所在的终端；解决问题后运行 \`${p.command}\``,
  'proxy.restart.noAnswer': '前台的 `llmctl serve` 没有响应',
  'proxy.restart.noAnswerError': (p) => `前台的 \`llmctl serve\`（pid ${p.pid}）没有重启代理`,
  'proxy.restart.noAnswerHint': '请停止它（在它的终端里按 Ctrl-C，或运行 `llmctl stop`），再用 `llmctl serve` 重新启动',
  'proxy.restart.loading': (p) => `正在加载 ${p.label}，旧代理仍在提供服务`,
  'proxy.restart.switching': '正在切换到新代理',
  'proxy.restart.newExited': (p) => `新的 LiteLLM 在启动过程中退出（退出码 ${p.code}）`,
  'proxy.restart.newTimeout': (p) => `新的 LiteLLM 在 ${p.seconds} 秒内未就绪`,
  'proxy.restart.newFailed': (p) => `${p.what}；${p.oldRuns ? '旧代理继续使用旧配置运行' : '代理已停止'}`,
  'proxy.restart.log': (p) => `日志：${p.file}`,
  'proxy.restart.fixThen': '解决后运行 `llmctl serve --restart`',
  'proxy.downtime.moved': '没有中断（新代理在新地址上就绪后，旧代理才停止）',
  'proxy.downtime.unavailable': (p) => `中断了 ${p.seconds}${p.warm ? '（旧代理仍在服务时已加载好 LiteLLM）' : ''}`,
  'proxy.downtime.seconds': (p) => `${p.seconds} 秒`,

  // 正在运行的代理为何使用旧配置（status、sync、doctor）
  'proxy.stale.address': (p) => `它监听的是 ${p.running}，而 llmctl.yaml 中是 ${p.wanted}`,
  'proxy.stale.configFile': (p) => `它是从 ${p.running} 启动的，而不是 ${p.wanted}`,
  'proxy.stale.unrecorded': '启动它的 llmctl 版本没有记录它的配置',
  'proxy.stale.configChanged': '它启动后 LiteLLM 配置有变化',
  'proxy.stale.changed': (p) => `以下内容在它启动后有变化：${p.what}`,
  'proxy.stale.wouldChange': 'LiteLLM 配置将会变化',
  'proxy.key.master': '代理主密钥',
  'proxy.key.ofProvider': (p) => `${p.provider} 的密钥`,
  'proxy.key.variable': (p) => `密钥 ${p.name}`,

  // 代理状态（status、doctor）
  'proxy.status.stuck': (p) =>
    `pid ${p.pid} 在运行，但 ${p.url}/health/liveliness 没有响应（正在启动或已卡住，请查看：${p.log}）`,
  'proxy.status.nothingAnswers': (p) => `${p.url} 没有响应`,
  'proxy.status.stalePidFile': (p) => `${p.url} 没有响应（pid 文件 ${p.file} 已过期：pid ${p.pid} 已不存在）`,
  'proxy.status.readinessAnswered': (p) => `${p.url}/health/readiness 返回 ${p.status}`,
  'proxy.status.nothing': '无响应',
  'proxy.status.ready': '已就绪',
  'proxy.status.readyOlder': (p) => `已就绪，但正在使用旧配置（${p.reasons}）`,
  'proxy.status.upFor': (p) => `${p.state}，已运行 ${p.uptime}`,
  'proxy.status.foreground': (p) => `（前台 \`llmctl serve\`，pid ${p.pid}）`,
  'proxy.status.notOurs': '已就绪；不是由 `llmctl serve` 启动的（该地址上是另一个 LiteLLM）',
  'proxy.status.terminalOf': (p) => `运行 \`llmctl serve\` 的终端（pid ${p.pid}）`,
  'proxy.uptime.s': (p) => `${p.s} 秒`,
  'proxy.uptime.min': (p) => `${p.m} 分 ${p.s} 秒`,
  'proxy.uptime.h': (p) => `${p.h} 小时 ${p.m} 分`,
  'proxy.uptime.days': (p) => `${p.d} 天 ${p.h} 小时`,

  // 运行哪个 LiteLLM
  'proxy.litellm.notInstalled': '未安装 LiteLLM',
  'proxy.litellm.notInstalledHint': '请运行 `llmctl proxy install`（或把 LLMCTL_LITELLM 设为某个 litellm 程序的路径）',
  'proxy.litellm.lookedAt': (p) => `查找过：${p.place}`,
  'proxy.litellm.onPath': 'PATH 中的 litellm',
  'proxy.litellm.envMissing': (p) => `LLMCTL_LITELLM=${p.value} 不存在；改用 ${p.path}`,
  'proxy.litellm.compromised': (p) => `拒绝运行 ${p.path} 中的 LiteLLM ${p.version}：这是一个被投毒的版本`,
  'proxy.litellm.unknownVersion': (p) => `无法判断 ${p.path} 是哪个版本的 LiteLLM`,
  'proxy.litellm.old': (p) =>
    `${p.path} 中的 LiteLLM ${p.version} 早于 ${p.min}；\`llmctl proxy install\` 会安装经过测试的版本`,
  'proxy.rotateKeysHint':
    'LiteLLM 1.82.7 和 1.82.8 是窃取凭据的恶意版本：请卸载它，轮换那台机器上用过的所有 API 密钥，然后运行 `llmctl proxy install`',

  // 监听端口与启动进程
  'proxy.port.inUse': (p) => `端口 ${p.port} 已被占用${p.owner ? `，占用者：${p.owner}` : ''}`,
  'proxy.port.inUseHint': (p) =>
    `请停止那个程序，或换一个端口：\`llmctl serve --port ${p.other}\`（llmctl.yaml 和各工具会随之更新）`,
  'proxy.port.denied': (p) => `没有权限监听端口 ${p.port}`,
  'proxy.port.deniedHint': '1024 以下的端口需要管理员权限：请使用 4000 之类的端口',
  'proxy.port.notHere': (p) => `${p.host} 不是本机的地址`,
  'proxy.port.notHereHint': '请使用 127.0.0.1（仅本机）或 0.0.0.0（所有网卡）',
  'proxy.port.cannotListen': (p) => `无法在 ${p.address} 上监听：${p.message}`,
  'proxy.port.owner': (p) => `${p.command}（pid ${p.pid}）`,
  'proxy.port.ownerUnknown': (p) => `某个进程（pid ${p.pid}）`,
  'proxy.spawn.failed': (p) => `无法启动 ${p.command}：${p.error ?? '未知错误'}`,
  'proxy.spawn.failedHint': '请运行 `llmctl proxy install`，或把 LLMCTL_LITELLM 指向一个可用的 litellm',
  'proxy.cause.portTaken': (p) => `端口 ${p.port} 被其他程序占用`,
  'proxy.cause.incomplete': 'LiteLLM 安装不完整（缺少 proxy 扩展）：请运行 `llmctl proxy install`',
  'proxy.cause.yaml': '生成的 LiteLLM 配置无法解析：请运行 `llmctl sync` 并检查 llmctl.yaml',
  'proxy.cause.masterKey': '代理主密钥被拒绝（必须以 sk- 开头）：`llmctl keys set proxy`',
  'proxy.cause.badHost': '该主机不是本机的地址',
  'proxy.cause.permission': '权限不足（1024 以下的端口，或 LiteLLM 无法读取某个文件）',
  'proxy.cause.database': '配置要求使用数据库，但数据库没有设置',
  'proxy.cause.envVar': '某个存放密钥的环境变量没有设置',

  // proxy install
  'proxy.install.badVersion': (p) => `“${p.version}”不是有效的 LiteLLM 版本号`,
  'proxy.install.badVersionHint': (p) => `请使用类似 ${p.default}（默认版本）的版本号`,
  'proxy.install.compromised': (p) =>
    `LiteLLM ${p.version} 是被投毒的版本（有人把窃取凭据的程序以 1.82.7 和 1.82.8 上传到了 PyPI）；llmctl 绝不会安装它`,
  'proxy.install.compromisedHint': (p) => `请改装经过测试的版本：\`llmctl proxy install\`（${p.default}）`,
  'proxy.install.tooOld': (p) => `LiteLLM ${p.version} 早于 ${p.min}（被投毒版本之后的第一个安全版本）`,
  'proxy.install.tooOldHint': (p) => `请使用 ${p.min} 或更新的版本；经过测试的默认版本是 ${p.default}`,
  'proxy.install.pythonIs': (p) => `${p.command} 是 Python ${p.version}`,
  'proxy.install.pythonTooOld': (p) => `LiteLLM 需要 Python ${p.min} 或更新版本：${p.found}`,
  'proxy.install.pythonTooOldHint':
    '请安装更新的 Python（python.org、pyenv 或系统的包管理器），并用 `--python PATH` 指定它',
  'proxy.install.notPython': (p) => `${p.command} 无法作为 Python 运行`,
  'proxy.install.noPython': (p) => `找不到 Python（尝试过：${p.tried}）`,
  'proxy.install.noPythonHintWindows':
    '请从 python.org 安装 Python 3.9+（勾选“Add python.exe to PATH”），或传入 `--python C:\\path\\to\\python.exe`',
  'proxy.install.noPythonHint':
    '请安装 Python 3.9+（如 `apt install python3 python3-venv`），或传入 `--python /path/to/python3`',
  'proxy.install.stepVenvUv': (p) => `正在 ${p.venv} 中创建虚拟环境（uv）`,
  'proxy.install.stepVenv': (p) => `正在 ${p.venv} 中创建虚拟环境`,
  'proxy.install.stepUv': (p) => `正在安装 ${p.spec}（uv）`,
  'proxy.install.stepPip': (p) => `正在用 pip 安装 ${p.spec}（大约需要一分钟）`,
  'proxy.install.mirrorHint':
    '请把 PIP_INDEX_URL 设为一个能访问的 PyPI 镜像（如 PIP_INDEX_URL=https://pypi.tuna.tsinghua.edu.cn/simple' +
    '；使用 uv 时还要设置 UV_INDEX_URL），然后重新运行 `llmctl proxy install`',
  'proxy.install.unreachable': (p) => `无法下载 LiteLLM ${p.version}：访问不了软件包索引`,
  'proxy.install.unavailable': (p) => `软件包索引中没有 LiteLLM ${p.version}（含 proxy 扩展）`,
  'proxy.install.unavailableHint': (p) =>
    `镜像同步 proxy 扩展所依赖的软件包时常落后于 PyPI；请试试经过测试的默认版本（\`llmctl proxy install\`，${p.default}），或者：${p.mirror}`,
  'proxy.install.noVenv': '这个 Python 无法创建虚拟环境',
  'proxy.install.noVenvHint': '请安装 venv 模块（Debian/Ubuntu：`apt install python3-venv`），或用 `--python` 换一个',
  'proxy.install.stepFailed': (p) => `失败：${p.step}`,
  'proxy.install.stepFailedHint': '请查看上面的输出；如需镜像，请设置 PIP_INDEX_URL',
  'proxy.install.lookingForPython': '正在查找 Python',
  'proxy.install.checking': '正在检查已安装的 LiteLLM',
  'proxy.install.couldNotRun': (p) => `无法运行 ${p.command}`,
  'proxy.install.couldNotRunHint': '请确认上面指定的 Python（或 uv）存在并且可以运行',
  'proxy.install.verifying': '正在用 `litellm --version` 验证',
  'proxy.install.doesNotRun': (p) => `LiteLLM 已安装，但 ${p.litellm} 无法运行`,
  'proxy.install.wrongVersion': (p) => `要求安装 LiteLLM ${p.version}，但 ${p.litellm} 报告的版本是 ${p.got}`,
  'proxy.install.reinstallHint': (p) => `请删除 ${p.venv}，然后重新运行 \`llmctl proxy install\``,
};
