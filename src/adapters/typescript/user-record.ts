import type { Declaration, ExportKind, ExportRecord, ImportBinding, ImportRecord, ModuleRecord } from '../../core/impact/module-record.js';
import { hasJsDocImportTypes, typesByNamespace, UNNAMED_FORMS } from './light-forms.js';
import { NotThis, Token, Undecided } from './user-reader.js';
import { functionLike } from './user-functions.js';
import { classLike, decorators } from './user-classes.js';
import { isAsyncFunction, startsBinding, statement, variables } from './user-statements.js';
import { UserSyntax, type Expr, type Ref } from './user-syntax.js';
import { parseEnum, parseInterface, parseTypeAlias } from './user-types.js';
import { readExportClause, readImport, readRequire, type Draft } from './user-imports.js';
import { ambientBlock, isAmbientBlock } from './user-ambient.js';
import type { WholeTrace } from './whole-trace.js';

// The light record (parse-module.ts) of a file a walk only crosses, read without TypeScript's
// parser: most such files are tests and scripts that import what changed and export nothing, and
// a cold run spent most of its time warming TypeScript's parser up on them. Their record is
// their imports, each binding's first use as a value and in a type and the members it is read
// through, and their top-level declarations with the names each uses: user-syntax.ts reads
// those from tokens. It is the light record exactly (scripts/check-user-records.mjs holds it to
// TypeScript's on every module file of a repository), or null: a file with an `export default`,
// an interface's computed key, a name declared again inside, or anything else it does not read
// is left to TypeScript (its exported functions, variables, classes, enums, type aliases and
// interfaces, `export { … }` lists and re-exports, JSX in a `.tsx`, `.jsx` or `.js` file, it reads).

const READ_EXTENSIONS = /\.(?:[cm]?ts|[cm]?js|tsx|jsx)$/;
const DECLARED = new Set(['const', 'let', 'var', 'function', 'enum']);

interface Trace {
  value: number;
  type: number;
  readonly members: Map<string, [number, number]>;
  readonly isModule: boolean;
}

/** A top-level declaration's token ranges: its own, then the statements that build it. */
interface Declared {
  range: readonly [number, number];
  readonly parts: Array<readonly [number, number]>;
  isExported: boolean;
}

/** The light record of `text`, or null when it holds a form read only by TypeScript. */
export function readUserRecord(path: string, text: string, whole?: WholeTrace): ModuleRecord | null {
  if (!READ_EXTENSIONS.test(path) || path.endsWith('.d.ts') || UNNAMED_FORMS.test(text) || text.includes('<reference')) return null;
  // import() and require() in code are Undecided where they are read (user-syntax.ts), but for a top-level `const … = require('…')`.
  if (hasJsDocImportTypes(/\.(?:[cm]?js|jsx)$/.test(path), text)) return null;
  try {
    // JSX in `.tsx`, `.jsx` and every JavaScript file, as TypeScript's scriptKindOf reads them.
    return readRecord(text, /\.(?:[cm]?ts|tsx)$/.test(path), !/\.[cm]?ts$/.test(path), whole);
  } catch (error) {
    // Undecided, not this reading, or nesting deeper than our stack.
    if (error instanceof Undecided || error instanceof NotThis || error instanceof RangeError) return null;
    throw error;
  }
}

/** `whole`: a whole read's, told each top-level statement, what it declares and builds (whole-trace.ts). */
function readRecord(text: string, isTypeScript: boolean, isJsx: boolean, whole?: WholeTrace): ModuleRecord | null {
  const p = new UserSyntax(text, isTypeScript, isJsx, whole !== undefined);
  const { r } = p;
  const lineOf = lineFinder(text);
  const drafts: Draft[] = [];
  const nodes = new Map<string, Declared>();
  const exports: ExportRecord[] = [];
  // As parse-module.ts's collectStatement: a function or a type declared again is one declaration of
  // several parts (overloads, merged interfaces), exported once; a variable declared again replaces.
  // The names a top-level require binds: declared once, as collect-imports.ts binds them.
  const required = new Set<string>();
  // The references of each `declare module 'x'` block (user-ambient.ts).
  const augmented: Array<[number, number]> = [];
  const declare = (name: string, range: readonly [number, number], kind: ExportKind, isExported: boolean) => {
    const known = nodes.get(name);
    whole?.declare(name, kind);
    // A name required twice, or a `require` of the file's own (`createRequire(import.meta.url)`): TypeScript's reading.
    if (required.has(name) || name === 'require') throw new Undecided();
    const isMerged = kind !== 'variable';
    if (known === undefined) nodes.set(name, { range, parts: [], isExported });
    else {
      if (isMerged) known.parts.push(known.range);
      known.range = range;
      known.isExported = isMerged ? isExported || known.isExported : isExported;
    }
    const isNew = !isMerged || known === undefined || !exports.some((e) => e.local === name && e.name === name && e.kind === kind);
    if (isExported && isNew) exports.push({ name, kind, shape: '', bodyHash: '', local: name });
  };
  while (!p.isEnd) {
    const start = r.start;
    whole?.open(p, exports.length);
    if (r.is('import')) {
      drafts.push(readImport(p, lineOf));
      continue;
    }
    // `@a() export class K`, `export default @a class K`: decorators stand before a class only.
    let isDecorated = r.is('@');
    decorators(p);
    const isExported = r.is('export');
    if (isExported) {
      const line = lineOf(r.start);
      whole?.modifier('e');
      r.next();
      isDecorated ||= r.is('@');
      decorators(p);
      const isClause = r.at(Token.OpenBrace) || r.at(Token.Asterisk) || (r.is('type') && (r.nextIs('{') || r.nextIs('*')));
      if (isClause && !isDecorated) {
        whole?.modifier('');
        const clause = readExportClause(p, line);
        exports.push(...clause.exports);
        if (clause.draft !== undefined) drafts.push(clause.draft);
        continue;
      }
      if (r.is('default')) {
        whole?.modifier('d');
        r.next();
        isDecorated ||= r.is('@');
        decorators(p);
        if (isDecorated && !isClass(p)) throw new Undecided();
        readDefault(p, start, nodes, exports, isDecorated, whole);
        continue;
      }
    }
    if (isDecorated && !isClass(p)) throw new Undecided();
    if (r.is('declare') && isAmbientBlock(p)) {
      const { name, refsFrom } = ambientBlock(p);
      if (name === null || name === 'global') {
        if (isExported) throw new Undecided();
        if (name === null) augmented.push([refsFrom, p.refs.length]);
      }
      if (name !== null) declare(name, [start, r.previousEnd], 'namespace', isExported);
      continue;
    }
    // `declare const x: T;`, `declare function f(): T;`: the same declarations, with no body.
    if (r.is('declare') && DECLARED.has(r.peek().text) && !r.peek().isAfterBreak) r.next();
    const isEnum = r.is('enum') || (r.is('const') && r.nextIs('enum'));
    const isVariable = !isEnum && (r.is('const') || r.is('var') || (r.is('let') && startsBinding(p)));
    const draft = isVariable && !isExported ? p.attempt(() => readRequire(p, lineOf)) : undefined;
    if (draft !== undefined) {
      if (draft.bindings.some(([, local]) => nodes.has(local))) throw new Undecided();
      for (const [, local] of draft.bindings) declare(local, draft.range, 'variable', false);
      for (const [, local] of draft.bindings) required.add(local);
      drafts.push(draft);
    } else if (isVariable) {
      const keyword = r.text;
      for (const declarator of variables(p, false, null)) {
        whole?.declarator(declarator, keyword);
        for (const name of declarator.names) declare(name, [declarator.start, declarator.end], 'variable', isExported);
      }
      p.endStatement();
    } else if (r.is('function') || (r.is('async') && isAsyncFunction(p))) {
      const name = functionLike(p, true)!;
      declare(name, [start, r.previousEnd], 'function', isExported);
    } else if (r.is('type') && r.peek().kind === Token.Word) {
      declare(parseTypeAlias(p), [start, r.previousEnd], 'type', isExported);
    } else if (isClass(p)) {
      declare(classLike(p, true, isDecorated)!, [start, r.previousEnd], 'class', isExported);
    } else if (r.is('interface')) {
      declare(parseInterface(p), [start, r.previousEnd], 'interface', isExported);
    } else if (isEnum) {
      declare(parseEnum(p), [start, r.previousEnd], 'enum', isExported);
    } else if (isExported) throw new Undecided();
    else {
      const expr = statement(p);
      const owner = expr && builtName(expr, nodes);
      if (owner !== undefined) nodes.get(owner)!.parts.push([start, r.previousEnd]);
      if (owner !== undefined) whole?.build(owner);
    }
  }
  whole?.open(p, exports.length);
  const traces = new Map<string, Trace>();
  for (const { bindings } of drafts) {
    for (const [imported, local] of bindings) {
      if (traces.has(local) || (nodes.has(local) && !required.has(local))) return null;
      traces.set(local, { value: 0, type: 0, members: new Map(), isModule: imported === '*' });
    }
  }
  // A type parameter or an ambient block's name may hide an import: TypeScript reads those files.
  if (p.unscoped.some((name) => traces.has(name))) return null;
  // A name of no declaration of the file, in an augmentation, may be the augmented module's (augmented-names.ts).
  for (const [from, to] of augmented) if (p.refs.slice(from, to).some(({ name }) => !nodes.has(name) && !traces.has(name))) return null;
  const namespaces = [...traces].filter(([, trace]) => trace.isModule).map(([local]) => local);
  if (typesByNamespace(text, namespaces)) return null;
  const words = traceWords(lineOf, unshadowed(p, traces), traces, nodes);
  const known = new Set([...nodes.keys(), ...traces.keys()]);
  const declarations: Declaration[] = [...nodes].map(([local, { range, parts }]) => {
    const uses = new Set<string>();
    for (const [from, to] of [range, ...parts])
      for (const [end, word] of words) {
        const dot = word.indexOf('.');
        const base = dot < 0 ? word : word.slice(0, dot);
        if (end > from && end <= to && base !== local && known.has(base)) uses.add(word);
      }
    whole?.runs.set(local, runNames(p.refs, [range, ...parts]));
    whole?.keys.set(local, keysOf(words, range, known, local));
    return { local, uses: [...uses], hash: '', isExported: nodes.get(local)!.isExported };
  });
  const imports = drafts.map(({ record, bindings }): ImportRecord => ({
    ...record,
    bindings: bindings.map(([imported, local]): ImportBinding => {
      const { value, type, members } = traces.get(local)!;
      return {
        imported,
        local,
        value,
        type,
        ...((imported === '*' || members.size > 0) && { members: [...members].map(([name, [v, t]]) => [name, v, t] as const) }),
      };
    }),
  }));
  return { imports, exports, declarations, hash: '', isLight: true };
}

/** The names a declaration's code runs somewhere in `ranges`: called, built with `new`, read
 * through a member or an index, outside a type. Such a use of a class is never one that only
 * passes it along (declaration-uses.ts's passesAlong), so the class is not among its `passes`. */
function runNames(refs: readonly Ref[], ranges: ReadonlyArray<readonly [number, number]>): ReadonlySet<string> {
  const names = new Set<string>();
  for (const { name, end, inType, link } of refs)
    if (!inType && link !== undefined && ranges.some(([from, to]) => end > from && end <= to)) names.add(name);
  return names;
}

/** The references but those of an import that a scope around them hides: a parameter, a local variable,
 * function or class of the same name (React's `({ icon: Icon }) => <Icon />` beside an imported `Icon`),
 * as parse-module.ts skips each identifier isShadowed says is hidden (a scope is its node's range). */
function unshadowed(p: UserSyntax, traces: ReadonlyMap<string, Trace>): readonly Ref[] {
  const scopes = p.scoped.filter(([name]) => traces.has(name));
  if (scopes.length === 0) return p.refs;
  return p.refs.filter(({ name, start, end }) => !scopes.some(([hidden, from, to]) => hidden === name && from <= start && end <= to));
}

/** What trace-uses.ts's memberOf reads of a reference: the members it names, or null. */
function membersOf(ref: Ref): readonly string[] | null {
  if (ref.link === 'member' || ref.link === 'index') return [ref.member!];
  return ref.named ?? null;
}

/** The names of `known` a declaration's last statement (`range`, TypeScript's node) reads only as
 * `keyof typeof x` (declaration-uses.ts's keysOf: an import's words never are). */
function keysOf(words: readonly Word[], [from, to]: readonly [number, number], known: ReadonlySet<string>, self: string): string[] {
  const only = new Map<string, boolean>();
  for (const [end, word, isKeys] of words)
    if (end > from && end <= to && word !== self && known.has(word)) only.set(word, (only.get(word) ?? true) && isKeys);
  return [...only].filter(([, keys]) => keys).map(([name]) => name);
}

type Word = readonly [end: number, text: string, isKeys: boolean];

/** The words of the file's top-level names (parse-module.ts's traceNamedWords), each import's use traced. */
function traceWords(
  lineOf: (at: number) => number,
  refs: readonly Ref[],
  traces: Map<string, Trace>,
  nodes: ReadonlyMap<string, Declared>,
) {
  const words: Word[] = [];
  for (const ref of refs) {
    const trace = traces.get(ref.name);
    if (trace === undefined) {
      if (nodes.has(ref.name)) words.push([ref.end, ref.name, ref.isKeys === true]);
      continue;
    }
    const members = membersOf(ref);
    if (members === null) words.push([ref.end, ref.name, false]);
    else for (const member of members) words.push([ref.end, `${ref.name}.${member}`, false]);
    const line = lineOf(ref.start);
    // `ns(…)` and `new ns()` call what `module.exports =` made; `ns.a.b` reads `b` of `a` too.
    const isCalled = trace.isModule && (ref.link === 'call' || ref.link === 'new');
    const traced = isCalled
      ? ['export=']
      : members?.map((m) => (ref.link === 'member' && ref.inner !== undefined ? `${m}.${ref.inner}` : m));
    if (traced === undefined) {
      if (ref.inType) trace.type ||= line;
      else trace.value ||= line;
      continue;
    }
    for (const member of traced) {
      let use = trace.members.get(member);
      if (use === undefined) trace.members.set(member, (use = [0, 0]));
      if (ref.inType) use[1] ||= line;
      else use[0] ||= line;
    }
  }
  return words;
}

/** 1-based lines as TypeScript counts them (CR, LF, CRLF, U+2028, U+2029). */
function lineFinder(text: string): (at: number) => number {
  let starts: number[] | null = null;
  return (at) => {
    if (starts === null) {
      starts = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
      }
    }
    let [lo, hi] = [0, starts.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The top-level name an expression statement builds (collect-commonjs.ts's memberTarget): `x.a = …`, `x.a(…)`, `f(x, …)`. */
function builtName(expr: Expr, nodes: ReadonlyMap<string, Declared>): string | undefined {
  const declared = (e: Expr | undefined) => (e?.kind === 'ref' && nodes.has(e.ref!.name) ? e.ref!.name : undefined);
  const rootOf = (e: Expr) => {
    let root = e;
    while (root.kind === 'member' || root.kind === 'index' || root.kind === 'call') root = root.inner!;
    return root === e ? undefined : root;
  };
  if (expr.kind === 'assign') return declared(rootOf(expr.inner!));
  if (expr.kind !== 'call') return undefined;
  const first = expr.args![0];
  return declared(rootOf(expr.inner!)) ?? declared(first?.kind === 'member' && first.name === 'prototype' ? first.inner : first);
}

const isClass = (p: UserSyntax) => p.r.is('class') || (p.r.is('abstract') && p.r.peek().text === 'class' && !p.r.peek().isAfterBreak);

/**
 * After `export default`, as parse-module.ts's collectStatement records it: a class or a function
 * (its name the export's local and a declaration, or neither when unnamed); an identifier, which
 * the export passes on (no reference: isReference); any other expression, a declaration named
 * `default` of its own, what it uses carried on to its importers.
 */
function readDefault(
  p: UserSyntax,
  start: number,
  nodes: Map<string, Declared>,
  exports: ExportRecord[],
  isDecorated: boolean,
  whole?: WholeTrace,
): void {
  const { r } = p;
  const isFunction = r.is('function') || (r.is('async') && isAsyncFunction(p));
  if (isFunction || isClass(p)) {
    const kind = isFunction ? 'function' : 'class';
    const name = isFunction ? functionLike(p, false) : classLike(p, false, isDecorated);
    if (name === null) return void exports.push({ name: 'default', kind, shape: '', bodyHash: '' });
    if (nodes.has(name)) throw new Undecided();
    whole?.declare(name, kind);
    nodes.set(name, { range: [start, r.previousEnd], parts: [], isExported: true });
    return void exports.push({ name: 'default', kind, shape: '', bodyHash: '', local: name });
  }
  // `export default x`: no modifiers, one statement of its own kind (TypeScript's ExportAssignment).
  whole?.modifier('');
  const expr = p.assignment();
  p.endStatement();
  const ref = expr.kind === 'ref' ? expr.ref! : undefined;
  if (ref !== undefined && ref.link === undefined && ref.named === undefined) {
    p.refs.pop();
    return void exports.push({ name: 'default', kind: 'default-expression', shape: '', bodyHash: '', local: ref.name });
  }
  if (nodes.has('default')) throw new Undecided();
  whole?.declare('default', 'default-expression');
  nodes.set('default', { range: [start, r.previousEnd], parts: [], isExported: true });
  exports.push({ name: 'default', kind: 'default-expression', shape: 'default (expression)', bodyHash: '', local: 'default' });
}
