// i18n-ignore-file: the unified diff format, byte for byte as the diff library writes it (patch tools read it).
/**
 * The unified diff of a file created or deleted as a whole, in exactly the format of the `diff`
 * library's createTwoFilesPatch (a test holds them equal). A whole-file add needs no LCS search, and
 * the first sync of a big config is all adds, so this skips loading and running the diff library.
 */
export function wholeFilePatch(path: string, text: string, kind: 'added' | 'deleted'): string {
  const lines = text === '' ? [] : text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) lines.pop();
  const sign = kind === 'added' ? '+' : '-';
  const body =
    lines.map((l) => `${sign}${l}\n`).join('') +
    (text !== '' && !endsWithNewline ? '\\ No newline at end of file\n' : '');
  const n = lines.length;
  const range = (count: number) => (count === 0 ? '0,0' : `1,${count}`);
  const header =
    kind === 'added'
      ? `--- /dev/null\t(missing)\n+++ ${path}\tllmctl\n@@ -${range(0)} +${range(n)} @@\n`
      : `--- ${path}\tcurrent\n+++ /dev/null\t(deleted)\n@@ -${range(n)} +${range(0)} @@\n`;
  // An empty file has no hunk at all, only the two file lines.
  const head = text === '' ? header.slice(0, header.indexOf('@@')) : header;
  return `===================================================================\n${head}${body}`;
}
