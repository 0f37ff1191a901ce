import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SEED, llmctl, sandbox, type RunResult, type Sandbox } from '../helpers/cli.js';

const KEYLESS = ['zhipu', 'siliconflow', 'volcengine', 'gemini', 'openrouter'];
const VARS = ['ZHIPUAI_API_KEY', 'SILICONFLOW_API_KEY', 'VOLCENGINE_API_KEY', 'GEMINI_API_KEY', 'OPENROUTER_API_KEY'];
const count = (text: string, needle: string) => text.split(needle).length - 1;

/** README's quick start: `llmctl import litellm <seed>` then `llmctl sync`, with extra global flags. */
async function quickStart(sb: Sandbox, flags: string[] = []): Promise<RunResult[]> {
  const imported = await llmctl(sb, [...flags, 'import', 'litellm', path.join(SEED, 'litellm.config.yaml')]);
  expect(imported.code, imported.stderr).toBe(0);
  const synced = await llmctl(sb, [...flags, 'sync']);
  expect(synced.code, synced.stderr).toBe(0);
  return [imported, synced];
}

const all = (rs: RunResult[]) => rs.map((r) => r.stdout + r.stderr).join('');

/**
 * `llmctl sync` in a real terminal (`script` gives it a pty), answering the first yes/no question
 * with `answer` once it is on screen.
 */
function syncInTerminal(sb: Sandbox, answer: string): Promise<{ code: number; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `'${process.execPath}' '${BIN}' sync`, '/dev/null'], {
      env: sb.env,
      cwd: sb.dir,
    });
    let screen = '';
    let answered = false;
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      if (!answered && screen.includes('(Y/n)')) {
        answered = true;
        child.stdin.write(answer);
      }
    });
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, screen });
    });
  });
}

describe('the quick start says each thing once', () => {
  it('names every provider without a key once, in one summary line, and no .env restart on creation', async () => {
    const sb = sandbox();
    const out = all(await quickStart(sb));
    expect(count(out, 'have no key yet:')).toBe(1);
    expect(out).toContain(`5 providers have no key yet: ${KEYLESS.join(', ')} — \`llmctl keys set NAME\``);
    for (const v of VARS) expect(out, v).not.toContain(v);
    // The .env was created, not changed: no IDE has an older one to forget.
    expect(out).not.toContain('restart VS Code');
    expect(out.trimEnd().split('\n').length).toBeLessThanOrEqual(16);
  });

  it('-v shows the details behind the summary', async () => {
    const sb = sandbox();
    await quickStart(sb);
    const r = await llmctl(sb, ['-v', 'sync']);
    expect(r.code, r.stderr).toBe(0);
    expect(count(r.stderr, 'have no key yet:')).toBe(1);
    for (const v of VARS) expect(count(r.stderr, `environment variable ${v} is not set`), v).toBe(1);
  });

  it('-q prints nothing on success', async () => {
    const sb = sandbox();
    const rs = await quickStart(sb, ['-q']);
    for (const r of rs) expect(r.stdout + r.stderr).toBe('');
    expect(readFileSync(path.join(sb.home, '.continue', 'config.yaml'), 'utf8')).toContain('GLM-4-Flash-250414');
  });

  it('a "No" to the Claude Code onboarding question is remembered: not asked or warned about again', async () => {
    const sb = sandbox();
    const imported = await llmctl(sb, ['import', 'litellm', path.join(SEED, 'litellm.config.yaml')]);
    expect(imported.code, imported.stderr).toBe(0);
    const first = await syncInTerminal(sb, 'n\r');
    expect(first.code, first.screen).toBe(0);
    expect(first.screen).toContain('Mark Claude Code');
    for (const again of [await syncInTerminal(sb, 'n\r'), await syncInTerminal(sb, 'n\r')]) {
      expect(again.code, again.screen).toBe(0);
      expect(again.screen).not.toContain('Mark Claude Code');
      expect(again.screen).not.toContain('hasCompletedOnboarding');
    }
    const check = await llmctl(sb, ['sync', '--check']);
    expect(check.stderr).not.toContain('hasCompletedOnboarding');
  }, 90_000);
});
