/**
 * Block-style YAML for llmctl's own generated files (the LiteLLM config), written without the yaml
 * library: rendering 200 models with it took most of a cold sync, this takes a few milliseconds.
 *
 * The input is plain JSON-like data. A string is written plain only when every YAML reader takes it
 * back as that same string — the 1.2 core schema (the yaml library, Continue) and also YAML 1.1 as
 * PyYAML reads it (LiteLLM), which turns yes/no/on/off, dates and 1:20 into other types. Anything
 * else is written as a JSON string, which is a valid YAML double-quoted scalar with the same value.
 */

export type Plain = string | number | boolean | null | undefined | Plain[] | { [key: string]: Plain };

// Words some YAML reader resolves to a boolean or null (YAML 1.1 lists y/n and on/off too).
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
// Starts with a letter, `_` or `/`, no character with a meaning to YAML after it; `:` only when not
// followed by a space, `#` only when not after a space.
const SAFE = /^[A-Za-z_/](?:[A-Za-z0-9_./@+=$-]|:(?! )|#)*$/;

function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return v !== v ? '.nan' : v > 0 ? '.inf' : '-.inf';
    return JSON.stringify(v);
  }
  return SAFE.test(v) && !RESERVED.test(v) && !v.endsWith(':') ? v : quoted(v);
}

/**
 * JSON's escaping, plus the characters JSON leaves raw that a YAML reader would not: DEL and the C1
 * controls (PyYAML refuses them), NEL and the Unicode line and paragraph separators (line breaks
 * in YAML 1.1), and a BOM.
 */
function quoted(v: string): string {
  return JSON.stringify(v).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function isCollection(v: Plain): v is Plain[] | { [key: string]: Plain } {
  return typeof v === 'object' && v !== null;
}

function entries(o: { [key: string]: Plain }): [string, Plain][] {
  return Object.entries(o).filter(([, v]) => v !== undefined);
}

function emitInto(out: string[], v: Plain, indent: string): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isCollection(item) && (Array.isArray(item) ? item.length : entries(item).length)) {
        // `- ` then the first line of the item on the same line, the rest indented under it.
        const sub: string[] = [];
        emitInto(sub, item, `${indent}  `);
        out.push(`${indent}- ${sub[0]!.slice(indent.length + 2)}`, ...sub.slice(1));
      } else out.push(`${indent}- ${inline(item)}`);
    }
    return;
  }
  if (isCollection(v)) {
    for (const [k, x] of entries(v)) {
      const key = scalar(k);
      if (isCollection(x) && (Array.isArray(x) ? x.length : entries(x).length)) {
        out.push(`${indent}${key}:`);
        emitInto(out, x, `${indent}  `);
      } else out.push(`${indent}${key}: ${inline(x)}`);
    }
    return;
  }
  out.push(`${indent}${inline(v)}`);
}

/** A scalar, or an empty collection. */
function inline(v: Plain): string {
  if (Array.isArray(v)) return '[]';
  if (isCollection(v)) return '{}';
  return scalar(v ?? null);
}

/** The document for a value (a mapping at the top, as llmctl writes), ending with a newline. */
export function emitYaml(v: Plain): string {
  const out: string[] = [];
  emitInto(out, v, '');
  return `${out.join('\n')}\n`;
}
