'use strict';
// Preloaded with --require by test/cli/startup-modules.test.ts: records every module the process
// loads (CommonJS through Module._load, ES modules through a resolve hook) and writes the list to
// $LLMCTL_LOAD_PROBE when the process exits.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const loaded = new Set();
const load = Module._load;
Module._load = function probeLoad(request, parent, isMain) {
  if (!Module.isBuiltin(request)) {
    try {
      loaded.add(Module._resolveFilename(request, parent, isMain));
    } catch {
      loaded.add(request);
    }
  }
  return load.apply(this, arguments);
};
// ES modules resolve in the loader-hooks thread: it appends each URL to a second file.
const esmHook =
  'import { appendFileSync } from "node:fs"; ' +
  'export async function resolve(s, c, next) { const r = await next(s, c); ' +
  'if (!r.url.startsWith("node:")) appendFileSync(process.env.LLMCTL_LOAD_PROBE + ".esm", r.url + "\\n"); ' +
  'return r; }';
Module.register?.(`data:text/javascript,${encodeURIComponent(esmHook)}`);
process.on('exit', () => {
  let esm = [];
  try {
    esm = require('node:fs').readFileSync(`${process.env.LLMCTL_LOAD_PROBE}.esm`, 'utf8').split('\n').filter(Boolean);
  } catch {
    // no ES module was loaded
  }
  for (const url of esm.filter((u) => !u.startsWith('data:')))
    loaded.add(url.startsWith('file:') ? require('node:url').fileURLToPath(url) : url);
  writeFileSync(process.env.LLMCTL_LOAD_PROBE, JSON.stringify([...loaded]));
});
