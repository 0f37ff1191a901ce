import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog as en } from './en/index.js';
import { catalog as zhCN } from './zh-CN/index.js';
import { findProse } from './prose.js';
import { currentLocale, setLocale, t } from './index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const baselineFile = fileURLToPath(new URL('./prose-baseline.json', import.meta.url));

describe('the message catalog', () => {
  it('has the same ids in English and Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty or untranslated-looking Chinese message', () => {
    const sample = { file: 'F', name: 'N', value: 'V', message: 'M', n: 2, count: 2, path: 'P' };
    for (const [id, m] of Object.entries(zhCN)) {
      const text =
        typeof m === 'function'
          ? (m as (p: unknown) => string)(
              new Proxy(sample, { get: (o, k) => (o as Record<string | symbol, unknown>)[k] ?? 'X' }),
            )
          : m;
      expect(text.trim(), id).not.toBe('');
      // Chinese text, or a message that is only a command/flag/name (rare): at least one CJK character.
      if (!/^[\s`'"\w$./:{}<>|=-]*$/.test(text)) expect(text, id).toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    }
  });

  it('gives each id once across areas (a later area would silently win)', async () => {
    const areas = await import('./en/index.js');
    expect(Object.keys(areas.catalog).length).toBe(Object.keys(en).length);
  });

  it('switches locale and falls back to nothing missing', () => {
    const before = currentLocale();
    setLocale('zh-CN');
    expect(t('common.interrupted')).toContain('中断');
    setLocale('en');
    expect(t('common.interrupted')).toBe('Interrupted: nothing was written.');
    setLocale(before);
  });
});

describe('user-facing strings come from the catalog', () => {
  it('no file has more prose strings outside the catalog than its baseline (src/i18n/prose-baseline.json)', () => {
    const found = findProse(root, path.join(root, 'node_modules', '.cache', 'llmctl-prose.json'));
    const counts: Record<string, number> = {};
    for (const p of found) counts[p.file] = (counts[p.file] ?? 0) + 1;
    if (process.env['LLMCTL_UPDATE_PROSE_BASELINE']) {
      writeFileSync(baselineFile, `${JSON.stringify(Object.fromEntries(Object.entries(counts).sort()), null, 2)}\n`);
    }
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as Record<string, number>;
    const over = Object.entries(counts)
      .filter(([f, n]) => n > (baseline[f] ?? 0))
      .map(
        ([f, n]) =>
          `${f}: ${n} > ${baseline[f] ?? 0}\n${found
            .filter((p) => p.file === f)
            .map((p) => `    ${p.line}: ${p.text}`)
            .join('\n')}`,
      );
    expect(over, 'move these strings into src/i18n/{en,zh-CN}/<area>.ts, or mark data with i18n-ignore').toEqual([]);
    // The baseline only goes down: a file that improved must lower its number (rerun with
    // LLMCTL_UPDATE_PROSE_BASELINE=1), so nobody spends the room it left.
    const stale = Object.entries(baseline)
      .filter(([f, n]) => (counts[f] ?? 0) < n)
      .map(([f, n]) => `${f}: ${counts[f] ?? 0} < ${n}`);
    expect(
      stale,
      'lower these in src/i18n/prose-baseline.json (LLMCTL_UPDATE_PROSE_BASELINE=1 npm run test:fast)',
    ).toEqual([]);
  });
});
