import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';

const KEY = 'sk-zhipu-secret-value-1234abcd';
const OTHER = 'sf-other-secret-value-9876wxyz';

const secretsFile = (sb: Sandbox) => path.join(sb.llmctlHome, 'secrets.json');
const stored = (sb: Sandbox) =>
  (JSON.parse(readFileSync(secretsFile(sb), 'utf8')) as { secrets: Record<string, string> }).secrets;

/** Mode 0600 (Windows has no POSIX modes to check). */
function expectOwnerOnly(file: string): void {
  if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
}

/** Runs llmctl under umask 000, where a carelessly created file would be world-readable. */
function llmctlUmask0(sb: Sandbox, args: string[], input: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      '/bin/sh',
      ['-c', 'umask 000; exec "$0" "$@"', process.execPath, BIN, ...args],
      { env: sb.env },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, out: String(stdout) + String(stderr) }),
    );
    child.stdin?.end(input);
  });
}

const hasScript = process.platform !== 'win32' && existsSync('/usr/bin/script');

/** Runs llmctl in a pseudo-terminal (util-linux `script`), typing `answer` + Enter once it has started. */
function inTerminal(sb: Sandbox, args: string[], answer: string): Promise<{ code: number; out: string }> {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve) => {
    const child = execFile('script', ['-qec', cmd, '/dev/null'], { env: sb.env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, out: String(stdout) + String(stderr) }),
    );
    // The question appears once the process has loaded; type the answer after it (a loaded machine is slow).
    let typed = false;
    child.stdout?.on('data', (d: Buffer) => {
      if (!typed && String(d).includes('anyway?')) {
        typed = true;
        child.stdin?.write(`${answer}\r`);
      }
    });
  });
}

describe('llmctl keys', () => {
  it('set --stdin stores the key 0600 and never prints it', async () => {
    const sb = sandbox();
    const r = await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: `${KEY}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(KEY);
    expect(r.stderr).toContain('Stored key "zhipu" (sk-…abcd)');
    expect(r.stderr).toContain('secret:zhipu');
    expect(stored(sb)).toEqual({ zhipu: KEY });
    expectOwnerOnly(secretsFile(sb));
  });

  it(
    'set NAME for a provider whose key reference leads nowhere points llmctl.yaml ' +
      'at the stored key (comments kept); one that works is left, with a hint',
    async () => {
      const sb = sandbox({ SF_KEY: OTHER });
      const yamlFile = path.join(sb.llmctlHome, 'llmctl.yaml');
      writeFileSync(
        yamlFile,
        `version: 1
providers:
  # imported with a placeholder key
  zhipu: { preset: zhipu, apiKey: env:ZHIPUAI_API_KEY }
  sf: { preset: siliconflow, apiKey: env:SF_KEY }
models:
  - { name: glm, provider: zhipu }
  - { name: qwen, provider: sf }
`,
      );
      const r = await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: KEY });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('env:ZHIPUAI_API_KEY (not set in this shell) → secret:zhipu');
      const text = readFileSync(yamlFile, 'utf8');
      expect(text).toContain('# imported with a placeholder key');
      expect(text).toMatch(/zhipu: \{ preset: zhipu, apiKey: "?secret:zhipu"? \}/);
      expect(text).not.toContain(KEY);
      // -v: the per-variable details are shown only then.
      const sync = await llmctl(sb, ['-v', 'sync', '--only', 'litellm']);
      expect(sync.code, sync.stderr).toBe(0);
      expect(sync.stderr).not.toContain('ZHIPUAI_API_KEY is not set');

      const before = readFileSync(yamlFile, 'utf8');
      const kept = await llmctl(sb, ['keys', 'set', 'sf', '--stdin'], { input: 'sf-a-second-key-5555' });
      expect(kept.code, kept.stderr).toBe(0);
      expect(kept.stderr).toContain(
        'providers.sf.apiKey is env:SF_KEY (set in this shell): to use the stored key instead, set it to secret:sf',
      );
      expect(readFileSync(yamlFile, 'utf8')).toBe(before);
    },
  );

  it('set --from-env copies the variable without printing it', async () => {
    const sb = sandbox();
    const r = await llmctl(sb, ['keys', 'set', 'siliconflow', '--from-env', 'SF_KEY'], { env: { SF_KEY: OTHER } });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(OTHER);
    expect(stored(sb)).toEqual({ siliconflow: OTHER });
    expectOwnerOnly(secretsFile(sb));
  });

  it.skipIf(process.platform === 'win32')(
    'is never world-readable, even under umask 000, and leaves no temp file behind',
    async () => {
      const sb = sandbox();
      const r = await llmctlUmask0(sb, ['keys', 'set', 'zhipu', '--stdin'], KEY);
      expect(r.code).toBe(0);
      expect(r.out).not.toContain(KEY);
      expectOwnerOnly(secretsFile(sb));
      // A second write replaces the file: it must keep 0600 too.
      await llmctlUmask0(sb, ['keys', 'set', 'other', '--stdin'], OTHER);
      expectOwnerOnly(secretsFile(sb));
      expect(readdirSync(sb.llmctlHome).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('a key given as an argument is refused and stores nothing', async () => {
    const sb = sandbox();
    const before = snapshot(sb.dir);
    const r = await llmctl(sb, ['keys', 'set', 'zhipu', KEY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('too many arguments');
    expect(snapshot(sb.dir)).toEqual(before);
  });

  it('list shows names, masked tails and where each key is used; --json too', async () => {
    const sb = sandbox();
    writeFileSync(
      path.join(sb.llmctlHome, 'llmctl.yaml'),
      'version: 1\nproviders:\n  zhipu: { preset: zhipu, apiKey: secret:zhipu }\n' +
        '  glm2: { preset: zhipu, apiKey: secret:zhipu }\nmodels: []\n',
    );
    await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: KEY });
    await llmctl(sb, ['keys', 'set', 'spare', '--stdin'], { input: OTHER });
    const r = await llmctl(sb, ['keys', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(KEY);
    expect(r.stdout + r.stderr).not.toContain(OTHER);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^spare\s+…wxyz\s+\(not used\)$/);
    expect(lines[1]).toMatch(/^zhipu\s+sk-…abcd\s+providers\.zhipu, providers\.glm2$/);
    const j = await llmctl(sb, ['keys', 'list', '--json']);
    const data = JSON.parse(j.stdout) as { keys: { name: string; masked: string; usedBy: string[] }[] };
    expect(data.keys.find((k) => k.name === 'zhipu')).toEqual({
      name: 'zhipu',
      masked: 'sk-…abcd',
      usedBy: ['providers.zhipu', 'providers.glm2'],
    });
    expect(j.stdout).not.toContain(KEY);
  });

  it('rm deletes one key and keeps the others; rm of an unknown name fails cleanly', async () => {
    const sb = sandbox();
    await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: KEY });
    await llmctl(sb, ['keys', 'set', 'spare', '--stdin'], { input: OTHER });
    const r = await llmctl(sb, ['keys', 'rm', 'zhipu']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Removed key "zhipu"');
    expect(stored(sb)).toEqual({ spare: OTHER });
    expectOwnerOnly(secretsFile(sb));
    const before = snapshot(sb.dir);
    const again = await llmctl(sb, ['keys', 'rm', 'zhipu']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no key named "zhipu"');
    expect(again.stderr).toContain('llmctl keys list');
    expect(snapshot(sb.dir)).toEqual(before);
  });

  it(
    'rm of a key llmctl.yaml uses refuses without a terminal, ' + 'naming the places and --force; --force removes it',
    async () => {
      const sb = sandbox();
      writeFileSync(
        path.join(sb.llmctlHome, 'llmctl.yaml'),
        `version: 1
providers:
  zhipu: { preset: zhipu, apiKey: secret:zhipu }
  backup: { preset: zhipu, apiKey: secret:zhipu }
models:
  - { name: glm, provider: zhipu }
`,
      );
      await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: KEY });
      await llmctl(sb, ['keys', 'set', 'spare', '--stdin'], { input: OTHER });
      const before = snapshot(sb.dir);
      const refused = await llmctl(sb, ['keys', 'rm', 'zhipu']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('key "zhipu" is in use: providers.zhipu, providers.backup');
      expect(refused.stderr).toContain('--force');
      expect(snapshot(sb.dir)).toEqual(before);

      const unused = await llmctl(sb, ['keys', 'rm', 'spare']);
      expect(unused.code, unused.stderr).toBe(0);
      expect(unused.stderr).toContain('Removed key "spare" (nothing in llmctl.yaml used it)');

      const forced = await llmctl(sb, ['keys', 'rm', 'zhipu', '--force']);
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stderr).toContain('providers.zhipu, providers.backup');
      expect(forced.stderr).toContain('llmctl keys set zhipu');
      expect(stored(sb)).toEqual({});
    },
  );

  it(
    'rm with an llmctl.yaml that does not parse: ' + 'refused (use unknown) unless --force, in both languages',
    async () => {
      const sb = sandbox();
      writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'version: 1\nproviders: [broken\n');
      await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: KEY });
      const before = snapshot(sb.dir);
      const refused = await llmctl(sb, ['keys', 'rm', 'zhipu']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('does not parse, so llmctl cannot tell whether it uses key "zhipu"');
      const zh = await llmctl(sb, ['keys', 'rm', 'zhipu'], { env: { LANG: 'zh_CN.UTF-8' } });
      expect(zh.code).toBe(2);
      expect(zh.stderr).toContain('无法判断其中是否用到了密钥“zhipu”');
      expect(snapshot(sb.dir)).toEqual(before);
      const forced = await llmctl(sb, ['keys', 'rm', 'zhipu', '--force']);
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stderr).toContain('check it does not reference secret:zhipu');
      expect(stored(sb)).toEqual({});
    },
  );

  it.skipIf(process.platform === 'win32' || !hasScript)(
    'rm of a key in use asks in a terminal: No keeps it, Yes removes it',
    async () => {
      const sb = sandbox();
      writeFileSync(
        path.join(sb.llmctlHome, 'llmctl.yaml'),
        'version: 1\nproviders:\n  zhipu: { preset: zhipu, apiKey: secret:zhipu }\n' +
          'models:\n  - { name: glm, provider: zhipu }\n',
      );
      await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: KEY });
      const no = await inTerminal(sb, ['keys', 'rm', 'zhipu'], 'n');
      expect(no.out).toContain('Key "zhipu" is used by providers.zhipu');
      expect(no.out).toContain('Remove key "zhipu" anyway?');
      expect(no.out).toContain('Kept key "zhipu"');
      expect(stored(sb)).toEqual({ zhipu: KEY });
      const yes = await inTerminal(sb, ['keys', 'rm', 'zhipu'], 'y');
      expect(yes.code).toBe(0);
      expect(yes.out).toContain('Removed key "zhipu"');
      expect(stored(sb)).toEqual({});
    },
  );

  it('set without a terminal and without --stdin/--from-env asks for a flag instead of hanging', async () => {
    const sb = sandbox();
    const r = await llmctl(sb, ['keys', 'set', 'zhipu']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--stdin');
    expect(() => statSync(secretsFile(sb))).toThrow();
  });

  it(
    '20 parallel `keys set` (each a different name, ' +
      'value on stdin) all survive in secrets.json; no lock or temp file is left',
    async () => {
      const sb = sandbox();
      const n = 20;
      const runs = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          llmctl(sb, ['keys', 'set', `key${i}`, '--stdin'], { input: `sk-parallel-value-${i}-abcdef\n` }),
        ),
      );
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const keys = stored(sb);
      expect(Object.keys(keys).sort()).toEqual(Array.from({ length: n }, (_, i) => `key${i}`).sort());
      for (let i = 0; i < n; i++) expect(keys[`key${i}`]).toBe(`sk-parallel-value-${i}-abcdef`);
      expectOwnerOnly(secretsFile(sb));
      expect(readdirSync(sb.llmctlHome).sort()).toEqual(['secrets.json']);
    },
    120_000,
  );

  it('parallel `keys set` for providers with placeholder keys each wire llmctl.yaml: no edit is lost', async () => {
    const sb = sandbox();
    const yamlFile = path.join(sb.llmctlHome, 'llmctl.yaml');
    const n = 6;
    const names = Array.from({ length: n }, (_, i) => `prov${i}`);
    writeFileSync(
      yamlFile,
      `version: 1\n# my providers\nproviders:\n` +
        `${names.map((p) => `  ${p}: { preset: siliconflow, apiKey: env:UNSET_${p.toUpperCase()} }\n`).join('')}` +
        `models:\n${names.map((p) => `  - { name: m-${p}, provider: ${p} }\n`).join('')}`,
    );
    const runs = await Promise.all(
      names.map((p, i) => llmctl(sb, ['keys', 'set', p, '--stdin'], { input: `sk-wire-value-${i}-abcdef` })),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(yamlFile, 'utf8');
    expect(text).toContain('# my providers');
    for (const p of names)
      expect(text).toMatch(new RegExp(`${p}: \\{ preset: siliconflow, apiKey: "?secret:${p}"? \\}`));
  }, 120_000);
});
