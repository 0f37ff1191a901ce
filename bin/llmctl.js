#!/usr/bin/env node
'use strict';
// Tiny shim, CommonJS on purpose (bin/package.json): `llmctl --version` answers here without starting
// the ES module loader. Everything else lives in dist/index.cjs (src/ bundled by scripts/build.mjs).
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { readFileSync } = require('node:fs');
  const { join } = require('node:path');
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  // Node >= 22.1 can keep V8's compiled code between runs (as TypeScript's own CLI does): ~4 ms per
  // start. Node puts it in its own folder under the temp dir; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  require('node:module').enableCompileCache?.();
  require('../dist/index.cjs').main(argv);
}
