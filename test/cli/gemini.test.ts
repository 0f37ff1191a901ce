import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/golden.js';

const CONFIG = `version: 1
proxy: { port: 4100 }
providers:
  sf: { preset: siliconflow, apiKey: env:SF_KEY }
models:
  - { name: deepseek-chat, provider: sf, model: deepseek-ai/DeepSeek-V3 }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
  gemini: { enabled: true }
`;

function geminiUser(config = CONFIG) {
  const sb = sandbox({ SF_KEY: 'sf-upstream-key-abcdef123456' });
  const dir = path.join(sb.home, '.gemini');
  mkdirSync(dir, { recursive: true });
  const files = {
    settings: path.join(dir, 'settings.json'),
    env: path.join(dir, '.env'),
    secrets: path.join(sb.llmctlHome, 'secrets.json'),
  };
  copyFileSync(path.join(FIXTURES, 'gemini-rich', 'settings.json'), files.settings);
  writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), config);
  return { ...sb, files };
}

describe('the Gemini CLI target', () => {
  it(
    'the proxy URL and key go to ~/.gemini/.env (0600); ' + 'a user’s own login and model stay unless setDefault',
    async () => {
      const u = geminiUser();
      const original = readFileSync(u.files.settings, 'utf8');
      const r = await llmctl(u, ['sync']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('Gemini CLI’s model stays your own ("gemini-2.5-pro")');
      expect(readFileSync(u.files.settings, 'utf8')).toBe(original);
      const key = (JSON.parse(readFileSync(u.files.secrets, 'utf8')) as { secrets: { proxy: string } }).secrets.proxy;
      expect(readFileSync(u.files.env, 'utf8')).toBe(
        `GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:4100\nGEMINI_API_KEY=${key}\n`,
      );
      expect(statSync(u.files.env).mode & 0o777).toBe(0o600);
    },
  );

  it('with setDefault: model.name and the API-key login are set; unlink gives the original bytes back', async () => {
    const u = geminiUser(CONFIG.replace('gemini: { enabled: true }', 'gemini: { enabled: true, setDefault: true }'));
    const original = readFileSync(u.files.settings, 'utf8');
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const settings = readFileSync(u.files.settings, 'utf8');
    expect(settings).toContain('"selectedType": "gemini-api-key"');
    expect(settings).toContain('"model": { "name": "deepseek-chat" }');
    expect((await llmctl(u, ['sync', '--check'])).code).toBe(0);
    const un = await llmctl(u, ['unlink', 'gemini']);
    expect(un.code, un.stderr).toBe(0);
    expect(readFileSync(u.files.settings, 'utf8')).toBe(original);
  });
});
