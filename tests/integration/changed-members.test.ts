import { afterEach, describe, expect, test } from '@jest/globals';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { runUnchanged } from '../helpers/review-run.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// The questions name the pieces of an export that the change touches, where they said only
// "changed its implementation" (issue 19's fourth round, on commits of got, msw and xstate;
// tests/fixtures/impact/changed-members holds their source as written, cut to what changed).

let repo: TempRepo;
afterEach(() => repo?.cleanup());

interface Listed {
  id: string;
  message: string;
  choices?: string[];
  quiz?: boolean;
}
const AI = { SELFREVIEW_AI: '1' };
const listQuestions = (r: TempRepo) =>
  (JSON.parse(runUnchanged(r, ['--dry-run', '--json'], { env: AI }).stdout) as { questions: Listed[] }).questions;
const message = (questions: readonly Listed[], id: string) => {
  const found = questions.find((q) => q.id === id);
  if (found === undefined) throw new Error(`no ${id} in ${questions.map((q) => q.id).join(', ')}`);
  return found.message;
};

describe('the pieces of a changed export, by name', () => {
  test("a class's members (got 74e3167b70), a function's locals and returned methods (msw ccb40e08e3), a helper's method (xstate 345e04ce66)", () => {
    repo = createScenarioRepo('impact', 'changed-members');
    const questions = listQuestions(repo);
    // got: the abort listener moved from the constructor to a new method that flush calls.
    expect(message(questions, 'impact:src/request.ts#Request')).toContain(
      '`Request` (default export) in src/request.ts changed its implementation (`_abortListenerDisposer`, `constructor` and `flush` changed, `_attachAbortListener` added)',
    );
    // msw: the returned object's methods, the local added and the one removed.
    expect(message(questions, 'impact:src/define-network.ts#defineNetwork')).toContain(
      'changed its implementation (`configure`, `enable` and `disable` changed, `disposable` added, `listenersController` removed)',
    );
    expect(message(questions, 'impact:src/Disposable.ts#Disposable')).toContain('changed its implementation (`dispose` changed)');
    // xstate: `createActor` changed through the one method of `Actor` that changed.
    expect(message(questions, 'impact:src/createActor.ts#createActor')).toContain('(implementation changed through `Actor._send`)');
    expect(message(questions, 'unit:src/createActor.ts')).toContain('`createActor` changed its implementation through `Actor._send`');
    const units = questions.filter((q) => q.id.startsWith('unit:')).map((q) => q.message);
    expect(units.some((m) => m.includes('`_attachAbortListener` added'))).toBe(true);
    // A name printed as added or removed tells which side its lines are on: the quiz offers none.
    const offered = questions.filter((q) => q.quiz === true).flatMap((q) => q.choices ?? []);
    expect(offered.length).toBeGreaterThan(0);
    for (const name of ['_attachAbortListener', 'disposable', 'listenersController'])
      expect(offered.filter((c) => new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(c))).toEqual([]);
  });
});
