import { isFixturePath, isTestFileName } from '../change/test-path.js';
import { titlesOf } from './added-test-names.js';
import type { ChangeUnit } from './change-units.js';
import { editShape } from './same-edit.js';

// The question of a unit made of tests only: what the tests it adds catch, what the tests it edits
// check, or why the tests no longer need what it takes out.

type TestNames = ReadonlyMap<string, readonly string[]>;

/** "The tests in x.test.ts add `keeps buffered chunks` and 2 more: what do they catch …?" */
export function testsQuestion(
  unit: ChangeUnit,
  rest: string,
  testNames: ReadonlyMap<string, readonly string[]>,
  edited: TestNames,
  edits: ReadonlyMap<string, string> = new Map(),
  /** Test files outside the piece that import its changed exports, with the name each reads. */
  readers: readonly (readonly [string, string])[] = [],
): string {
  const names = unit.files.flatMap((f) => testNames.get(f.path) ?? []);
  if (names.length === 0 && unit.files.every((f) => isFixturePath(f.path)))
    return `Which tests read ${unit.label}${rest}, and what case does the change to it give them?`;
  // A new non-test file of a test folder: a helper the tests run (interceptors' fetch-memory-worker.js).
  if (names.length === 0 && unit.files.every((f) => f.status === 'added' && !isTestFileName(f.path))) {
    const reader = unit.files.length === 1 ? findNamingTest(unit.files[0]!.path, testNames, edits) : undefined;
    if (reader === undefined) return `What does ${unit.label}${rest}, new here, do for the tests that use it?`;
    const test = reader.titles.length === 1 ? `the test \`${reader.titles[0]}\` in ${reader.path}` : `the tests in ${reader.path}`;
    return `What does ${unit.label}${rest}, new here, do for ${test}, which names \`${reader.named}\`?`;
  }
  const dropped = droppedTitles(unit, edits);
  if (names.length === 0 && dropped.length > 0) {
    // Tests taken out are named: they checked something, and the reviewer asks what checks it now
    // (dokploy 0be822ef5b deletes a test file of five `it(…)` it no longer has the behaviour for).
    const gone = unit.files.every((f) => f.status === 'deleted')
      ? `deletes ${unit.label}${rest}, with`
      : `removes from ${unit.label}${rest}`;
    return `The change ${gone} ${listTitles(dropped, 'the test', 'the tests')}: what did they check, and why is it no longer needed or where is it checked now?`;
  }
  if (names.length === 0) {
    // No new test: name the tests it edits (immer's `infers curried` gains assertions).
    const inside = [...new Set(unit.files.flatMap((f) => edited.get(f.path) ?? []))];
    // A module of a test folder that holds no test, edited (webiny 2035c6fdba's `001.data.ts`, the
    // rows a migration test reads): the tests that import it, not "the changed tests" it has none of.
    // A builder of tests (instantsearch's `createReasoningTests`) edits tests: asked as one.
    if (inside.length === 0 && unit.files.every((f) => !isTestFileName(f.path)) && readers.length > 0) {
      const [path, name] = readers[0]!;
      return `What case does the change to ${unit.label}${rest} give ${path}, which reads \`${name}\`?`;
    }
    const where =
      inside.length === 0
        ? ''
        : ` (in ${inside
            .slice(0, 2)
            .map((n) => `\`${n}\``)
            .join(', ')}${inside.length > 2 ? ` and ${inside.length - 2} more` : ''})`;
    // Lines only taken out (a workaround, a wait, a skipped case): nothing new is checked.
    // Said by what they take out where that is short (instantsearch 5895688's `onClose: () =>`).
    const [was, now] = (unit.files.length === 1 && editShape(edits.get(unit.label) ?? '')?.shown) || [];
    const lines = was && now === '' ? `\`${was}\`, which this change removes` : 'the lines this change removes';
    if (unit.added === 0) return `Why do the tests in ${unit.label}${rest}${where} no longer need ${lines}?`;
    // The assertions it adds say what it checks (dokploy 49055a05b1's `expect(command).not.toContain("|| true")`).
    // A test named by its heading is where; the assertion it adds, what.
    const asserted = addedAssertions(unit, edits);
    if (asserted.length > 0) {
      const more = asserted.length > 1 ? ` (and ${asserted.length - 1} more assertion${asserted.length > 2 ? 's' : ''})` : '';
      return `What does \`${asserted[0]}\`${more}, new in the tests of ${unit.label}${rest}${where}, check that was not checked before?`;
    }
    return `What do the changed tests in ${unit.label}${rest}${where} check that was not checked before?`;
  }
  const shown = names.slice(0, 2).map((n) => `\`${n}\``);
  const more = names.length > 2 ? ` and ${names.length - 2} more` : '';
  return `The tests in ${unit.label}${rest} add ${shown.join(', ')}${more}: what do they catch that the existing tests did not?`;
}

/** `the test \`a\`` or `the tests \`a\`, \`b\` and 3 more`. */
const listTitles = (titles: readonly string[], one: string, many: string) =>
  `${titles.length === 1 ? one : many} ${titles
    .slice(0, 2)
    .map((t) => `\`${t}\``)
    .join(', ')}${titles.length > 2 ? ` and ${titles.length - 2} more` : ''}`;

/** A line that asserts: `expect(…)…`, `assert.equal(…)`, ava's `t.is(…)`. */
const ASSERTION = /^(?:await\s+)?(?:expect(?:\.\w+)*\(|assert(?:\.\w+)*\(|t\.(?:is|not|deepEqual|true|false|throws|like)\()/;
const MAX_ASSERTION = 80;

/** The assertions the unit's added lines make and its removed lines did not, short enough to quote. */
function addedAssertions(unit: ChangeUnit, edits: ReadonlyMap<string, string>): string[] {
  const lines = unit.files.flatMap((f) => (edits.get(f.path) ?? '').split('\n'));
  const removed = new Set(lines.filter((line) => line.startsWith('-')).map((line) => line.slice(1)));
  const added = lines.filter((line) => line.startsWith('+') && ASSERTION.test(line.slice(1)) && !removed.has(line.slice(1)));
  // A line that closes what it opens is the whole assertion (`expect(` alone begins a longer one).
  const count = (text: string, c: string) => text.split(c).length - 1;
  return [...new Set(added.map((line) => line.slice(1).replace(/;$/, '')))].filter(
    (a) => a.length <= MAX_ASSERTION && !a.includes('`') && count(a, '(') === count(a, ')'),
  );
}

/** The test titles the unit's removed lines open and its added lines do not open again (a test
 * renamed or moved within the file is no test taken out). */
function droppedTitles(unit: ChangeUnit, edits: ReadonlyMap<string, string>): string[] {
  const side = (mark: string) =>
    unit.files.flatMap((f) =>
      (edits.get(f.path) ?? '')
        .split('\n')
        .filter((line) => line.startsWith(mark))
        .map((line) => line.slice(1)),
    );
  const kept = new Set(titlesOf(side('+')));
  return titlesOf(side('-')).filter((title) => !kept.has(title));
}

/** Folders that say nothing of a file: its path's end names it without them. */
const BARE = new Set(['index', 'src', 'routes', 'app', 'pages', 'lib']);

/** The test file of the change whose added lines name a new file by its path's end (`head-error/crash`
 * for routes/head-error/crash/index.tsx), with the titles it adds: an e2e route is visited by its
 * path, imported by nobody (QwikDev/qwik f69564d's two routes were asked "new here, do for the tests
 * that use it?", the test that visits them beside them). The longest end named wins. */
function findNamingTest(
  path: string,
  testNames: ReadonlyMap<string, readonly string[]>,
  edits: ReadonlyMap<string, string>,
): { path: string; titles: readonly string[]; named: string } | undefined {
  const segments = path.replace(/\.[^./]*$/, '').split('/');
  if (segments.at(-1) === 'index') segments.pop();
  const ends = segments.map((_, at) => segments.slice(at).join('/')).filter((end) => !BARE.has(end.split('/')[0]!) && end.length >= 4);
  for (const end of ends) {
    const piece = new RegExp(`(?:^|[/'"\`])${end.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/'"\`.]|$)`, 'm');
    for (const [file, titles] of testNames) {
      const added = (edits.get(file) ?? '').split('\n').filter((line) => line.startsWith('+'));
      if (file !== path && titles.length > 0 && added.some((line) => piece.test(line))) return { path: file, titles, named: end };
    }
  }
  return undefined;
}
