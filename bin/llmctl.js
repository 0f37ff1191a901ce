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
  require('../dist/index.cjs').main(argv);
}
