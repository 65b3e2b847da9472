import { afterEach, expect, test } from '@jest/globals';
import { impactOf, symbol } from '../helpers/impact-json.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// An export that became another kind of thing says what it was in the JSON (`previousKind`): ts-node
// 6b1fd40d turned `const REPL_FILENAME = '<repl>.ts'` into a function of the TypeScript version.
// The questionnaire reads it from there, not back from the shape text.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

test('a const that became a function is reported with its previous kind; a reshaped function has none', () => {
  repo = createTempRepo({
    'src/repl.ts': "export const REPL_FILENAME = '<repl>.ts';\nexport function yn(value: string) {\n  return value === 'y';\n}\n",
    'src/bin.ts': "import { REPL_FILENAME, yn } from './repl';\n\nexport const name = [REPL_FILENAME, yn('y')];\n",
  });
  repo.stage({
    'src/repl.ts':
      "export function REPL_FILENAME(tsVersion: string) {\n  return tsVersion >= '4.7' ? '<repl>.cts' : '<repl>.ts';\n}\nexport function yn(value: string, strict = false) {\n  return strict ? value === 'yes' : value === 'y';\n}\n",
  });
  const impact = impactOf(repo);
  expect(symbol(impact, 'REPL_FILENAME')).toMatchObject({ change: 'shape-changed', previousKind: 'variable' });
  expect(symbol(impact, 'yn').previousKind).toBeUndefined();
});
