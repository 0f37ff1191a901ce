#!/usr/bin/env node
// npm run build: bundles src/ (TypeScript, ES modules) into dist/index.cjs, the CLI, and
// dist/json-schema.cjs (for scripts/gen-schema.mjs) with esbuild. Type checking is
// `npm run typecheck` (tsc), not this.
//
// Why one CommonJS file (measured with `npm run bench`, Node 20):
// - Node's ES-module loader costs ~0.8 ms per module and a sync walks ~40 of ours: one file saves it.
// - V8 compiles an ES module's source eagerly enough that a 280 KB module costs ~6 ms more to load
//   than the same code as CommonJS, which bin/llmctl.js then require()s without the ES loader at all.
// Together: `sync --dry-run` on 200 models 82 → ~60 ms, `--help` unchanged.
// Packages stay outside the bundle: they load from node_modules when first used, through
// src/deps.ts (require) or `await import()` (the ES-only ones), so a command loads only what it uses.
// A static `import … from 'pkg'` in src/ would load that package at every start: the build refuses it.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
// Messages: each locale's catalog is its own file (dist/locales/<locale>.cjs), required when the first
// message is needed, so a run loads one language and `--version` none. src/i18n/catalogs.ts (which
// imports both, for tests) is replaced in the bundle by this loader.
const locales = ['en', 'zh-CN'];
const catalogLoader = {
  name: 'catalog-loader',
  setup(b) {
    b.onResolve({ filter: /\/catalogs\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}i18n${path.sep}`)
        ? { path: 'catalogs', namespace: 'llmctl-catalogs' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'llmctl-catalogs' }, () => ({
      contents:
        "const path = require('node:path');\n" +
        "exports.loadCatalog = (locale) => require(path.join(__dirname, 'locales', locale + '.cjs')).catalog;\n",
      loader: 'js',
    }));
  },
};
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(locales.map((l) => [`locales/${l}`, `src/i18n/${l}/index.ts`])),
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  logLevel: 'warning',
});
const result = await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', 'json-schema': 'src/config/json-schema.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  packages: 'external',
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  // The sources are ES modules: import.meta.url becomes the bundle's own file URL.
  define: { 'import.meta.url': '__llmctl_file_url' },
  banner: { js: 'const __llmctl_file_url = require("node:url").pathToFileURL(__filename).href;' },
  metafile: true,
  plugins: [catalogLoader],
  logLevel: 'warning',
});
// The CommonJS packages as one file each (dist/vendor/<name>.cjs), loaded by src/deps.ts in the
// bundle: zod is ~100 files and yaml ~70, and loading them one by one was most of a cold sync. zod
// keeps only its English messages (its 40 other locales were a third of its size and are never used).
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.cjs$/ }, (args) => ({
      path: path.join(args.resolveDir, args.path.replace(/index\.cjs$/, 'en.cjs')),
      namespace: 'zod-locales',
    }));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `exports.en = require(${JSON.stringify(args.path)}).default;`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};
// One list (scripts/vendored.json) for this build and src/deps.ts (pinned by src/deps.test.ts).
const vendored = JSON.parse(readFileSync(path.join(root, 'scripts', 'vendored.json'), 'utf8'));
for (const [name, entry] of Object.entries(vendored)) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
  await build({
    absWorkingDir: root,
    stdin: { contents: `module.exports = require(${JSON.stringify(entry)});`, resolveDir: root, loader: 'js' },
    outfile: `dist/vendor/${name}.cjs`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    minifyWhitespace: true,
    minifySyntax: true,
    banner: {
      js: `/* ${pkg.name} ${pkg.version} (${pkg.license}), bundled from node_modules by llmctl's scripts/build.mjs */`,
    },
    plugins: name === 'zod' ? [zodEnglishOnly] : [],
    logLevel: 'warning',
  });
}

// A package imported statically would be required at load time; the ES-only ones would even fail.
const stray = Object.entries(result.metafile.outputs).flatMap(([file, out]) =>
  out.imports
    .filter((i) => i.external && !i.path.startsWith('node:') && i.kind !== 'dynamic-import')
    .map((i) => `${file}: ${i.kind} '${i.path}'`),
);
if (stray.length) {
  console.error(
    `build: load packages through src/deps.ts (CommonJS ones) or await import() (ES-only ones):\n` +
      `  ${stray.join('\n  ')}`,
  );
  process.exit(1);
}
