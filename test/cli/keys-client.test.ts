import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';

const CONFIG = `version: 1
# the user's comment stays
providers:
  up: { preset: vllm, apiBase: http://127.0.0.1:9/v1 }
models:
  - { name: small, provider: up }
  - { name: large, provider: up }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
`;

function user(): Sandbox {
  const sb = sandbox();
  writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), CONFIG);
  return sb;
}
const read = (sb: Sandbox, f: string) => readFileSync(path.join(sb.llmctlHome, f), 'utf8');
const stored = (sb: Sandbox) => (JSON.parse(read(sb, 'secrets.json')) as { secrets: Record<string, string> }).secrets;

describe('llmctl keys client', () => {
  it('add stores a new key, prints it once on stdout, and edits llmctl.yaml keeping its comments', async () => {
    const sb = user();
    const r = await llmctl(sb, ['keys', 'client', 'add', 'alice', '--models', 'small', '--rpm', '30']);
    expect(r.code, r.stderr).toBe(0);
    const key = stored(sb)['client-alice']!;
    expect(r.stdout.trim()).toBe(key);
    expect(key).toMatch(/^sk-[A-Za-z0-9_-]{40,}$/);
    expect(r.stderr).not.toContain(key);
    expect(statSync(path.join(sb.llmctlHome, 'secrets.json')).mode & 0o777).toBe(0o600);
    const yaml = read(sb, 'llmctl.yaml');
    expect(yaml).toContain("# the user's comment stays");
    expect(yaml).toMatch(/clients:\n {4}alice:\n {6}key: secret:client-alice\n {6}models:\n {8}- small\n {6}rpm: 30/);
    expect(yaml).not.toContain(key);

    const sync = await llmctl(sb, ['sync']);
    expect(sync.code, sync.stderr).toBe(0);
    const auth = read(sb, 'llmctl_auth.py');
    expect(auth).toContain('LLMCTL_KEY_CLIENT_ALICE');
    expect(auth).not.toContain(key);

    const list = await llmctl(sb, ['keys', 'client', 'list']);
    expect(list.stdout).toMatch(/alice\s+secret:client-alice\s+small\s+\(rpm 30\)/);
    expect(list.stdout + list.stderr).not.toContain(key);
  });

  it.each([
    [['add', 'alice', '--models', 'small,huge'], 2, /not a model in .*llmctl\.yaml: huge/],
    [['add', 'alice', '--rpm', '1.5'], 2, /--rpm 1\.5: expected a positive whole number/],
    [['add', 'bad name'], 2, /client name "bad name"/],
    [['rm', 'nobody'], 1, /no client "nobody"/],
  ])('%j is refused with a clear message and changes no file', async (args, code, message) => {
    const sb = user();
    const before = snapshot(sb.llmctlHome);
    const r = await llmctl(sb, ['keys', 'client', ...args]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(snapshot(sb.llmctlHome)).toEqual(before);
  });

  it('add refuses an existing client unless --force, which makes a new key', async () => {
    const sb = user();
    await llmctl(sb, ['keys', 'client', 'add', 'alice']);
    const first = stored(sb)['client-alice'];
    const again = await llmctl(sb, ['keys', 'client', 'add', 'alice']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect(stored(sb)['client-alice']).toBe(first);
    const forced = await llmctl(sb, ['keys', 'client', 'add', 'alice', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(stored(sb)['client-alice']).not.toBe(first);
  });

  it('rm removes the entry and its stored key, leaving llmctl.yaml as it was (in Chinese too)', async () => {
    const sb = user();
    await llmctl(sb, ['keys', 'client', 'add', 'alice']);
    const r = await llmctl(sb, ['--lang', 'zh-CN', 'keys', 'client', 'rm', 'alice']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('删除客户端“alice”');
    expect(stored(sb)['client-alice']).toBeUndefined();
    expect(read(sb, 'llmctl.yaml')).toBe(
      `# yaml-language-server: ${/\$schema=\S+/.exec(read(sb, 'llmctl.yaml'))![0]}\n${CONFIG}`,
    );
  });
});
