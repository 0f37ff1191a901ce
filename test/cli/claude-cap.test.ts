import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { llmctl } from '../helpers/cli.js';
import { richUser } from '../helpers/rich-user.js';

describe('Claude Code output cap from maxTokens', () => {
  it('sync writes the smallest maxTokens of Claude Code’s models; unlink removes it with the other keys', async () => {
    const u = richUser();
    const yamlFile = `${u.llmctlHome}/llmctl.yaml`;
    writeFileSync(yamlFile, readFileSync(yamlFile, 'utf8').replace('maxOutputTokens: 16384, ', ''));
    const before = readFileSync(u.files.claude, 'utf8');
    const s = await llmctl(u, ['sync']);
    expect(s.code, s.stderr).toBe(0);
    const env = (JSON.parse(readFileSync(u.files.claude, 'utf8')) as { env: Record<string, string> }).env;
    expect(env.CLAUDE_CODE_MAX_OUTPUT_TOKENS).toBe('3000');
    expect((await llmctl(u, ['unlink', 'claude'])).code).toBe(0);
    const after = readFileSync(u.files.claude, 'utf8');
    expect(after).not.toContain('CLAUDE_CODE_MAX_OUTPUT_TOKENS');
    expect(before).not.toContain('CLAUDE_CODE_MAX_OUTPUT_TOKENS');
  });
});
