import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// Tests taken out checked something: the question names them. dokploy 0be822ef5b deletes a test
// file of five `it(…)` for a lookup's old results, asked "Why do the tests in … no longer need the
// lines this change removes?", which names none of them.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const lookup = (missing: string) => `export const findItems = (names: string[], name: string) => {
  const found = names.filter((n) => n.startsWith(name));
  return found.length > 0 ? found : ${missing};
};
`;

const tests = (more: string) => `import { describe, expect, it } from 'vitest';
import { findItems } from '../src/lookup.js';

describe('item lookup', () => {
  it('returns the items that start with the name', () => {
    expect(findItems(['apple', 'avocado'], 'a')).toEqual(['apple', 'avocado']);
  });
${more}});
`;

const lost = `
  it('returns undefined when nothing matches', () => {
    expect(findItems(['apple'], 'z')).toBeUndefined();
  });

  it('returns undefined for an empty list', () => {
    expect(findItems([], 'a')).toBeUndefined();
  });
`;

test('a deleted test file is asked about by the tests it held', () => {
  repo = createTempRepo({ 'src/lookup.ts': lookup('undefined'), 'tests/lookup.test.ts': tests(lost), 'README.md': '# items\n' });
  repo.git(['rm', '-q', 'tests/lookup.test.ts']);
  repo.stage({ 'src/lookup.ts': lookup('[]') });
  const message = messageOf(listQuestions(repo), 'unit:tests/lookup.test.ts');
  expect(message).toContain(
    'deletes tests/lookup.test.ts, with the tests `returns the items that start with the name`, `returns undefined when nothing matches` and 1 more',
  );
});

test('tests removed from a file are named, the ones it keeps are not', () => {
  const limit = (n: number) => `export const limit = () => ${n};\nexport const twice = () => limit() * 2;\n`;
  repo = createTempRepo({ 'src/lookup.ts': lookup('undefined'), 'tests/lookup.test.ts': tests(lost), 'src/limit.ts': limit(10) });
  repo.stage({ 'tests/lookup.test.ts': tests(''), 'src/limit.ts': limit(20) });
  const message = messageOf(listQuestions(repo), 'unit:tests/lookup.test.ts');
  expect(message).toContain(
    'removes from tests/lookup.test.ts the tests `returns undefined when nothing matches`, `returns undefined for an empty list`:',
  );
  expect(message).not.toContain('start with the name');
});

test('an edited test is asked about by the assertion it adds', () => {
  const limit = (n: number) => `export const limit = () => ${n};\nexport const twice = () => limit() * 2;\n`;
  const body = (more: string) => `import { expect, test } from 'vitest';
import { findItems } from '../src/lookup.js';

const names = ['apple', 'avocado'];

test('lookup', () => {
  const found = findItems(names, 'a');
  expect(found).toHaveLength(2);
${more}});
`;
  repo = createTempRepo({ 'src/lookup.ts': lookup('undefined'), 'tests/lookup.test.ts': body(''), 'src/limit.ts': limit(10) });
  repo.stage({
    'tests/lookup.test.ts': body("  expect(findItems(names, 'z')).toBeUndefined();\n  expect(\n    found,\n  ).toEqual(names);\n"),
    'src/limit.ts': limit(20),
  });
  const message = messageOf(listQuestions(repo), 'unit:tests/lookup.test.ts');
  expect(message).toContain(
    "What does `expect(findItems(names, 'z')).toBeUndefined()`, new in the tests of tests/lookup.test.ts (in `lookup`), check",
  );
});
