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
    // And the private helper it calls, changed in the other hunk (growthbook's `RevisionModel`: also-through-helper.test.ts).
    /^`Scope` in src\/scope\.ts changed its implementation \(`export`: `compiled` → `compiled, this`\) and through `bind` \(the branch `if \(node\.length > 0\)` now `if \(node\.length > 0 && owner === undefined\)`\); 1 file uses it/,
  );
});

// hoppscotch e4332110d: `createMockServer` passes `isPublic` to the create call after `delayInMs`; the
// member's edit read "`input.delayInMs` → `input.delayInMs, isPublic: input.isPublic ?? false`".
test('a key appended to an object is said added, without the value kept before it', () => {
  const service = (isNew: boolean) =>
    `export class MockServerService {\n  create(input: { delayInMs: number; isPublic?: boolean }) {\n    return this.save({\n      name: 'mock',\n      delayInMs: input.delayInMs,\n${isNew ? '      isPublic: input.isPublic ?? false,\n' : ''}    });\n  }\n\n  save(data: object) {\n    return data;\n  }\n}\n`;
  repo = createTempRepo({
    'src/service.ts': service(false),
    'src/module.ts': "import { MockServerService } from './service';\n\nexport const service = new MockServerService();\n",
  });
  repo.stage({ 'src/service.ts': service(true) });
  expect(messageOf(listQuestions(repo), 'impact:src/service.ts#MockServerService')).toMatch(
    /changed its implementation \(`create`: `isPublic: input\.isPublic \?\? false` added\)/,
  );
});

// QwikDev/qwik 240c3d5 inlines the helper `mergeRelatedSegments` into the group list of the local
// `codeSplitting`, and 70383e9 moves `includeDependenciesRecursively: false` from its top into each
// group: both asked "(`codeSplitting` changed)", the edit too long to quote.
const plugin = (step: 'helper' | 'inlined' | 'moved') => {
  const body = [
    '      const info = ctx.get(id);',
    '      if (info === undefined) return null;',
    '      const name = info.entry ?? info.hash;',
    '      return name.replace(/\\W/g, "-");',
  ];
  const helper = ['  const mergeRelated = (id: string, ctx: Context) => {', ...body.map((l) => l.slice(2)), '  };'];
  const flag = (indent: string) => (step === 'moved' ? [`${indent}includeDependenciesRecursively: false,`] : []);
  return [
    'type Context = { get(id: string): { entry?: string; hash: string } | undefined };',
    '',
    'export function createPlugin(strict: boolean) {',
    ...(step === 'helper' ? helper : []),
    '  const codeSplitting = () => ({',
    ...(step === 'moved' ? [] : ['    includeDependenciesRecursively: false,']),
    '    groups: [',
    "      { name: 'core', test: /core/ },",
    '      {',
    "        name: 'preloader',",
    ...flag('        '),
    '        test: /preloader/,',
    '      },',
    '      {',
    ...flag('        '),
    ...(step === 'helper'
      ? ['        name: mergeRelated,']
      : ['        name: (id: string, ctx: Context) => {', ...body.map((l) => `    ${l}`), '        },']),
    '      },',
    '    ],',
    '  });',
    '  return { strict, codeSplitting };',
    '}',
    '',
  ].join('\n');
};

test('a helper inlined into a local, and a line copied into more places, are told as moves', () => {
  const use = "import { createPlugin } from './plugin';\n\nexport const plugin = createPlugin(true);\n";
  repo = createTempRepo({ 'src/plugin.ts': plugin('helper'), 'src/use.ts': use });
  repo.stage({ 'src/plugin.ts': plugin('inlined') });
  expect(messageOf(listQuestions(repo), 'impact:src/plugin.ts#createPlugin')).toMatch(
    /^`createPlugin` in src\/plugin\.ts changed its implementation \(`mergeRelated` inlined into `codeSplitting`\); 1 file uses it/,
  );
  repo.cleanup();
  repo = createTempRepo({ 'src/plugin.ts': plugin('inlined'), 'src/use.ts': use });
  repo.stage({ 'src/plugin.ts': plugin('moved') });
  expect(messageOf(listQuestions(repo), 'impact:src/plugin.ts#createPlugin')).toMatch(
    /^`createPlugin` in src\/plugin\.ts changed its implementation \(`codeSplitting`: `includeDependenciesRecursively: false` now in 2 places, was 1\); 1 file uses it/,
  );
});

// webiny 9ce5e75fc5 adds an entry `{ pattern: /robots\.txt/, value: "no-cache, …" }` to the cache
// rules of `uploadAppToS3`'s hook, beside one for index.html with the same value, and a CloudFront
// cache behaviour `{ pathPattern: "/robots.txt", … }` to another list: asked "(`hook` changed)".
const upload = (robots: boolean) =>
  [
    'export const uploadAppToS3 = ({ folder }: { folder: string }) => ({',
    '  name: "upload",',
    '  async hook(params: { upload(rules: unknown[]): Promise<void> }) {',
    '    await params.upload([',
    '      {',
    '        pattern: /index\\.html/,',
    '        value: "no-cache, no-store, must-revalidate"',
    '      },',
    ...(robots ? ['      {', '        pattern: /robots\\.txt/,', '        value: "no-cache, no-store, must-revalidate"', '      },'] : []),
    '      {',
    '        pattern: /.*/,',
    '        value: "max-age=31536000"',
    '      }',
    '    ]);',
    '    return folder;',
    '  }',
    '});',
    '',
  ].join('\n');

test('an entry added to a list is told by the literal no sibling has', () => {
  const use = "import { uploadAppToS3 } from './upload';\n\nexport const plugin = uploadAppToS3({ folder: 'build' });\n";
  repo = createTempRepo({ 'src/upload.ts': upload(false), 'src/use.ts': use });
  repo.stage({ 'src/upload.ts': upload(true) });
  expect(messageOf(listQuestions(repo), 'impact:src/upload.ts#uploadAppToS3')).toMatch(
    /^`uploadAppToS3` in src\/upload\.ts changed its implementation \(`hook`: an entry with `pattern: \/robots\\\.txt\/` added\); 1 file uses it/,
  );
});
