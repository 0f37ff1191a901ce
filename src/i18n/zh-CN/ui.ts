import type { Translation } from '../message.js';
import type { ui as en } from '../en/ui.js';
import { zhLabel } from './labels.js';

/** 简体中文：ui 部分。术语见 docs/glossary.zh-CN.md。 */
export const ui: Translation<typeof en> = {
  'ui.listSeparator': '、',
  'ui.listMore': ' 等',
  'ui.fileLabel': (p) => zhLabel(p.label),
  'ui.warningLabel': '警告：',
  'ui.errorLabel': '错误：',

  'ui.noKeySummary': (p) =>
    `${p.n} 个供应商还没有密钥：${p.names} —— 运行 \`llmctl keys set NAME\`，或在 \`llmctl serve\` 之前导出对应的环境变量`,
  'ui.detailsWithV': '（详情见 -v）',

  'ui.syncInSync': '一切已同步：没有写入任何文件。',
  'ui.syncNothingWritten': '没有需要写入的文件：没有写入任何文件。',
  'ui.dryRunChanged': (p) => `${p.n} 个文件将会改变（试运行：没有写入任何文件）。`,
  'ui.dryRunInSync': '一切已同步：不会有任何改变。',
  'ui.dryRunNoChange': '没有文件会改变。',
  'ui.checkChanged': (p) => `${p.n} 个文件与 llmctl 将要写入的内容不一致：请运行 \`llmctl sync\`。`,
  'ui.checkInSync': '一切已同步。',
  'ui.checkNoChange': '没有文件与 llmctl 将要写入的内容不一致。',
  'ui.statusRunSync': '运行 `llmctl sync` 让目标工具与配置一致（`llmctl sync --dry-run` 可查看改动）。',
  'ui.handEditsHead': (p) =>
    `${p.n} 个受管条目与 llmctl.yaml 不一致：它们被手动修改过，llmctl 保留这些修改（sync 从不覆盖手动修改）：`,
  'ui.handEditKept': (p) => `  已保留：${p.problem}`,
  'ui.handEditAdopt': (p) => `    要长期保留，请把 \`${p.adopt}\` 写进 llmctl.yaml（然后运行 \`llmctl sync\`）`,
  'ui.handEditsResolve': (p) =>
    `要恢复 llmctl 的值：运行 \`${p.force}\`（会先备份）。要保留${p.n === 1 ? '这处' : '这些'}手动修改：` +
    `无需任何操作——${p.n === 1 ? '它' : '它们'}会一直保留，并在这里提示，直到 llmctl.yaml 与之一致。`,

  'ui.keyNavigate': '移动',
  'ui.keySelect': '选择',
  'ui.keyToggle': '勾选',
  'ui.keySpace': '空格',
  'ui.keyAll': '全选',
  'ui.keyInvert': '反选',
  'ui.keySubmit': '确认',
  'ui.answerYes': '是',
  'ui.answerNo': '否',
  'ui.noResults': '没有匹配的结果',
  'ui.pickAtLeastOne': '请至少选择一项',
};
