import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { PROJECT_ROOT } from '../helpers/temp-repo.js';

// The oracle (scripts/oracle-service.mjs) is what the blast radius is measured against: where it
// is wrong, selfreview looks wrong. Its findReferences follows `export *` past a barrel's own
// declaration of the name (sentry ad870cf18d: solidstart's `src/solidrouter.ts` re-exports
// `@sentry/solid/solidrouter` with `export *` and declares `withSentryRouterRouting` itself; the
// apps importing it were listed under `@sentry/solid`'s declaration).
const SERVICE = pathToFileURL(join(PROJECT_ROOT, 'scripts', 'oracle-service.mjs')).href;

/** Runs an ES module script in a node of its own (the oracle's modules are plain .mjs): what it prints, read as JSON. */
function runScript<T = string>(script: string): T[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  return JSON.parse(out) as T[];
}

function referencingFiles(files: Record<string, string>, file: string, name: string): string[] {
  const script = `
    import { createService, ownReferences } from ${JSON.stringify(SERVICE)};
    const files = ${JSON.stringify(files)};
    const texts = new Map(Object.entries(files));
    const service = createService(texts, Object.keys(files));
    const text = files[${JSON.stringify(file)}];
    const refs = ownReferences(service, '/repo/' + ${JSON.stringify(file)}, text.indexOf(${JSON.stringify(name)}));
    console.log(JSON.stringify([...new Set(refs.map((r) => r.fileName.replace('/repo/', '')))].sort()));
  `;
  return runScript(script);
}

const ROUTER = {
  'solid/router.ts': `import type { Client } from './client';\nconst seen = new WeakSet<Client>();\nexport function withRouting(r: string): string {\n  void seen;\n  return r;\n}\n`,
  'solid/client.ts': `export class Client {}\n`,
  'start/client/router.ts': `export * from '../../solid/router';\n`,
  'start/router.ts': `export * from './client/router';\nexport declare function withRouting(r: string): string;\n`,
  'app/shadowed.tsx': `import { withRouting } from '../start/router';\nexport const a = withRouting('a');\n`,
  'app/through-star.tsx': `import { withRouting } from '../start/client/router';\nexport const b = withRouting('b');\n`,
  'app/renamed.tsx': `import { withRouting as route } from '../solid/router';\nexport const c = route('c');\n`,
};

describe('the oracle: references of a name a barrel declares itself', () => {
  test("an import that resolves to the barrel's own declaration is not a reference of the one it shadows", () => {
    const solid = referencingFiles(ROUTER, 'solid/router.ts', 'withRouting');
    expect(solid).toEqual(['app/renamed.tsx', 'app/through-star.tsx', 'solid/router.ts']);
    expect(referencingFiles(ROUTER, 'start/router.ts', 'withRouting')).toEqual(['app/shadowed.tsx', 'start/router.ts']);
  });
});

// Two folders map one `paths` name to their own files (supabase-js: `@/*` in
// realtime-js/example/tsconfig.json and in supabase-js/test/integration/next/tsconfig.json): the
// oracle's one program merged them, and the next app's `@/lib/supabase/client` resolved to the
// example's, a transitive user that was none.
const TWO_APPS = {
  'example/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }',
  'example/lib/client.ts': `export function createClient(): number {\n  return 1;\n}\n`,
  'example/page.tsx': `import { createClient } from '@/lib/client';\nexport const a = createClient();\n`,
  'next/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }',
  'next/lib/client.ts': `export function createClient(): string {\n  return 'x';\n}\n`,
  'next/app/page.tsx': `import { createClient } from '@/lib/client';\nexport const b = createClient();\n`,
};

describe("the oracle: each folder's tsconfig paths", () => {
  test('a file resolves a mapped name by the paths of the nearest folder that has some', () => {
    expect(referencingFiles(TWO_APPS, 'example/lib/client.ts', 'createClient')).toEqual(['example/lib/client.ts', 'example/page.tsx']);
    expect(referencingFiles(TWO_APPS, 'next/lib/client.ts', 'createClient')).toEqual(['next/app/page.tsx', 'next/lib/client.ts']);
  });
  test("the root's mapping of the package's own name to its build output (absent from git) falls back to its source (mswjs/data fe1e0bd7e0)", () => {
    const files = {
      'package.json': JSON.stringify({ name: '@acme/data', main: 'lib/index.js' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'lib', baseUrl: '.', paths: { '@acme/data': ['./lib'] } } }),
      'src/index.ts': `export { factory } from './factory';\n`,
      'src/factory.ts': `export function factory(name: string): string {\n  return name;\n}\n`,
      'test/count.test.ts': `import { factory } from '@acme/data';\nfactory('book');\n`,
    };
    expect(referencingFiles(files, 'src/factory.ts', 'factory')).toEqual(['src/factory.ts', 'src/index.ts', 'test/count.test.ts']);
  });
  test("a package whose entry is a bundle named after its source file, in a folder of the build's own, resolves to that file (dexie-cloud-addon's dist/modern/dexie-cloud-addon.js)", () => {
    const files = {
      'addon/package.json': JSON.stringify({ name: 'cloud-addon', exports: { '.': { types: './dist/modern/cloud-addon.d.ts' } } }),
      'addon/src/cloud-addon.ts': `export * from './client';\n`,
      'addon/src/client.ts': `export function connect(url: string): string {\n  return url;\n}\n`,
      'samples/app.ts': `import { connect } from 'cloud-addon';\nconnect('x');\n`,
    };
    expect(referencingFiles(files, 'addon/src/client.ts', 'connect')).toEqual(['addon/src/client.ts', 'samples/app.ts']);
  });
  test("a relative import of a package's folder whose entry is build output resolves to the package's source (superstruct's tests: `from '../../..'`, `types: ./lib/index.d.ts`)", () => {
    const files = {
      'package.json': JSON.stringify({ name: 'superstruct', types: './lib/index.d.ts', main: './lib/index.cjs' }),
      'src/index.ts': `export * from './structs';\n`,
      'src/structs.ts': `export function empty(x: string): string {\n  return x;\n}\n`,
      'test/validation/empty/valid.ts': `import { empty } from '../../..';\nempty('a');\n`,
    };
    expect(referencingFiles(files, 'src/structs.ts', 'empty')).toEqual(['src/structs.ts', 'test/validation/empty/valid.ts']);
  });
  test("a package entry in its own folder resolves to the source a package.json script builds it from (dnd-kit's `./index.js` from `tsup src/core/index.ts`); `typings` is read as `types`", () => {
    const files = {
      'abstract/package.json': JSON.stringify({
        name: '@kit/abstract',
        main: './index.cjs',
        scripts: { core: 'tsup src/core/index.ts', modifiers: 'tsup --entry.modifiers src/modifiers/index.ts' },
      }),
      'abstract/src/core/index.ts': `export * from './manager';\n`,
      'abstract/src/core/manager.ts': `export class Manager {}\n`,
      'abstract/src/modifiers/index.ts': `export const snap = 1;\n`,
      'legacy/package.json': JSON.stringify({ name: 'legacy', main: 'dist/legacy.umd.js', typings: 'build/lib/api.d.ts' }),
      'legacy/src/lib/api.ts': `export { Manager as Base } from '@kit/abstract';\n`,
      'dom/index.ts': `import { Manager } from '@kit/abstract';\nexport class DomManager extends Manager {}\n`,
      'app/main.ts': `import { Base } from 'legacy';\nnew Base();\n`,
    };
    expect(referencingFiles(files, 'abstract/src/core/manager.ts', 'Manager')).toEqual([
      'abstract/src/core/manager.ts',
      'app/main.ts',
      'dom/index.ts',
      'legacy/src/lib/api.ts',
    ]);
  });
  test("an `exports` subpath resolves to its target's source, the build folder dropped (langfuse 93eb91d781: `./monitors/server` -> `./dist/src/features/monitors/server.js`)", () => {
    const files = {
      'packages/shared/package.json': JSON.stringify({
        name: '@acme/shared',
        exports: { '.': './dist/src/index.js', './monitors/server': { import: './dist/src/features/monitors/server.js' } },
      }),
      'packages/shared/src/index.ts': `export const version = 1;\n`,
      'packages/shared/src/features/monitors/server.ts': `export { Scheduler } from './scheduler';\n`,
      'packages/shared/src/features/monitors/scheduler.ts': `export class Scheduler {\n  tick(): number {\n    return 1;\n  }\n}\n`,
      'worker/src/runner.ts': `import { Scheduler } from '@acme/shared/monitors/server';\nnew Scheduler().tick();\n`,
    };
    expect(referencingFiles(files, 'packages/shared/src/features/monitors/scheduler.ts', 'Scheduler')).toEqual([
      'packages/shared/src/features/monitors/scheduler.ts',
      'packages/shared/src/features/monitors/server.ts',
      'worker/src/runner.ts',
    ]);
  });
});

// lit 3e54ba22b2 turned `interface SignalWatcherApi` into `export interface SignalWatcherApi`: the
// oracle read it as a changed declaration, so the `SignalWatcher` mixin naming it looked changed
// through its file, and its 3 users missed. A declaration that only gains `export` behaves the same.
const ROUTES = pathToFileURL(join(PROJECT_ROOT, 'scripts', 'oracle-same-file.mjs')).href;

function routedNames(before: string, after: string): string[] {
  const script = `
    import { createService } from ${JSON.stringify(SERVICE)};
    import { sameFileRoutes } from ${JSON.stringify(ROUTES)};
    const old = createService(new Map([['a.ts', ${JSON.stringify(before)}]]), ['a.ts']);
    const now = createService(new Map([['a.ts', ${JSON.stringify(after)}]]), ['a.ts']);
    console.log(JSON.stringify([...sameFileRoutes(old.getProgram(), now, 'a.ts').keys()].sort()));
  `;
  return runScript(script);
}

describe('the oracle: same-file routes', () => {
  const mixin = (api: string) => `${api} Api {\n  update(): void;\n}\nexport function Watcher(): Api {\n  return { update() {} };\n}\n`;
  test('a declaration that only gained `export` reaches nothing', () => {
    expect(routedNames(mixin('interface'), mixin('export interface'))).toEqual([]);
  });
  test('a declaration whose text changed reaches those naming it', () => {
    expect(routedNames(mixin('interface'), mixin('interface')).length).toBe(0);
    expect(routedNames(mixin('interface'), mixin('interface').replace('update(): void', 'update(): number'))).toEqual(['Watcher']);
  });
});

// webstudio 68b745872 rewords three strings of `cliDocs = {…} as const`; the oracle counted
// `CliDocName = keyof typeof cliDocs` changed through it (selfreview's rule: object-keys.ts).
describe('the oracle: `keyof typeof x`', () => {
  const docs = (value: string, more = '') =>
    `export const cliDocs = {\n  "api-use-cases": "${value}",\n  "manual-llm": "Use this order."${more}\n} as const;\nexport type CliDocName = keyof typeof cliDocs;\n`;
  test('reaches nothing when only the values change, and the type when a key is added', () => {
    expect(routedNames(docs('Link one project.'), docs('Link or configure one project.'))).toEqual([]);
    expect(routedNames(docs('Link one project.'), docs('Link one project.', ',\n  "manual-mcp": "Start it."'))).toEqual(['CliDocName']);
  });
});

// growthbook c72aa5e9b5 gave the private `ScopedChannel` type a `key`: the oracle went on from the
// variable `streams: Map<string, ScopedChannel>` to `onHidden()`, which only reads it, and counted it
// changed though its type and its code are the same (find-changed-helper.ts has the same rule).
describe('the oracle: a changed type reached through code', () => {
  const channel = (extra: string) =>
    `type Channel = {\n  state: string;${extra}\n};\nconst streams: Map<string, Channel> = new Map();\nexport function onHidden() {\n  streams.forEach((c) => {\n    c.state = 'idle';\n  });\n}\nexport function channelOf(key: string): Channel | undefined {\n  return streams.get(key);\n}\n`;
  test('reaches the code naming it and what names it in a signature, not what reads that code', () => {
    expect(routedNames(channel(''), channel('\n  key: string;'))).toEqual(['channelOf', 'streams']);
  });
});

// lexical 47a3ef26ea changed `$createMentionNode`, which `MentionNode.importJSON` calls: the class
// is reached, and the oracle went on to `$isMentionNode`, which only does `node instanceof
// MentionNode` (the class's identity, none of its code): its 2 users counted as missed.
describe('the oracle: a class only tested by `instanceof`', () => {
  const mention = (made: string) =>
    `export class Mention {\n  static load(): Mention {\n    return create();\n  }\n}\nexport function create(): Mention {\n  ${made}\n}\nexport function isMention(node: unknown): node is Mention {\n  return node instanceof Mention;\n}\n`;
  test('a changed function reaches the class calling it, not the function testing against the class (`node is Mention`, `instanceof Mention`)', () => {
    expect(routedNames(mention('return new Mention();'), mention('const made = new Mention();\n  return made;'))).toEqual(['Mention']);
  });
});

// oclif/core 94e46f8d04: `export class CommandHelp …` and `export default CommandHelp`. The oracle
// asked findReferences from the default export's `CommandHelp`: the class's references, so the
// files importing `{ CommandHelp }` by name were counted as users of `default` that selfreview
// "missed" (3 direct, 14 transitive), though they are users of `CommandHelp`, reported there.
const BARREL = pathToFileURL(join(PROJECT_ROOT, 'scripts', 'oracle-through-barrel.mjs')).href;

function defaultUsers(files: Record<string, string>, file: string, name: string): string[] {
  return namedUsers(files, file, name, 'default');
}

function namedUsers(files: Record<string, string>, file: string, name: string, exportName: string): string[] {
  const script = `
    import { createService, nodeAt, ownReferences } from ${JSON.stringify(SERVICE)};
    import { reachesThroughName } from ${JSON.stringify(BARREL)};
    const files = ${JSON.stringify(files)};
    const service = createService(new Map(Object.entries(files)), Object.keys(files));
    const program = service.getProgram();
    const text = files[${JSON.stringify(file)}];
    const refs = ownReferences(service, '/repo/' + ${JSON.stringify(file)}, text.lastIndexOf(${JSON.stringify(name)}));
    const kept = refs.filter((r) => reachesThroughName(program.getTypeChecker(), nodeAt(program.getSourceFile(r.fileName), r.textSpan.start), '/repo/' + ${JSON.stringify(file)}, ${JSON.stringify(exportName)}));
    console.log(JSON.stringify([...new Set(kept.map((r) => r.fileName.replace('/repo/', '')))].sort()));
  `;
  // The declaring file is never a user of its own export.
  return runScript(script).filter((f) => f !== file);
}

describe('the oracle: a default export of a named declaration', () => {
  test('only the references through `default` are users of the default export', () => {
    const files = {
      'help/command.ts': `export class CommandHelp {\n  run(): void {}\n}\nexport default CommandHelp;\n`,
      'help/index.ts': `export { CommandHelp } from './command';\nimport { CommandHelp } from './command';\nexport const a = new CommandHelp();\n`,
      'by-default.ts': `import Help from './help/command';\nexport const b = new Help();\n`,
      'by-barrel.ts': `import { CommandHelp } from './help/index';\nexport const c = new CommandHelp();\n`,
    };
    expect(defaultUsers(files, 'help/command.ts', 'CommandHelp')).toEqual(['by-default.ts']);
  });
  // nocobase 3d5e803ee1: `engine.registerModels({ MobileLayoutModel })` in a file importing the class
  // by name was counted a user of `export default MobileLayoutModel`: a shorthand property's name
  // is a symbol of the file writing it, no alias, and was taken to reach the class by any name.
  test('a shorthand property reads the value through the name it was imported by', () => {
    const files = {
      'models/layout.ts': `export class LayoutModel {\n  run(): void {}\n}\nexport default LayoutModel;\n`,
      'by-name.ts': `import { LayoutModel } from './models/layout';\nexport const models = { LayoutModel };\n`,
      'by-default.ts': `import Layout from './models/layout';\nexport const models = { Layout };\n`,
    };
    expect(defaultUsers(files, 'models/layout.ts', 'LayoutModel')).toEqual(['by-default.ts']);
    expect(namedUsers(files, 'models/layout.ts', 'LayoutModel', 'LayoutModel')).toEqual(['by-name.ts']);
  });
});

// lit 839ca0f81a changed `private __controllers?: ReactiveController[]` to a `Set`: the oracle read
// it as a change of the class's shape, so the type `Initializer = (element: ReactiveElement) =>
// void` looked changed through the class. A private member is implementation: no code outside
// the class can name it.
describe('the oracle: a private member is no shape', () => {
  const element = (field: string) =>
    `export type Initializer = (element: Element) => void;\nexport class Element {\n  private ${field};\n  add(): void {}\n}\n`;
  test('a type naming a class whose private member changed is not reached through it', () => {
    expect(routedNames(element('list?: string[]'), element('list?: Set<string>'))).toEqual([]);
  });
  test('a type naming a class whose public member changed is', () => {
    expect(
      routedNames(element('list?: string[]').replace('private ', 'public '), element('list?: Set<string>').replace('private ', 'public ')),
    ).toEqual(['Initializer']);
  });
});

describe('the oracle: a class exported by default and by name', () => {
  test('`export default class Elysia` + `export { Elysia }`: each export has the references through its own name (elysia d7899565a6)', () => {
    const files = {
      'src/index.ts': `export default class Elysia {\n  get(): void {}\n}\nexport { Elysia };\n`,
      'by-default.ts': `import Elysia from './src/index';\nexport const a = new Elysia();\n`,
      'by-name.ts': `import { Elysia } from './src/index';\nexport const b = new Elysia();\n`,
    };
    expect(namedUsers(files, 'src/index.ts', 'Elysia', 'default')).toEqual(['by-default.ts']);
    expect(namedUsers(files, 'src/index.ts', 'Elysia', 'Elysia')).toEqual(['by-name.ts']);
  });
});

test('the oracle: `export default class Elysia` + `export { Elysia }` and `export default CommandHelp` are one declaration under two names; `export class A` is one name', () => {
  const script = `
    import { createService, printDeclarations } from ${JSON.stringify(SERVICE)};
    import { isSharedDeclaration } from ${JSON.stringify(BARREL)};
    const files = {
      'elysia.ts': 'export default class Elysia {}\\nexport { Elysia };\\n',
      'help.ts': 'export class CommandHelp {}\\nexport default CommandHelp;\\n',
      'one.ts': 'export class A {}\\nexport const b = 1;\\n',
    };
    const service = createService(new Map(Object.entries(files)), Object.keys(files));
    const program = service.getProgram();
    const shared = (path, name) => isSharedDeclaration(program.getTypeChecker(), printDeclarations(program, path), name);
    console.log(JSON.stringify([shared('elysia.ts', 'default'), shared('elysia.ts', 'Elysia'), shared('help.ts', 'CommandHelp'), shared('one.ts', 'A')]));
  `;
  expect(runScript<boolean>(script)).toEqual([true, true, true, false]);
});

// openreplay ea4a95c81d reformatted `findIndex(k => k.endsWith(key))` as `findIndex((k) => …)`: the
// printer keeps the parentheses the source had, so the oracle counted `getSortingKey` changed (and
// its user missed), though TypeScript's tree is the same.
test("the oracle: an arrow's one parameter in parentheses or not is the same declaration", () => {
  const script = `
    import { createService, printDeclarations } from ${JSON.stringify(SERVICE)};
    const printed = (text) => {
      const service = createService(new Map([['a.ts', text]]), ['a.ts']);
      return printDeclarations(service.getProgram(), 'a.ts').get('getSortingKey').text;
    };
    const keys = "const keys = ['$event_name'];\\n";
    console.log(JSON.stringify([
      printed(keys + 'export const getSortingKey = (key: string) => keys.find(k => k.endsWith(key)) ?? key;\\n'),
      printed(keys + 'export const getSortingKey = (key: string) => keys.find((k) => k.endsWith(key)) ?? key;\\n'),
      printed(keys + 'export const getSortingKey = (key: string) => keys.find((k) => k.startsWith(key)) ?? key;\\n'),
    ]));
  `;
  const [bare, parenthesized, other] = runScript(script);
  expect(parenthesized).toBe(bare);
  expect(other).not.toBe(bare);
});

// discord.js 9771d9ef55 (`get spoiler()` of `class Attachment`, exported by `exports.Attachment =
// Attachment`) measured nothing: a CommonJS file has no module symbol to ask for its exports, and
// the export's declaration is the assignment, whose text did not change.
test("the oracle: a CommonJS file's exports, each printed with the declaration it assigns", () => {
  const script = `
    import { createService, printDeclarations } from ${JSON.stringify(SERVICE)};
    const text = (v) => "'use strict';\\nclass Attachment {\\n  get spoiler() {\\n    return " + v + ";\\n  }\\n}\\nexports.Attachment = Attachment;\\nexports.inline = function () { return " + v + "; };\\nmodule.exports.kept = () => 0;\\n";
    const printed = (v) => {
      const files = { 'src/Attachment.js': text(v) };
      const service = createService(new Map(Object.entries(files)), Object.keys(files));
      const decls = printDeclarations(service.getProgram(), 'src/Attachment.js');
      // Go-to-definition at a use may land on the class: its span is the export's too.
      spans = decls.get('Attachment').spans.map((s) => files['src/Attachment.js'].slice(s.start, s.end).split('\\n')[0]);
      return new Map([...decls].map(([name, d]) => [name, d.text]));
    };
    let spans = [];
    const [before, after] = [printed('1'), printed('2')];
    console.log(JSON.stringify([...[...before.keys()].map((name) => [name, before.get(name) !== after.get(name)]), spans]));
  `;
  expect(runScript<[string, boolean | string]>(script)).toEqual([
    ['Attachment', true],
    ['inline', true],
    ['kept', false],
    ['exports.Attachment = Attachment', 'class Attachment {'],
  ]);
});

// tsyringe 170bb4e2fb: the program for an export's users started from the files holding its name
// as a word. `import injectAll from '../decorators/inject-all'` names a default export by its
// module's file name (no word), and `export { instance as container }` gives it a name its
// importers hold instead: both files were no part of the program, so their uses were "not a user".
function rootsOf(files: Record<string, string>, file: string, name: string): string[] {
  const script = `
    import { userRoots } from ${JSON.stringify(SERVICE)};
    console.log(JSON.stringify(userRoots(new Map(Object.entries(${JSON.stringify(files)})), ${JSON.stringify(file)}, ${JSON.stringify(name)}).sort()));
  `;
  return runScript(script);
}

describe("the oracle: the files an export's users are looked for in", () => {
  const files = {
    'src/dependency-container.ts': `class Container {\n  reset(): void {}\n}\nexport const instance = new Container();\nexport default instance;\n`,
    'src/index.ts': `export { instance as container } from './dependency-container';\nexport { default as injectAll } from './decorators/inject-all';\n`,
    'src/decorators/inject-all.ts': `function injectAll(token: string): string {\n  return token;\n}\nexport default injectAll;\n`,
    'test/transform.test.ts': `import { container } from '../src';\ncontainer.reset();\n`,
    'test/all.test.ts': `import injectAll from '../src/decorators/inject-all';\nexport const a = injectAll('a');\n`,
    'test/barrel.test.ts': `import { injectAll } from '../src';\nexport const b = injectAll('b');\n`,
    'test/other.test.ts': `export const c = 1;\n`,
  };
  test('a name given on a re-export (`export { instance as container }`) is followed to the files holding it', () => {
    expect(rootsOf(files, 'src/dependency-container.ts', 'instance')).toEqual([
      'src/dependency-container.ts',
      'src/index.ts',
      'test/transform.test.ts',
    ]);
  });
  test("a default export is named by its module's file name, and by the names it is re-exported under", () => {
    expect(rootsOf(files, 'src/decorators/inject-all.ts', 'default')).toEqual([
      'src/decorators/inject-all.ts',
      'src/index.ts',
      'test/all.test.ts',
      'test/barrel.test.ts',
    ]);
  });
});

describe('the oracle: a component selfreview lists as a user', () => {
  // zag f9d9318721: `connect` changed in three machines; 36 .vue and .svelte examples doing
  // `import * as drawer from '@zag-js/drawer'` then `drawer.connect(…)` in <script> counted "not a
  // user", the oracle's program holding no component. Go-to-definition now reads their <script>.
  const COMPONENT = pathToFileURL(join(PROJECT_ROOT, 'scripts', 'oracle-component.mjs')).href;
  const DEFINITION = pathToFileURL(join(PROJECT_ROOT, 'scripts', 'oracle-definition.mjs')).href;
  const FILES = {
    'drawer/connect.ts': `export function connect(open: boolean): string {\n  return open ? 'open' : 'closed';\n}\n`,
    'app/Drawer.vue': `<template>\n  <div>{{ connect }}</div>\n</template>\n<script setup lang="ts">\nimport * as drawer from '../drawer/connect';\nconst api = drawer.connect(true);\n</script>\n`,
    'app/Page.svelte': `<script>\n  import { connect } from '../drawer/connect';\n  let state = connect(false);\n</script>\n<p>{connect}</p>\n`,
    'app/Other.svelte': `<script lang="ts">\n  let connect = 1;\n</script>\n<p>{connect}</p>\n`,
  };
  test('its <script> blocks, read where they stand, give go-to-definition the line of the use; markup naming the name is no use', () => {
    const script = `
      import { componentCode } from ${JSON.stringify(COMPONENT)};
      import { findUseByDefinition } from ${JSON.stringify(DEFINITION)};
      import { createService } from ${JSON.stringify(SERVICE)};
      const files = ${JSON.stringify(FILES)};
      const texts = new Map([['drawer/connect.ts', files['drawer/connect.ts']]]);
      const codes = Object.keys(files).filter((f) => f.startsWith('app/')).map((f) => [f, componentCode(f, files[f])]);
      for (const [, code] of codes) texts.set(code.path, code.text);
      const service = createService(texts, [...texts.keys()]);
      const decl = files['drawer/connect.ts'];
      const spans = [{ file: '/repo/drawer/connect.ts', start: 0, end: decl.indexOf('\\n}') + 2 }];
      console.log(JSON.stringify(codes.map(([f, code]) => [f, code.path, findUseByDefinition(service, code.path, 'connect', spans) ?? null])));
    `;
    expect(runScript(script)).toEqual([
      ['app/Drawer.vue', 'app/Drawer.vue.ts', 6],
      ['app/Page.svelte', 'app/Page.svelte.js', 3],
      ['app/Other.svelte', 'app/Other.svelte.ts', null],
    ]);
  });
});

// slate 13c7b367b8 changed the body of `transform` in `export const GeneralTransforms:
// GeneralTransforms = {…}` (an interface and a const of one name). `Transforms` spreads the const;
// slate's `BaseEditor` names `typeof Transforms.collapse`, a type: it uses `Transforms` and carries
// nothing further. findReferences at the interface lists type references only, so the walk starts
// from each meaning.
const TRANSITIVE = pathToFileURL(join(PROJECT_ROOT, 'scripts', 'oracle-transitive.mjs')).href;
const SAME_FILE = pathToFileURL(join(PROJECT_ROOT, 'scripts', 'oracle-same-file.mjs')).href;

function reachedFiles(before: Record<string, string>, after: Record<string, string>, file: string, name: string): string[] {
  const script = `
    import { classify, createService, declarationStarts, printDeclarations } from ${JSON.stringify(SERVICE)};
    import { isImplementationOnly } from ${JSON.stringify(SAME_FILE)};
    import { transitiveFiles } from ${JSON.stringify(TRANSITIVE)};
    const [old, now] = [${JSON.stringify(before)}, ${JSON.stringify(after)}].map((f) => createService(new Map(Object.entries(f)), Object.keys(f)));
    const path = ${JSON.stringify(file)};
    const [previous, start] = [old, now].map((s) => printDeclarations(s.getProgram(), path).get(${JSON.stringify(name)}));
    const program = now.getProgram();
    const { reached } = transitiveFiles(now, { file: '/repo/' + path, pos: 0, positions: declarationStarts(start.decls) }, {
      isUse: (f, pos) => classify(program.getSourceFile(f), pos) !== 'clause',
      isType: (f, pos) => classify(program.getSourceFile(f), pos) === 'type',
      isImplementation: isImplementationOnly(previous, start),
    });
    console.log(JSON.stringify([...reached.keys()].map((f) => f.replace('/repo/', '')).sort()));
  `;
  return runScript(script);
}

describe('oracle: transitive walk', () => {
  const tree = (body: string) => ({
    'general.ts': `export interface GeneralTransforms {\n  transform(op: string): string;\n}\nexport const GeneralTransforms: GeneralTransforms = {\n  transform(op) {\n    return ${body};\n  },\n};\n`,
    'index.ts': `import { GeneralTransforms } from './general';\nexport const Transforms: GeneralTransforms = { ...GeneralTransforms };\n`,
    'editor.ts': `import { Transforms } from './index';\nexport interface BaseEditor {\n  transform: typeof Transforms.transform;\n}\n`,
    'path.ts': `import type { BaseEditor } from './editor';\nexport const isEditor = (e: BaseEditor): boolean => e !== null;\n`,
    'apply.ts': `import { Transforms } from './index';\nexport const apply = (op: string): string => Transforms.transform(op);\n`,
    'run.ts': `import { apply } from './apply';\napply('split');\n`,
  });

  test('a change of implementation alone reaches the value meaning of a merged name and stops at a type naming it', () => {
    expect(reachedFiles(tree('op'), tree('op.trim()'), 'general.ts', 'GeneralTransforms')).toEqual([
      'apply.ts',
      'editor.ts',
      'index.ts',
      'run.ts',
    ]);
  });

  // mikro-orm 45d67bed10 changed the body of QueryBuilderHelper, which QueryBuilder constructs;
  // MariaDbQueryBuilder `extends QueryBuilder` and MariaDbDriver constructs it. `extends` of a class
  // was read as a type (an ExpressionWithTypeArguments under the heritage clause), so the walk of an
  // implementation change stopped there: nothing past depth 3 on mikro-orm.
  test('a class extending a carrier runs the change; an interface extending it does not', () => {
    const classes = (body: string) => ({
      'helper.ts': `export class Helper {\n  run(): string {\n    return ${body};\n  }\n}\n`,
      'builder.ts': `import { Helper } from './helper';\nexport class Builder {\n  go(): string {\n    return new Helper().run();\n  }\n}\n`,
      'maria.ts': `import { Builder } from './builder';\nexport class MariaBuilder extends Builder<unknown> {}\n`,
      'driver.ts': `import { MariaBuilder } from './maria';\nexport const drive = (): string => new MariaBuilder().go();\n`,
      'shape.ts': `import { Builder } from './builder';\nexport interface Shaped extends Builder {}\n`,
      'typed.ts': `import type { Shaped } from './shape';\nexport const name = (s: Shaped): string => typeof s;\n`,
    });
    expect(reachedFiles(classes("'a'"), classes("'b'"), 'helper.ts', 'Helper')).toEqual([
      'builder.ts',
      'driver.ts',
      'maria.ts',
      'shape.ts',
    ]);
  });

  // amplication 48d60c294: `@Injectable() class BuildService { constructor(private readonly
  // resources: ResourceService) {} … this.resources.x() }`. The parameter's type is injected
  // (`design:paramtypes`, scripts/oracle-injected.mjs): a use as a value, and the walk of an
  // implementation change goes on to what constructs or calls BuildService.
  test("a decorated class's constructor parameter type runs the change; an undecorated class's and an array's do not", () => {
    const services = (body: string) => ({
      'deco.ts': `export const Injectable = (): ClassDecorator => () => undefined;\n`,
      'resource.ts': `export class ResourceService {\n  name(): string {\n    return ${body};\n  }\n}\n`,
      'build.ts': `import { Injectable } from './deco';\nimport { ResourceService } from './resource';\n@Injectable()\nexport class BuildService {\n  constructor(private readonly resources: ResourceService) {}\n  run(): string {\n    return this.resources.name();\n  }\n}\n`,
      'controller.ts': `import type { BuildService } from './build';\nexport const handle = (b: BuildService): string => b.run();\n`,
      'plain.ts': `import { ResourceService } from './resource';\nexport class Plain {\n  constructor(private readonly r: ResourceService) {}\n}\n`,
      'after-plain.ts': `import { Plain } from './plain';\nexport const p = (x: Plain): Plain => x;\n`,
      'many.ts': `import { Injectable } from './deco';\nimport { ResourceService } from './resource';\n@Injectable()\nexport class Many {\n  constructor(readonly all: ResourceService[]) {}\n}\n`,
      'after-many.ts': `import { Many } from './many';\nexport const m = (x: Many): Many => x;\n`,
    });
    // Users all (plain.ts and many.ts in types); controller.ts through BuildService, which runs the change;
    // after-plain.ts and after-many.ts name classes that only hold the type.
    expect(reachedFiles(services("'a'"), services("'b'"), 'resource.ts', 'ResourceService')).toEqual([
      'build.ts',
      'controller.ts',
      'many.ts',
      'plain.ts',
    ]);
  });

  // Nest's `@Post() create(@Body() dto: CreateDto)`: a decorated method's parameter types are
  // emitted as `design:paramtypes` (a validation pipe instantiates the DTO), a use as a value.
  test("a decorated method's parameter type is a value use; an undecorated method's and an array's are types", () => {
    const files = {
      'deco.ts': `export const Post = (): MethodDecorator => () => undefined;\nexport const Body = (): ParameterDecorator => () => undefined;\n`,
      'dto.ts': `export class CreateDto {\n  id = 'a';\n}\n`,
      'ctrl.ts': `import { Body, Post } from './deco';\nimport { CreateDto } from './dto';\nexport class Ctrl {\n  @Post()\n  create(dto: CreateDto, all: CreateDto[]): string {\n    return 'x';\n  }\n  check(@Body() dto: CreateDto): void {}\n  plain(dto: CreateDto): void {}\n}\n`,
    };
    const script = `
      import { classify, createService } from ${JSON.stringify(SERVICE)};
      const files = ${JSON.stringify(files)};
      const sf = createService(new Map(Object.entries(files)), Object.keys(files)).getProgram().getSourceFile('/repo/ctrl.ts');
      const kinds = [...sf.text.matchAll(/: (CreateDto)/g)].map((m) => classify(sf, m.index + 2));
      console.log(JSON.stringify(kinds));
    `;
    expect(runScript(script)).toEqual(['value', 'type', 'value', 'type']);
  });

  // docmost's DTOs: `@ValidateNested() @Type(() => X) x: X` (`design:type`) and a decorated method's
  // `(): X` (`design:returntype`) are emitted as values; an undecorated one's, an array's and a
  // generic's stay types.
  test("a decorated property's type and a decorated method's return type are value uses", () => {
    const files = {
      'deco.ts': `export const Prop = (): PropertyDecorator => () => undefined;\nexport const Get = (): MethodDecorator => () => undefined;\n`,
      'dto.ts': `export class ItemDto {\n  id = 'a';\n}\n`,
      'ctrl.ts': `import { Get, Prop } from './deco';\nimport { ItemDto } from './dto';\nexport class Page {\n  @Prop() item: ItemDto;\n  @Prop() items: ItemDto[];\n  plain: ItemDto;\n  @Get()\n  find(): ItemDto {\n    return this.item;\n  }\n  @Get()\n  all(): Promise<ItemDto> {\n    return Promise.resolve(this.item);\n  }\n  other(): ItemDto {\n    return this.item;\n  }\n}\n`,
    };
    const script = `
      import { classify, createService } from ${JSON.stringify(SERVICE)};
      const files = ${JSON.stringify(files)};
      const sf = createService(new Map(Object.entries(files)), Object.keys(files)).getProgram().getSourceFile('/repo/ctrl.ts');
      const kinds = [...sf.text.matchAll(/(: |<)ItemDto/g)].map((m) => classify(sf, m.index + m[1].length));
      console.log(JSON.stringify(kinds));
    `;
    expect(runScript(script)).toEqual(['value', 'type', 'type', 'value', 'type', 'type']);
  });
});

// milkdown 71c0ce53b6 moved `mathInlineId` to `latex/constants.ts` and kept it in `inline-latex.ts` as
// `import { mathInlineId } from './constants'; export { mathInlineId }`. findReferences from that
// export lists the constant's every reference: constants.ts itself and the toolbar's config, which
// imports it from './constants', were counted as users of inline-latex's export.
describe('the oracle: `export { x }` of an imported `x`', () => {
  test('is a re-export: only the references through this file are its users', () => {
    const files = {
      'latex/constants.ts': `export const mathInlineId = 'math_inline';\n`,
      'latex/inline.ts': `import { mathInlineId } from './constants';\n\nexport { mathInlineId };\n`,
      'toolbar/config.ts': `import { mathInlineId } from '../latex/constants';\nexport const a = mathInlineId;\n`,
      'app/uses.ts': `import { mathInlineId } from '../latex/inline';\nexport const b = mathInlineId;\n`,
    };
    const script = `
      import { createService, nodeAt, ownReferences, printDeclarations } from ${JSON.stringify(SERVICE)};
      import { isReexport, reachesThroughBarrel } from ${JSON.stringify(BARREL)};
      const files = ${JSON.stringify(files)};
      const service = createService(new Map(Object.entries(files)), Object.keys(files));
      const program = service.getProgram();
      const { decl } = printDeclarations(program, 'latex/inline.ts').get('mathInlineId');
      const refs = ownReferences(service, '/repo/latex/inline.ts', decl.getStart());
      const kept = refs.filter((r) => !isReexport(decl) || reachesThroughBarrel(program.getTypeChecker(), nodeAt(program.getSourceFile(r.fileName), r.textSpan.start), '/repo/latex/inline.ts'));
      console.log(JSON.stringify([...new Set(kept.map((r) => r.fileName.replace('/repo/', '')))].filter((f) => f !== 'latex/inline.ts').sort()));
    `;
    expect(runScript(script)).toEqual(['app/uses.ts']);
  });
});
