import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type TS from 'typescript';

/**
 * The lint behind "every user-facing string comes from the catalog" (src/i18n/catalog.test.ts):
 * string literals in src/ that read as prose — two words or more — outside src/i18n/ and tests. A
 * string that is data, not a message (a YAML comment llmctl writes into a tool's file, a log line meant
 * to be grepped, an argv), says so with `i18n-ignore` and the reason in a comment on its line or the
 * line before; a file that is all data says `i18n-ignore-file` at its top.
 * Test-only (it loads the TypeScript compiler); lives here to sit next to the rule it enforces.
 */
export interface ProseString {
  file: string;
  line: number;
  text: string;
}

const PROSE = /[A-Za-z]{2,}[,.:;!?'’)]?\s+\(?[A-Za-z]{2,}/;

/**
 * Every prose string in src/. Results are kept per file in `cacheFile`, keyed by the file's text and
 * this lint's own source: a run after a small change parses only the files that changed, and one
 * after none does not even load the TypeScript compiler (a third of test:fast's time before).
 */
export function findProse(root: string, cacheFile?: string): ProseString[] {
  const cache = readCache(cacheFile);
  const fresh: Record<string, ProseString[]> = {};
  const out: ProseString[] = [];
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (rel.startsWith('src/i18n/')) continue;
    const text = readFileSync(file, 'utf8');
    if (/i18n-ignore-file/.test(text.slice(0, 2000))) continue;
    const key = createHash('sha1').update(LINT_SOURCE).update('\0').update(rel).update('\0').update(text).digest('hex');
    fresh[key] = cache[key] ?? proseIn(rel, text);
    out.push(...fresh[key]);
  }
  if (cacheFile && Object.keys(fresh).some((k) => !cache[k])) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(fresh));
  }
  return out;
}

const LINT_SOURCE = readFileSync(fileURLToPath(import.meta.url), 'utf8');

function readCache(file: string | undefined): Record<string, ProseString[]> {
  if (!file) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, ProseString[]>;
  } catch {
    return {};
  }
}

let tsModule: typeof TS | undefined;
/** The compiler, loaded on the first file that needs parsing. */
function typescript(): typeof TS {
  tsModule ??= createRequire(import.meta.url)('typescript') as typeof TS;
  return tsModule;
}

export function proseIn(rel: string, text: string): ProseString[] {
  const ts = typescript();
  const out: ProseString[] = [];
  const lines = text.split('\n');
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const visit = (node: TS.Node): void => {
    const s = literalText(node);
    if (s !== undefined && !exempt(node) && PROSE.test(s)) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const marked = /i18n-ignore/.test(lines[line] ?? '') || /i18n-ignore/.test(lines[line - 1] ?? '');
      if (!marked) out.push({ file: rel, line: line + 1, text: s.slice(0, 80) });
    }
    // A template's spans are checked as one string, not again one by one.
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function literalText(node: TS.Node): string | undefined {
  const ts = typescript();
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' x ');
  return undefined;
}

function exempt(node: TS.Node): boolean {
  const ts = typescript();
  const p = node.parent;
  if (!p) return true;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p)) return true;
  if (ts.isLiteralTypeNode(p)) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p)) && p.name === node) return true;
  if (ts.isElementAccessExpression(p)) return true;
  if (ts.isCallExpression(p) && p.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return false;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(full);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) yield full;
  }
}
