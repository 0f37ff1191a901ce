import type { Messages } from '../message.js';

/** English messages used everywhere (the error printer, shared words). Ids start with `common.`. */
export const common = {
  'common.interrupted': 'Interrupted: nothing was written.',
  'common.internalError': (p: { message: string }) => `internal error: ${p.message}`,
  'common.reportBug': 'This is a bug in llmctl. Run again with -v for details and report it.',
  'common.fixLabel': 'fix:',
  'common.someFile': 'a file',
  'common.badLang': (p: { value: string }) => `unknown language '${p.value}' for --lang`,
  'common.badLangHint': 'use --lang en or --lang zh-CN',
} satisfies Messages;
