import { maskSecret, redact } from './store.js';

/**
 * Masking of everything that looks like a credential in text llmctl prints (diffs above all): the
 * user's own keys in settings.json `env`, `.env` values, an `apiKey:` literal in Continue's config —
 * not only the keys llmctl knows. Two tests, either suffices:
 *  - by key name: the value of `api_key`, `apiKey`, `*_KEY`, `*TOKEN*`, `*SECRET*`, `password`,
 *    `Authorization`, … in a JSON pair, a YAML `key: value` or a `.env` `NAME=value` line;
 *  - by shape: `sk-…`, `ghp_…`, `github_pat_…`, `xoxb-…`, `AKIA…`, `AIza…`, JWTs, `Bearer …`, a URL's
 *    password, and long high-entropy tokens.
 * A reference (`secret:x`, `env:X`, `os.environ/X`, `${{ secrets.X }}`, `${X}`), a number or a
 * boolean is not a secret and stays readable, as do URLs and model names.
 */

const SENSITIVE_NAME =
  /api[_-]?key|token(?!s|izer)|secret|passw(?:or)?d|passphrase|^pwd$|authorization|credential|cookie|session[_-]?id/i;
/** `OPENAI_KEY`, `private-key`, `key`, `accessKey` — but not `monkey`. */
const KEY_SUFFIX = /(?:^|[_.-])key$/i;
const CAMEL_KEY = /[a-z0-9]Key$/;

/** `max_tokens`, `apiKeyHelper` (a command path), `API_KEY_FILE`, `api_key_env` are not credentials. */
const NOT_SECRET_NAME = /(?:tokens|helper|file|path|url|name|env)$/i;

export function isSensitiveName(name: string): boolean {
  return (SENSITIVE_NAME.test(name) || KEY_SUFFIX.test(name) || CAMEL_KEY.test(name)) && !NOT_SECRET_NAME.test(name);
}

const REFERENCE = /^(?:secret:|env:|os\.environ\/|\$\{\{?\s*[\w.]+\s*\}?\}$|\$[A-Za-z_]\w*$|<[^>]*>$|\*+$|…)/;

/** `${{ secrets.X }}`, `${X}`, `$X`, `os.environ/X` inside a longer value (`Bearer ${{ secrets.X }}`). */
const INLINE_REFERENCE = /\$\{\{[^}]*\}\}|\$\{\w+\}|\$\w+|os\.environ\/\w+/g;

function isPlainValue(v: string): boolean {
  const t = v.trim();
  if (t === '' || REFERENCE.test(t) || /^(?:true|false|null|~|-?\d+(?:\.\d+)?)$/i.test(t) || t.includes('…'))
    return true;
  // Only references around a scheme word: nothing secret is written here.
  return (
    t !== t.replace(INLINE_REFERENCE, '') && /^\s*(?:Bearer|Basic|Token)?\s*$/i.test(t.replace(INLINE_REFERENCE, ''))
  );
}

/** Known key formats, one alternation so a line is scanned once. */
const SHAPES = new RegExp(
  [
    String.raw`\b(?:sk|rk|pk)[-_](?:live_|test_|ant-|proj-|or-)?[A-Za-z0-9_-]{16,}`,
    String.raw`\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}`,
    String.raw`\bgithub_pat_[A-Za-z0-9_]{20,}`,
    String.raw`\bxox[abposr]-[A-Za-z0-9-]{10,}`,
    String.raw`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`,
    String.raw`\bAIza[0-9A-Za-z_-]{30,}`,
    String.raw`\b(?:hf|gsk|glpat|npm|nvapi|pplx|xai|r8)[-_][A-Za-z0-9_-]{20,}`,
    String.raw`\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?`,
  ].join('|'),
  'g',
);

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** A long run of token characters with a long letters-and-digits core: a key, not a word or a path. */
function looksRandom(s: string): boolean {
  if (s.length < 32 || !/\d/.test(s) || !/[A-Za-z]/.test(s)) return false;
  const core = Math.max(...s.split(/[^A-Za-z0-9]/).map((p) => p.length));
  return core >= 20 && entropy(s) >= 3.5;
}

function maskShapes(line: string): string {
  let out = line.replace(SHAPES, (m) => maskSecret(m));
  // A digit or padding tells a credential from prose ("Basic authentication").
  out = out.replace(/\b(Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{8,})/g, (m, scheme: string, v: string) =>
    /[\d=]/.test(v) ? `${scheme} ${maskSecret(v)}` : m,
  );
  out = out.replace(
    /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']+:)([^\s@/"']+)@/gi,
    (_m, head: string, pw: string) => `${head}${maskSecret(pw)}@`,
  );
  // The lookbehind starts a match only where a run starts: linear, not one attempt per character.
  return out.replace(/(?<![A-Za-z0-9_+/=-])[A-Za-z0-9_+/=-]{32,}/g, (m) => (looksRandom(m) ? maskSecret(m) : m));
}

function maskValue(v: string): string {
  return isPlainValue(v) ? v : maskSecret(v);
}

/** `"name": "value"` pairs anywhere in the line (JSON, JSONC, YAML flow with double quotes). */
function maskJsonPairs(line: string): string {
  if (!line.includes('"')) return line;
  return line.replace(
    /("((?:[^"\\]|\\.)*)"\s*:\s*")((?:[^"\\]|\\.)*)"/g,
    (m, head: string, name: string, value: string) => (isSensitiveName(name) ? `${head}${maskValue(value)}"` : m),
  );
}

/** A YAML `name: value` or a .env `NAME=value` line (optionally `export`, `- ` list item, quotes). */
function maskAssignment(line: string): string {
  const m = /^(\s*(?:-\s+)?(?:export\s+)?)(["']?)([A-Za-z_][\w.-]*)\2(\s*(?::\s|=)\s*)/.exec(line);
  if (!m || !isSensitiveName(m[3]!)) return line;
  let rest = line.slice(m[0].length);
  let tail = /\s+#.*$/.exec(rest)?.[0] ?? '';
  rest = rest.slice(0, rest.length - tail.length);
  const trailing = /\s*$/.exec(rest)![0];
  rest = rest.slice(0, rest.length - trailing.length);
  tail = trailing + tail;
  if (!rest || rest.startsWith('{') || rest.startsWith('[')) return line;
  const q = /^(["'])(.*)\1$/.exec(rest);
  // A quoted value followed by more (`"x",` in JSON): the JSON pass has judged it already.
  if (!q && /^["']/.test(rest)) return line;
  const value = q ? `${q[1]}${maskValue(q[2]!)}${q[1]}` : maskValue(rest);
  return `${m[0]}${value}${tail}`;
}

/** Masks one line of a file (without a diff marker). */
export function maskLine(line: string): string {
  return maskShapes(maskAssignment(maskJsonPairs(line)));
}

/** Masks every line of a file's text. */
export function maskCredentials(text: string, known: Iterable<string> = []): string {
  return redact(text, known)
    .split('\n')
    .map((l) => maskLine(l))
    .join('\n');
}

/**
 * Masks a unified diff: known secrets everywhere, then every added, removed and context line by name
 * and shape (header lines carry paths, which are left as they are).
 */
export function maskDiff(diff: string, known: Iterable<string> = []): string {
  return redact(diff, known)
    .split('\n')
    .map((l) => {
      if (/^(?:\+\+\+ |--- |@@ |=+$|Index: |\\ No newline)/.test(l)) return l;
      const marker = /^[ +-]/.test(l) ? l[0]! : '';
      return marker + maskLine(l.slice(marker.length));
    })
    .join('\n');
}
