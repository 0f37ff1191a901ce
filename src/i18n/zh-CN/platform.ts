import type { Translation } from '../message.js';
import type { platform as en } from '../en/platform.js';

/** 简体中文：platform 部分。术语见 docs/glossary.zh-CN.md。 */
export const platform: Translation<typeof en> = {
  'platform.bash.quoted': '值里带了引号（Claude Code 会把引号当成路径的一部分）',
  'platform.bash.forwardSlashes': '用了正斜杠（Claude Code 需要反斜杠形式的 C:\\…\\bin\\bash.exe）',
  'platform.bash.relative': '不是完整路径',
  'platform.bash.unexpanded': '含有 %变量%，这里不会被展开',
  'platform.bash.wsl': '是 WSL 的 bash，不是 Git 的',
  'platform.bash.cygwin': '是 Cygwin 的 bash，不是 Git 的',
  'platform.bash.msys2': '是 MSYS2 的 bash，不是 Git 的',
  'platform.bash.notBash': '不是 bash.exe',
  'platform.bash.usrBin': '是 Git 的 usr\\bin\\bash.exe；Claude Code 需要的是 Git\\bin\\bash.exe',
  'platform.bash.missing': '不存在',
  'platform.reject.wsl': '是 WSL 的 bash.exe，不是 Git Bash',
  'platform.reject.notBash': '不是 bash.exe',

  'platform.native.title': 'Claude Code 原生运行于 Windows',
  'platform.native.disabled': 'llmctl.yaml 中未启用 Claude Code',
  'platform.native.versionUnknown': '版本未知',
  'platform.native.notInstalled': '未安装 Claude Code（见 claude.installed）',
  'platform.native.tooOld': (p) => `Claude Code ${p.version} 不支持原生 Windows（需要 ${p.min} 及以上）`,
  'platform.native.ok': (p) => `Claude Code ${p.version}`,

  'platform.gitBash.title': '已找到 Git for Windows（bash.exe）',
  'platform.gitBash.notUsed': '这里 Claude Code 不用 Git Bash（未启用，或 gitBashPath: off）',
  'platform.gitBash.found': (p) => `${p.path}（${p.source}）`,
  'platform.gitBash.foundSource': '已找到',
  'platform.gitBash.configuredElsewhere': (p) =>
    `tools.claude.gitBashPath 为 ${p.configured}，它${p.why}；Git Bash 实际在 ${p.other}`,
  'platform.gitBash.configuredElsewhereFix': (p) =>
    `在 llmctl.yaml 中设置 tools.claude.gitBashPath: auto（或 "${p.path}"），然后运行：llmctl sync --only claude`,
  'platform.gitBash.configuredBad': (p) => `tools.claude.gitBashPath 为 ${p.configured}，它${p.why}`,
  'platform.gitBash.configuredBadFix': (p) => `${p.install}；然后设置 tools.claude.gitBashPath: auto`,
  'platform.gitBash.needsRequired': (p) => `Claude Code${p.version ? ` ${p.version}` : ''} 需要 Git Bash`,
  'platform.gitBash.needsOptional': (p) => `Claude Code ${p.version} 会退回到 PowerShell`,
  'platform.gitBash.needsUnknown': (p) => `${p.min} 之前的 Claude Code 需要它`,
  'platform.gitBash.notFound': (p) => `未找到（查过 where.exe git、注册表和 ${p.looked} 个常用目录）；${p.why}`,
  'platform.gitBash.install':
    'winget install --id Git.Git -e --source winget   （或 https://git-scm.com/download/win）',

  'platform.wsl.title': 'WSL 的 bash.exe 没有挡在 Git 的前面',
  'platform.wsl.ok': 'PATH 上第一个 bash.exe 不是 WSL 的',
  'platform.wsl.shadowing':
    'C:\\Windows\\System32\\bash.exe（WSL）在 PATH 中排在前面：运行 `bash` 的工具拿到的是 WSL，而不是 Git Bash',
  'platform.wsl.fix': (p) =>
    `保持 CLAUDE_CODE_GIT_BASH_PATH 指向 ${p.path}（llmctl doctor --fix），或在 PATH 中把 Git 的目录移到 System32 之前`,
  'platform.wsl.fixInstall': (p) => `${p.install}；然后运行 llmctl doctor --fix`,

  'platform.bashPath.title': 'CLAUDE_CODE_GIT_BASH_PATH 指向 Git 的 bash.exe',
  'platform.bashPath.notUsed': '这里 Claude Code 不用 Git Bash',
  'platform.bashPath.fixSettings': (p) =>
    `llmctl doctor --fix   （把 "${p.path}" 写入 ${p.settings} 的 env）；对不读 settings.json 的程序：${p.setx}`,
  'platform.bashPath.inSettings': (p) => `settings.json 的 env 中是 ${p.value}，它${p.why}`,
  'platform.bashPath.inUserEnv': (p) => `用户环境变量中是 ${p.value}，它${p.why}`,
  'platform.bashPath.setxThenTerminal': (p) => `${p.setx}   （然后打开一个新终端）`,
  'platform.bashPath.okSettings': (p) => `settings.json env：${p.value}${p.agrees ? '；用户环境变量一致' : ''}`,
  'platform.bashPath.okUserEnv': (p) => `用户环境变量：${p.value}（settings.json 未设置）`,
  'platform.bashPath.noTarget': '没有可指向的 Git Bash（见 windows.git-bash）',
  'platform.bashPath.unset': (p) => `settings.json env 和用户环境变量都未设置；Git Bash 在 ${p.path}`,

  'platform.gitInstall.title': 'Git for Windows 具备 Claude Code 的 Bash 工具所需的文件',
  'platform.gitInstall.skip': '未使用 Git Bash（见 windows.git-bash）',
  'platform.gitInstall.missing': (p) =>
    `缺少 ${p.files}：Claude Code 的 Bash 工具会失败（"cygpath: command not ` +
    `found"、"usr\\bin\\bash.exe not found"）；MinGit 或中断的 Git 更新就是这样`,
  'platform.gitInstall.fix':
    'winget install --id Git.Git -e --source winget --force   （修复为完整的 Git for Windows），然后运行：llmctl doctor',
  'platform.gitInstall.ok': (p) => `${p.root} 中有 usr\\bin\\bash.exe 和 usr\\bin\\cygpath.exe`,

  'platform.pathext.title': 'PATHEXT 包含 .EXE',
  'platform.pathext.unset': '未设置 PATHEXT：无法按名称找到程序',
  'platform.pathext.noExe': (p) => `PATHEXT 为 ${p.value}：按名称找不到 \`claude\`、\`git\`、\`python\``,
  'platform.pathext.ok': '是',

  'platform.envFresh.title': '正在运行的程序看到的环境变量与已保存的一致',
  'platform.envFresh.skip': '无法读取 HKCU\\Environment',
  'platform.envFresh.stale': (p) =>
    `已用 setx 保存，但与当前终端中的值不同：${p.names}；修改之前启动的程序（当前终端、VS Code、JetBrains IDE、Claude 桌面版）仍然用旧值`,
  'platform.envFresh.staleFix':
    '关闭并重新打开当前终端，以及 VS Code / JetBrains / Claude 桌面版的所有窗口（它们只在启动时读取环境变量）；如果是资源管理器启动的，请注销后重新登录',
  'platform.envFresh.sessionOnly': (p) =>
    `只在当前终端中设置（set / $env:），没有保存：${p.names}；从开始菜单启动的编辑器看不到`,
  'platform.envFresh.ok': (p) => `当前终端与已保存的用户环境变量一致（llmctl 关心的 ${p.n} 个变量）`,

  'platform.sysProxy.title': 'Windows 系统代理对 127.0.0.1 直连',
  'platform.sysProxy.off': '未设置系统代理（Internet 设置）',
  'platform.sysProxy.unknown': '无法读取 Internet 设置',
  'platform.sysProxy.bypassed': (p) => `系统代理 ${p.server}；127.0.0.1 和 localhost 不走代理`,
  'platform.sysProxy.notBypassed': (p) =>
    `系统代理 ${p.server}（Clash、公司代理等），绕过列表为 "${p.override}"：VS Code 和 Continue 发往 127.0.0.1 的请求会经过它，到不了 llmctl 的代理`,
  'platform.sysProxy.fix': (p) =>
    `${p.command}   （或在代理软件的绕过列表中加入 127.0.0.1;localhost），然后重启 VS Code`,
  'platform.sysProxy.pac': (p) =>
    `由 PAC 脚本（${p.pac}）选择代理：如果它对 127.0.0.1 不返回 DIRECT，VS Code 和 Continue 就连不上 llmctl 的代理`,
  'platform.sysProxy.pacFix':
    '在 VS Code 的 settings.json 中加入 "http.noProxy": ["127.0.0.1", "localhost"]，或请管理员在 PAC 脚本中让 127.0.0.1 走 DIRECT',

  'platform.proxyUrl.title': 'HTTP(S)_PROXY 的值是完整的 URL',
  'platform.proxyUrl.none': '未设置 HTTP(S)_PROXY',
  'platform.proxyUrl.bad': (p) =>
    `${p.name} 为 ${p.value}（${p.where}），缺少 http://：Claude Code 无法解析它，会一直卡住且没有任何提示`,
  'platform.proxyUrl.ok': (p) => `${p.names}：都是完整的 URL`,
  'platform.where.process': '当前终端',
  'platform.where.user': '用户环境变量',
  'platform.where.settings': 'settings.json env',

  'platform.bom.title': '工具要解析的文件中没有字节顺序标记（BOM）',
  'platform.bom.found': (p) =>
    `${p.files} 以 UTF-8 BOM 开头（记事本、PowerShell 5 的 Set-Content 会写入）` +
    `：Claude 桌面版会忽略这样的 settings.json，dotenv 读取器会丢掉这样的 .env 中的第一个键`,
  'platform.bom.fix': 'llmctl doctor --fix   （只删掉这 3 个字节，其余不变；会先备份）',
  'platform.bom.ok': 'settings.json 和 Continue 的 .env 都没有 BOM',
  'platform.bom.fixAction': (p) => `删除 ${p.path} 开头的 UTF-8 BOM`,

  'platform.profile.title': '用户目录路径只含 ASCII 字符',
  'platform.profile.nonAscii': (p) =>
    `${p.path} 含有非 ASCII 字符：Python 虚拟环境、pip 和 Claude Code 的项目目录都会把这样的路径弄乱`,
  'platform.profile.quote': (p) => `${p.path} 含有单引号：在其中运行的每条命令都会让 Claude Code 的 Bash 工具出错`,
  'platform.profile.fix': (p) =>
    `${p.setx}   （让 llmctl 及其 LiteLLM 虚拟环境放在用户目录之外；然后运行 llmctl proxy install），并从 C:\\dev\\project 这类项目目录启动 Claude Code`,
  'platform.profile.ok': (p) => `${p.path}${p.spaces ? '（含空格：没问题，llmctl 写入的每个路径都会加引号）' : ''}`,

  'platform.synced.title': 'llmctl 和各工具的目录不在 OneDrive 或网络共享中',
  'platform.synced.found': (p) => `${p.places}：同步会上传 secrets.json 和代理密钥，还可能在工具写文件时锁住或回滚文件`,
  'platform.synced.onedrive': 'OneDrive',
  'platform.synced.network': '网络共享',
  'platform.synced.fix': (p) =>
    `先移动该目录，然后运行：${p.setx}   （这是 llmctl 的目录；CLAUDE_CONFIG_DIR / CONTINUE_GLOBAL_DIR 也同样指向本地目录）`,
  'platform.synced.ok': '都是本地目录',

  'platform.windows.title': 'Windows 检查（Git Bash、PATHEXT）',
  'platform.windows.notWindows': (p) => `不是 Windows（${p.os}）`,
};
