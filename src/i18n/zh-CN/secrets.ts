import type { Translation } from '../message.js';
import type { secrets as en } from '../en/secrets.js';

/** 简体中文：secrets 部分（密钥引用、密钥库文件）。术语见 docs/glossary.zh-CN.md。 */
export const secrets: Translation<typeof en> = {
  'secrets.badRef': (p) => `无效的密钥引用“${p.ref}”`,
  'secrets.badRefHint': '请使用 secret:NAME 或 env:VAR',

  'secrets.reservedLlmctl': 'LLMCTL_* 变量归 llmctl 自己使用（serve 为密钥库中的密钥设置 LLMCTL_KEY_*）',
  'secrets.reservedLitellm': 'LITELLM_* 变量归代理自己使用（LITELLM_MASTER_KEY 是客户端访问代理所用的密钥）',
  'secrets.reservedDatabase': (p) => `${p.name} 是代理的数据库连接（含密码）`,
  'secrets.reservedRedis': 'REDIS_* 变量是代理的缓存连接（REDIS_PASSWORD…）',
  'secrets.reservedUi': (p) => `${p.name} 是代理管理界面的登录信息`,
  'secrets.reservedNetworkProxy': (p) => `${p.name} 是代理自身使用的网络代理（其中可能带有该网络代理的密码）`,

  'secrets.storeReadableByOthers': (p) => `密钥库文件 ${p.file} 可被其他用户读取（权限 ${p.mode}）`,
  'secrets.storeReadableByOthersHint': (p) => `请运行：chmod 600 ${p.file}，并考虑轮换其中的密钥`,
  'secrets.storeNotJson': (p) => `密钥库文件 ${p.file} 不是有效的 JSON：${p.error}`,
  'secrets.storeNotJsonHint': '请从备份中恢复，或将其移走后用 `llmctl keys set NAME` 重新设置密钥',
  'secrets.storeBadFormat': (p) => `密钥库文件 ${p.file} 不是 llmctl 的格式`,
  'secrets.storeBadFormatHint': '它应当形如 {"version":1,"secrets":{...}}；请将其移走后重新设置密钥',
  'secrets.storeNotString': (p) => `密钥库文件 ${p.file}：“${p.name}”的值不是字符串`,
  'secrets.storeNotStringHint': (p) => `请用 \`llmctl keys set ${p.name}\` 重新设置`,
};
