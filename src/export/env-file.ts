import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';

/**
 * Env files as docker compose reads them (`env_file:`): one `NAME='value'` per line. Single quotes
 * keep a value literal (no `$` interpolation); compose and Kubernetes both take the value back
 * exactly. A value that single quotes cannot carry (a quote, a backslash, a line break) is refused
 * by name: the value itself is never shown.
 */
export function formatEnvFile(header: string[], vars: Record<string, string>): string {
  const lines = header.map((l) => `# ${l}`);
  for (const [name, value] of Object.entries(vars)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /['\\\r\n\0]/.test(value)) {
      throw new LlmctlError(t('exporting.badEnvValue', { name }), { hint: t('exporting.badEnvValueHint') });
    }
    lines.push(`${name}='${value}'`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads back what formatEnvFile wrote (unquoted values too); other lines are skipped. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(?:'([^']*)'|"([^"]*)"|(.*))\s*$/.exec(line);
    if (m) out[m[1]!] = m[2] ?? m[3] ?? (m[4] ?? '').trim();
  }
  return out;
}
