import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';

const COMMANDS = [
  'init',
  'import',
  'keys set',
  'keys list',
  'keys rm',
  'keys client add',
  'webui install',
  'sync',
  'status',
  'unlink',
  'restore',
  'serve',
  'stop',
  'proxy install',
  'doctor',
  'export compose',
  'export helm-values',
];

describe('help', () => {
  it.each(COMMANDS)('`%s --help` ends with real examples and leaks no plumbing', async (command) => {
    const r = await llmctl(sandbox(), [...command.split(' '), '--help']);
    expect(r.code).toBe(0);
    const examples = r.stdout.slice(r.stdout.indexOf('\nExamples:\n'));
    expect(r.stdout).toContain('\nExamples:\n');
    const lines = examples.trim().split('\n').slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const l of lines) expect(l).toMatch(new RegExp(`^  \\$ (\\S+=\\S+ |printf .*\\| )?llmctl ${command}\\b`));
    expect(r.stdout).not.toMatch(/\(default: \[\]\)|\[v\]|<n>/);
  });

  it('init --help lists every preset with its Chinese name', async () => {
    const r = await llmctl(sandbox(), ['init', '--help']);
    expect(r.stdout).toMatch(/^ {2}siliconflow +SiliconFlow \(硅基流动\)$/m);
    expect(r.stdout).toMatch(/^ {2}custom +Custom OpenAI-compatible endpoint/m);
  });

  it('the version option reads as plain -V, --version', async () => {
    const r = await llmctl(sandbox(), ['--help']);
    expect(r.stdout).toMatch(/^ {2}-V, --version +print the version$/m);
  });

  it('a bare llmctl says where to start: init without a setup, status with one', async () => {
    const sb = sandbox();
    const fresh = await llmctl(sb, []);
    expect(`${fresh.stdout}${fresh.stderr}`).toContain('Start with `llmctl init`');
    writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'version: 1\n');
    const again = await llmctl(sb, []);
    expect(`${again.stdout}${again.stderr}`).toContain('`llmctl status` shows it');
  });
});
