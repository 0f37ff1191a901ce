import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { LlmctlError, isNodeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { withLock } from '../fs/lock.js';
import { osError } from '../fs/os-error.js';

/**
 * The lock that guards a secrets file's read-modify-write (its own, so sync can take it while holding the llmctl lock).
 */
export function secretsLockFile(file: string): string {
  return `${file}.lock`;
}

/**
 * The secrets file: JSON `{ "version": 1, "secrets": { NAME: value } }`, mode 0600, in the llmctl home.
 * Values never leave this module except to be put into a child's environment or a 0600 .env file.
 */
export interface SecretsFile {
  version: 1;
  secrets: Record<string, string>;
}

export class SecretStore {
  /** This copy's own changes since it was read, replayed onto the file's current content by save(). */
  private changes = new Map<string, string | null>();

  private constructor(
    readonly file: string,
    private data: SecretsFile,
    readonly existed: boolean,
  ) {}

  /**
   * The only safe way to change the secrets file: under its lock, read it fresh, let `fn` change
   * that copy, and write it if anything changed. Another llmctl's key stored meanwhile survives.
   */
  static async update<T>(file: string, fn: (store: SecretStore) => T | Promise<T>): Promise<T> {
    return withLock(secretsLockFile(file), async () => {
      const store = await SecretStore.open(file);
      const result = await fn(store);
      if (store.changes.size) await store.write();
      return result;
    });
  }

  static async open(file: string, options: { checkMode?: boolean } = {}): Promise<SecretStore> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if (isNodeError(e) && e.code === 'ENOENT') return new SecretStore(file, { version: 1, secrets: {} }, false);
      throw osError(e, file, 'readSecrets');
    }
    if (options.checkMode !== false && process.platform !== 'win32') {
      const mode = (await fs.stat(file)).mode & 0o777;
      if (mode & 0o077) {
        throw new LlmctlError(t('secrets.storeReadableByOthers', { file, mode: mode.toString(8).padStart(4, '0') }), {
          hint: t('secrets.storeReadableByOthersHint', { file }),
        });
      }
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new LlmctlError(t('secrets.storeNotJson', { file, error: (e as Error).message }), {
        hint: t('secrets.storeNotJsonHint'),
      });
    }
    const p = parsed as Partial<SecretsFile>;
    if (!p || typeof p !== 'object' || p.version !== 1 || typeof p.secrets !== 'object' || p.secrets === null) {
      throw new LlmctlError(t('secrets.storeBadFormat', { file }), { hint: t('secrets.storeBadFormatHint') });
    }
    for (const [k, v] of Object.entries(p.secrets)) {
      if (typeof v !== 'string')
        throw new LlmctlError(t('secrets.storeNotString', { file, name: k }), {
          hint: t('secrets.storeNotStringHint', { name: k }),
        });
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
    this.changes.set(name, value);
  }

  delete(name: string): boolean {
    if (!this.has(name)) return false;
    delete this.data.secrets[name];
    this.changes.set(name, null);
    return true;
  }

  values(): string[] {
    return Object.values(this.data.secrets);
  }

  /**
   * Stores this copy's changes: the file is read again under its lock and only the names this copy
   * set or deleted are changed in it, so a copy read before another process stored a key (a long
   * sync, init, import) never writes that key away. This copy then holds the file's current content.
   */
  async save(): Promise<void> {
    const changes = [...this.changes];
    const fresh = await SecretStore.update(this.file, (current) => {
      for (const [name, value] of changes) {
        if (value === null) current.delete(name);
        else current.set(name, value);
      }
      return current;
    });
    this.data = fresh.data;
    this.changes.clear();
  }

  private async write(): Promise<void> {
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
