import { parseConfigYaml, validateConfigYaml } from '@continuedev/config-yaml';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, snapshot } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/golden.js';
import { CONFIG, UPSTREAM_KEY, richUser } from '../helpers/rich-user.js';

const read = (f: string) => readFileSync(f, 'utf8');
const masterKey = (f: string) => JSON.parse(read(f)).secrets.proxy as string;

describe('sync of Continue and Claude Code', () => {
  it(
    'patches both files in place; the user’s entries survive; ' + 'a second sync writes nothing and --check is clean',
    async () => {
      const u = richUser();
      const before = {
        continue: read(u.files.continue),
        claude: JSON.parse(read(u.files.claude)),
        env: read(u.files.env),
      };
      const r = await llmctl(u, ['sync']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('updated Continue config');
      expect(r.stderr).toContain('updated Claude Code settings');
      const key = masterKey(u.files.secrets);

      const cfg = read(u.files.continue);
      expect(cfg.startsWith(before.continue.slice(0, before.continue.indexOf('\ncontext:')))).toBe(true);
      expect(cfg.endsWith(before.continue.slice(before.continue.indexOf('\ncontext:')))).toBe(true);
      expect(validateConfigYaml(parseConfigYaml(cfg)).filter((e: { fatal: boolean }) => e.fatal)).toEqual([]);
      expect(cfg).not.toContain(key);
      expect(cfg).not.toContain(UPSTREAM_KEY);
      expect(read(u.files.env)).toBe(`${before.env}LLMCTL_PROXY_KEY=${key}\n`);
      expect(statSync(u.files.env).mode & 0o777).toBe(0o600);

      const settings = JSON.parse(read(u.files.claude));
      for (const k of ['$schema', 'permissions', 'hooks', 'statusLine', 'enabledPlugins', 'includeCoAuthoredBy'])
        expect(settings[k]).toEqual(before.claude[k]);
      expect(settings.env).toMatchObject({
        ...before.claude.env,
        ANTHROPIC_AUTH_TOKEN: key,
        ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000',
        CLAUDE_CODE_MAX_OUTPUT_TOKENS: '16384',
      });
      // HTTPS_PROXY is set in the user's settings: loopback must bypass it.
      expect(settings.env.NO_PROXY).toContain('127.0.0.1');
      expect(read(u.files.claude)).not.toContain(UPSTREAM_KEY);
      expect(JSON.parse(read(u.files.claudeJson))).toEqual({ hasCompletedOnboarding: true });

      const snap = snapshot(u.home);
      const again = await llmctl(u, ['sync']);
      expect(again.stderr).toContain('already in sync');
      const check = await llmctl(u, ['sync', '--check']);
      expect(check.code).toBe(0);
      expect(snapshot(u.home)).toEqual(snap);
    },
  );

  it('--dry-run shows one diff per file with the proxy key and upstream keys masked, and writes nothing', async () => {
    const u = richUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const key = masterKey(u.files.secrets);
    // Make every file differ so the diffs carry the keys.
    rmSync(u.files.claude);
    writeFileSync(u.files.env, '');
    const snap = snapshot(u.dir);
    const dry = await llmctl(u, ['sync', '--dry-run', '--only', 'continue,claude']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`+++ ${u.files.claude}`);
    expect(dry.stdout).toContain(`+++ ${u.files.env}`);
    expect(dry.stdout).toContain('"ANTHROPIC_AUTH_TOKEN": "sk-…');
    expect(dry.stdout).toContain('+LLMCTL_PROXY_KEY=sk-…');
    expect(dry.stdout + dry.stderr).not.toContain(key);
    expect(dry.stdout + dry.stderr).not.toContain(UPSTREAM_KEY);
    expect(snapshot(u.dir)).toEqual(snap);
  });

  it(
    '--dry-run masks the user’s own credentials too, ' + 'on context lines as well; URLs and model names stay readable',
    async () => {
      const u = richUser();
      const own = {
        openai: 'sk-proj-Users0wnOpenAIKey1234567890ab',
        gh: 'ghp_Users0wnGitHubToken0123456789abcdef',
        continueLiteral: 'team-literal-continue-key-42',
        envValue: 'team-embed-value-987654',
        pat: 'ghp_AnotherUserToken9876543210zyxwvuts',
      };
      writeFileSync(
        u.files.claude,
        read(u.files.claude).replace(
          '"HTTPS_PROXY"',
          `"OPENAI_API_KEY": "${own.openai}",\n        "GH_TOKEN": "${own.gh}",\n        "HTTPS_PROXY"`,
        ),
      );
      writeFileSync(
        u.files.continue,
        read(u.files.continue).replace('apiKey: ${{ secrets.TEAM_EMBED_KEY }}', `apiKey: ${own.continueLiteral}`),
      );
      writeFileSync(u.files.env, `TEAM_EMBED_KEY=${own.envValue}\nGH_PAT=${own.pat}\nOTHER=1\n`);
      const snap = snapshot(u.dir);
      const dry = await llmctl(u, ['sync', '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      const out = dry.stdout + dry.stderr;
      // The lines are in the diff (as context), only their values are masked.
      expect(dry.stdout).toContain('"OPENAI_API_KEY": "sk-…');
      expect(dry.stdout).toContain(' TEAM_EMBED_KEY=…');
      expect(dry.stdout).toContain('apiKey: …');
      for (const s of [...Object.values(own), UPSTREAM_KEY]) expect(out).not.toContain(s);
      for (const s of [
        'http://127.0.0.1:7890',
        'https://embeddings.intranet.example/v1',
        'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B',
        '"ANTHROPIC_BASE_URL": "http://127.0.0.1:4000"',
      ])
        expect(dry.stdout).toContain(s);
      expect(snapshot(u.dir)).toEqual(snap);
    },
  );

  it('an invalid settings.json stops the whole sync: line:col in the message, no file anywhere written', async () => {
    const u = richUser();
    copyFileSync(path.join(FIXTURES, 'claude-rich', 'settings.invalid.json'), u.files.claude);
    const snap = snapshot(u.dir);
    const r = await llmctl(u, ['sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${u.files.claude}:4:3`);
    expect(r.stderr).toContain('not valid JSON');
    expect(snapshot(u.dir)).toEqual(snap);
  });

  it.each([
    ['settings.json', 'claude', 2, 20],
    ['Continue config.yaml', 'continue', 2, 7],
    ['Continue .env', 'env', 2, 7],
  ] as const)(
    '%s with bytes that are not UTF-8 is refused with line:col and offset; nothing is written',
    async (_what, which, line, col) => {
      const u = richUser();
      const file = u.files[which];
      const text = read(file);
      const nl = text.indexOf('\n') + 1;
      // A Latin-1 "é" where the second line's text starts (col - 1 bytes in).
      const bytes = Buffer.concat([
        Buffer.from(text.slice(0, nl + col - 1)),
        Buffer.from([0xe9]),
        Buffer.from(text.slice(nl + col - 1)),
      ]);
      writeFileSync(file, bytes);
      const snap = snapshot(u.dir);
      for (const args of [['sync'], ['sync', '--check'], ['sync', '--dry-run']]) {
        const r = await llmctl(u, args);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toContain(
          `${file}:${line}:${col}: not valid UTF-8: ` +
            `byte 0xe9 at offset ${Buffer.byteLength(text.slice(0, nl)) + col - 1}`,
        );
        expect(r.stderr).toContain('re-save it as UTF-8');
      }
      expect(snapshot(u.dir)).toEqual(snap);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    },
  );

  it('a settings.json with a UTF-8 BOM is patched and keeps its BOM', async () => {
    const u = richUser();
    writeFileSync(u.files.claude, `\uFEFF${read(u.files.claude)}`);
    const r = await llmctl(u, ['sync']);
    expect(r.code, r.stderr).toBe(0);
    expect(read(u.files.claude).startsWith('\uFEFF{')).toBe(true);
    expect(JSON.parse(read(u.files.claude).slice(1)).env.ANTHROPIC_BASE_URL).toBe('http://127.0.0.1:4000');
  });

  it.each([
    [
      'two env objects in settings.json',
      'claude',
      (t: string) =>
        t.replace('"enabledPlugins"', '"env": { "ANTHROPIC_BASE_URL": "http://elsewhere" },\n    "enabledPlugins"'),
      '"env" appears twice (17:5 and 22:5)',
    ],
    [
      'ANTHROPIC_BASE_URL twice in env',
      'claude',
      (t: string) =>
        t.replace(
          '"MY_TEAM_VAR"',
          '"ANTHROPIC_BASE_URL": "http://a",\n        "ANTHROPIC_BASE_URL": "http://b",\n        "MY_TEAM_VAR"',
        ),
      '"env.ANTHROPIC_BASE_URL" appears twice (19:9 and 20:9)',
    ],
    [
      'two models: lists in Continue’s config',
      'continue',
      (t: string) => t.replace('\ncontext:', '\nmodels: []\ncontext:'),
      '"models" appears twice (6:1 and 21:1)',
    ],
  ] as const)(
    '%s: sync, --check and status refuse with both positions; nothing is written',
    async (_what, which, edit, want) => {
      const u = richUser();
      writeFileSync(u.files[which], edit(read(u.files[which])));
      const snap = snapshot(u.dir);
      for (const args of [['sync'], ['sync', '--check'], ['status']]) {
        const r = await llmctl(u, args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).not.toBe(0);
        expect(r.stderr).toContain(`${u.files[which]}:`);
        expect(r.stderr).toContain(want);
        expect(r.stderr).toContain('merge the two into one');
      }
      expect(snapshot(u.dir)).toEqual(snap);
    },
  );

  it('an invalid ~/.claude.json is refused too, and nothing is written', async () => {
    const u = richUser();
    writeFileSync(u.files.claudeJson, '{"numStartups": 3,,}');
    const snap = snapshot(u.dir);
    const r = await llmctl(u, ['sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${u.files.claudeJson}:1:19`);
    expect(snapshot(u.dir)).toEqual(snap);
  });

  it('a hand edit of a managed entry is reported and left alone; --force puts llmctl’s value back', async () => {
    const u = richUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const synced = { continue: read(u.files.continue), claude: read(u.files.claude) };
    const editedContinue = synced.continue.replace('      maxTokens: 3000', '      maxTokens: 999');
    const editedClaude = synced.claude.replace('"model": "GLM-4-Flash-250414"', '"model": "claude-3-5-haiku-20241022"');
    expect(editedContinue).not.toBe(synced.continue);
    expect(editedClaude).not.toBe(synced.claude);
    writeFileSync(u.files.continue, editedContinue);
    writeFileSync(u.files.claude, editedClaude);

    const r = await llmctl(u, ['sync']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('model "GLM-4-Flash-250414" was edited by hand since llmctl wrote it');
    expect(r.stderr).toContain(`${u.files.claude} model: edited by hand`);
    expect(read(u.files.continue)).toBe(editedContinue);
    expect(read(u.files.claude)).toBe(editedClaude);

    const forced = await llmctl(u, ['sync', '--force']);
    expect(forced.code).toBe(0);
    expect(read(u.files.continue)).toBe(synced.continue);
    expect(read(u.files.claude)).toBe(synced.claude);
  });

  it('tools.<name>.enabled: false leaves that tool’s files alone; --only limits a sync', async () => {
    const u = richUser();
    writeFileSync(
      path.join(u.llmctlHome, 'llmctl.yaml'),
      `${CONFIG.replace('  claude: {', '  continue: { enabled: false }\n  claude: {')}`,
    );
    const snapContinue = read(u.files.continue);
    expect((await llmctl(u, ['sync', '--only', 'claude'])).code).toBe(0);
    expect(read(u.files.continue)).toBe(snapContinue);
    expect(read(u.files.claude)).toContain('ANTHROPIC_AUTH_TOKEN');
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect(read(u.files.continue)).toBe(snapContinue);
  });

  it('two syncs at once corrupt nothing: the key in every file is the one in the secrets store', async () => {
    const u = richUser();
    const [a, b] = await Promise.all([llmctl(u, ['sync']), llmctl(u, ['sync'])]);
    const codes = [a.code, b.code];
    expect(codes).toContain(0);
    for (const r of [a, b]) if (r.code !== 0) expect(r.stderr).toMatch(/changed while llmctl was planning|lock/);
    const key = masterKey(u.files.secrets);
    expect(JSON.parse(read(u.files.claude)).env.ANTHROPIC_AUTH_TOKEN).toBe(key);
    expect(read(u.files.env)).toContain(`LLMCTL_PROXY_KEY=${key}\n`);
    expect(read(u.files.continue).match(/- name: GLM-4-Flash-250414/g)).toHaveLength(1);
    expect(() => JSON.parse(read(u.files.state))).not.toThrow();
    const check = await llmctl(u, ['sync', '--check']);
    expect(check.code).toBe(0);
  });
});
