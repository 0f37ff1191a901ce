import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

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

export function findProse(root: string): ProseString[] {
  const out: ProseString[] = [];
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (rel.startsWith('src/i18n/')) continue;
    const text = readFileSync(file, 'utf8');
    if (/i18n-ignore-file/.test(text.slice(0, 2000))) continue;
    out.push(...proseIn(rel, text));
  }
  return out;
}

export function proseIn(rel: string, text: string): ProseString[] {
  const out: ProseString[] = [];
  const lines = text.split('\n');
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const visit = (node: ts.Node): void => {
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

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' x ');
  return undefined;
}

function exempt(node: ts.Node): boolean {
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
