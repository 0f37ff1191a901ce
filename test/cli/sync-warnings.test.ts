import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox, snapshot } from '../helpers/cli.js';

const CONFIG = `version: 1
providers:
  zhipu: { preset: zhipu, apiKey: env:ZHIPU_TEST_KEY }
models:
  - { name: glm, provider: zhipu }
tools:
  claude: { onboarding: false }
`;

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('sync warnings come from this run, never from the cache', () => {
  it('an unset env: key is warned about once per run, three runs in a row, and not at all once exported', async () => {
    const sb = sandbox();
    writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), CONFIG);
    for (let i = 0; i < 3; i++) {
      const r = await llmctl(sb, ['-v', 'sync']);
      expect(r.code, r.stderr).toBe(0);
      expect(count(r.stderr, '1 provider has no key yet: zhipu')).toBe(1);
      expect(count(r.stderr, 'ZHIPU_TEST_KEY is not set')).toBe(1);
    }
    for (let i = 0; i < 3; i++) {
      const r = await llmctl(sb, ['sync'], { env: { ZHIPU_TEST_KEY: 'zk-exported-0123456789' } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('is not set');
      expect(r.stderr).not.toContain('no key yet');
    }
    const back = await llmctl(sb, ['-v', 'sync']);
    expect(count(back.stderr, 'ZHIPU_TEST_KEY is not set')).toBe(1);
  });

  it('a secret: credential in params that the store lacks stops the sync, like a provider key', async () => {
    const sb = sandbox();
    writeFileSync(
      path.join(sb.llmctlHome, 'llmctl.yaml'),
      CONFIG.replace('env:ZHIPU_TEST_KEY }', 'env:ZHIPU_TEST_KEY, params: { aws_secret_access_key: secret:aws } }'),
    );
    const before = snapshot(sb.dir);
    const r = await llmctl(sb, ['sync'], { env: { ZHIPU_TEST_KEY: 'zk-exported-0123456789' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('secret "aws" is not in the secrets store');
    expect(r.stderr).toContain('providers.zhipu.params.aws_secret_access_key');
    expect(r.stderr).toContain('llmctl keys set aws');
    expect(snapshot(sb.dir)).toEqual(before);
  });
});
