import { describe, expect, test } from '@jest/globals';
import { listPrivateChanges, privateChangeQuestion } from '../../../src/core/questionnaire/private-changes.js';
import type { Hunk } from '../../../src/core/split/split-plan.js';
import { listNamesOfOneSide } from '../../../src/core/questionnaire/printed-names.js';

// A change no export shows is asked about by the top-level statement it sits in (git's hunk
// heading) and the private functions it adds or removes, not "What does the change to x do?"
// (preact signals bb9cd0a and 6b0a76c, a repository never used before).

const hunk = (heading: string, removed: string[], added: string[]): Hunk => ({
  oldStart: 1,
  oldLines: removed.length,
  newStart: 1,
  newLines: added.length,
  heading,
  removed,
  added,
});
const question = (hunks: Hunk[]) =>
  privateChangeQuestion('src/index.ts', '', listPrivateChanges(new Map([['src/index.ts', hunks]])).get('src/index.ts'));

describe('a change to code no export shows', () => {
  test('names the call its hunks sit in, its callback cut, and the private function it adds (signals bb9cd0a)', () => {
    const hunks = [
      hunk(
        'hook(OptionsTypes.RENDER, (old, vnode) => {',
        ['\t\t\t\t\t() => {', '\t\t\t\t\t\tcomponent.setState({});', '\t\t\t\t\t},'],
        ['\t\t\t\t\tcreateComponentUpdateCallback(component),'],
      ),
      hunk(
        '});',
        [],
        ['function createComponentUpdateCallback(component: AugmentedComponent) {', '\treturn function (this: Effect) {', '\t};', '}'],
      ),
    ];
    expect(question(hunks)).toBe(
      'In src/index.ts, what does the change to `hook(OptionsTypes.RENDER, …)` do differently now, with the new `createComponentUpdateCallback`?',
    );
  });

  test('a declaration heading is quoted without its brace; comments, imports and braces name nothing', () => {
    expect(question([hunk('const cache = new Map<string, Entry>(); {', ['a'], ['b'])])).toBe(
      'In src/index.ts, what does the change to `const cache = new Map<string, Entry>();` do differently now?',
    );
    // A callback as the first argument is cut too (hoppscotch 40d65dba4).
    expect(question([hunk('executedResponses$.subscribe((res) => {', ['  a'], ['  b'])])).toBe(
      'In src/index.ts, what does the change to `executedResponses$.subscribe(…)` do differently now?',
    );
    expect(question([hunk('/** Finish current updater if a component errors */', ['a'], ['b'])])).toBeNull();
    expect(question([hunk("import { x } from './x';", ['a'], ['b'])])).toBeNull();
    expect(question([hunk('', ['a'], ['b'])])).toBeNull();
  });

  test('a function on both sides was edited, not added; one removed or added alone is said so', () => {
    expect(question([hunk('', ['function keep() {'], ['function keep(x = 1) {'])])).toBeNull();
    expect(question([hunk('', ['const old = () => 1;'], [])])).toBe(
      'In src/index.ts, the change removes `old`: what did it do, and what does that now?',
    );
    expect(question([hunk('', [], ['export const shown = 1;', 'const helper = async (a: number) => a;', 'class Queue {'])])).toBe(
      'In src/index.ts, the change adds `helper` and `Queue`, which no other file imports: what do they do, and what runs them?',
    );
  });

  test("lines added alone that start a statement at the margin are not in git's heading; a stylesheet's new rule is named (hoppscotch 7be31a298)", () => {
    const styles = [
      '',
      '/*',
      ' * Standardizes interactive tooltip behavior by extending the hover area.',
      ' */',
      '.hopp-tooltip-interactive-wrapper {',
      '  @apply relative;',
      '',
      '  &::before {',
      '    content: "";',
      '    @apply absolute;',
      '  }',
      '}',
    ];
    const scss = (hunks: Hunk[]) =>
      privateChangeQuestion(
        'assets/styles.scss',
        '',
        listPrivateChanges(new Map([['assets/styles.scss', hunks]])).get('assets/styles.scss'),
      );
    expect(scss([hunk('details[open] summary .indicator {', [], styles)])).toBe(
      'In assets/styles.scss, the change adds the rule `.hopp-tooltip-interactive-wrapper`: what does it change on screen, and which markup uses it?',
    );
    // Inside the heading's block (indented), the heading is still the site.
    expect(scss([hunk('details[open] summary .indicator {', [], ['  @apply opacity-50;'])])).toBe(
      'In assets/styles.scss, what does the change to `details[open] summary .indicator` do differently now?',
    );
    // A private function added after another one is not a change to that one.
    expect(
      question([hunk('function parseHeader(line: string) {', [], ['', 'function parseTrailer(line: string) {', '  return line;', '}'])]),
    ).toBe('In src/index.ts, the change adds `parseTrailer`, which no other file imports: what does it do, and what runs it?');
  });

  test('more than two sites is a rewrite: the sites are not listed', () => {
    const sites = ['a(1, () => {', 'b(2, () => {', 'c(3, () => {'].map((h) => hunk(h, ['x'], ['y']));
    expect(question(sites)).toBeNull();
  });

  test('a top-level statement removed whole names the calls it made (motion 6acedcc93 drops the `try` that loaded `@emotion/is-prop-valid`)', () => {
    const removed = [
      '/**',
      " * By making it an optionalDependency we can offer this functionality only in the situations where it's",
      ' * actually required.',
      ' */',
      'try {',
      '    /**',
      "     * We attempt to import this package but require won't be defined in esm environments, in that case",
      '     */',
      '    const emotionPkg = "@emotion/is-prop-" + "valid"',
      '    loadExternalIsValidProp(require(emotionPkg).default)',
      '} catch {',
      "    // We don't need to actually do anything here - the fallback is the existing `isPropValid`.",
      '}',
      '',
    ];
    const asked = question([hunk('export function loadExternalIsValidProp(isValidProp?: IsValidProp) {', removed, [])]);
    expect(asked).toBe(
      'In src/index.ts, the change removes calls of `loadExternalIsValidProp` and `require`: what did they do, and what does that now?',
    );
    // Named as removed, their lines are on one side: the quiz offers none of them.
    expect(listNamesOfOneSide(asked!)).toEqual(['loadExternalIsValidProp', 'require']);
    // A call on both sides is kept, not added; one in a comment or a string is no call.
    expect(question([hunk('', ['  run(a)', '  // stop(now)'], ['  run(b)', "  log('go(x)')"])])).toBe(
      'In src/index.ts, the change adds a call of `log`: what does it do there, and when?',
    );
  });
});

// consola c5c1534: examples/box.ts gains a banner in `function main()`, asked only "what does the
// change to `function main()` do differently now?": the call it adds says what (the ones inside
// the template string are text).
test('a site with no declaration gained or lost names the calls its lines add (consola c5c1534)', () => {
  const hunks = [
    hunk(
      'async function main() {',
      [],
      [
        '  consola.box(',
        '    `${colors.red("I")} ${colors.yellowBright("am")} ${colors.yellow("the")} ${colors.green("rainbow")} ${colors.blue("banner")}`,',
        '  );',
      ],
    ),
  ];
  const asked = question(hunks);
  expect(asked).toBe('In src/index.ts, what does the change to `async function main()` do differently now (it adds a call of `box`)?');
  // The call is on the added lines only: the quiz offers no line holding it.
  expect(listNamesOfOneSide(asked!)).toContain('box');
});

// pnpm 40221bc9b9: a Rust `fn`'s edit read as "adds calls of `let`, `as_deref` and 8 more": the call
// reader is JavaScript's, and ten calls are a rewrite.
test('calls are named at a site of a JS or TS file only, and three at most on a side', () => {
  const rust = [hunk('pub fn host_platform_selector() -> PlatformSelector {', [], ['    let (os, cpu) = host();'])];
  expect(privateChangeQuestion('src/lib.rs', '', listPrivateChanges(new Map([['src/lib.rs', rust]])).get('src/lib.rs'))).toBe(
    'In src/lib.rs, what does the change to `pub fn host_platform_selector() -> PlatformSelector` do differently now?',
  );
  expect(question([hunk('function main() {', [], ['  a(); b(); c(); d();'])])).toBe(
    'In src/index.ts, what does the change to `function main()` do differently now?',
  );
});

// amplication 6703b122c adds a Prisma migration creating `ResourceRelationCache` with two foreign
// keys, and was asked "the change adds a call of `KEY`" (its `FOREIGN KEY ("parentResourceId")`).
test('a SQL file is asked about the tables and columns its statements create, alter or drop, never a call', () => {
  const sql = (added: string[]) => {
    const path = 'prisma/migrations/20250311123220_migration/migration.sql';
    return privateChangeQuestion(path, '', listPrivateChanges(new Map([[path, [hunk('', [], added)]]])).get(path));
  };
  const created = sql([
    '-- CreateTable',
    'CREATE TABLE "ResourceRelationCache" (',
    '    "id" TEXT NOT NULL,',
    '    CONSTRAINT "ResourceRelationCache_pkey" PRIMARY KEY ("id")',
    ');',
    '-- AddForeignKey',
    'ALTER TABLE "ResourceRelationCache" ADD CONSTRAINT "ResourceRelationCache_parentResourceId_fkey" FOREIGN KEY ("parentResourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;',
  ]);
  expect(created).toMatch(
    /^In prisma\/migrations\/\S+\/migration\.sql, the change creates table `ResourceRelationCache`: what reads or writes it/,
  );
  expect(created).not.toMatch(/KEY|call/);
  expect(
    sql(['ALTER TABLE "Resource" ADD COLUMN "limitSelectionToProject" BOOLEAN NOT NULL DEFAULT false;', 'DROP INDEX "Resource_name_key";']),
  ).toMatch(/the change adds column `Resource\.limitSelectionToProject` and drops index `Resource_name_key`: what reads or writes them/);
  // A statement it cannot read is asked about by nothing it would make up.
  expect(sql(['UPDATE "Resource" SET "name" = lower("name");'])).toBeNull();
});

// openai-node af8f14f5a1 edits the `(() => { … })()` of scripts/test-packed-package.ts; git's heading
// is the last line its rule matched above it, a finished statement the change never touched.
test('a heading that is a statement ended on its own line names no site', () => {
  const hunks = [
    hunk(
      "const packedPackagePath = require('node:path');",
      [],
      ["  const authExportNames = ['k8sServiceAccountTokenProvider', 'OAuthError'];"],
    ),
    hunk("const packedPackagePath = require('node:path');", [], ['        "const auth = require(\'openai/auth\');",']),
  ];
  expect(
    listPrivateChanges(new Map([['scripts/test-packed-package.ts', hunks]])).get('scripts/test-packed-package.ts')?.sites ?? [],
  ).toEqual([]);
  expect(question(hunks) ?? '').not.toContain('packedPackagePath');
});

// shiki 9e0e89c80f drops one rule from packages/vitepress-twoslash/src/style.css.
test("a stylesheet's removed rule is named", () => {
  const css = [hunk('', ['.v-popper--theme-twoslash.v-popper__popper {', '  content-visibility: auto;', '}', ''], [])];
  expect(privateChangeQuestion('src/style.css', '', listPrivateChanges(new Map([['src/style.css', css]])).get('src/style.css'))).toBe(
    'In src/style.css, the change removes the rule `.v-popper--theme-twoslash.v-popper__popper`: what did it do on screen, and what shows differently without it?',
  );
});

// amplication 6703b122c: schema.prisma gains two relation fields in `model Resource` and a new
// model, and was asked only "what does the change to `model Resource` do differently now?".
test('a Prisma schema is asked about the models and fields it adds or removes', () => {
  const hunks = [
    hunk('model Resource {', [], ['  parentResourceRelations ResourceRelationCache[] @relation("ParentResource")', '']),
    hunk(
      'model Resource {',
      [],
      ['model ResourceRelationCache {', '  id               String   @id @default(cuid())', '  relationKey      String', '}'],
    ),
    hunk('model Project {', ['  legacyName String?'], []),
  ];
  const change = listPrivateChanges(new Map([['prisma/schema.prisma', hunks]])).get('prisma/schema.prisma');
  expect(privateChangeQuestion('prisma/schema.prisma', '', change)).toBe(
    'In prisma/schema.prisma, the change adds field `Resource.parentResourceRelations`, adds model `ResourceRelationCache` and removes field `Project.legacyName`: what reads or writes them, and what does running it do to the data already there?',
  );
});

test("a call moved into a template literal's `${…}` is still made: no call is said removed", () => {
  // The names-index terminal test's change: `formatPrice` returns `${(cents / 100).toFixed(2)} ${currency}`
  // where it returned `(cents / 100).toFixed(2)`, and was asked "the change removes a call of `toFixed`".
  const moved = [hunk('', ['  return (cents / 100).toFixed(2);'], ['  return `${(cents / 100).toFixed(2)} ${currency}`;'])];
  expect(question(moved)).toBeNull();
  // A call that only a template literal's text names is none: `` `call format(x)` `` calls nothing.
  const text = [hunk('', ['  log(format(x));'], ['  log(`call format(x)`);'])];
  expect(question(text)).toBe('In src/index.ts, the change removes a call of `format`: what did it do, and what does that now?');
});
