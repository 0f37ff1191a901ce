import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { LlmctlError, isNodeError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';

/**
 * The secrets file: JSON `{ "version": 1, "secrets": { NAME: value } }`, mode 0600, in the llmctl home.
 * Values never leave this module except to be put into a child's environment or a 0600 .env file.
 */
export interface SecretsFile {
  version: 1;
  secrets: Record<string, string>;
}

export class SecretStore {
  private constructor(
    readonly file: string,
    private data: SecretsFile,
    readonly existed: boolean,
  ) {}

  static async open(file: string, options: { checkMode?: boolean } = {}): Promise<SecretStore> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if (isNodeError(e) && e.code === 'ENOENT') return new SecretStore(file, { version: 1, secrets: {} }, false);
      throw new LlmctlError(`cannot read the secrets file ${file}: ${isNodeError(e) ? e.code : String(e)}`, { hint: 'check its owner and permissions' });
    }
    if (options.checkMode !== false && process.platform !== 'win32') {
      const mode = (await fs.stat(file)).mode & 0o777;
      if (mode & 0o077) {
        throw new LlmctlError(`the secrets file ${file} is readable by others (mode ${mode.toString(8).padStart(4, '0')})`, {
          hint: `run: chmod 600 ${file} — and consider rotating the keys in it`,
        });
      }
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new LlmctlError(`the secrets file ${file} is not valid JSON: ${(e as Error).message}`, {
        hint: 'restore it from a backup, or move it away and set the keys again with `llmctl keys set NAME`',
      });
    }
    const p = parsed as Partial<SecretsFile>;
    if (!p || typeof p !== 'object' || p.version !== 1 || typeof p.secrets !== 'object' || p.secrets === null) {
      throw new LlmctlError(`the secrets file ${file} is not in llmctl's format`, {
        hint: 'it should look like {"version":1,"secrets":{...}}; move it away and set the keys again',
      });
    }
    for (const [k, v] of Object.entries(p.secrets)) {
      if (typeof v !== 'string') throw new LlmctlError(`the secrets file ${file}: the value of "${k}" is not a string`, { hint: `set it again with \`llmctl keys set ${k}\`` });
    }
    return new SecretStore(file, { version: 1, secrets: { ...p.secrets } }, true);
  }

  names(): string[] {
    return Object.keys(this.data.secrets).sort();
  }

  has(name: string): boolean {
    return Object.hasOwn(this.data.secrets, name);
  }

  get(name: string): string | undefined {
    return this.has(name) ? this.data.secrets[name] : undefined;
  }

  set(name: string, value: string): void {
    this.data.secrets[name] = value;
  }

  delete(name: string): boolean {
    if (!this.has(name)) return false;
    delete this.data.secrets[name];
    return true;
  }

  values(): string[] {
    return Object.values(this.data.secrets);
  }

  async save(): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
  }
}

/** `sk-` + 32 random bytes, URL-safe: what LiteLLM expects of a master key. */
export function generateMasterKey(): string {
  return `sk-${randomBytes(32).toString('base64url')}`;
}

/** Shows only enough of a key to recognise it: `sk-…Ab3d` (nothing at all of short ones). */
export function maskSecret(value: string): string {
  if (value.length < 12) return '****';
  const prefix = /^(sk-|sk_)/.exec(value)?.[0] ?? '';
  return `${prefix}…${value.slice(-4)}`;
}

/** Replaces every occurrence of each secret in text (longest first) — for diffs, logs and errors. */
export function redact(text: string, secrets: Iterable<string>): string {
  const list = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of list) out = out.split(s).join(maskSecret(s));
  return out;
}
