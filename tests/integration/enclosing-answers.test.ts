import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { reviewWithAnswers, type ListedQuestion } from '../helpers/answers.js';
import { createTempRepo, TempRepo } from '../helpers/temp-repo.js';

// The hook reads the staged files' texts beside the patch, and the intent answer may name what the
// changed method does in the words of its name and doc comment (enclosing-pairs.ts): the shape of
// jestjs/jest f8bbdbb6bd, a one-line fix inside `renderProgressBar` explained as "the progress bar
// was broken on Windows", through the real CLI (`--answers`).

const statusLine = (body: string) => `import chalk from 'chalk';

export class StatusLine {
  constructor(private readonly width = 40) {}

  /** Draws the progress bar of the test files run so far. */
  renderProgressBar(done: number, total: number): string {
    const filled = Math.round((done / total) * this.width);
    ${body}
  }
}
`;
const INTENT =
  'On Windows consoles the progress bar was broken: cmd and PowerShell do not fully support inverse, so it is now drawn with solid blocks in two colours.';
const OTHERS: Record<string, string> = {
  provenance: 'Typed by hand in the editor.',
  verification: 'Ran the reporter in cmd and in PowerShell and watched the green and gray blocks fill while tests ran.',
  'no-test': 'The chalk.green and chalk.gray calls only change colours; a snapshot of colours would test chalk, not this.',
  'unit:src/status-line.ts': 'renderProgressBar now repeats the block character in green and gray instead of chalk.inverse spaces.',
};

let repo: TempRepo;
let questions: ListedQuestion[] = [];
beforeAll(() => {
  repo = createTempRepo({
    'package.json': '{"name":"runner","type":"module"}',
    'src/status-line.ts': statusLine("return chalk.inverse(' '.repeat(filled)) + chalk.white(' '.repeat(this.width - filled));"),
  });
  repo.stage({
    'src/status-line.ts': statusLine("return chalk.green('█'.repeat(filled)) + chalk.gray('█'.repeat(this.width - filled));"),
  });
  questions = JSON.parse(repo.run(['--dry-run', '--json', '--no-impact']).stdout).questions;
});
afterAll(() => repo.cleanup());

function review(intent: string) {
  return reviewWithAnswers(repo, questions, (id) => (id === 'intent' ? intent : (OTHERS[id] ?? `${OTHERS.verification} (${id})`)));
}

describe('an explanation in the words of the declaration the change is inside of, through the CLI', () => {
  // Refused first: a recorded review of the same staged tree is not asked again.
  test('another change told in the same words is still refused', () => {
    const { code, output } = review('Publishing now retries a registry timeout three times with a growing delay before giving up.');
    expect(code).toBe(1);
    expect(output).toMatch(/intent: That (connects to nothing|says little)/);
  });

  test('is recorded', () => {
    const { code, output } = review(INTENT);
    expect(output).not.toMatch(/intent:/);
    expect(code).toBe(0);
  });
});
