#!/usr/bin/env node
// npm run bench: start-up cost of llmctl compared with bare Node, measured in the same run.
// Targets (issue 2): --version within 1.5× of `node -e 0`, sync --dry-run of 200 models within 3×,
// in English and in Chinese (issue 12).
// The sync is measured twice: with nothing changed since the last sync (the cache of the validated
// llmctl.yaml and rendered output applies) and cold (LLMCTL_NO_CACHE=1: as right after an edit).
// The team gateway's scale-out (one vs two instances with Redis, the proxy key check's cost) is measured by
// `npm run bench:scale` (scripts/bench-scale.mjs): it starts LiteLLM, so it is slow and kept apart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, printTable } from './bench-lib.mjs';

const BIN = fileURLToPath(new URL('../bin/llmctl.js', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);

/** A config the size of a big team gateway: 200 models over a few providers, keys from env vars. */
export function bigConfig(n = 200) {
  const providers = {
    zhipu: '{ preset: zhipu, apiKey: env:BENCH_ZHIPU }',
    siliconflow: '{ preset: siliconflow, apiKey: env:BENCH_SF }',
    openrouter: '{ preset: openrouter, apiKey: env:BENCH_OR }',
    a100: '{ preset: vllm, apiBase: http://10.0.0.1:8000/v1 }',
    a101: '{ preset: vllm, apiBase: http://10.0.0.2:8000/v1 }',
  };
  const names = Object.keys(providers).slice(0, 3);
  const models = [];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0)
      models.push(
        `  - { name: local-${i}, model: org/model-${i}, deployments: [ { provider: a100 }, { provider: a101 } ] }`,
      );
    else
      models.push(
        `  - { name: model-${i}, provider: ${names[i % names.length]}, model: org/upstream-${i}, ` +
          `params: { temperature: 0.${i % 10} } }`,
      );
  }
  return `version: 1\nproviders:\n${Object.entries(providers)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n')}\nmodels:\n${models.join('\n')}\n`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-bench-'));
try {
  const home = path.join(dir, 'home');
  const llmctlHome = path.join(home, '.config', 'llmctl');
  mkdirSync(llmctlHome, { recursive: true });
  writeFileSync(path.join(llmctlHome, 'llmctl.yaml'), bigConfig());
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    USERPROFILE: home,
    LLMCTL_HOME: llmctlHome,
    CONTINUE_GLOBAL_DIR: path.join(home, '.continue'),
    CLAUDE_CONFIG_DIR: path.join(home, '.claude'),
    NO_COLOR: '1',
    BENCH_ZHIPU: 'bench-zhipu-key-000000',
    BENCH_SF: 'bench-sf-key-000000',
    BENCH_OR: 'bench-or-key-000000',
  };
  const node = process.execPath;
  // The steady state a user is in: everything synced once (twice fills the cache for the no-change case).
  for (let i = 0; i < 2; i++) execFileSync(node, [BIN, 'sync', '--yes'], { env, stdio: 'ignore' });
  const results = await measure(
    [
      { label: 'node -e 0', command: node, args: ['-e', '0'], env },
      { label: 'llmctl --version', command: node, args: [BIN, '--version'], env },
      { label: 'llmctl --help', command: node, args: [BIN, '--help'], env },
      // BENCH_ONLY=litellm measures one target (e.g. while another target is being worked on).
      {
        label: 'llmctl sync --dry-run (200 models)',
        command: node,
        args: [BIN, 'sync', '--dry-run', ...(process.env.BENCH_ONLY ? ['--only', process.env.BENCH_ONLY] : [])],
        env,
      },
      // The same with llmctl.yaml just edited: nothing can come from the cache (parse, validate, render, patch).
      {
        label: 'llmctl sync --dry-run (200 models, cold)',
        command: node,
        args: [BIN, 'sync', '--dry-run', ...(process.env.BENCH_ONLY ? ['--only', process.env.BENCH_ONLY] : [])],
        env: { ...env, LLMCTL_NO_CACHE: '1' },
      },
      // The same in Chinese (issue 12): only the active locale's catalog loads, so the cost is the same.
      {
        label: 'llmctl --version (zh-CN)',
        command: node,
        args: [BIN, '--version'],
        env: { ...env, LANG: 'zh_CN.UTF-8' },
      },
      { label: 'llmctl --help (zh-CN)', command: node, args: [BIN, '--help'], env: { ...env, LANG: 'zh_CN.UTF-8' } },
      {
        label: 'llmctl sync --dry-run (200 models, zh-CN)',
        command: node,
        args: [BIN, 'sync', '--dry-run'],
        env: { ...env, LANG: 'zh_CN.UTF-8' },
      },
    ],
    { runs },
  );
  const base = results[0].median;
  const targets = {
    'llmctl --version': 1.5,
    'llmctl sync --dry-run (200 models)': 3,
    'llmctl --version (zh-CN)': 1.5,
    'llmctl sync --dry-run (200 models, zh-CN)': 3,
  };
  console.log(
    `llmctl start-up, median of ${runs} interleaved runs each (Node ${process.version}, ${process.platform})\n`,
  );
  printTable(
    results.map((r) => ({
      label: r.label,
      median: r.median,
      ratio: r.median / base,
      ...(targets[r.label] ? { target: targets[r.label] } : {}),
    })),
    'node -e 0',
  );
  const over = results.filter((r) => targets[r.label] && r.median / base > targets[r.label]);
  if (over.length && process.env.BENCH_STRICT === '1') process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Serve to healthy against the real LiteLLM (issue 4); BENCH_SERVE=0 skips it (it takes a minute or two).
if (process.env.BENCH_SERVE !== '0') {
  const { benchServe } = await import('./bench-serve.mjs');
  await benchServe();
}
