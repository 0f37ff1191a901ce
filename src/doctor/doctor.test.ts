import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeWindows, regKey, syncedSetup, winCommands, winFx } from '../../test/helpers/doctor-setup.js';
import { fakePlatform } from '../platform/fake.js';
import { applyFixes } from './fix.js';
import { diagnose } from './run.js';
import type { Check } from './types.js';

const GIT = 'C:\\Program Files\\Git\\bin\\bash.exe';
const byId = (checks: Check[], id: string) => {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${checks.map((x) => x.id).join(', ')}`);
  return c;
};
const quiet = { announce: () => {}, suggest: () => {} };

describe('doctor on a fake Windows', () => {
  it(
    'Git found but settings.json lacks CLAUDE_CODE_GIT_BASH_PATH (Claude 2.0): ' +
      'FAIL with the fix; --fix writes it, re-check PASS',
    async () => {
      const s = await syncedSetup(); // synced on Linux: no Git Bash path in settings.json
      const win = fakeWindows(s, {
        files: [GIT],
        commands: winCommands('2.0.14', { 'where.exe git': winFx('where-git-default.txt') }),
      });
      const { facts, checks } = await diagnose(win, s.paths);
      expect(byId(checks, 'windows.git-bash')).toMatchObject({ status: 'PASS', found: expect.stringContaining(GIT) });
      const c = byId(checks, 'windows.git-bash-path');
      expect(c.status).toBe('FAIL');
      expect(c.fix).toContain('llmctl doctor --fix');
      expect(c.fix).toContain(`setx CLAUDE_CODE_GIT_BASH_PATH "${GIT}"`);

      const suggested: string[] = [];
      const fixes = await applyFixes(facts, checks, { ...quiet, suggest: (t) => suggested.push(t) });
      expect(fixes.every((f) => f.ok)).toBe(true);
      // Written by the claude target through a sync (backed up, owned in state.json), not a side patch.
      expect(fixes.map((f) => f.id)).toEqual(['target.claude']);
      expect(fixes[0]!.backup).toBeTruthy();
      expect(suggested.join('\n')).toContain(`setx CLAUDE_CODE_GIT_BASH_PATH "${GIT}"`);
      const settings = JSON.parse(readFileSync(s.paths.claudeSettings, 'utf8')) as { env: Record<string, string> };
      expect(settings.env.CLAUDE_CODE_GIT_BASH_PATH).toBe(GIT);

      const again = await diagnose(win, s.paths);
      expect(byId(again.checks, 'windows.git-bash-path').status).toBe('PASS');
      expect(again.checks.filter((x) => x.status === 'FAIL')).toEqual([]);
    },
  );

  const matrix: {
    name: string;
    files: string[];
    more: Record<string, string | { code: number; stdout?: string; stderr?: string }>;
    env?: NodeJS.ProcessEnv;
    claude?: string;
    expect: Record<string, string>;
    bash?: string;
  }[] = [
    {
      name: 'Git on D: in a folder with spaces (where.exe)',
      files: ['D:\\Dev Tools\\Git\\bin\\bash.exe'],
      more: { 'where.exe git': winFx('where-git-spaces-d.txt') },
      expect: { 'windows.git-bash': 'PASS', 'windows.git-bash-path': 'FAIL' },
      bash: 'D:\\Dev Tools\\Git\\bin\\bash.exe',
    },
    {
      name: 'registry only (HKLM InstallPath on D:)',
      files: ['D:\\Apps\\Git For Windows\\bin\\bash.exe'],
      more: { [regKey('HKLM')]: winFx('reg-hklm-gitforwindows-d.txt') },
      expect: { 'windows.git-bash': 'PASS', 'windows.git-bash-path': 'FAIL' },
      bash: 'D:\\Apps\\Git For Windows\\bin\\bash.exe',
    },
    {
      name: 'scoop (where.exe finds the shim only)',
      files: ['C:\\Users\\Jane Doe\\scoop\\apps\\git\\current\\bin\\bash.exe'],
      more: { 'where.exe git': winFx('where-git-scoop.txt') },
      expect: { 'windows.git-bash': 'PASS', 'windows.git-bash-path': 'FAIL' },
      bash: 'C:\\Users\\Jane Doe\\scoop\\apps\\git\\current\\bin\\bash.exe',
    },
    {
      name: 'WSL bash ahead of Git on PATH',
      files: [GIT, 'C:\\Windows\\System32\\bash.exe'],
      more: { 'where.exe git': winFx('where-git-default.txt'), 'where.exe bash': winFx('where-bash-wsl-first.txt') },
      expect: { 'windows.wsl-bash': 'WARN', 'windows.git-bash': 'PASS' },
      bash: GIT,
    },
    {
      name: 'nothing found, Claude Code 2.0 (Git Bash required)',
      files: [],
      more: {},
      expect: { 'windows.git-bash': 'FAIL', 'windows.git-bash-path': 'SKIP', 'windows.claude-native': 'PASS' },
    },
    {
      name: 'nothing found, Claude Code 2.1.120 (optional)',
      files: [],
      more: {},
      claude: '2.1.120',
      expect: { 'windows.git-bash': 'WARN' },
    },
    {
      name: 'Claude Code 1.0.40: no native Windows',
      files: [GIT],
      more: { 'where.exe git': winFx('where-git-default.txt') },
      claude: '1.0.40',
      expect: { 'windows.claude-native': 'FAIL' },
      bash: GIT,
    },
    {
      name: 'user environment points at WSL bash',
      files: [GIT, 'C:\\Windows\\System32\\bash.exe'],
      more: { 'where.exe git': winFx('where-git-default.txt') },
      env: { CLAUDE_CODE_GIT_BASH_PATH: 'C:\\Windows\\System32\\bash.exe' },
      expect: { 'windows.git-bash-path': 'FAIL' },
      bash: GIT,
    },
    {
      name: 'PATHEXT without .EXE',
      files: [GIT],
      more: { 'where.exe git': winFx('where-git-default.txt') },
      env: { PATHEXT: '.COM;.BAT;.CMD' },
      expect: { 'windows.pathext': 'WARN' },
      bash: GIT,
    },
  ];

  it.each(matrix)('$name', async (m) => {
    const s = await syncedSetup();
    const win = fakeWindows(s, {
      files: m.files,
      commands: winCommands(m.claude ?? '2.0.14', m.more),
      ...(m.env ? { env: m.env } : {}),
    });
    const { facts, checks } = await diagnose(win, s.paths);
    for (const [id, status] of Object.entries(m.expect)) {
      const c = byId(checks, id);
      expect(c.status, `${id}: ${c.found}`).toBe(status);
      if (status !== 'PASS' && status !== 'SKIP') expect(c.fix, id).toBeTruthy();
    }
    expect(facts.gitBash?.path).toBe(m.bash);
    if (m.bash) {
      await applyFixes(facts, checks, quiet);
      const settings = JSON.parse(readFileSync(s.paths.claudeSettings, 'utf8')) as { env: Record<string, string> };
      expect(settings.env.CLAUDE_CODE_GIT_BASH_PATH).toBe(m.bash);
      const again = await diagnose(win, s.paths);
      expect(byId(again.checks, 'windows.git-bash').status).toBe('PASS');
      if (!m.env?.CLAUDE_CODE_GIT_BASH_PATH) expect(byId(again.checks, 'windows.git-bash-path').status).toBe('PASS');
    }
  });

  it(
    'a configured gitBashPath that does not exist: ' + 'FAIL naming the found one; --fix sets auto and re-checks PASS',
    async () => {
      const s = await syncedSetup();
      writeFileSync(
        s.paths.config,
        readFileSync(s.paths.config, 'utf8').replace(
          'onboarding: false',
          'onboarding: false, gitBashPath: "E:\\\\Old Git\\\\bin\\\\bash.exe"',
        ),
      );
      const win = fakeWindows(s, {
        files: [GIT],
        commands: winCommands('2.0.14', { 'where.exe git': winFx('where-git-default.txt') }),
      });
      const { facts, checks } = await diagnose(win, s.paths);
      const c = byId(checks, 'windows.git-bash');
      expect(c.status).toBe('FAIL');
      expect(c.found).toContain('E:\\Old Git\\bin\\bash.exe');
      expect(c.fix).toContain('gitBashPath: auto');
      const fixes = await applyFixes(facts, checks, quiet);
      expect(fixes.filter((f) => !f.ok)).toEqual([]);
      expect(readFileSync(s.paths.config, 'utf8')).toMatch(/onboarding: false, gitBashPath: "?auto"? \}/);
      const again = await diagnose(win, s.paths);
      expect(byId(again.checks, 'windows.git-bash').status).toBe('PASS');
      expect(byId(again.checks, 'windows.git-bash-path').status).toBe('PASS');
    },
  );
});

describe('Claude Code version on Windows', () => {
  it('npm installs claude.cmd: found with where.exe and run through cmd.exe', async () => {
    const s = await syncedSetup();
    const win = fakeWindows(s, {
      files: [GIT],
      commands: winCommands(undefined, {
        'where.exe git': winFx('where-git-default.txt'),
        'claude --version': { code: null, error: 'spawn EINVAL' },
        'where.exe claude': winFx('where-claude.txt'),
        'cmd.exe /d /c claude --version': '2.1.120 (Claude Code)\r\n',
      }),
    });
    const { checks } = await diagnose(win, s.paths);
    expect(byId(checks, 'claude.installed')).toMatchObject({ status: 'PASS', found: 'Claude Code 2.1.120' });
  });
});

describe('CLAUDE_CODE_GIT_BASH_PATH saved with setx (HKCU\\Environment)', () => {
  it('counts as set for programs started later; pointing at WSL it is a FAIL with a setx fix', async () => {
    const s = await syncedSetup();
    const ok = fakeWindows(s, {
      files: [GIT],
      commands: winCommands('2.0.14', {
        'where.exe git': winFx('where-git-default.txt'),
        'reg query HKCU\\Environment /v CLAUDE_CODE_GIT_BASH_PATH': winFx('reg-hkcu-environment-gitbash.txt'),
      }),
    });
    expect(byId((await diagnose(ok, s.paths)).checks, 'windows.git-bash-path')).toMatchObject({
      status: 'PASS',
      found: expect.stringContaining('user environment'),
    });

    const wsl = winFx('reg-hkcu-environment-gitbash.txt').replace(
      'C:\\Program Files\\Git\\bin\\bash.exe',
      '%SystemRoot%\\System32\\bash.exe',
    );
    const bad = fakeWindows(s, {
      files: [GIT, 'C:\\Windows\\System32\\bash.exe'],
      commands: winCommands('2.0.14', {
        'where.exe git': winFx('where-git-default.txt'),
        'reg query HKCU\\Environment /v CLAUDE_CODE_GIT_BASH_PATH': {
          code: 0,
          stdout: wsl.replace('REG_SZ', 'REG_EXPAND_SZ'),
        },
      }),
    });
    const c = byId((await diagnose(bad, s.paths)).checks, 'windows.git-bash-path');
    expect(c.status).toBe('FAIL');
    expect(c.found).toContain("C:\\Windows\\System32\\bash.exe, which is WSL's bash");
    expect(c.fix).toBe(`setx CLAUDE_CODE_GIT_BASH_PATH "${GIT}"   (then open a new terminal)`);
  });
});

describe('versions and damaged files (fake Linux with recorded programs)', () => {
  const linux = (s: Awaited<ReturnType<typeof syncedSetup>>, commands: Record<string, string>) =>
    fakePlatform({ os: 'linux', realFiles: true, env: s.sb.env, homedir: s.sb.home, commands });

  it.each([
    ['Node 20.18', '20.18.1', 'node.version', 'FAIL', /20\.19/],
    ['Node 22', '22.12.0', 'node.version', 'PASS', /v22\.12\.0/],
  ])('%s → %s', async (_n, node, id, status, found) => {
    const s = await syncedSetup();
    const { checks } = await diagnose(linux(s, { 'python3 --version': 'Python 3.12.1\n' }), s.paths, {
      nodeVersion: node,
    });
    expect(byId(checks, id)).toMatchObject({ status, found: expect.stringMatching(found) });
  });

  it.each([
    ['Python 3.8.10', 'FAIL'],
    ['Python 3.9.7', 'WARN'],
    ['Python 3.13.0', 'PASS'],
  ])('%s → %s', async (out, status) => {
    const s = await syncedSetup();
    const { checks } = await diagnose(linux(s, { 'python3 --version': `${out}\n` }), s.paths);
    const c = byId(checks, 'python.version');
    expect(c.status).toBe(status);
    if (status !== 'PASS') expect(c.fix).toMatch(/Python 3\.9\+/);
  });

  it('no Python and no LiteLLM: FAIL; Claude Code missing: WARN with the npm command', async () => {
    const s = await syncedSetup();
    const { checks } = await diagnose(linux(s, {}), s.paths);
    expect(byId(checks, 'python.version').status).toBe('FAIL');
    expect(byId(checks, 'claude.installed')).toMatchObject({
      status: 'WARN',
      fix: 'npm install -g @anthropic-ai/claude-code',
    });
  });

  it('a damaged secrets file: FAIL naming it; targets say why they cannot be checked', async () => {
    const s = await syncedSetup();
    writeFileSync(s.paths.secrets, '{ not json');
    const { checks } = await diagnose(linux(s, {}), s.paths);
    expect(byId(checks, 'secrets.present')).toMatchObject({
      status: 'FAIL',
      found: expect.stringContaining('not valid JSON'),
    });
    expect(byId(checks, 'target.claude')).toMatchObject({
      status: 'SKIP',
      found: expect.stringContaining('not valid JSON'),
    });
  });
});

describe('a hand-edited CLAUDE_CODE_GIT_BASH_PATH pointing at WSL', () => {
  it('is a FAIL; --fix puts Git Bash back (backed up) and the re-check passes', async () => {
    const s = await syncedSetup();
    const win = fakeWindows(s, {
      files: [GIT, 'C:\\Windows\\System32\\bash.exe'],
      commands: winCommands('2.0.14', { 'where.exe git': winFx('where-git-default.txt') }),
    });
    const first = await diagnose(win, s.paths);
    await applyFixes(first.facts, first.checks, quiet);
    const file = s.paths.claudeSettings;
    const GIT_JSON = JSON.stringify(GIT).slice(1, -1);
    writeFileSync(file, readFileSync(file, 'utf8').replace(GIT_JSON, 'C:\\\\Windows\\\\System32\\\\bash.exe'));
    const { facts, checks } = await diagnose(win, s.paths);
    expect(byId(checks, 'windows.git-bash-path')).toMatchObject({
      status: 'FAIL',
      found: expect.stringContaining("WSL's bash"),
    });
    const fixes = await applyFixes(facts, checks, quiet);
    expect(fixes.filter((x) => !x.ok)).toEqual([]);
    expect(fixes.some((x) => x.backup)).toBe(true);
    expect(
      (JSON.parse(readFileSync(file, 'utf8')) as { env: Record<string, string> }).env.CLAUDE_CODE_GIT_BASH_PATH,
    ).toBe(GIT);
    const again = (await diagnose(win, s.paths)).checks;
    expect(byId(again, 'windows.git-bash-path').status).toBe('PASS');
    expect(byId(again, 'target.claude').status).toBe('PASS');
  });
});

describe('doctor and a foreground `llmctl serve`', () => {
  it(
    'points at the terminal of the foreground serve for the proxy output, ' +
      'never at a logs/ folder that does not exist',
    async () => {
      const s = await syncedSetup();
      const logFile = `${s.paths.logs}/proxy.log`;
      writeFileSync(
        s.paths.pidFile,
        JSON.stringify({
          pid: 999_999,
          host: '127.0.0.1',
          port: 4000,
          startedAt: new Date().toISOString(),
          configFile: 'x',
          logFile,
          litellm: 'litellm',
          foreground: { llmctl: 4242 },
        }),
      );
      const { facts } = await diagnose(s.platform, s.paths);
      expect(facts.proxyLog).toBe('the terminal running `llmctl serve` (pid 4242)');
      const { proxyPort } = await import('./checks.js');
      const c = proxyPort({
        ...facts,
        proxy: { state: 'unhealthy', host: '127.0.0.1', port: 4000, url: 'http://127.0.0.1:4000', healthy: false },
      }) as Check;
      expect(c.status).toBe('FAIL');
      expect(c.fix).toContain('the terminal running `llmctl serve` (pid 4242)');
      expect(c.fix).not.toContain(s.paths.logs);
    },
  );
});
