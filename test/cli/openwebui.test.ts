import { readFileSync, statSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';

/** The openwebui target through the built binary: the env file Open WebUI (or docker --env-file) reads. */
const CONFIG = `version: 1
proxy:
  port: 4100
  clients:
    openwebui: { key: secret:owui }
providers:
  sf: { preset: siliconflow, apiKey: env:SF_KEY }
models:
  - { name: deepseek-chat, provider: sf, model: deepseek-ai/DeepSeek-V3 }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
  openwebui: { enabled: true }
`;
const CLIENT_KEY = 'sk-openwebui-client-0123456789';

async function webuiUser(config = CONFIG) {
  const sb = sandbox({ SF_KEY: 'sf-upstream-key-abcdef123456' });
  writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), config);
  const set = await llmctl(sb, ['keys', 'set', 'owui', '--stdin'], { input: CLIENT_KEY });
  expect(set.code, set.stderr).toBe(0);
  const files = {
    env: path.join(sb.llmctlHome, 'openwebui.env'),
    secrets: path.join(sb.llmctlHome, 'secrets.json'),
  };
  return { ...sb, files };
}

const stored = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as { secrets: Record<string, string> }).secrets;

describe('the Open WebUI target', () => {
  it(
    'sync writes openwebui.env (0600) with the proxy’s /v1 and the client key, ' +
      'never the master key or an upstream key',
    async () => {
      const u = await webuiUser();
      const r = await llmctl(u, ['sync']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('Open WebUI env file');
      const text = readFileSync(u.files.env, 'utf8');
      expect(statSync(u.files.env).mode & 0o777).toBe(0o600);
      const secrets = stored(u.files.secrets);
      expect(text).toContain('OPENAI_API_BASE_URL=http://127.0.0.1:4100/v1\n');
      expect(text).toContain(`OPENAI_API_KEY=${CLIENT_KEY}\n`);
      expect(text).toContain('ENABLE_PERSISTENT_CONFIG=False\n');
      expect(text).toContain('ENABLE_OLLAMA_API=False\n');
      expect(text).toContain('OFFLINE_MODE=True\n');
      expect(text).toContain(`WEBUI_SECRET_KEY=${secrets['openwebui-session']}\n`);
      expect(secrets['openwebui-session']).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(text).not.toContain(secrets.proxy!);
      expect(text).not.toContain('sf-upstream-key');
      expect(text).not.toMatch(/DATA_DIR/);
    },
  );

  it('the session key is generated once: a second sync writes nothing; the user’s own lines stay', async () => {
    const u = await webuiUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const session = stored(u.files.secrets)['openwebui-session'];
    appendFileSync(u.files.env, 'WEBUI_AUTH=False\n');
    const again = await llmctl(u, ['sync']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('nothing written');
    expect(stored(u.files.secrets)['openwebui-session']).toBe(session);
    expect(readFileSync(u.files.env, 'utf8')).toContain('WEBUI_AUTH=False\n');
    const keys = await llmctl(u, ['keys', 'list']);
    expect(keys.stdout).toMatch(/openwebui-session\s+\S+\s+tools\.openwebui/);
  });

  it('without the client: sync refuses, names `llmctl keys client add openwebui`, writes nothing', async () => {
    const u = await webuiUser(
      CONFIG.replace('    openwebui: { key: secret:owui }\n', '    ci: { key: secret:owui }\n'),
    );
    const r = await llmctl(u, ['sync']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('proxy.clients has no such client');
    expect(r.stderr).toContain('llmctl keys client add openwebui');
    expect(existsSync(u.files.env)).toBe(false);
  });

  it('serve --webui refuses before starting anything when Open WebUI is off or not installed', async () => {
    const off = await webuiUser(CONFIG.replace('openwebui: { enabled: true }', 'openwebui: { enabled: false }'));
    const r1 = await llmctl(off, ['serve', '--webui', '--detach'], { env: { LLMCTL_LITELLM: '/bin/true' } });
    expect(r1.code).not.toBe(0);
    expect(r1.stderr).toContain('tools.openwebui.enabled');
    const u = await webuiUser();
    const r2 = await llmctl(u, ['serve', '--webui', '--detach'], {
      env: { LLMCTL_LITELLM: '/bin/true', LLMCTL_WEBUI_VENV: path.join(u.dir, 'no-venv') },
    });
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toContain('Open WebUI is not installed');
    expect(r2.stderr).toContain('llmctl webui install');
    expect(existsSync(path.join(u.llmctlHome, 'proxy.pid'))).toBe(false);
  });

  it('webui install without a terminal asks for --yes and says the size first', async () => {
    const u = await webuiUser();
    const r = await llmctl(u, ['webui', 'install']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/takes about \d+ GB/);
    expect(r.stderr).toContain('--yes');
    const bad = await llmctl(u, ['webui', 'install', '--yes', '--version', 'latest']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"latest" is not an Open WebUI version');
  });

  it(
    'init --yes --webui turns Open WebUI on with a client key of its own, ' + 'stored, and the env file uses it',
    async () => {
      const sb = sandbox();
      const r = await llmctl(sb, [
        'init',
        '--yes',
        '--provider',
        'custom',
        '--api-base',
        'http://10.0.0.5:8000/v1',
        '--model',
        'qwen3-8b',
        '--tools',
        'none',
        '--webui',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const yaml = readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8');
      expect(yaml).toMatch(/clients:\n\s+openwebui:\n\s+key: secret:client-openwebui/);
      expect(yaml).toMatch(/openwebui:\n\s+enabled: true/);
      const secrets = stored(path.join(sb.llmctlHome, 'secrets.json'));
      expect(secrets['client-openwebui']).toMatch(/^sk-/);
      expect(secrets['client-openwebui']).not.toBe(secrets.proxy);
      const env = readFileSync(path.join(sb.llmctlHome, 'openwebui.env'), 'utf8');
      expect(env).toContain(`OPENAI_API_KEY=${secrets['client-openwebui']}\n`);
      expect(env).toContain(`WEBUI_SECRET_KEY=${secrets['openwebui-session']}\n`);
    },
  );
});
