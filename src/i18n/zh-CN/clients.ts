import type { Translation } from '../message.js';
import type { clients as en } from '../en/clients.js';

/** 简体中文：clients 部分。术语见 docs/glossary.zh-CN.md。 */
export const clients: Translation<typeof en> = {
  'clients.rule.name': (p) => `客户端名称“${p.name}”含有 llmctl 不能使用的字符`,
  'clients.rule.nameHint': '请使用字母、数字、“.”、“_”和“-”，并以字母或数字开头。',
  'clients.rule.unknownModel': (p) => `客户端“${p.client}”可用的模型“${p.model}”不在 models: 中`,
  'clients.rule.unknownModelHint': (p) => `llmctl.yaml 中的模型：${p.names}。`,
  'clients.rule.unknownModelHintNone': '请先在 models: 下添加这个模型。',
  'clients.rule.masterKey': (p) => `客户端“${p.client}”使用了代理的主密钥：每个客户端应有自己的密钥，llmctl 才能限制它`,
  'clients.rule.masterKeyHint': (p) =>
    `为它生成单独的密钥：llmctl keys client add ${p.name} --force（新密钥只显示一次）。`,
  'clients.rule.sharedKey': (p) => `客户端“${p.client}”与客户端“${p.other}”使用同一个密钥：代理无法区分它们`,
  'clients.rule.sharedKeyHint': (p) =>
    `为它生成单独的密钥：llmctl keys client add ${p.name} --force（新密钥只显示一次）。`,
  'clients.rule.ownAuth':
    'proxy.clients 需要 llmctl 的密钥校验，而设置了 generalSettings.database_url 或 custom_auth 时代理不运行它',
  'clients.rule.ownAuthHint':
    '使用数据库时，请改用 LiteLLM 的虚拟密钥（/key/generate）；或者删除 database_url/custom_auth。',
};
