import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The directions imports may take in src/ (issue 11, layering). Lower layers never reach up:
 *
 *   fs/, platform/                 files and the machine: know nothing of llmctl's model
 *   config/, secrets/              llmctl.yaml and the keys it references (each may read the other)
 *   proxy/                         the LiteLLM proxy: where it is, how it runs
 *   targets/                       one module per tool llmctl writes, plus helpers they share
 *   sync/, importers/              plan and write every target; read a tool's file into llmctl terms
 *   doctor/, init/, ui/            checks, the wizard, rendering
 *   webui/                         Open WebUI: install it, run it next to the proxy (doctor and serve use it)
 *   serve/                         `llmctl serve`: writes the proxy's config through sync, runs proxy/
 *   export/                        `llmctl export`: the gateway serve would run, packaged for containers
 *   commands/ (from cli.ts)        thin: options → a module → print
 *
 * A target module (the modules targets/index.ts loads) never imports another target module: what
 * two targets share (the proxy's root URL, a model's deployments, the master-key reference) lives with
 * the concept, in config/ or proxy/. Type-only imports are erased at build time; a rule says whether
 * it covers them too.
 */
interface Rule {
  from: RegExp;
  not: RegExp;
  why: string;
  /** Type-only imports break the rule too (default: they do). */
  types?: boolean;
}

const HIGHER_THAN_MODEL = /^(proxy|targets|sync|importers|doctor|init|commands|ui|serve|webui)\//;

const RULES: Rule[] = [
  {
    from: /^(fs|platform)\//,
    not: /^(config|secrets|proxy|targets|sync|importers|doctor|init|commands|ui|serve|webui)\//,
    why: 'fs/ and platform/ are the bottom layer',
  },
  { from: /^(config|secrets)\//, not: HIGHER_THAN_MODEL, why: 'config/ and secrets/ are the model every layer reads' },
  {
    from: /^proxy\//,
    not: /^(targets|importers|doctor|init|commands|serve|webui)\//,
    why: 'the proxy is below the targets that point tools at it',
  },
  { from: /^proxy\//, not: /^sync\//, why: 'the proxy may name a sync type, never run one', types: false },
  {
    from: /^targets\//,
    not: /^(importers|doctor|init|commands|ui|serve|webui)\//,
    why: 'targets depend on config, secrets, proxy and fs only',
  },
  {
    from: /^targets\//,
    not: /^sync\//,
    why: 'a target plans; sync runs it (the State type is shared)',
    types: false,
  },
  {
    from: /^sync\//,
    not: /^(importers|doctor|init|commands|serve|webui)\//,
    why: 'sync sits below the commands that run it',
  },
  { from: /^importers\//, not: /^(sync|doctor|init|commands|serve)\//, why: 'an importer reads; it never syncs' },
  {
    from: /^(fs|platform|config|secrets|proxy|targets|sync|importers|doctor|init|ui|serve)\//,
    not: /^export\//,
    why: 'export/ packages what the layers below make; nothing below depends on it',
  },
  { from: /^(?!commands\/|cli\.ts$)/, not: /^commands\//, why: 'only cli.ts loads commands' },
];

const src = fileURLToPath(new URL('.', import.meta.url));

function* sourceFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(full);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) yield full;
  }
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** Every relative import of src/ (static, re-export, dynamic), as paths relative to src/. */
function edges(): Edge[] {
  const out: Edge[] = [];
  const re = /(?:^|\n)\s*(?:import|export)(\s+type)?\b[^'";]*?\bfrom\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;
  for (const file of sourceFiles(src)) {
    const from = path.relative(src, file).split(path.sep).join('/');
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) {
      const spec = m[2] ?? m[3]!;
      const to = path
        .relative(src, path.resolve(path.dirname(file), spec))
        .split(path.sep)
        .join('/')
        .replace(/\.js$/, '.ts');
      out.push({ from, to, typeOnly: Boolean(m[1]) });
    }
  }
  return out;
}

/** The target modules: what targets/index.ts loads (`import('./x.js')`). */
function targetModules(): string[] {
  const index = readFileSync(path.join(src, 'targets', 'index.ts'), 'utf8');
  return [...index.matchAll(/import\(\s*'\.\/([^']+)\.js'\s*\)/g)].map((m) => `targets/${m[1]}.ts`);
}

describe('layering: the directions imports may take in src/', () => {
  const all = edges();

  it('sees the imports it judges (a parser that finds nothing would pass every rule)', () => {
    expect(all).toContainEqual({ from: 'sync/engine.ts', to: 'targets/index.ts', typeOnly: false });
    expect(all.some((e) => e.typeOnly)).toBe(true);
    expect(targetModules()).toEqual(
      expect.arrayContaining(['targets/litellm.ts', 'targets/continue.ts', 'targets/claude.ts']),
    );
  });

  it.each(RULES.map((r) => [`${r.from.source} ↛ ${r.not.source}`, r] as const))('%s', (_name, rule) => {
    const broken = all
      .filter((e) => rule.from.test(e.from) && rule.not.test(e.to) && (rule.types !== false || !e.typeOnly))
      .map((e) => `${e.from} → ${e.to} (${rule.why})`);
    expect(broken).toEqual([]);
  });

  it('a target module never imports another target module', () => {
    const targets = new Set(targetModules());
    const broken = all.filter((e) => targets.has(e.from) && targets.has(e.to)).map((e) => `${e.from} → ${e.to}`);
    expect(broken).toEqual([]);
  });
});
