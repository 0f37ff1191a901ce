import type { Translation } from '../message.js';
import type { commands as en } from '../en/commands.js';
import { zhLabel } from './labels.js';

/** 简体中文：commands 部分（sync、status、keys、restore、unlink、import、stop、proxy install 的输出）。术语见 docs/glossary.zh-CN.md。 */
export const commands: Translation<typeof en> = {
  'commands.file.created': (p) => `已创建 ${zhLabel(p.label)}：${p.path}`,
  'commands.file.updated': (p) => `已更新 ${zhLabel(p.label)}：${p.path}`,
  'commands.file.removed': (p) => `已删除 ${zhLabel(p.label)}：${p.path}`,

  'commands.sync.state.missing': '缺少',
  'commands.sync.state.drifted': '不一致',
  'commands.sync.state.removed': '将删除',
  'commands.sync.staleProxy': (p) =>
    `代理（pid ${p.pid}）正在使用旧配置（${p.reasons}）：\`llmctl sync\` 会重启它（没有文件变化时用 \`llmctl serve --restart\`）。`,
  'commands.sync.backup': (p) => `已备份为 ${p.id}，可用 \`llmctl restore\` 撤销。`,

  'commands.status.state.inSync': '已同步',
  'commands.status.state.drifted': '不一致',
  'commands.status.state.missing': '缺少',
  'commands.status.state.extra': '多余',
  'commands.status.proxy': '代理',
  'commands.status.proxy.up': '运行中',
  'commands.status.proxy.down': '未运行',
  'commands.status.proxy.unhealthy': '不健康',
  'commands.status.olderConfig': '正在使用旧配置',
  'commands.status.restartHint': (p) => `运行 \`${p.command}\`，让代理加载当前配置。`,

  'commands.keysSet.badName': (p) => `“${p.name}”不能用作密钥名称`,
  'commands.keysSet.badNameHint': '请使用字母、数字、“-”、“_”或“.”（如 zhipu）',
  'commands.keysSet.twoSources': '--from-env 和 --stdin 不能同时使用',
  'commands.keysSet.twoSourcesHint': '请只选一个',
  'commands.keysSet.empty': (p) => `“${p.name}”的密钥为空`,
  'commands.keysSet.emptyHint': '没有保存任何内容；请提供非空的值',
  'commands.keysSet.whitespace': (p) => `“${p.name}”的密钥中含有空白字符`,
  'commands.keysSet.whitespaceHint': '请只粘贴密钥本身，并放在一行内',
  'commands.keysSet.stored': (p) =>
    `${p.replaced ? '已替换' : '已保存'}密钥“${p.name}”（${p.masked}），位于 ${p.file}。`,
  'commands.keysSet.useAs': (p) => `在 llmctl.yaml 中用 ${p.ref} 引用它。`,
  'commands.keysSet.otherRef': (p) =>
    `providers.${p.name}.apiKey 当前是 ${p.current}${p.inShell ? '（当前 shell 已设置）' : ''}：要改用保存的密钥，请把它设为 ${p.ref}。`,
  'commands.keysSet.wired': (p) =>
    `${p.file} 中的 providers.${p.name}.apiKey：${p.current ? `${p.current}（当前 shell 未设置）` : '无'} ` +
    `→ ${p.ref}。运行 \`llmctl sync\` 把它传给各工具。`,
  'commands.keysSet.noEnv': (p) => `环境变量 ${p.name} 未设置`,
  'commands.keysSet.noEnvHint': (p) => `请先 export ${p.name}=…，或使用 --stdin`,
  'commands.keysSet.noTerminal': '没有可以输入密钥的终端',
  'commands.keysSet.noTerminalPipeHint':
    '请使用 --stdin（如 `printenv KEY | llmctl keys set NAME --stdin`）或 --from-env VAR',
  'commands.keysSet.noTerminalHint': '请使用 --stdin 或 --from-env VAR',
  'commands.keysSet.prompt': '密钥（输入时不显示）：',

  'commands.keysList.none': '还没有保存任何密钥。用 `llmctl keys set NAME` 添加一个。',
  'commands.keysList.notUsed': '（未使用）',

  'commands.keysRm.kept': (p) => `保留了密钥“${p.name}”。`,
  'commands.keysRm.removedInUse': (p) =>
    `已删除密钥“${p.name}”；${p.file} 中的 ${p.places} 仍在使用 secret:${p.name}：` +
    `请在下次同步前用 \`llmctl keys set ${p.name}\` 保存一个新的密钥。`,
  'commands.keysRm.removed': (p) => `已删除密钥“${p.name}”（llmctl.yaml 中没有用到它）。`,
  'commands.keysRm.removedUnknown': (p) =>
    `已删除密钥“${p.name}”（${p.file} 无法解析：请确认其中没有引用 secret:${p.name}）。`,
  'commands.keysRm.unknownUse': (p) => `${p.file} 无法解析，llmctl 无法判断其中是否用到了密钥“${p.name}”`,
  'commands.keysRm.unknownUseHint': '请先修复该文件（`llmctl doctor` 会指出出错位置），或加上 --force 仍然删除该密钥',
  'commands.keysRm.noKey': (p) => `没有名为“${p.name}”的密钥`,
  'commands.keysRm.noKeyHint': '用 `llmctl keys list` 查看已保存的密钥名称',
  'commands.keysRm.inUse': (p) => `密钥“${p.name}”正在使用中：${p.file} 中的 ${p.places}`,
  'commands.keysRm.inUseHint': (p) =>
    `删除它会导致下次 \`llmctl sync\` 失败；如果仍要删除，请加上 --force，或先把${p.count === 1 ? '该处' : '这些地方'}指向另一个密钥`,
  'commands.keysRm.usedBy': (p) =>
    `${p.file} 中的 ${p.places} 在使用密钥“${p.name}”；没有它，下次 \`llmctl sync\` 会失败。`,
  'commands.keysRm.confirm': (p) => `仍要删除密钥“${p.name}”吗？`,

  'commands.restore.noBackups': '还没有备份：每次修改了文件的同步都会生成备份。',
  'commands.restore.nothing': '没有可恢复的内容',
  'commands.restore.nothingHint': '每次修改了文件的同步都会生成备份',
  'commands.restore.restoredFile': (p) => `已恢复 ${p.path}`,
  'commands.restore.removedFile': (p) => `已删除 ${p.path}`,
  'commands.restore.done': (p) => `已恢复备份 ${p.id}。恢复之前的状态保存在备份 ${p.undo} 中。`,

  'commands.unlink.badTool': (p) => `未知工具“${p.tool}”`,
  'commands.unlink.badToolHint': (p) => `请使用以下之一：${p.tools}`,
  'commands.unlink.wouldChange': (p) => `将修改 ${p.n} 个文件（试运行：没有写入任何文件）。`,
  'commands.unlink.nothingDry': (p) => `无需操作：llmctl 没有在 ${p.tool} 的配置中写入任何内容。`,
  'commands.unlink.nothing': (p) => `无需操作：llmctl 没有在 ${p.tool} 的配置中写入任何内容，且 tools.${p.id} 已关闭。`,
  'commands.unlink.done': (p) =>
    `${p.tool} 已不再经过 llmctl；在 tools.${p.id}.enabled 重新设为 true 之前，\`llmctl sync\` 不会再改动它。`,
  'commands.unlink.undo': (p) => `可用 \`llmctl restore\` 撤销（备份 ${p.backup}）。`,

  'commands.import.badTool': (p) => `无法从“${p.tool}”导入`,
  'commands.import.badToolHint': (p) => `请使用以下之一：${p.tools}（如 \`llmctl import litellm config.yaml\`）`,
  'commands.import.noLitellmConfig':
    '当前文件夹中没有找到 LiteLLM 配置文件（查找了 config.yaml 和 litellm.config.yaml）',
  'commands.import.noLitellmConfigHint': '请传入文件：`llmctl import litellm PATH/TO/config.yaml`',
  'commands.import.cannotRead': (p) => `无法读取 ${p.file}：${p.reason}`,
  'commands.import.noSuchFile': '文件不存在',
  'commands.import.permissionDenied': '权限不足',
  'commands.import.isFolder': '这是一个文件夹',
  'commands.import.permissionHint': '请检查文件权限；没有导入任何内容',
  'commands.import.passPathHint': (p) => `请传入要导入的 ${p.tool} 配置文件的路径；没有导入任何内容`,
  'commands.import.changedMeanwhile': (p) => `导入过程中 ${p.file} 被修改了`,
  'commands.import.changedMeanwhileHint': '请重新运行该命令',
  'commands.import.summary': (p) =>
    `${p.dryRun ? '试运行 — ' : ''}${p.tool} 配置文件 ${p.file}：${p.dryRun ? '将添加' : '已添加'} ` +
    `${p.providers} 个供应商和 ${p.models} 个模型${p.config ? `到 ${p.config}` : ''}。`,
  'commands.import.providers': (p) => `供应商：${p.list}`,
  'commands.import.reused': (p) => `供应商 ${p.from}：llmctl.yaml 中已有，名为“${p.to}”`,
  'commands.import.models': (p) => `模型：${p.list}`,
  'commands.import.settings': (p) => `设置：${p.list}`,
  'commands.import.skipped': (p) => `跳过 ${p.n} 个 llmctl.yaml 中已有的模型：${p.list}`,
  'commands.import.keyStored': (p) => `密钥 ${p.name}（${p.masked}）${p.dryRun ? '将保存到' : '已保存到'} ${p.file}`,
  'commands.import.noKeyCount': (p) =>
    `${p.n} 个供应商还没有密钥：用 \`llmctl keys set NAME\` 保存（\`llmctl sync\` 会列出它们）`,
  'commands.import.noKeyFor': (p) =>
    `供应商“${p.provider}”还没有密钥：运行 \`llmctl keys set ${p.provider}\`（` +
    `llmctl.yaml 会指向保存的密钥）${p.env ? `，或 export ${p.env}` : ''}`,
  'commands.import.nothingNew': '没有新内容可导入：llmctl.yaml 中已经全部都有。',
  'commands.import.dryRunDone': '没有写入任何文件（试运行）。',
  'commands.import.nextDeferred': (p) =>
    `下一步：用该工具原先使用的代理的配置文件运行 ${p.importCommand}（见上面的警告），然后运行 ${p.syncCommand}。`,
  'commands.import.next': (p) => `下一步：${p.syncCommand} 会据此写入各工具的配置。`,

  'commands.stop.notRunning': '没有正在运行的、由 `llmctl serve` 启动的代理。',
  'commands.stop.alreadyStopped': (p) => `代理（pid ${p.pid}）已经停止；已删除它的 pid 文件。`,
  'commands.stop.stopping': (p) =>
    `正在停止 LiteLLM（pid ${p.pid}，${p.url}${p.foreground ? `，即 pid ${p.foreground} 的前台 \`llmctl serve\`` : ''}）`,
  'commands.stop.killed': (p) => `LiteLLM（pid ${p.pid}）在 10 秒内没有停止，已被强制结束`,
  'commands.stop.stopped': (p) => `LiteLLM 已停止（pid ${p.pid}）`,

  'commands.proxyInstall.preparing': '正在准备安装 LiteLLM',
  'commands.proxyInstall.installed': (p) =>
    `LiteLLM ${p.version} 已安装到 ${p.venv}（${p.tool}，用时 ${p.seconds} 秒）`,
  'commands.proxyInstall.already': (p) => `LiteLLM ${p.version} 已经安装在 ${p.venv}`,
  'commands.proxyInstall.next': '下一步：`llmctl serve` 启动代理。',
  'commands.proxyInstall.failed': 'LiteLLM 安装失败',
};
