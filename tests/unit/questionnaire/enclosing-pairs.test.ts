import { describe, expect, test } from '@jest/globals';
import { buildChangeVocabulary } from '../../../src/core/questionnaire/change-vocabulary.js';
import { readEnclosingPairs } from '../../../src/core/questionnaire/enclosing-pairs.js';
import { validateAnswer, type AnswerRules } from '../../../src/core/questionnaire/validate-answer.js';

// A motivation names what the changed function does in the words of its name and doc comment,
// which the changed lines need not hold (enclosing-pairs.ts). The shape of jestjs/jest f8bbdbb6bd
// ("On windows (cmd, powershell, and cmder) the progress bar was broken. The issue is windows
// doesnt fully support inverse …"): refused as saying little until the declaration the hunk is in
// was read; a hunk of one line inside `renderProgressBar`, under its doc comment.

const file = [
  "import chalk from 'chalk';",
  '',
  'export class StatusLine {',
  '  constructor(private readonly width = 40) {}',
  '',
  '  /** Draws the progress bar of the test files run so far. */',
  '  renderProgressBar(done: number, total: number): string {',
  '    const filled = Math.round((done / total) * this.width);',
  "    return chalk.green('█'.repeat(filled)) + chalk.gray('█'.repeat(this.width - filled));",
  '  }',
  '}',
  '',
].join('\n');
const patch = [
  'diff --git a/src/status-line.ts b/src/status-line.ts',
  '--- a/src/status-line.ts',
  '+++ b/src/status-line.ts',
  '@@ -9 +9 @@ export class StatusLine {',
  "-    return chalk.inverse(' '.repeat(filled)) + chalk.white(' '.repeat(this.width - filled));",
  "+    return chalk.green('█'.repeat(filled)) + chalk.gray('█'.repeat(this.width - filled));",
  '',
].join('\n');
const paths = ['src/status-line.ts'];
const rulesWith = (enclosingPairs?: ReadonlySet<string>): AnswerRules => ({
  minWords: 4,
  otherAnswers: [],
  fileNames: paths,
  question: 'What problem does this change solve, and why this way?',
  change: buildChangeVocabulary({ patch, paths, ...(enclosingPairs && { enclosingPairs }) }),
  asksWhatChanged: true,
  nameExists: () => false,
});
const explanation =
  'On Windows consoles the progress bar was broken: cmd and PowerShell do not fully support inverse, so it is now drawn with solid blocks in two colours.';

describe('the declarations enclosing a change', () => {
  test('a hunk gives the words in a row of the method, its doc comment and its class', () => {
    const pairs = readEnclosingPairs([{ path: paths[0]!, text: file }], patch);
    expect([...pairs]).toEqual(expect.arrayContaining(['progr bar', 'draw progr', 'statu lin']));
    // The file's other declarations and lines are not the hunk's: the constructor above it is not read.
    expect(pairs.has('privat readonly')).toBe(false);
  });

  test('a Markdown hunk gives the headings it is under', () => {
    const readme = ['# Tool', '', '## Commands', '', '### Watch commands', '', 'Run with --no-sort.', 'Old line.', ''].join('\n');
    const docsPatch = ['diff --git a/README.md b/README.md', '@@ -8 +8 @@', '-Old.', '+Old line.', ''].join('\n');
    const pairs = readEnclosingPairs([{ path: 'README.md', text: readme }], docsPatch);
    expect([...pairs].sort()).toEqual(['watch comma']);
  });

  test('an explanation in the words of the enclosing declaration is accepted, as it was refused without them', () => {
    expect(validateAnswer(explanation, rulesWith())).toMatch(/says little/);
    expect(validateAnswer(explanation, rulesWith(readEnclosingPairs([{ path: paths[0]!, text: file }], patch)))).toBeNull();
  });

  test.each([
    'Publishing now retries a registry timeout three times with a growing delay before giving up.',
    'The progress bar now uses `ProgressBarTheme.windowsSafe` so that inverse is not needed on cmd and PowerShell.',
    'Improves the progress bar so that it is more robust, clearer and easier to maintain overall.',
  ])('another change, a name found nowhere and filler stay refused: %s', (text) => {
    expect(validateAnswer(text, rulesWith(readEnclosingPairs([{ path: paths[0]!, text: file }], patch)))).not.toBeNull();
  });
});
