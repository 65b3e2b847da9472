import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { reviewWithAnswers, type ListedQuestion } from '../helpers/answers.js';
import { createTempRepo, TempRepo } from '../helpers/temp-repo.js';

// ReactiveX/rxjs 7901f7b648 through the real CLI (`--answers`): reduce's operator moves into a
// new file, reduce-support.ts, so that max and min can reuse it. Its own commit body was refused
// as "says little of this change" ("reduce" was a reasoning word, and nothing of the new file was
// what the change alters); a generic answer whose one word of the change is chance must stay refused.

const OPERATOR = `export class ReduceOperator<T, R> {
  constructor(private project: (acc: R, x: T) => R, private seed?: R) {}

  call(values: T[]): R {
    let acc = this.seed as R;
    for (const value of values) acc = this.project(acc, value);
    return acc;
  }
}
`;
const BEFORE = `export default function reduce<T, R>(project: (acc: R, x: T) => R, seed?: R) {
  return new ReduceOperator(project, seed);
}

${OPERATOR.replace('export class', 'class')}`;
const AFTER = `import { ReduceOperator } from './reduce-support.js';

export default function reduce<T, R>(project: (acc: R, x: T) => R, seed?: R): ReduceOperator<T, R> {
  return new ReduceOperator(project, seed);
}
`;

let repo: TempRepo;
let questions: ListedQuestion[] = [];
beforeAll(() => {
  repo = createTempRepo({ 'package.json': '{"name":"streams","type":"module"}', 'src/operators/reduce.ts': BEFORE });
  repo.stage({ 'src/operators/reduce.ts': AFTER, 'src/operators/reduce-support.ts': OPERATOR });
  questions = JSON.parse(repo.run(['--dry-run', '--json', '--no-impact']).stdout).questions;
});
afterAll(() => repo.cleanup());

/** Distinct answers about this change for every question but the intent. */
const OTHERS: Record<string, string> = {
  'unit:src/operators/reduce.ts': '`reduce` now imports `ReduceOperator` and declares that it returns one.',
  'unit:src/operators/reduce-support.ts': 'reduce-support.ts exports `ReduceOperator`, folding the values with `project` from the `seed`.',
  verification: 'Ran reduce over [1, 2, 3] with a sum project and a seed of 0 and got 6 before and after the move.',
  'no-test': 'The operator moved unchanged; the fold of `ReduceOperator.call` is the same loop as before.',
};

function review(intent: string) {
  return reviewWithAnswers(repo, questions, (id) =>
    id === 'intent' ? intent : (OTHERS[id] ?? `\`reduce\` keeps \`project\` and \`seed\` for ${id}.`),
  );
}

describe('an explanation of code moved into a new file (rxjs 7901f7b648)', () => {
  // Refusals first: a recorded review ends the questions for this staged content.
  test('a plan with one word of the change is refused', () => {
    const { code, output } = review('Tidying up the support before the next milestone.');
    expect(code).toBe(1);
    expect(output).toMatch(/intent: .*(says little|connects to nothing|fit any change)/);
  });
  test('its own body is recorded', () => {
    const { code, output } = review(
      'Reduce can be used to implement other operators such as max and min.\nCreating a support file for reduce will allow this approach.',
    );
    expect(output).not.toMatch(/says little|connects to nothing/);
    expect(code).toBe(0);
  });
});
