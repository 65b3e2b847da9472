// The oracle's language service over a commit's tree as git holds it (no checkout, no
// node_modules), and what it reads from it: see scripts/oracle-impact.mjs.
import { execFileSync } from 'node:child_process';
import { dirname, posix } from 'node:path';
import ts from 'typescript';
import { normalized } from './oracle-normalize.mjs';
import { isInjected } from './oracle-injected.mjs';

export const CODE = /\.(?:[cm]?[jt]sx?)$/;
export const git = (dir, args, input) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...(input !== undefined && { input }) });

/** path -> text of every code file and package.json/tsconfig of a tree, in one cat-file batch. */
export function readTree(dir, rev) {
  const entries = git(dir, ['ls-tree', '-r', '-z', rev])
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      return { blob: meta.split(' ')[2], path, type: meta.split(' ')[1] };
    })
    .filter(
      (e) =>
        e.type === 'blob' &&
        !e.path.includes('node_modules/') &&
        (CODE.test(e.path) || /(?:^|\/)(?:package\.json|tsconfig[\w.-]*\.json)$/.test(e.path)),
    );
  const out = execFileSync('git', ['-C', dir, 'cat-file', '--batch'], {
    input: entries.map((e) => e.blob).join('\n') + '\n',
    maxBuffer: 1 << 30,
  });
  const texts = new Map();
  let at = 0;
  for (const entry of entries) {
    const header = out.indexOf(10, at);
    const size = Number(out.toString('latin1', at, header).split(' ')[2]);
    texts.set(entry.path, out.toString('utf8', header + 1, header + 1 + size));
    at = header + 1 + size + 1;
  }
  return texts;
}

/** The package's entry (`exports['.']`, `types`, `main`) with its first folder read as `src`, no
 * extension, then its file name in `src` (dexie-cloud-addon's `dist/modern/dexie-cloud-addon.js`,
 * rollup's bundle of `src/dexie-cloud-addon.ts`). */
function entryInSource(manifest) {
  let entry = manifest.exports?.['.'] ?? manifest.exports ?? manifest.types ?? manifest.typings ?? manifest.main;
  while (entry && typeof entry === 'object') entry = Object.values(entry)[0];
  if (typeof entry !== 'string') return [];
  const parts = entry
    .replace(/^\.\//, '')
    .replace(/\.d\.[cm]?ts$|\.[cm]?[jt]sx?$/, '')
    .split('/');
  const built = scriptSource(manifest.scripts, parts.at(-1));
  return [...new Set([...(parts.length > 1 ? [['src', ...parts.slice(1)].join('/'), `src/${parts.at(-1)}`] : []), ...built])];
}

/** Each `exports` subpath without a pattern (`./monitors/server`) -> its target with its first folder
 * dropped (langfuse's `./dist/src/features/monitors/server.js`: outDir `dist`, rootDir `.`) or read
 * as `src`, no extension (a source `name/*` does not find), then `name/*`'s places. */
function subpathsInSource(manifest) {
  const exports = manifest.exports;
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return [];
  const out = [];
  for (const [key, value] of Object.entries(exports)) {
    if (!key.startsWith('./') || key.includes('*') || key === './package.json') continue;
    let target = value;
    while (target && typeof target === 'object') target = Object.values(target)[0];
    if (typeof target !== 'string') continue;
    const parts = target
      .replace(/^\.\//, '')
      .replace(/\.d\.[cm]?ts$|\.[cm]?[jt]sx?$/, '')
      .split('/');
    // Then what `name/*` finds, as before.
    const own = [`src/${key.slice(2)}`, key.slice(2)];
    if (parts.length > 1) out.push([key.slice(2), [parts.slice(1).join('/'), ['src', ...parts.slice(1)].join('/'), ...own]]);
  }
  return out;
}

/** The source a package.json script builds into a file named `name` (dnd-kit's `tsup src/core/index.ts`
 * for `./index.js`; `tsup --entry.modifiers src/modifiers/index.ts` for `./modifiers.js`). */
function scriptSource(scripts, name) {
  const out = [];
  for (const script of Object.values(scripts ?? {})) {
    if (typeof script !== 'string') continue;
    const words = script.split(/\s+/);
    words.forEach((word, i) => {
      const source = /^(?:\.\/)?([\w./@-]+)\.[cm]?[jt]sx?$/.exec(words[i + 1] ?? '');
      if (word === `--entry.${name}` && source) out.push(source[1]);
      const own = /^(?:\.\/)?([\w./@-]+)\.[cm]?[jt]sx?$/.exec(word);
      if (own && own[1].split('/').at(-1) === name && !words[i - 1]?.startsWith('-') && !words[i - 1]?.startsWith('--entry.'))
        out.push(own[1]);
    });
  }
  return out;
}

export function workspacePaths(texts) {
  const paths = {};
  for (const [path, text] of texts) {
    if (!path.endsWith('package.json')) continue;
    let manifest;
    try {
      manifest = JSON.parse(text);
    } catch {
      continue;
    }
    const name = manifest?.name;
    const dir = path.slice(0, -'package.json'.length);
    if (typeof name !== 'string' || name === '') continue;
    // `vite`'s entry is `./dist/node/index.js`: `src/node/index` after the two usual places.
    paths[name] = [`${dir}src/index`, `${dir}index`, ...entryInSource(manifest).map((e) => `${dir}${e}`)];
    paths[`${name}/*`] = [`${dir}src/*`, `${dir}*`];
    for (const [subpath, targets] of subpathsInSource(manifest)) paths[`${name}/${subpath}`] = targets.map((e) => `${dir}${e}`);
  }
  const rootConfig = texts.get('tsconfig.json');
  const written = rootConfig ? (ts.parseConfigFileTextToJson('tsconfig.json', rootConfig).config?.compilerOptions?.paths ?? {}) : {};
  // The root's own targets first, then the package's source: mswjs/data maps `@mswjs/data` to
  // `./lib`, its build output, absent from git (its tests run the source through jest's mapper).
  const own = Object.fromEntries(
    Object.entries(written).map(([name, targets]) => [name, [...(Array.isArray(targets) ? targets : []), ...(paths[name] ?? [])]]),
  );
  return { ...paths, ...own, ...nestedConfigPaths(texts, { ...paths, ...own }) };
}

/**
 * The `paths` of every other tsconfig of the tree, rebased to the repository's root, after what
 * is already known for the same name: redux-toolkit's tests import `@internal/query/retry`
 * through packages/toolkit/tsconfig.base.json (`"@internal/*": ["./src/*"]`), which the
 * language service never resolved, so their uses were no uses.
 */
function nestedConfigPaths(texts, known) {
  const out = {};
  for (const { paths } of folderConfigPaths(texts).values())
    for (const [name, rebased] of Object.entries(paths)) out[name] = [...new Set([...(out[name] ?? known[name] ?? []), ...rebased])];
  return out;
}

/** Each folder's tsconfig `paths` (its tsconfig*.json files but the root's), rebased to the repository's root. */
function folderConfigPaths(texts) {
  const out = new Map();
  for (const [path, text] of texts) {
    if (!/(?:^|\/)tsconfig[\w.-]*\.json$/.test(path) || path === 'tsconfig.json') continue;
    const options = ts.parseConfigFileTextToJson(path, text).config?.compilerOptions;
    if (!options?.paths || typeof options.paths !== 'object') continue;
    const dir = posix.dirname(path);
    const base = posix.join(dir, options.baseUrl ?? '.');
    if (!out.has(dir)) out.set(dir, { paths: {} });
    const own = out.get(dir).paths;
    for (const [name, targets] of Object.entries(options.paths)) {
      if (!Array.isArray(targets)) continue;
      const rebased = targets.filter((t) => typeof t === 'string').map((t) => posix.normalize(posix.join(base, t)));
      own[name] = [...new Set([...(own[name] ?? []), ...rebased])];
    }
  }
  return out;
}

// noLib leaves `await import('x')` untyped (no global Promise), so the names it destructures
// resolve to nothing; a minimal lib gives it the module's type, as a real project's lib would.
// Likewise the test runners' types, absent here (no node_modules): `vi.mocked(ns)` / `jest.mocked`
// return their argument's type, so `vi.mocked(git).add` resolves to `add` as with vitest installed.
const LIB = '__oracle_lib.d.ts';
const LIB_TEXT = `interface PromiseLike<T> { then<R = T>(onfulfilled?: (value: T) => R | PromiseLike<R>): PromiseLike<R>; }
interface Promise<T> { then<R = T>(onfulfilled?: (value: T) => R | PromiseLike<R>): Promise<R>; }
interface Array<T> { length: number; [n: number]: T; }
interface Boolean {} interface Function {} interface CallableFunction {} interface NewableFunction {} interface IArguments {}
interface Number {} interface Object {} interface RegExp {} interface String {}
declare module 'vitest' { export const vi: { mocked<T>(item: T, deep?: boolean): T; [key: string]: any }; }
declare const vi: { mocked<T>(item: T, deep?: boolean): T; [key: string]: any };
declare module '@jest/globals' { export const jest: { mocked<T>(item: T, deep?: boolean): T; [key: string]: any }; }
declare const jest: { mocked<T>(item: T, deep?: boolean): T; [key: string]: any };
`;

/**
 * Whether `path` is a script .d.ts (no import or export of its own) declaring an ambient module
 * of a workspace package: TypeScript takes an ambient module before resolving the name, so vue's
 * `packages/runtime-core/types/globalComponents.d.ts` (`declare module '@vue/runtime-core'`,
 * concatenated to the bundle at build, outside every tsconfig's `include`) hid the whole package.
 */
function shadowsPackage(path, text, paths) {
  if (!path.endsWith('.d.ts') || /^(?:import|export)\s/m.test(text)) return false;
  return [...text.matchAll(/^declare\s+module\s+['"]([^'"*]+)['"]/gm)].some(([, name]) => paths[name] !== undefined);
}

export function createService(texts, roots) {
  if (!texts.has(LIB)) texts.set(LIB, LIB_TEXT);
  const paths = workspacePaths(texts);
  roots = [...roots.filter((p) => !shadowsPackage(p, texts.get(p) ?? '', paths)), LIB];
  const at = (file) => file.replace(/^\/repo\//, '');
  const dirs = new Set();
  for (const path of texts.keys()) for (let d = dirname(path); d !== '.' && !dirs.has(d); d = dirname(d)) dirs.add(d);
  const options = {
    allowJs: true,
    jsx: ts.JsxEmit.Preserve,
    noLib: true,
    types: [],
    noEmit: true,
    baseUrl: '/repo',
    paths,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.Latest,
    allowImportingTsExtensions: true,
  };
  // One program holds every folder, and two folders may map one name otherwise (supabase-js:
  // `@/*` in realtime-js/example and in supabase-js/test/integration/next): a file resolves by
  // the `paths` of the nearest folder above it that has some, over the merged ones, and by the
  // merged ones when that finds nothing.
  const folders = folderConfigPaths(texts);
  const packageNames = new Map(); // folder -> the name its package.json gives
  for (const [path, text] of texts) {
    if (!/(?:^|\/)package\.json$/.test(path)) continue;
    try {
      const name = JSON.parse(text)?.name;
      if (typeof name === 'string' && paths[name] !== undefined)
        packageNames.set(posix.dirname(path) === '.' ? '' : posix.dirname(path), name);
    } catch {
      // not JSON: no package
    }
  }
  const folderOptions = new Map();
  const optionsFor = (file) => {
    for (let dir = posix.dirname(at(file)); ; dir = posix.dirname(dir)) {
      const folder = folders.get(dir);
      if (folder !== undefined) {
        if (!folderOptions.has(dir)) folderOptions.set(dir, { ...options, paths: { ...paths, ...folder.paths } });
        return folderOptions.get(dir);
      }
      if (dir === '.' || dir === '/' || dir === '') return options;
    }
  };
  const host = {
    resolveModuleNameLiterals: (literals, containingFile, redirected, _options, containingSourceFile) => {
      const own = optionsFor(containingFile);
      return literals.map((literal) => {
        const mode = ts.getModeForUsageLocation(containingSourceFile, literal, own);
        let found = ts.resolveModuleName(literal.text, containingFile, own, host, undefined, redirected, mode);
        if (found.resolvedModule === undefined && own !== options)
          found = ts.resolveModuleName(literal.text, containingFile, options, host, undefined, redirected, mode);
        // A relative import of a package's folder whose entry is build output (superstruct's tests
        // import '../../..', whose package.json names ./lib/index.d.ts): the package's source, by its name.
        const folder = literal.text.startsWith('.') ? posix.join(posix.dirname(at(containingFile)), literal.text) : undefined;
        const name =
          folder !== undefined && found.resolvedModule === undefined ? packageNames.get(folder === '.' ? '' : folder) : undefined;
        return name === undefined ? found : ts.resolveModuleName(name, containingFile, options, host, undefined, redirected, mode);
      });
    },
    getScriptFileNames: () => roots.map((p) => `/repo/${p}`),
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => (texts.has(at(file)) ? ts.ScriptSnapshot.fromString(texts.get(at(file))) : undefined),
    getCurrentDirectory: () => '/repo',
    getCompilationSettings: () => options,
    getDefaultLibFileName: () => '/lib.d.ts',
    fileExists: (file) => texts.has(at(file)),
    readFile: (file) => texts.get(at(file)),
    // TypeScript asks for `..` as `/repo/a/b/` (trailing slash): without trimming it, `from '..'` never resolves.
    directoryExists: (dir) => {
      const path = at(dir).replace(/\/+$/, '');
      return path === '/repo' || path === '' || dirs.has(path);
    },
    getDirectories: () => [],
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

/** The innermost node at `pos`, found without recursion. */
export function nodeAt(sf, pos) {
  let node = sf;
  for (;;) {
    const child = node.getChildren(sf).find((c) => c.pos <= pos && pos < c.end);
    if (!child) return node;
    node = child;
  }
}

export function classify(sf, pos) {
  let node = nodeAt(sf, pos);
  if (isInjected(node)) return 'value';
  for (let n = node; n; n = n.parent) {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isImportEqualsDeclaration(n)) return 'clause';
    // `export default x` passes x on; `export default defineConfig({ ...x })` uses it.
    if (ts.isExportAssignment(n) && ts.isIdentifier(n.expression)) return 'clause';
    if (ts.isTypeNode(n) && !ts.isExpressionWithTypeArguments(n)) return 'type';
    // A class's `extends X` runs X (its constructor and inherited methods); `implements`, an interface's `extends`: types.
    if (ts.isExpressionWithTypeArguments(n) && ts.isHeritageClause(n.parent))
      return n.parent.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(n.parent.parent) ? 'value' : 'type';
    if (ts.isStatement(n) || ts.isSourceFile(n)) break;
  }
  void node;
  return 'value';
}

/** Where to ask findReferences for each meaning of an export: one declaration of each kind (an
 * interface and a const of one name are two meanings, and findReferences at one lists only its
 * own: slate's `GeneralTransforms`; overloads are one). */
export function declarationStarts(decls) {
  const byKind = new Map();
  for (const d of decls) if (!byKind.has(d.kind)) byKind.set(d.kind, (ts.getNameOfDeclaration(d) ?? d).getStart());
  return [...byKind.values()];
}

/** What prints an export's declaration `d`: `exports.X = value` (`module.exports.X = …`) whole, and
 * for a `Y` declared in `sf` (`exports.Attachment = Attachment`, discord.js) Y's declarations too. */
function shownDeclarations(checker, sf, d) {
  const assignment = ts.isBinaryExpression(d) ? d : ts.isBinaryExpression(d.parent) && d.parent.left === d ? d.parent : undefined;
  if (assignment === undefined) return [d];
  if (!ts.isIdentifier(assignment.right)) return [assignment];
  const local = checker.getSymbolAtLocation(assignment.right);
  return [assignment, ...(local?.declarations ?? []).filter((l) => l.getSourceFile() === sf)];
}

export function printDeclarations(program, path) {
  const sf = program.getSourceFile(`/repo/${path}`);
  if (!sf) return new Map();
  const checker = program.getTypeChecker();
  // A CommonJS file (`exports.Attachment = Attachment`, discord.js) has no module symbol to ask
  // for: its exports are the source file's own symbol's.
  const moduleSymbol = checker.getSymbolAtLocation(sf) ?? sf.symbol;
  const printer = ts.createPrinter({ removeComments: true });
  const print = (d) => normalized(printer.printNode(ts.EmitHint.Unspecified, ts.isVariableDeclaration(d) ? d.parent.parent : d, sf));
  const out = new Map();
  for (const symbol of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
    const decls = (symbol.declarations ?? []).filter((d) => d.getSourceFile() === sf);
    if (decls.length === 0) continue;
    out.set(symbol.name, {
      text: decls.map((d) => shownDeclarations(checker, sf, d).map(print).join('\n')).join('\n'),
      decl: decls[0],
      decls,
      // Go-to-definition at a use lands on the declaration an assignment names (`class Attachment`) too.
      spans: decls
        .flatMap((d) => shownDeclarations(checker, sf, d))
        .map((d) => ({ file: `/repo/${path}`, start: d.getStart(sf), end: d.end })),
    });
  }
  return out;
}

/**
 * findReferences, or where it overflows the stack the same references in one group, by
 * getReferencesAtPosition: slate-react's `Chunk` (bfa5055f75) has a recursive type that
 * findReferences, printing the definition for display, recurses on without end. A reference
 * whose span holds the declaration (`contextSpan`) is its definition.
 */
export function findReferenceGroups(service, file, pos) {
  try {
    return service.findReferences(file, pos) ?? [];
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const references = (service.getReferencesAtPosition(file, pos) ?? []).map((r) => ({ ...r, isDefinition: r.contextSpan !== undefined }));
    return [{ definition: { kind: 'unknown', fileName: file, textSpan: { start: pos, length: 0 } }, references }];
  }
}

/**
 * findReferences of the name at `pos`, without the members a shorthand destructuring names:
 * `export const { middleware } = apiSlice` (redux-toolkit's type-portability example) binds a
 * variable, and findReferences of it also lists every `api.middleware` of the repository and
 * every other `const { middleware } = …` with its importers, which read the property, not this
 * variable. Kept: the references whose symbol, aliases followed, is this variable.
 *
 * Nor an import whose name a barrel declares itself: findReferences follows `export *` without
 * the local declaration that shadows the name (sentry's solidstart `src/solidrouter.ts` does
 * `export * from './client/solidrouter'` and `export declare function withSentryRouterRouting`;
 * the apps' `import { withSentryRouterRouting }` is listed under `@sentry/solid`'s declaration,
 * while the checker and go-to-definition resolve it to solidstart's). A group of references
 * headed by an import alias that resolves to another symbol is dropped.
 */
export function ownReferences(service, file, pos) {
  const groups = findReferenceGroups(service, file, pos);
  const program = service.getProgram();
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(file);
  const node = sf && nodeAt(sf, pos);
  const symbolAt = (fileName, start) => {
    const at = program.getSourceFile(fileName);
    return at && checker.getSymbolAtLocation(nodeAt(at, start));
  };
  const resolve = (symbol) => {
    for (let i = 0; symbol && symbol.flags & ts.SymbolFlags.Alias && i < 20; i++) symbol = checker.getImmediateAliasedSymbol(symbol);
    return symbol;
  };
  const own = node && checker.getSymbolAtLocation(node);
  const target = resolve(own);
  const isShadowed = (group) => {
    if (group.definition.kind !== 'alias' || target?.declarations === undefined) return false;
    const resolved = resolve(symbolAt(group.definition.fileName, group.definition.textSpan.start));
    if (!resolved?.declarations?.length) return false;
    return resolved !== target && !resolved.declarations.some((d) => target.declarations.includes(d));
  };
  const references = groups.filter((g) => !isShadowed(g)).flatMap((g) => g.references);
  const isShorthandBinding = node?.parent !== undefined && ts.isBindingElement(node.parent) && node.parent.propertyName === undefined;
  if (!isShorthandBinding) return references;
  return references.filter((ref) => {
    const symbol = symbolAt(ref.fileName, ref.textSpan.start);
    return symbol === own || resolve(symbol) === own;
  });
}

const wordsOf = (text) => new Set(text.match(/[A-Za-z_$][\w$]*/g));

/**
 * The files a language service for the users of `path`'s export `name` starts from: the file
 * itself and every code file that may name the export. A default export is named by its module's
 * file name, written in a specifier (`import injectAll from '../decorators/inject-all'`: not a
 * word, so it is searched as text); an export renamed on its way (`export { instance as
 * container }`, tsyringe's index) is named by its new name too, followed from file to file.
 * Before, the files were those holding `name` as a word: tsyringe 170bb4e2fb's importers of
 * `inject-all`'s default and of `container` were no part of the program, and their uses, which
 * selfreview reports, were counted "not a user".
 */
export function userRoots(texts, path, name) {
  const stem = path
    .split('/')
    .pop()
    .replace(/\.[^.]+$/, '')
    .replace(/^index$/, path.split('/').slice(-2)[0]);
  const code = [...texts.keys()].filter((p) => CODE.test(p));
  const words = new Map(code.map((p) => [p, wordsOf(texts.get(p))]));
  const names = new Set(name === 'default' ? [] : [name]);
  const namesModule = (p) => name === 'default' && texts.get(p).includes(stem);
  const holds = (p) => p === path || namesModule(p) || [...names].some((n) => words.get(p).has(n));
  for (let grown = true; grown;) {
    grown = false;
    for (const p of code.filter(holds))
      for (const [, clause] of texts.get(p).matchAll(/\bexport\s+(?:type\s+)?\{([^}]*)\}/g))
        for (const [, from, to] of clause.matchAll(/([A-Za-z_$][\w$]*)\s+as\s+([A-Za-z_$][\w$]*)/g))
          if ((names.has(from) || (from === 'default' && namesModule(p))) && !names.has(to)) {
            names.add(to);
            grown = true;
          }
  }
  return code.filter(holds);
}
