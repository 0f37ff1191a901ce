// `llmctl doctor --fix` through the built binary on the fake Windows (LLMCTL_FAKE_PLATFORM), in English
// and in Chinese: the same exit code and the same files, the language only on screen.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl } from '../helpers/cli.js';
import { WIN_ENV, syncedSetup, winCommands, winFx, type Setup } from '../helpers/doctor-setup.js';

const GIT = 'C:\\Program Files\\Git';
const FILES = [`${GIT}\\bin\\bash.exe`, `${GIT}\\usr\\bin\\bash.exe`, `${GIT}\\usr\\bin\\cygpath.exe`];

async function windowsWithBom(): Promise<{ s: Setup; env: NodeJS.ProcessEnv }> {
  const s = await syncedSetup();
  const settings = s.paths.claudeSettings;
  writeFileSync(settings, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(settings)]));
  const spec = path.join(s.sb.dir, 'fake-windows.json');
  writeFileSync(
    spec,
    JSON.stringify({
      os: 'win32',
      env: WIN_ENV,
      files: FILES,
      commands: winCommands('2.0.14', { 'where.exe git': winFx('where-git-default.txt') }),
    }),
  );
  return { s, env: { LLMCTL_FAKE_PLATFORM: spec } };
}

const token = (s: Setup) =>
  (JSON.parse(readFileSync(s.paths.claudeSettings, 'utf8')) as { env: Record<string, string> }).env
    .ANTHROPIC_AUTH_TOKEN ?? '';
const settingsText = (s: Setup) => readFileSync(s.paths.claudeSettings, 'utf8').replace(token(s), 'KEY');

describe('llmctl doctor --fix on a fake Windows with a BOM in settings.json', () => {
  it('zh_CN: Chinese on screen; exit code and files as in English', async () => {
    const en = await windowsWithBom();
    const zh = await windowsWithBom();
    const enRun = await llmctl(en.s.sb, ['doctor', '--fix'], { env: { ...en.env, LANG: 'en_US.UTF-8' } });
    const zhRun = await llmctl(zh.s.sb, ['doctor', '--fix'], { env: { ...zh.env, LANG: 'zh_CN.UTF-8' } });
    expect(enRun.stderr).toContain(`remove the UTF-8 BOM from ${en.s.paths.claudeSettings}`);
    expect(zhRun.stderr).toContain(`删除 ${zh.s.paths.claudeSettings} 开头的 UTF-8 BOM`);
    expect(enRun.stdout).toMatch(/^PASS\s+windows\.bom\s+settings\.json and Continue \.env have no BOM/m);
    expect(zhRun.stdout).toMatch(/^PASS\s+windows\.bom\s+settings\.json 和 Continue 的 \.env 都没有 BOM/m);
    expect(zhRun.code).toBe(enRun.code);
    expect(settingsText(zh.s)).toBe(settingsText(en.s));
    expect(settingsText(en.s).charCodeAt(0)).not.toBe(0xfeff);
  });
});
