/** `NAME=value` lines of ~/.continue/.env: llmctl's own lines are set or removed, every other line kept. */
export function patchEnvFile(text: string | null, wanted: Record<string, string>, previous: string[]): string | null {
  const src = text ?? '';
  const eol = src.includes('\r\n') ? '\r\n' : '\n';
  const lines = src === '' ? [] : src.split(/(?<=\n)/);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    const name = m?.[1];
    if (name && name in wanted) {
      if (seen.has(name)) continue;
      seen.add(name);
      const ending = line.endsWith('\r\n') ? '\r\n' : line.endsWith('\n') ? '\n' : '';
      out.push(`${name}=${envValue(wanted[name]!)}${ending}`);
    } else if (name && previous.includes(name)) {
      continue;
    } else out.push(line);
  }
  const missing = Object.keys(wanted).filter((n) => !seen.has(n));
  if (missing.length) {
    if (out.length && !out[out.length - 1]!.endsWith('\n')) out[out.length - 1] += eol;
    for (const n of missing) out.push(`${n}=${envValue(wanted[n]!)}${eol}`);
  }
  const result = out.join('');
  return text === null && result === '' ? null : result;
}

function envValue(v: string): string {
  return /^[A-Za-z0-9_./:+@%~,-]*$/.test(v) ? v : JSON.stringify(v);
}
