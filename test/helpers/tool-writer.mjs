// A stand-in for Claude Code rewriting its own settings.json while llmctl syncs: every few ms it
// reads the file, bumps a counter of its own ("toolCounter") and writes the file back, either
// atomically (temp + rename) or the way a plain writeFileSync does (truncate, then write, with a gap).
// A read that does not show the value it wrote last means someone lost one of its updates: counted.
// Stops when the stop file exists; writes a JSON report.
import fs from 'node:fs';

const [file, how, stopFile, reportFile] = process.argv.slice(2);
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const lost = [];
let writes = 0;
let unreadable = 0;
let last;
const check = (obj) => {
  if (last !== undefined && obj.toolCounter !== last) lost.push({ expected: last, found: obj.toolCounter ?? null });
};
while (!fs.existsSync(stopFile)) {
  let obj;
  try {
    obj = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    unreadable++;
    pause(1);
    continue;
  }
  check(obj);
  last = ++writes;
  obj.toolCounter = last;
  const out = `${JSON.stringify(obj, null, 2)}\n`;
  if (how === 'rename') {
    fs.writeFileSync(`${file}.tool-tmp`, out);
    fs.renameSync(`${file}.tool-tmp`, file);
  } else {
    const fd = fs.openSync(file, 'w');
    pause(2);
    fs.writeSync(fd, out);
    fs.closeSync(fd);
  }
  pause(4);
}
check(JSON.parse(fs.readFileSync(file, 'utf8')));
fs.writeFileSync(reportFile, JSON.stringify({ writes, lost, unreadable }));
