import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// arktype 11e2e49 ("fix private alias precompilation"): `BaseScope`'s overloaded `export` method
// now passes `this` to a private helper changed in another hunk, and both questions said only
// "`BaseScope` changed its implementation (`export` changed)": a class member had no text to
// show its edit by, and an overloaded method's first overload (unchanged) stood for all of it.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const scope = (
  isNew: boolean,
) => `const bind = (references: readonly string[], compiled: string${isNew ? ', owner?: Scope' : ''}): void => {
  for (const node of references) {
    if (node.length > 0${isNew ? ' && owner === undefined' : ''}) continue;
    console.log(node, compiled);
  }
};

export class Scope {
  references: string[] = [];
  resolved = false;

  export(): string[];
  export(...names: string[]): string[];
  export(...names: string[]): string[] {
    if (!this.resolved) {
      const compiled = this.references.join(',');
      const first = compiled.length;
      const second = first * 2;
      const third = second + first;
      const fourth = third - 1;
      bind(this.references, compiled${isNew ? ', this' : ''});
      this.resolved = fourth > 0;
    }
    return names;
  }
}
`;

test("a class member named alone is told by its own edit, its overloads' texts together", () => {
  repo = createTempRepo({
    'src/scope.ts': scope(false),
    'src/use.ts': "import { Scope } from './scope';\n\nexport const names = new Scope().export('a');\n",
  });
  repo.stage({ 'src/scope.ts': scope(true) });
  const questions = listQuestions(repo);
  expect(messageOf(questions, 'impact:src/scope.ts#Scope')).toMatch(
    /^`Scope` in src\/scope\.ts changed its implementation \(`export`: `compiled` → `compiled, this`\); 1 file uses it/,
  );
});
