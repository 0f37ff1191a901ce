import type { Translation } from '../message.js';
import type { sync as en } from '../en/sync.js';

/** 简体中文：sync 部分。术语见 docs/glossary.zh-CN.md。 */
export const sync: Translation<typeof en> = {
  'sync.unknownTarget': (p) => `--only 中的目标工具“${p.name}”不存在`,
  'sync.unknownTargetHint': (p) => `请使用以下一个或多个：${p.names}`,
  'sync.masterKeyUnset': (p) => `代理主密钥 ${p.ref} 未设置`,
  'sync.masterKeyUnsetHint': (p) => `请在环境中设置 ${p.name}，或使用 masterKey: secret:proxy`,
  'sync.secretMissing': (p) => `密钥库中没有密钥“${p.name}”`,
  'sync.secretMissingHint': (p) => `请运行 \`llmctl keys set ${p.name}\``,
  'sync.envUnset': (p) => `环境变量 ${p.name} 未设置`,
  'sync.envUnsetHint': (p) =>
    `请在运行 \`llmctl serve\` 前导出它，或用 \`llmctl keys set ${p.provider}\` 把密钥存入密钥库（llmctl.yaml 随后会引用它）`,
  'sync.keysMissing': (p) => `${p.file} 引用的 ${p.n} 个密钥缺失`,
  'sync.keysMissingHint': '请按上面所示存入密钥，然后重新运行命令（没有做任何修改）',
  'sync.masterKeyRace': '本次规划期间，另一个 llmctl 存入了代理主密钥',
  'sync.masterKeyRaceHint': '请重新运行命令（没有写入任何文件）',
  'sync.stateBadShape': '结构不符合预期',
  'sync.stateDamaged': (p) => `${p.file} 已损坏：${p.error}`,
  'sync.stateDamagedHint': '请将其移走后重新运行 `llmctl sync`（llmctl 随后会把工具配置中的每一项都视为用户自己的）',
};
