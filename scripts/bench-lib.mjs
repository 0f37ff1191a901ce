// Small timing helpers for scripts/bench.mjs (and any later section, such as "serve to healthy").
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall time of one run of a command, in ms; throws if it fails (a broken command is no benchmark). */
export function timeCommand({ command, args = [], env = process.env, cwd }) {
  const t0 = performance.now();
  const r = spawnSync(command, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  return ms;
}

/**
 * Measures several cases in the same run, interleaved (a, b, c, a, b, c…), so a machine that gets
 * slower or faster during the run affects every case alike. A case is { label, run } where run()
 * returns ms (sync or async), or { label, command, args, env } for a process.
 */
export async function measure(cases, { runs = 15, warmup = 2 } = {}) {
  const samples = new Map(cases.map((c) => [c.label, []]));
  const once = async (c) => (c.run ? await c.run() : timeCommand(c));
  for (let i = 0; i < warmup; i++) for (const c of cases) await once(c);
  for (let i = 0; i < runs; i++) for (const c of cases) samples.get(c.label).push(await once(c));
  return cases.map((c) => ({ label: c.label, median: median(samples.get(c.label)), samples: samples.get(c.label) }));
}

/** Prints rows of { label, median, ratio?, target? } as an aligned table. */
export function printTable(rows, baselineLabel) {
  const head = ['case', 'median ms', `× ${baselineLabel}`, 'target', ''];
  const lines = rows.map((r) => [
    r.label,
    r.median.toFixed(1),
    r.ratio === undefined ? '' : r.ratio.toFixed(2),
    r.target === undefined ? '' : `≤ ${r.target}×`,
    r.target === undefined ? '' : r.ratio <= r.target ? 'ok' : 'OVER',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cols) =>
    cols
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}
