import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, llmctl, placeSeedToolConfigs, sandbox, snapshot } from '../helpers/cli.js';
import { richUser } from '../helpers/rich-user.js';

/** `llmctl unlink continue|claude`: llmctl leaves a tool the way it found it, and stays out. */
describe('llmctl unlink', () => {
  it(
    'continue: the config and .env get back their original bytes, ' +
      'llmctl.yaml turns it off (comments kept), and sync leaves it alone',
    async () => {
      const u = richUser();
      const original = { config: readFileSync(u.files.continue, 'utf8'), env: readFileSync(u.files.env, 'utf8') };
      const yamlFile = path.join(u.llmctlHome, 'llmctl.yaml');
      writeFileSync(yamlFile, `# my gateway\n${readFileSync(yamlFile, 'utf8')}`);
      expect((await llmctl(u, ['sync'])).code).toBe(0);
      const synced = readFileSync(u.files.continue, 'utf8');
      expect(synced).not.toBe(original.config);
      const claudeSynced = readFileSync(u.files.claude, 'utf8');

      const before = snapshot(u.dir);
      const dry = await llmctl(u, ['unlink', 'continue', '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('-  - name: GLM-4-Flash-250414');
      expect(dry.stdout).toContain('+    enabled: false');
      const proxyKey = (JSON.parse(readFileSync(u.files.secrets, 'utf8')) as { secrets: { proxy: string } }).secrets
        .proxy;
      expect(dry.stdout).toContain(`-LLMCTL_PROXY_KEY=sk-…${proxyKey.slice(-4)}`); // masked in the diff
      expect(dry.stdout).not.toContain(proxyKey);
      expect(snapshot(u.dir)).toEqual(before);

      const r = await llmctl(u, ['unlink', 'continue']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('Undo with `llmctl restore`');
      expect(readFileSync(u.files.continue, 'utf8')).toBe(original.config);
      expect(readFileSync(u.files.env, 'utf8')).toBe(original.env);
      expect(readFileSync(u.files.claude, 'utf8')).toBe(claudeSynced); // the other tool is untouched
      const yaml = readFileSync(yamlFile, 'utf8');
      expect(yaml).toContain('# my gateway');
      expect(yaml).toMatch(/continue:\s*\n\s+enabled: false/);

      const again = await llmctl(u, ['sync']);
      expect(again.code, again.stderr).toBe(0);
      expect(readFileSync(u.files.continue, 'utf8')).toBe(original.config);
      expect((await llmctl(u, ['status'])).code).toBe(0);

      // Undo: the one backup brings back all three files.
      expect((await llmctl(u, ['restore'])).code).toBe(0);
      expect(readFileSync(u.files.continue, 'utf8')).toBe(synced);
      expect(readFileSync(yamlFile, 'utf8')).not.toContain('enabled: false');
    },
  );

  it('claude: only the keys llmctl wrote go; one edited by hand stays (reported) unless --force', async () => {
    const u = richUser();
    const original = readFileSync(u.files.claude, 'utf8');
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const settings = JSON.parse(readFileSync(u.files.claude, 'utf8'));
    settings.model = 'my-own-model';
    writeFileSync(u.files.claude, `${JSON.stringify(settings, null, 2)}\n`);

    const forced = await llmctl(u, ['unlink', 'claude', '--force', '--dry-run']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('-  "model": "my-own-model"');

    const r = await llmctl(u, ['unlink', 'claude']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('model');
    expect(r.stderr).toContain('edited by hand');
    const after = JSON.parse(readFileSync(u.files.claude, 'utf8'));
    expect(after.model).toBe('my-own-model');
    expect(after.env?.ANTHROPIC_BASE_URL).toBeUndefined();
    expect(after.env?.ANTHROPIC_AUTH_TOKEN).toBeUndefined();
    // The user's own things are all there.
    const mine = JSON.parse(original);
    expect(after.permissions).toEqual(mine.permissions);
    expect(after.hooks).toEqual(mine.hooks);
    expect(readFileSync(u.files.claude, 'utf8')).not.toContain(
      JSON.parse(readFileSync(u.files.secrets, 'utf8')).secrets.proxy,
    );
  });

  it(
    'claude after `import claude`: unlink gives back the base URL, ' + 'token, model and max tokens the user had',
    async () => {
      const sb = sandbox();
      const { claude } = placeSeedToolConfigs(sb);
      const original = JSON.parse(readFileSync(claude, 'utf8'));
      expect((await llmctl(sb, ['import', 'litellm', path.join(SEED, 'litellm.config.yaml')])).code).toBe(0);
      const imp = await llmctl(sb, ['import', 'claude']);
      expect(imp.code, imp.stderr).toBe(0);
      const s = await llmctl(sb, ['sync']);
      expect(s.code, s.stderr).toBe(0);
      // The token is never written into state.json, only a hash of it.
      expect(readFileSync(path.join(sb.llmctlHome, 'state.json'), 'utf8')).not.toContain(
        original.env.ANTHROPIC_AUTH_TOKEN,
      );

      const r = await llmctl(sb, ['unlink', 'claude']);
      expect(r.code, r.stderr).toBe(0);
      const after = JSON.parse(readFileSync(claude, 'utf8'));
      expect(after.model).toBe(original.model);
      for (const k of Object.keys(original.env)) expect(after.env[k], k).toBe(original.env[k]);
      // What llmctl added on its own (the tier models…) is gone again.
      expect(Object.keys(after.env).filter((k) => !(k in original.env) && k !== 'NO_PROXY')).toEqual([]);
    },
  );

  it(
    'claude after `import claude` into a setup that already has a proxy key: ' +
      'the user’s old token is kept and comes back',
    async () => {
      const sb = sandbox();
      const { claude } = placeSeedToolConfigs(sb);
      const original = JSON.parse(readFileSync(claude, 'utf8'));
      expect((await llmctl(sb, ['import', 'litellm', path.join(SEED, 'litellm.config.yaml')])).code).toBe(0);
      expect((await llmctl(sb, ['sync', '--only', 'litellm'])).code).toBe(0); // generates llmctl's own proxy key
      const imp = await llmctl(sb, ['import', 'claude']);
      expect(imp.code, imp.stderr).toBe(0);
      expect((await llmctl(sb, ['sync'])).code).toBe(0);
      expect(JSON.parse(readFileSync(claude, 'utf8')).env.ANTHROPIC_AUTH_TOKEN).not.toBe(
        original.env.ANTHROPIC_AUTH_TOKEN,
      );
      for (const f of ['state.json', 'llmctl.yaml', 'imports.json'])
        expect(readFileSync(path.join(sb.llmctlHome, f), 'utf8'), f).not.toContain(original.env.ANTHROPIC_AUTH_TOKEN);

      const r = await llmctl(sb, ['unlink', 'claude']);
      expect(r.code, r.stderr).toBe(0);
      const after = JSON.parse(readFileSync(claude, 'utf8'));
      expect(after.env.ANTHROPIC_AUTH_TOKEN).toBe(original.env.ANTHROPIC_AUTH_TOKEN);
      expect(after.env.ANTHROPIC_BASE_URL).toBe(original.env.ANTHROPIC_BASE_URL);
    },
  );

  it('claude: a token llmctl replaced comes back from the secrets store (state.json keeps only its hash)', async () => {
    const u = richUser();
    const settings = JSON.parse(readFileSync(u.files.claude, 'utf8'));
    settings.env = {
      ...settings.env,
      ANTHROPIC_AUTH_TOKEN: 'sk-my-own-gateway-token-1234',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999',
    };
    writeFileSync(u.files.claude, JSON.stringify(settings, null, 2));
    expect(
      (
        await llmctl(u, ['keys', 'set', 'old-gateway', '--from-env', 'T'], {
          env: { T: 'sk-my-own-gateway-token-1234' },
        })
      ).code,
    ).toBe(0);
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect(readFileSync(path.join(u.llmctlHome, 'state.json'), 'utf8')).not.toContain('sk-my-own-gateway-token-1234');
    const r = await llmctl(u, ['unlink', 'claude']);
    expect(r.code, r.stderr).toBe(0);
    const after = JSON.parse(readFileSync(u.files.claude, 'utf8'));
    expect(after.env.ANTHROPIC_AUTH_TOKEN).toBe('sk-my-own-gateway-token-1234');
    expect(after.env.ANTHROPIC_BASE_URL).toBe('http://127.0.0.1:9999');
  });

  it('an unknown tool is a usage error that changes nothing', async () => {
    const u = richUser();
    const before = snapshot(u.dir);
    const r = await llmctl(u, ['unlink', 'cursor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('use one of: continue, claude');
    expect(snapshot(u.dir)).toEqual(before);
  });

  it(
    'symlinked config.yaml, .env, settings.json and llmctl.yaml (relative links, ' +
      'one 2-link chain): sync and unlink write the targets and keep the links',
    async () => {
      const u = richUser();
      const yamlFile = path.join(u.llmctlHome, 'llmctl.yaml');
      const dotfiles = path.join(u.dir, 'dotfiles');
      mkdirSync(path.join(dotfiles, 'chain'), { recursive: true });
      const real: Record<string, string> = {};
      for (const f of [u.files.continue, u.files.env, u.files.claude, yamlFile]) {
        real[f] = path.join(dotfiles, `${path.basename(path.dirname(f))}-${path.basename(f)}`);
        renameSync(f, real[f]!);
        symlinkSync(path.relative(path.dirname(f), real[f]!), f);
      }
      // settings.json → dotfiles/chain/settings.json → ../claude-settings.json
      const middle = path.join(dotfiles, 'chain', 'settings.json');
      symlinkSync(path.relative(path.dirname(middle), real[u.files.claude]!), middle);
      symlinkSync(path.relative(path.dirname(u.files.claude), middle), `${u.files.claude}.new`);
      renameSync(`${u.files.claude}.new`, u.files.claude);
      const original = {
        continue: readFileSync(real[u.files.continue]!, 'utf8'),
        env: readFileSync(real[u.files.env]!, 'utf8'),
        claude: readFileSync(real[u.files.claude]!, 'utf8'),
      };
      const links = Object.fromEntries(Object.keys(real).map((f) => [f, readlinkSync(f)]));

      const s = await llmctl(u, ['sync']);
      expect(s.code, s.stderr).toBe(0);
      expect(readFileSync(real[u.files.continue]!, 'utf8')).not.toBe(original.continue);
      expect(readFileSync(real[u.files.claude]!, 'utf8')).toContain('ANTHROPIC_BASE_URL');

      for (const tool of ['continue', 'claude']) {
        const r = await llmctl(u, ['unlink', tool]);
        expect(r.code, r.stderr).toBe(0);
      }
      for (const f of Object.keys(real)) {
        expect(lstatSync(f).isSymbolicLink(), f).toBe(true);
        expect(readlinkSync(f), f).toBe(links[f]);
      }
      expect(readFileSync(real[u.files.continue]!, 'utf8')).toBe(original.continue);
      expect(readFileSync(real[u.files.env]!, 'utf8')).toBe(original.env);
      expect(readFileSync(real[u.files.claude]!, 'utf8')).not.toContain('ANTHROPIC_BASE_URL');
      expect(readFileSync(real[yamlFile]!, 'utf8')).toMatch(/claude:[^]*enabled: false/);
      // No temp file left next to a link or a target.
      expect(readdirSync(dotfiles).sort()).toEqual([
        '.claude-settings.json',
        '.continue-.env',
        '.continue-config.yaml',
        'chain',
        'llmctl-llmctl.yaml',
      ]);
      expect(readdirSync(path.dirname(u.files.claude))).toEqual(['settings.json']);
    },
  );
});
