import { describe, expect, it } from 'vitest';
import { maskCredentials, maskDiff } from './mask.js';

const OPENAI = 'sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34';
const GHP = 'ghp_1234567890abcdefghijABCDEFGHIJ123456';
const RANDOM = 'q8Zr2Lx0Vb7Nw4Tp9Ks3Hd6Fg1Jm5Yc8Ue2Wa7';

describe('maskCredentials', () => {
  it.each([
    ['JSON env pair', `    "OPENAI_API_KEY": "${OPENAI}",`, OPENAI],
    ['JSON token by name, no known shape', '    "MY_SERVICE_TOKEN": "hunter2-but-longer",', 'hunter2-but-longer'],
    ['JSON Authorization header', '  "Authorization": "Bearer abcdef123456",', 'abcdef123456'],
    ['one-line JSON with two pairs', `{"env": {"GH_TOKEN": "${GHP}", "X": "1"}}`, GHP],
    ['YAML apiKey literal', '    apiKey: my-literal-upstream-key', 'my-literal-upstream-key'],
    ['YAML quoted password', '  password: "p4ss w0rd"', 'p4ss w0rd'],
    ['YAML list item', '  - api_key: abc123secretvalue', 'abc123secretvalue'],
    ['.env line', 'OPENAI_API_KEY=plainvalue123', 'plainvalue123'],
    ['.env export with quotes', 'export SECRET_THING="x y z 1"', 'x y z 1'],
    ['camelCase key', 'accessKey: AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
    ['ghp token anywhere', `run with ${GHP} please`, GHP],
    [
      'github_pat',
      'github_pat_11ABCDEFG0123456789_abcdefghijklmnop',
      'github_pat_11ABCDEFG0123456789_abcdefghijklmnop',
    ],
    ['slack', 'hook: xoxb-123456789012-abcdefghij', 'xoxb-123456789012-abcdefghij'],
    ['AWS id', 'id AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
    ['Google', 'AIzaSyA1234567890abcdefghijklmnopqrstu', 'AIzaSyA1234567890abcdefghijklmnopqrstu'],
    ['JWT', 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdefghijk', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0'],
    ['URL password', 'https://bob:s3cretpw@example.com/x', 's3cretpw'],
    ['high-entropy token', `value ${RANDOM}`, RANDOM],
  ])('%s is masked', (_what, line, secret) => {
    const out = maskCredentials(line);
    expect(out).not.toContain(secret);
  });

  it.each([
    '  "ANTHROPIC_BASE_URL": "http://127.0.0.1:4000",',
    '    model: Qwen/Qwen2.5-Coder-32B-Instruct',
    '  "model": "claude-3-5-sonnet-20241022",',
    '    apiBase: https://api.siliconflow.cn/v1',
    '    apiKey: ${{ secrets.LLMCTL_PROXY_KEY }}',
    '    apiKey: secret:openai',
    '    api_key: os.environ/LLMCTL_KEY_OPENAI',
    '  "CLAUDE_CODE_MAX_OUTPUT_TOKENS": "16384",',
    '      maxTokens: 4096',
    '  "apiKeyHelper": "~/bin/get-key.sh",',
    '    model: accounts/fireworks/models/llama-v3p1-405b-instruct',
    '  "statusLine": { "type": "command", "command": "bash ~/.claude/statusline.sh" },',
    'Basic authentication is configured',
    '  "Authorization": "Bearer ${{ secrets.ORG_TOKEN }}",',
    '        X-Api-Key: os.environ/LLMCTL_KEY_A',
  ])('%s stays readable', (line) => {
    expect(maskCredentials(line)).toBe(line);
  });

  it('known secrets are masked even where nothing else gives them away', () => {
    expect(maskCredentials('name: plainword12345', ['plainword12345'])).toBe('name: …2345');
  });
});

describe('maskDiff', () => {
  it('masks added, removed and context lines; header lines keep their paths', () => {
    const diff = [
      '===================================================================',
      '--- /home/u/.claude/settings.json\tcurrent',
      '+++ /home/u/.claude/settings.json\tllmctl',
      '@@ -1,3 +1,3 @@',
      ' {',
      `   "GH_TOKEN": "${GHP}",`,
      `-  "OPENAI_API_KEY": "${OPENAI}"`,
      '+  "ANTHROPIC_AUTH_TOKEN": "sk-master-0123456789abcdef"',
    ].join('\n');
    const out = maskDiff(diff, ['sk-master-0123456789abcdef']);
    for (const s of [GHP, OPENAI, 'sk-master-0123456789abcdef']) expect(out).not.toContain(s);
    expect(out).toContain('--- /home/u/.claude/settings.json\tcurrent');
    expect(out).toContain('+  "ANTHROPIC_AUTH_TOKEN": "sk-…cdef"');
    expect(out.split('\n')).toHaveLength(8);
  });
});
