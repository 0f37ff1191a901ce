import { t } from '../i18n/index.js';
import { isLoopback } from '../proxy/url.js';
import { GEMINI_ENV } from '../targets/gemini.js';
import { parseEnvText } from './dotenv.js';
import type { ImportResult } from './types.js';

/**
 * Reads Gemini CLI's ~/.gemini/.env (Gemini CLI 0.61.0). Gemini CLI speaks Gemini's own API, so
 * little maps to llmctl: a `GOOGLE_GEMINI_BASE_URL` on this machine is llmctl's proxy (its port);
 * one elsewhere is a gateway the user can add as a provider by hand (a note, with the place). The
 * key is never read into the result: it is Google's, or the gateway's.
 */
export async function importGemini(text: string, file: string): Promise<ImportResult> {
  const env = parseEnvText(text);
  const result: ImportResult = { tool: 'gemini', source: file, providers: {}, models: [], secrets: {}, warnings: [] };
  const base = env[GEMINI_ENV.base];
  const url = base ? safeUrl(base) : undefined;
  if (url && isLoopback(url.hostname)) {
    result.proxy = { port: Number(url.port || 80) };
    result.tools = { gemini: { enabled: true } };
  } else if (base) {
    result.warnings.push({
      file,
      path: GEMINI_ENV.base,
      message: t('tools.import.geminiGateway', { url: base }),
      hint: t('tools.import.geminiGatewayHint'),
    });
  } else {
    result.warnings.push({ file, message: t('tools.import.geminiNothing'), hint: t('tools.import.geminiNothingHint') });
  }
  return result;
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}
