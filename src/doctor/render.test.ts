import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import { displayWidth } from '../i18n/width.js';
import { renderTable, wrap } from './render.js';
import { type Check, summarize } from './types.js';
import type { DoctorReport } from './types.js';

const report = (checks: Check[]): DoctorReport => ({
  version: 1,
  platform: 'linux',
  ok: true,
  summary: summarize(checks),
  checks,
});

const ROWS: Check[] = [
  { id: 'node.version', title: 'Node.js 版本', status: 'PASS', found: 'v22.12.0' },
  {
    id: 'secrets.present',
    title: '引用的密钥都已设置',
    status: 'FAIL',
    found: '密钥库中没有：zhipu（供应商 zhipu）',
    fix: 'llmctl keys set zhipu',
  },
  {
    id: 'target.claude',
    title: 'Claude Code 设置与 llmctl.yaml 一致',
    status: 'WARN',
    found: '不一致：/home/u/.claude/settings.json',
    fix: 'llmctl sync --dry-run --only claude   （查看差异），然后：llmctl sync --only claude',
  },
  { id: 'windows', title: 'Windows', status: 'SKIP', found: '不是 Windows' },
];

/** The terminal column (0-based, CJK = 2) where `needle` starts in `line`. */
const column = (line: string, needle: string) => displayWidth(line.slice(0, line.indexOf(needle)));

afterEach(() => setLocale('en'));

describe('the doctor table in a terminal', () => {
  it('aligns Chinese findings and fixes in one column (a Chinese character is two cells)', () => {
    setLocale('zh-CN');
    const lines = renderTable(report(ROWS)).split('\n');
    const rows = lines.filter((l) => /^(PASS|WARN|FAIL|SKIP) /.test(l));
    expect(rows).toHaveLength(4);
    const foundAt = ROWS.map((c, i) => column(rows[i]!, c.found));
    expect(new Set(foundAt).size).toBe(1);
    // The fix label starts under the findings, in Chinese.
    const fixes = lines.filter((l) => l.includes('修复：'));
    expect(fixes).toHaveLength(2);
    for (const l of fixes) expect(column(l, '修复：')).toBe(foundAt[0]);
    expect(lines.at(-1)).toBe('1 项通过，1 项警告，1 项失败，1 项跳过');
  });

  it('wraps a long Chinese finding at the terminal width, continued under its own column', () => {
    setLocale('zh-CN');
    const long: Check = {
      id: 'home.permissions',
      title: 'x',
      status: 'FAIL',
      found: `其他用户可写：/home/u/.config/llmctl（权限 0777）。LiteLLM 会导入其中的 llmctl_auth.py，他们因此可以以你的身份运行代码`,
      fix: 'chmod 700 /home/u/.config/llmctl   （llmctl doctor --fix 会自动执行）',
    };
    const lines = renderTable(report([long, ...ROWS]), 60).split('\n');
    const start = column(lines[0]!, '其他');
    for (const l of lines.slice(0, lines.indexOf('') - 1)) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    // Continuation lines of the finding start exactly where the finding does.
    const cont = lines[1]!;
    expect(cont.slice(0, start)).toBe(' '.repeat(start));
    expect(cont[start]).not.toBe(' ');
    // Nothing is lost by wrapping.
    const text = lines
      .slice(
        0,
        lines.findIndex((l) => l.includes('修复：')),
      )
      .map((l, i) => (i === 0 ? l.slice(l.indexOf('其他')) : l.trim()))
      .join('');
    expect(text.replace(/\s/g, '')).toBe(long.found.replace(/\s/g, ''));
  });

  it('prints English as before: status, id padded, finding; "fix:" under the finding', () => {
    const out = renderTable(report(ROWS.slice(0, 2)));
    expect(out.split('\n')).toEqual([
      'PASS  node.version     v22.12.0',
      'FAIL  secrets.present  密钥库中没有：zhipu（供应商 zhipu）',
      '                       fix: llmctl keys set zhipu',
      '',
      '1 passed, 0 warnings, 1 failed, 0 skipped',
    ]);
  });

  it('wrap keeps words whole and leaves short text alone', () => {
    expect(wrap('short text', 40)).toEqual(['short text']);
    expect(wrap('alpha beta gamma delta epsilon zeta eta theta', 20)).toEqual([
      'alpha beta gamma',
      'delta epsilon zeta',
      'eta theta',
    ]);
    expect(wrap('一二三四五六七八九十一二三四五六七八九十', 20).map(displayWidth)).toEqual([20, 20]);
  });

  it('wrap cuts Chinese next to a Chinese character, never inside a Latin word or before closing punctuation', () => {
    expect(wrap('当前环境未设置环境变量：ZHIPU_API_KEY（providers.zhipu）', 40)).toEqual([
      '当前环境未设置环境变量：ZHIPU_API_KEY',
      '（providers.zhipu）',
    ]);
    // A full-width comma stays with the word before it.
    expect(wrap('一二三四五六七八九十，一二三', 20)).toEqual(['一二三四五六七八九', '十，一二三']);
  });
});
