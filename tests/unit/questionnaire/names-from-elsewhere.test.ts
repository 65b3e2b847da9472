import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { findCodeNames } from '../../../src/core/questionnaire/detect-code-names.js';
import { validateAnswer, type AnswerRules } from '../../../src/core/questionnaire/validate-answer.js';
import { readPlatformNames } from '../../../src/adapters/typescript/read-platform-names.js';
import { intentRulesFor } from '../../helpers/intent-rules.js';

// Issue 19, session 39: real explanations refused as naming something "not in this repository"
// that stands for names the repository has, or that the platform it is written for has: a wildcard
// name standing for a family of names (`toXXX`), a TypeScript compiler option; and one refused as
// saying little though it names the version its change edits (`v0.8.x`). Bodies and patches are the
// real commits' (tests/fixtures/answers/names).

const FIXTURES = join(process.cwd(), 'tests/fixtures/answers');
const patchOf = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const pathsOf = (patch: string) => [...new Set([...patch.matchAll(/^diff --git a\/(\S+) b\/(\S+)$/gm)].flatMap((m) => [m[1]!, m[2]!]))];

/** Rules for the intent question of a real commit, its names looked up as lookup-name-sync.ts does:
 * identifiers among the platform's names and `names`, paths among `tracked`. */
function rulesFor(fixture: string, tracked: readonly string[], names: readonly string[] = []): AnswerRules {
  const patch = patchOf(fixture);
  const known = new Set(names.map((name) => name.toLowerCase()));
  return {
    ...intentRulesFor(patch, pathsOf(patch)),
    nameExists: (name, kind) => {
      const lower = name.toLowerCase();
      return kind === 'path'
        ? tracked.some((p) => p.toLowerCase() === lower || p.toLowerCase().endsWith(`/${lower}`))
        : readPlatformNames().has(lower) || known.has(lower);
    },
  };
}

describe('a wildcard piece makes a family of names, not a name', () => {
  test('`toXXX()` of immutable-js def9a096d2, `Immutable.Iterable.isXXX`, `useXxx`', () => {
    const body =
      'This makes the Seq constructors (and by proxy, the Collection constructors) stricter.\n\nThe toXXX() methods have preserved their behavior.';
    expect(findCodeNames(body)).toEqual([]);
    expect(findCodeNames('Deprecates `Immutable.Iterable.isXXX` and moves all methods to `Immutable.isXXX`, like `useXxx` hooks')).toEqual(
      [],
    );
    // A real name ending in one capital X is a name (`offsetX`, `getPixelForX`).
    expect(findCodeNames('reads `getPixelForX` and offsetX').map((n) => n.text)).toEqual(['getPixelForX', 'offsetX']);
  });
});

describe('a path with a placeholder makes a family of paths, not a path (session 50)', () => {
  test("lerna 054392b879's `$PKGDIR/scripts/{pre,post}publish.js`, `%APPDATA%/x/config.json`, `<package>/src/index.ts`", () => {
    const body =
      'BREAKING CHANGE: External `$PKGDIR/scripts/{pre,post}publish.js` lifecycles are now opt-in instead of automatic. Pass `--require-scripts` explicitly to restore previous functionality.';
    expect(findCodeNames(body)).toEqual([]);
    expect(findCodeNames('reads `%APPDATA%/lerna/config.json` and `<package>/src/index.ts`')).toEqual([]);
    expect(findCodeNames('reads `scripts/{pre,post}publish.js`')).toEqual([]);
  });
  test('a real path is still a path, a Remix route with `$` in its file name too', () => {
    expect(findCodeNames('reads `scripts/prepublish.js` and `app/routes/$postId.tsx`').map((n) => n.text)).toEqual([
      'scripts/prepublish.js',
      'app/routes/$postId.tsx',
    ]);
  });
});

describe("a compiler option of TypeScript (chartjs 228a485603: the tsconfig's `exactOptionalPropertyTypes`)", () => {
  const body =
    'When exactOptionalPropertyTypes, TypeScript distinguishes between the\nvalue undefined and the property not existing. See:\n\n' +
    'https://www.typescriptlang.org/tsconfig/#exactOptionalPropertyTypes\n\nFor Chart.js options, this difference is not important and either\n' +
    'passing undefined or not including it have the same effect.';

  test('is a name of the platform, though the repository does not set it', () => {
    expect(readPlatformNames().has('exactoptionalpropertytypes')).toBe(true);
    expect(validateAnswer(body, rulesFor('names/chartjs-228a485603.diff', []))).toBeNull();
  });
  test('an option TypeScript does not have is refused', () => {
    expect(
      validateAnswer(
        body.replace(/exactOptionalPropertyTypes/g, 'exactOptionalPropertyChecks'),
        rulesFor('names/chartjs-228a485603.diff', []),
      ),
    ).toMatch(/`exactOptionalPropertyChecks` is not in this repository/);
  });
});

describe('a version series as prose writes it (immutable-js feaf0fcb71: `"node": ">=0.8.0"` -> `">=0.10.0"`)', () => {
  const body =
    "Installing all dependencies doesn't even work correctly on v0.8, and the release is no longer the minumum maintained version.\n\n" +
    'If you need to use node v0.8.x, grab a bundled copy of `immutable.js` and include it directly.';

  test('`v0.8` and `v0.8.x` name the change’s `0.8.0`', () => {
    expect(validateAnswer(body, rulesFor('names/immutable-feaf0fcb71.diff', []))).toBeNull();
  });
  test('a series the change does not hold connects nothing', () => {
    expect(validateAnswer(body.replace(/v0\.8/g, 'v0.6'), rulesFor('names/immutable-feaf0fcb71.diff', []))).toMatch(/says little/);
    // A major version alone is no series: `v0` of any change.
    expect(validateAnswer(body.replace(/v0\.8(\.x)?/g, 'v0'), rulesFor('names/immutable-feaf0fcb71.diff', []))).toMatch(/says little/);
  });
});
