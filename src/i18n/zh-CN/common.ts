import type { Translation } from '../message.js';
import type { common as en } from '../en/common.js';

/** 简体中文：通用消息（错误输出等）。术语见 docs/glossary.zh-CN.md。 */
export const common: Translation<typeof en> = {
  'common.interrupted': '已中断：没有写入任何文件。',
  'common.internalError': (p) => `内部错误：${p.message}`,
  'common.reportBug': '这是 llmctl 的 bug。请加上 -v 重新运行查看详情，并提交报告。',
  'common.fixLabel': '修复：',
  'common.someFile': '某个文件',
  'common.badLang': (p) => `--lang 不支持语言“${p.value}”`,
  'common.badLangHint': '请使用 --lang en 或 --lang zh-CN',
};
