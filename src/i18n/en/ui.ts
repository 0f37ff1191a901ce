import type { Messages } from '../message.js';

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/** English messages of the ui area. Ids start with `ui.`. */
export const ui = {
  // A list of names inside a sentence: "a, b, c"; a long one ends in "a, b, …"
  'ui.listSeparator': ', ',
  'ui.listMore': ', …',
  // Line prefixes (src/ui/log.ts)
  /** A file's label (data: English in --json) as the user reads it. */
  'ui.fileLabel': (p: { label: string }) => p.label,
  'ui.warningLabel': 'warning:',
  'ui.errorLabel': 'error:',

  // Grouped warnings (src/ui/summary.ts)
  'ui.noKeySummary': (p: { n: number; names: string }) =>
    `${p.n} provider${p.n === 1 ? ' has' : 's have'} no key yet: ${p.names} — ` +
    `\`llmctl keys set NAME\`, or export its variable before \`llmctl serve\``,
  'ui.detailsWithV': ' (details: -v)',

  // Drift, in the same words for status, sync, --dry-run and --check (src/ui/drift.ts)
  'ui.syncInSync': 'Everything is already in sync: nothing written.',
  'ui.syncNothingWritten': 'No file needed writing: nothing written.',
  'ui.dryRunChanged': (p: { n: number }) => `${files(p.n)} would change (dry run: nothing written).`,
  'ui.dryRunInSync': 'Everything is in sync: nothing would change.',
  'ui.dryRunNoChange': 'No file would change.',
  'ui.checkChanged': (p: { n: number }) => `${files(p.n)} differ from what llmctl would write: run \`llmctl sync\`.`,
  'ui.checkInSync': 'Everything is in sync.',
  'ui.checkNoChange': 'No file differs from what llmctl would write.',
  'ui.statusRunSync': 'Run `llmctl sync` to bring the targets in line (`llmctl sync --dry-run` shows the changes).',
  'ui.handEditsHead': (p: { n: number }) =>
    `${p.n} managed entr${p.n === 1 ? 'y differs' : 'ies differ'} from llmctl.yaml: edited by hand, ` +
    `so llmctl keeps ${p.n === 1 ? 'that edit' : 'those edits'} (sync never overwrites a hand edit):`,
  'ui.handEditKept': (p: { problem: string }) => `  kept: ${p.problem}`,
  'ui.handEditAdopt': (p: { adopt: string }) =>
    `    to keep it for good, put \`${p.adopt}\` in llmctl.yaml (then \`llmctl sync\`)`,
  'ui.handEditsResolve': (p: { n: number; force: string }) =>
    `To take llmctl’s value back: \`${p.force}\` (backed up first). ` +
    (`To keep ${p.n === 1 ? 'the edit' : 'the edits'}: nothing to do — ${p.n === 1 ? 'it stays' : 'they stay'} ` +
      `and ${p.n === 1 ? 'is' : 'are'} reported here until llmctl.yaml says the same.`),

  // Prompts (src/ui/prompt.ts): inquirer's key help, in the user's language
  'ui.keyNavigate': 'navigate',
  'ui.keySelect': 'select',
  'ui.keyToggle': 'select',
  'ui.keySpace': 'space',
  'ui.keyAll': 'all',
  'ui.keyInvert': 'invert',
  'ui.keySubmit': 'submit',
  'ui.answerYes': 'Yes',
  'ui.answerNo': 'No',
  'ui.noResults': 'No results found',
  'ui.pickAtLeastOne': 'At least one choice must be selected',
} satisfies Messages;
