import type { ChangedSymbol } from './impact-report.js';
import type { ExportRecord, ModuleRecord } from './module-record.js';
import { findChangedHelper, listChangedLocals, type ChangedLocals, type SameImport } from './find-changed-helper.js';
import { maskDefaults } from './mask-defaults.js';
import { nameReshape, nameTypeWords } from './name-reshape.js';
import { isOverloadWidened, readOverloads } from './overloads.js';
import { listChangedShapeMembers } from './shape-members.js';

// What a file's change did to its exports, old (HEAD) against new (index): added, removed,
// renamed (a removed and an added export of the same shape), shape-changed, body-changed, and
// body-changed `via` a non-exported helper whose change reaches the export.

export type SymbolDiff = Omit<ChangedSymbol, 'dependents' | 'valueUsers' | 'typeUsers' | 'wholeModuleUsers' | 'transitive' | 'capped'>;

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "old → new"; where either is long, the part that differs, after a little of what comes before
 * it (unstorage 61b2df1's `createStorageHandler(storage, opts = …): (req: globalThis.Request) => …`
 * returning `FetchHandler`: both sides cut at 120 characters read the same). */
function describeReshape(oldShape: string, newShape: string): string {
  // A doc comment is no part of the difference worth a reader's eye.
  const plain = (t: string) => t.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ');
  const before = plain(oldShape);
  const after = plain(newShape);
  if (before.length <= 120 && after.length <= 120) return `${before} → ${after}`;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  const shorter = Math.min(before.length, after.length) - start;
  while (end < shorter && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  // A little of what comes before, from the start of a word (`): `, `resolvePath?: `).
  let from = Math.max(0, start - 12);
  while (from > 0 && from > start - 32 && /\w/.test(before[from - 1]!)) from--;
  if (from > 0 && /\w/.test(before[from - 1]!)) from = start;
  const context = before.slice(from, start);
  // A middle clipped at 40 characters already ends in `…`: one mark for what is left out, not `……`.
  const cut = (text: string) => {
    const middle = clip(text.slice(start, text.length - end), 40);
    return `${from > 0 ? '…' : ''}${context}${middle}${end > 0 && !middle.endsWith('…') ? '…' : ''}`;
  };
  return `${cut(before)} → ${cut(after)}`;
}

/** A shape blind to comments, spacing around punctuation, separators and trailing commas. */
export function normalizeShape(shape: string): string {
  return shape
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*([,;:(){}<>[\]=|&?])\s*/g, '$1')
    .replace(/;/g, ',')
    .replace(/,([)\]}>])/g, '$1')
    .trim();
}

/** Where a reader of a normalized shape stands: the depth of its brackets, of its type-parameter
 * angles, and whether the function's parameter list (the first `(` outside angles) is still to
 * come, open or closed. */
interface ShapeStep {
  depth: number;
  angle: number;
  list: 'before' | 'open' | 'closed';
}

const startShapeStep = (): ShapeStep => ({ depth: 0, angle: 0, list: 'before' });

/** Moves `step` past the character at `i` of `shape` (`=>` closes no angle). */
function stepShape(shape: string, i: number, step: ShapeStep): void {
  const c = shape[i]!;
  if (c === '<') step.angle++;
  else if (c === '>' && shape[i - 1] !== '=') step.angle--;
  else if (c === '(' || c === '{' || c === '[') step.depth++;
  else if (c === ')' || c === '}' || c === ']') step.depth--;
  if (step.list === 'before' && c === '(' && step.angle === 0 && step.depth === 1) step.list = 'open';
  else if (step.list === 'open' && step.depth === 0) step.list = 'closed';
}

/** A function's shape without the names of its parameters: a caller passes them by position, so
 * TanStack table's `injectTable(options: …)` → `injectTable(optionsFactory: …)` reshapes nothing.
 * (Read on a normalized shape: the first `(` outside type parameters opens the list; `=>` is no
 * closing `>`.) */
export function withoutParameterNames(shape: string): string {
  const step = startShapeStep();
  let out = '';
  for (let i = 0; i < shape.length; i++) {
    const c = shape[i]!;
    stepShape(shape, i, step);
    out += c;
    if (step.list === 'closed') return out + shape.slice(i + 1);
    if (step.list === 'open' && step.angle === 0 && step.depth === 1 && (c === '(' || c === ',')) {
      const name = /^(\.\.\.)?[A-Za-z_$][\w$]*(\??:|(?=[,)=]))/.exec(shape.slice(i + 1));
      if (name !== null) {
        out += `${name[1] ?? ''}${name[2]}`;
        i += name[0].length;
      }
    }
  }
  return out;
}

/** A class's shape without the names of its methods' and constructor's parameters
 * (dnd-kit's `Sortable` constructor, a plain parameter renamed, read as a class shape change). A
 * parameter property (`private readonly rest: REST`) is a member: its modifier keeps its name.
 * (An interface's are not dropped: it has no body to carry the change, and would read "implementation changed".) */
export function withoutMemberParameterNames(shape: string): string {
  const step = startShapeStep();
  let from = -1;
  let out = '';
  for (let i = 0; i < shape.length; i++) {
    const c = shape[i]!;
    stepShape(shape, i, step);
    if (from < 0) {
      out += c;
      if (c === '{' && step.depth === 1 && step.angle === 0) from = i + 1;
    } else if (step.depth === 0 || (step.depth === 1 && step.angle === 0 && c === ',')) {
      // A member ends: its text read as a function's.
      out += withoutParameterNames(shape.slice(from, i)) + c;
      from = i + 1;
    }
  }
  return from < 0 || from >= shape.length ? out : out + shape.slice(from);
}

// A shape that only gained something optional: a member `name?: T` of an interface, a type
// literal or a class, or a parameter `name?: T` / `name = value` (execa's `CommonOptions` gains
// `readonly killDescendants?: boolean`). Every user's code that compiled before still does, so
// the change widens the API rather than breaking it.

/** An optional member or parameter, as a normalized shape writes it. */
const OPTIONAL_ITEM = /^(?:readonly )?[\w$]+(?:\?:.+|(?::[^=]+)?=(?!>).+)$/s;

function isBalanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Whether `after` is `before` with one optional member or parameter inserted into a list; for
 * a class, any member: its users read an instance, and one it gains breaks none of them (ts-morph
 * 415a850a's declared `Type` and `TypeChecker` gain `getAwaitedType`). */
export function isWidenedShape(before: string, after: string, isClass = false): boolean {
  const [old, now] = [normalizeShape(before), normalizeShape(after)];
  if (now.length <= old.length) return false;
  let start = 0;
  while (start < old.length && old[start] === now[start]) start++;
  let end = 0;
  while (end < old.length - start && old[old.length - 1 - end] === now[now.length - 1 - end]) end++;
  if (start + end !== old.length) return false;
  // The same insertion may sit further left (`readonly k?: T,readonly ` after `…,` is `readonly
  // k?: T,` after `…,readonly `… ): slide it back over equal characters to a list's separator.
  const size = now.length - old.length;
  for (let at = start; at >= 0; at--) {
    if (at < start && now[at] !== now[at + size]) break;
    if (isOptionalInsert(now, at, size, isClass) || isParameterUnionInsert(now, at, size)) return true;
  }
  return false;
}

/** Whether `now.slice(at, at + size)` adds a member to the type of one of a function's own
 * parameters (`|string`, `string|`): pnpm 366c0ad764's `createPackageVersionPolicy(patterns:
 * string[] | string)` takes what it took and more. Only a function's own parameters: a callback's
 * parameter, a return type, a member of an interface or a function type widened is no longer safe. */
function isParameterUnionInsert(now: string, at: number, size: number): boolean {
  const inserted = now.slice(at, at + size);
  const member = inserted.startsWith('|') ? inserted.slice(1) : inserted.endsWith('|') ? inserted.slice(0, -1) : null;
  if (member === null || member === '' || !isBalanced(member) || /[<>]/.test(member)) return false;
  // A function's, not a type's: `type Fn = (x: string) => void` widened breaks what implements it.
  if (!/^(?:export )?(?:declare )?(?:default )?(?:async )?function\b/.test(now)) return false;
  const step = startShapeStep();
  for (let i = 0; i < at; i++) {
    stepShape(now, i, step);
    if (step.list === 'closed') return false;
  }
  // Inside the list, in a parameter's type (after its `:`), with nothing else open.
  const param = now.slice(Math.max(now.lastIndexOf(',', at - 1), now.lastIndexOf('(', at - 1)) + 1, at);
  return step.list === 'open' && step.depth === 1 && step.angle === 0 && /^(?:\.\.\.)?[\w$]+\??:/.test(param);
}

/** Whether `now.slice(at, at + size)` is `,item` after an item or `item,` at a list's start or after a separator. */
function isOptionalInsert(now: string, at: number, size: number, isClass: boolean): boolean {
  const inserted = now.slice(at, at + size);
  const isAfterItem = !'{(,'.includes(now[at - 1] ?? ',');
  let item: string | undefined;
  if (inserted.startsWith(',') && isAfterItem) item = inserted.slice(1);
  else if (inserted.endsWith(',') && !isAfterItem) item = inserted.slice(0, -1);
  // The first item of an empty list (urql 1d0ce5c1's `refocusExchange = ()` → `(opts: RefocusOptions = {})`).
  else if ('({'.includes(now[at - 1] ?? '') && ')}'.includes(now[at + size] ?? '')) item = inserted;
  // A class's members sit after its head's `{`: a list's item there is a member, never a parameter.
  const isMember = isClass && isBalanced(`${now.slice(0, at)}}`) && /[\w$]/.test(item?.[0] ?? '');
  return item !== undefined && isBalanced(item) && (OPTIONAL_ITEM.test(item) || isMember);
}

function isSameShapeButName(a: ExportRecord, b: ExportRecord): boolean {
  return (
    a.kind === b.kind &&
    a.bodyHash !== '' &&
    normalizeShape(a.shape.split(a.name).join('')) === normalizeShape(b.shape.split(b.name).join(''))
  );
}

/** A default export is named by its local name when it has one (`assembleReleasePlan`). */
const named = (record: ExportRecord) =>
  record.name === 'default' && record.local !== undefined
    ? { name: record.local, isDefault: true }
    : { name: record.name, ...(record.name === 'default' && { isDefault: true }) };

/** A file's exports by name. The parts of a merged declaration (ts-node's `interface TSInternal`
 * beside `namespace TSInternal`) are one export: their shapes and hashes joined, the first part's
 * kind, so a change to either part is the export's change. */
function byName(record: ModuleRecord | null): Map<string, ExportRecord> {
  const exports = new Map<string, ExportRecord>();
  for (const e of record?.exports ?? []) {
    const first = exports.get(e.name);
    exports.set(e.name, first ? { ...first, shape: `${first.shape}\n${e.shape}`, bodyHash: `${first.bodyHash}+${e.bodyHash}` } : e);
  }
  return exports;
}

/** The export `name` of the module `specifier` names, as the changed file's importer resolves it (a staged file's only). */
export type ImportedExport = (specifier: string, name: string) => ExportRecord | undefined;

/** What an export that names an imported binding (`import { x } from './m'; export { x }`) stands for: `./m`'s `x`. */
function boundExport(record: ExportRecord, after: ModuleRecord | null, importedExport?: ImportedExport): ExportRecord | undefined {
  if (importedExport === undefined || record.from !== undefined || record.shape !== `${record.local} (binding)`) return undefined;
  const edge = after?.imports.find((i) => i.bindings.some((b) => b.local === record.local));
  const imported = edge?.bindings.find((b) => b.local === record.local)?.imported;
  return edge === undefined || imported === undefined || imported === '*' ? undefined : importedExport(edge.specifier, imported);
}

export function diffExports(
  path: string,
  before: ModuleRecord | null,
  after: ModuleRecord | null,
  isSameImport?: SameImport,
  importedExport?: ImportedExport,
): SymbolDiff[] {
  if (after?.parseError !== undefined) {
    return [{ path, name: '*', change: 'unknown', detail: `does not parse (${after.parseError}): every export may have changed` }];
  }
  const [old, now] = [byName(before), byName(after)];
  const changes: SymbolDiff[] = [];
  const own = (exports: Map<string, ExportRecord>, local: string) => [...exports.values()].find((e) => e.local === local && !e.from);
  /** Whether the export of the local `local` changed its shape (not its implementation alone). */
  const isShapeChanged = (local: string): boolean => {
    const [a, b] = [own(old, local), own(now, local)];
    return a === undefined || b === undefined || a.kind !== b.kind || normalizeShape(a.shape) !== normalizeShape(b.shape);
  };
  // Only a declaration that changed and is exported has a shape to compare.
  const changedLocalShape = (local: string): boolean =>
    oldHashes.get(local) !== newHashes.get(local) && own(now, local) !== undefined && isShapeChanged(local);
  const hashes = (record: ModuleRecord | null) => new Map((record?.declarations ?? []).map((d) => [d.local, d.hash]));
  const [oldHashes, newHashes] = [hashes(before), hashes(after)];
  // A statement after the declaration that builds it (kysely's `testSql.skip = function …` after
  // `export function testSql`) is part of the declaration's hash, not of the export's own.
  const isBuiltAfter = (record: ExportRecord): boolean =>
    record.local !== undefined && !record.from && oldHashes.get(record.local) !== newHashes.get(record.local);
  // What changed inside the file, read once, when an export's own text did not change.
  let locals: ChangedLocals | undefined;
  const localsOf = (b: ModuleRecord, a: ModuleRecord) => (locals ??= listChangedLocals(b, a, isSameImport));
  const removed = [...old.values()].filter((e) => !now.has(e.name));
  const added = [...now.values()].filter((e) => !old.has(e.name));
  for (const record of added) {
    const previous = removed.find((r) => isSameShapeButName(r, record));
    if (previous) {
      removed.splice(removed.indexOf(previous), 1);
      changes.push({ path, ...named(record), change: 'renamed', previousName: previous.name, detail: `renamed from ${previous.name}` });
    } else {
      changes.push({ path, ...named(record), change: 'added' });
    }
  }
  for (const record of removed) changes.push({ path, ...named(record), change: 'removed', detail: clip(maskDefaults(record.shape)) });
  for (const [name, record] of now) {
    const previous = old.get(name);
    if (!previous) continue;
    const shapeOf = (r: ExportRecord) =>
      r.kind === 'function'
        ? withoutParameterNames(normalizeShape(r.shape))
        : r.kind === 'class'
          ? withoutMemberParameterNames(normalizeShape(r.shape))
          : normalizeShape(r.shape);
    // A declaration moved to another staged file and re-exported from there (milkdown 71c0ce53b6's
    // `mathInlineId`, moved to `./constants`): the same shape is no reshape, its body is compared there.
    const moved = boundExport(record, after, importedExport);
    if (moved !== undefined && moved.kind === previous.kind && shapeOf(moved) === shapeOf(previous)) {
      changes.push({ path, ...named(record), change: 'body-changed' });
    } else if (shapeOf(previous) !== shapeOf(record) || previous.kind !== record.kind) {
      // Moved and reshaped: the shape it has now is the moved declaration's.
      const shown = moved ?? record;
      const [was, is] = [maskDefaults(previous.shape), maskDefaults(shown.shape)];
      // An arrow function's const turned function declarations (neverthrow 17e6a6f's `ok`, to
      // take overloads) is still a function: its signatures are compared.
      const isSameKind = previous.kind === shown.kind || isArrowTurnedFunction(previous, shown);
      const reshaped = !isSameKind ? undefined : (nameReshape(was, is) ?? (shown.kind === 'type' ? nameTypeWords(was, is) : undefined));
      changes.push({
        path,
        ...named(record),
        change: 'shape-changed',
        detail: describeReshape(maskDefaults(previous.shape), maskDefaults(shown.shape)),
        ...(isSameKind && isWidened(previous.shape, shown.shape, shown.kind, path) && { widened: true }),
        ...(reshaped !== undefined && { reshaped }),
        ...(previous.kind !== shown.kind && { previousKind: previous.kind }),
        ...membersOf(previous, shown),
      });
    } else if (previous.bodyHash !== record.bodyHash || isBuiltAfter(record)) {
      changes.push({ path, ...named(record), change: 'body-changed' });
    } else if (before && after && record.local !== undefined) {
      const found = findChangedHelper(after, record.local, localsOf(before, after), (local) => changedLocalShape(local));
      const helper = found?.name;
      // A type has no implementation: one that names another export of its file whose
      // implementation alone changed (mobx's `IMapDidChange` naming the class `ObservableMap`)
      // did not change; that export is reported with its own users. A private declaration it
      // names, or an export whose shape changed (TanStack/query's `UndefinedInitialQueryOptions`
      // = `UseQueryOptions<…> & {…}`), is part of its shape: reported.
      // But a variable whose type is inferred (remeda's docs: `type FunctionEntry =
      // z.infer<typeof zFunction>`) has the type of its initializer: a type naming it changes
      // with it.
      const isType = record.kind === 'interface' || record.kind === 'type';
      const helperRecord = after.exports.find((e) => (e.local ?? e.name) === helper && e.kind === 'variable');
      const isInferred = helperRecord?.shape.endsWith('(type inferred)') === true;
      const isTypeNamingExport =
        isType &&
        helper !== undefined &&
        after.declarations.some((d) => d.local === helper && d.isExported) &&
        !isShapeChanged(helper) &&
        !isInferred;
      if (helper !== undefined && !isTypeNamingExport) {
        const carries = isType ? 'type' : found!.carries;
        // Through an export of its file that only gained something optional (execa's `Options` =
        // `CommonOptions & {…}`): widened as well.
        const [was, is] = [own(old, helper), own(now, helper)];
        // In a declaration file a value's change through a type is a shape change too (below).
        const widened =
          (carries === 'type' || DECLARATION_FILE.test(path)) &&
          was !== undefined &&
          is !== undefined &&
          isWidened(was.shape, is.shape, is.kind, path);
        changes.push({
          path,
          ...named(record),
          change: carries === 'type' ? 'shape-changed' : 'body-changed',
          via: helper,
          detail: `${carries} changed through \`${helper}\``,
          ...(widened && { widened: true }),
        });
      }
    }
  }
  // A declaration file has no implementation: what changed in it is a type (pino.d.ts's
  // `export = pino`, whose namespace's interface gained members).
  if (!DECLARATION_FILE.test(path)) return changes;
  return changes.map((c) =>
    c.change !== 'body-changed'
      ? c
      : { ...c, change: 'shape-changed', detail: c.via !== undefined ? `type changed through \`${c.via}\`` : 'declared types changed' },
  );
}

const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** Only gained something optional, or overloads tried after every old one. */
const isWidened = (before: string, after: string, kind: ExportRecord['kind'], path: string) =>
  isWidenedShape(before, after, kind === 'class') ||
  (kind === 'function' && isOverloadWidened(before, after, !DECLARATION_FILE.test(path)));

const isArrowTurnedFunction = (previous: ExportRecord, record: ExportRecord) =>
  previous.kind === 'variable' && record.kind === 'function' && readOverloads(previous.shape)?.length === 1;
// Their shapes end each member (declaration-shape.ts); a type alias's is its text as written,
// where members without semicolons run together.
const HAS_MEMBERS = new Set<ExportRecord['kind']>(['interface', 'class']);

/** The members a reshaped interface or class changed, where they are all it changed. */
function membersOf(previous: ExportRecord, record: ExportRecord): { changedMembers?: readonly string[] } {
  if (previous.kind !== record.kind || !HAS_MEMBERS.has(record.kind)) return {};
  const members = listChangedShapeMembers(previous.shape, record.shape, record.kind === 'class');
  return members === null ? {} : { changedMembers: members };
}
