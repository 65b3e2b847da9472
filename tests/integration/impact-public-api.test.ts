import { afterEach, describe, expect, test } from '@jest/globals';
import { impactOf, symbol } from '../helpers/impact-json.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// webiny 7496c89076 changes `LexicalEditorConfig`, which no file of the repository uses: the
// package's entry re-exports it (`export { LexicalEditorConfig } from "~/admin/…"`), and
// package.json's `main` points at that entry's build. The review said nothing of risk and asked
// nothing. A changed export that a publishable package's entry passes on has users outside the
// repository: the report, the risk and the impact question say so.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const CONFIG = (body: string) => `export const EditorConfig = (children: string): string => ${body};\n`;
const OPTIONS = (members: string) => `export interface EditorOptions {\n  theme: string;${members}\n}\n`;
const HELPER = (body: string) => `export function internalHelper(): number {\n  return ${body};\n}\n`;
const APP = (body: string) => `export const appThing = (): string => ${body};\n`;

function createWorkspace(): TempRepo {
  return createTempRepo({
    'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }),
    // Published: `main` and `types` point at the build, `exports` has a subpath of its own.
    'packages/editor/package.json': JSON.stringify({
      name: '@acme/editor',
      main: 'dist/index.js',
      types: 'dist/index.d.ts',
      exports: { '.': './dist/index.js', './options': './dist/options/index.js', './package.json': './package.json' },
    }),
    'packages/editor/src/index.ts': "export { EditorConfig } from './config/editor-config';\n",
    'packages/editor/src/config/editor-config.ts': CONFIG('children'),
    'packages/editor/src/options/index.ts': "export * from './editor-options';\n",
    'packages/editor/src/options/editor-options.ts': OPTIONS(''),
    // Exported from its file, reached from no entry.
    'packages/editor/src/internal/helper.ts': HELPER('1'),
    // `"private": true`: never published.
    'packages/app/package.json': JSON.stringify({ name: '@acme/app', private: true, main: 'src/index.ts' }),
    'packages/app/src/index.ts': APP("'a'"),
    // No entry written: nothing is published from it, whatever its src/index.
    'packages/tools/package.json': JSON.stringify({ name: '@acme/tools' }),
    'packages/tools/src/index.ts': 'export const tool = (): number => 1;\n',
  });
}

describe('public API: an export a published package passes on', () => {
  test('is reported, weighed and asked as used outside the repository', () => {
    repo = createWorkspace();
    repo.stage({
      'packages/editor/src/config/editor-config.ts': CONFIG('`<scope>${children}</scope>`'),
      'packages/editor/src/internal/helper.ts': HELPER('2'),
      'packages/app/src/index.ts': APP("'b'"),
      'packages/tools/src/index.ts': 'export const tool = (): number => 2;\n',
    });
    const impact = impactOf(repo);
    expect(symbol(impact, 'EditorConfig')).toMatchObject({ change: 'body-changed', valueUsers: [], publicApi: ['@acme/editor'] });
    for (const name of ['internalHelper', 'appThing', 'tool']) expect(symbol(impact, name).publicApi).toBeUndefined();
    // A body change keeps the contract: medium, never counted as users.
    expect(impact.risk.reasons.find((r) => r.code === 'public-api')?.message).toBe(
      "public API's behaviour changed: EditorConfig in packages/editor/src/config/editor-config.ts (exported from `@acme/editor`: users outside this repository)",
    );
    expect(impact.risk.level).toBe('medium');

    const text = runUnchanged(repo, ['impact', '--no-color']).stdout;
    expect(text).toMatch(/EditorConfig: implementation changed\n\s+exported from `@acme\/editor`: users outside this repository\n/);
    const questions = listQuestions(repo);
    expect(messageOf(questions, 'impact:packages/editor/src/config/editor-config.ts#EditorConfig')).toMatch(
      /^`EditorConfig` in packages\/editor\/src\/config\/editor-config\.ts changed its implementation.*; exported from `@acme\/editor`: users outside this repository, none in it: why do they keep working\?$/,
    );
    // Not published: no question, as before.
    expect(questions.some((q) => q.id.includes('internalHelper') || q.id.includes('appThing') || q.id.includes('#tool'))).toBe(false);
  });

  test('a reshaped export of a subpath entry is a breaking public change: high, with the rollback question', () => {
    repo = createWorkspace();
    repo.stage({ 'packages/editor/src/options/editor-options.ts': OPTIONS('\n  locale: string;') });
    const impact = impactOf(repo);
    expect(symbol(impact, 'EditorOptions')).toMatchObject({ change: 'shape-changed', publicApi: ['@acme/editor/options'] });
    expect(impact.risk.level).toBe('high');
    expect(impact.risk.reasons.find((r) => r.code === 'public-api')?.message).toBe(
      'public API changed: EditorOptions (shape-changed) in packages/editor/src/options/editor-options.ts (exported from `@acme/editor/options`: users outside this repository)',
    );
    const questions = listQuestions(repo);
    expect(messageOf(questions, 'impact:packages/editor/src/options/editor-options.ts#EditorOptions')).toContain(
      'exported from `@acme/editor/options`: users outside this repository, none in it',
    );
    expect(questions.some((q) => q.id === 'rollback')).toBe(true);
  });

  // radix-ui 804700a14: `ToastProvider` and its alias `Provider`, `Toast` and `Root`… all published;
  // the summary's five lines went to exports used nowhere here, and `Root`, used in three files, fell out.
  test("the review's summary names the exports used here before those only published", () => {
    const WIDGETS = (n: number) => [1, 2, 3, 4, 5, 'Used'].map((w) => `export const widget${w} = (): number => ${n};\n`).join('');
    repo = createTempRepo({
      'package.json': JSON.stringify({ name: '@acme/widgets', main: 'dist/index.js', types: 'dist/index.d.ts' }),
      'src/index.ts': "export * from './widgets';\n",
      'src/widgets.ts': WIDGETS(1),
      'src/use.ts': "import { widgetUsed } from './widgets';\n\nexport const total = (): number => widgetUsed() + 1;\n",
    });
    repo.stage({ 'src/widgets.ts': WIDGETS(2) });
    expect(symbol(impactOf(repo), 'widget1').publicApi).toEqual(['@acme/widgets']);
    const summary = runUnchanged(repo, ['--dry-run', '--no-color']).stdout;
    const rows = summary.split('\n').filter((line) => /^ {2}widget\w+ \(src\/widgets\.ts\)/.test(line));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(
      /^ {2}widgetUsed \(src\/widgets\.ts\) implementation changed: 1 value user, 0 type users; exported from `@acme\/widgets`: users outside this repository, e\.g\. src\/use\.ts:3$/,
    );
  });

  // ant-design 11a07c086a changes `Anchor` (components/anchor/Anchor.tsx), which the package's entry
  // passes on through components/anchor/index.tsx: `const Anchor = InternalAnchor as
  // CompoundedComponent; Anchor.Link = AnchorLink; export default Anchor`. The review called it
  // "risk low". A user that exports the value under another name is a wrapper; one that builds on
  // it (a function calling it) is no such route, nor a wrapper the entry does not pass on.
  test('an export a published entry passes on through a wrapper of it (`const X = Imported as T`)', () => {
    const ANCHOR = (body: string) => `const Anchor = (props: { href: string }): string => ${body};\n\nexport default Anchor;\n`;
    repo = createTempRepo({
      'package.json': JSON.stringify({ name: 'acme-ui', main: 'dist/index.js', types: 'dist/index.d.ts' }),
      'src/index.ts':
        "export { default as Anchor } from './anchor';\nexport { default as Menu } from './menu';\nexport { Tools } from './tools';\n",
      'src/anchor/Anchor.tsx': ANCHOR('props.href'),
      'src/anchor/AnchorLink.tsx': 'const AnchorLink = (): string => "link";\n\nexport default AnchorLink;\n',
      'src/anchor/index.tsx':
        "import InternalAnchor from './Anchor';\nimport AnchorLink from './AnchorLink';\n\ntype CompoundedComponent = typeof InternalAnchor & {\n  Link: typeof AnchorLink;\n};\n\nconst Anchor = InternalAnchor as CompoundedComponent;\n\nAnchor.Link = AnchorLink;\n\nexport default Anchor;\n",
      'src/menu/Menu.ts': 'export function buildMenu(items: string[]): string {\n  return items.join();\n}\n',
      'src/menu/index.ts':
        "import { buildMenu } from './Menu';\n\nconst Menu = (items: string[]): string => buildMenu(items);\n\nexport default Menu;\n",
      'src/tools/Inner.ts': 'export const inner = (): number => 1;\n',
      'src/tools/local.ts': "import { inner } from './Inner';\n\nexport const wrapped = inner;\n",
      'src/tools/index.ts': "import { wrapped } from './local';\n\nexport const Tools = (): number => wrapped() + 1;\n",
    });
    repo.stage({
      'src/anchor/Anchor.tsx': ANCHOR('`#${props.href}`'),
      'src/menu/Menu.ts': "export function buildMenu(items: string[]): string {\n  return items.join(', ');\n}\n",
      'src/tools/Inner.ts': 'export const inner = (): number => 2;\n',
    });
    const impact = impactOf(repo);
    expect(symbol(impact, 'Anchor')).toMatchObject({ change: 'body-changed', publicApi: ['acme-ui'] });
    expect(symbol(impact, 'Anchor').valueUsers.map((u) => u.path)).toEqual(['src/anchor/index.tsx']);
    // A user building on it, and a wrapper the entry does not pass on (local.ts's `wrapped`, used by Tools): not public themselves.
    expect(symbol(impact, 'buildMenu').publicApi).toBeUndefined();
    expect(symbol(impact, 'inner').publicApi).toBeUndefined();
    expect(impact.risk.reasons.find((r) => r.code === 'public-api')?.message).toBe(
      "public API's behaviour changed: Anchor in src/anchor/Anchor.tsx (exported from `acme-ui`: users outside this repository)",
    );
  });
});
