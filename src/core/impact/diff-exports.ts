import type { ChangedSymbol } from './impact-report.js';
import type { ExportRecord, ModuleRecord } from './module-record.js';
import { findChangedHelper, listChangedLocals, type ChangedLocals, type SameImport } from './find-changed-helper.js';
import { maskDefaults } from './mask-defaults.js';
import { nameReshape, nameTypeWords } from './name-reshape.js';
import { isOverloadWidened, readOverloads } from './overloads.js';
import { listChangedShapeMembers } from './shape-members.js';
import { isWidenedShape, nameInserted, normalizeShape, withoutMemberParameterNames, withoutParameterNames } from './shape-text.js';

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

function isSameShapeButName(a: ExportRecord, b: ExportRecord): boolean {
  return (
    a.kind === b.kind &&
    a.bodyHash !== '' &&
    normalizeShape(a.shape.split(a.name).join('')) === normalizeShape(b.shape.split(b.name).join(''))
  );
}

/** A shape as compared: normalized, and a function's or a class's without its parameters' names. */
function comparedShape(r: ExportRecord): string {
  return r.kind === 'function'
    ? withoutParameterNames(normalizeShape(r.shape))
    : r.kind === 'class'
      ? withoutMemberParameterNames(normalizeShape(r.shape))
      : normalizeShape(r.shape);
}

/** Whether two exports of one kind have the same shape as compared. The same text needs no
 * normalizing: on a warm run of sentry-javascript's core most exports of a changed file keep
 * theirs, and normalizing every one was ~5% of the run (docs/speed.md, round 51). */
function isSameShape(a: ExportRecord, b: ExportRecord): boolean {
  return a.shape === b.shape || comparedShape(a) === comparedShape(b);
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

/** A barrel's `export * from` lines, all kept, and more added (Flowise a24acac5d8's
 * `packages/components/src/index.ts` + `export * from './pythonCodeValidator'`): the added module's
 * exports are reported as its own, new; every name the barrel exported before it still exports. */
function isStarAdded(name: string, previous: ExportRecord, record: ExportRecord): boolean {
  if (name !== '*') return false;
  const now = new Set(record.shape.split('\n'));
  return previous.shape.split('\n').every((line) => now.has(line));
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
  /** Whether a changed top-level object's own keys changed; unknown (not given): yes. */
  isKeysChanged?: (local: string) => boolean,
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
  /** A type of the file, changed, that the export's written signature names. */
  const signatureCarrier = (record: ExportRecord): string | undefined => {
    const changedTypes = new Set(
      (after?.declarations ?? [])
        .filter((d) => d.isType === true && d.local !== record.local && oldHashes.has(d.local) && oldHashes.get(d.local) !== d.hash)
        .map((d) => d.local),
    );
    if (changedTypes.size === 0 || record.shape.endsWith('(type inferred)')) return undefined;
    return record.shape.match(/[\w$]+/g)?.find((w) => changedTypes.has(w) && (own(now, w) === undefined || isShapeChanged(w)));
  };
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
    if (!previous || isStarAdded(name, previous, record)) continue;
    // A declaration moved to another staged file and re-exported from there (milkdown 71c0ce53b6's
    // `mathInlineId`, moved to `./constants`): the same shape is no reshape, its body is compared there.
    const moved = boundExport(record, after, importedExport);
    if (moved !== undefined && moved.kind === previous.kind && isSameShape(moved, previous)) {
      changes.push({ path, ...named(record), change: 'body-changed' });
    } else if (previous.kind !== record.kind || !isSameShape(previous, record)) {
      // Moved and reshaped: the shape it has now is the moved declaration's.
      const shown = moved ?? record;
      const [was, is] = [maskDefaults(previous.shape), maskDefaults(shown.shape)];
      // An arrow function's const turned function declarations (neverthrow 17e6a6f's `ok`, to
      // take overloads) is still a function: its signatures are compared.
      const isSameKind = previous.kind === shown.kind || isArrowTurnedFunction(previous, shown);
      const members = membersOf(previous, shown);
      // A class's members say more, what their bodies do too (superjson 1396ca8's `parse`).
      const namedByInsert = shown.kind !== 'class';
      const reshaped = !isSameKind
        ? undefined
        : (nameReshape(was, is) ??
          (shown.kind === 'type' ? nameTypeWords(was, is) : namedByInsert ? nameInserted(was, is, members.changedMembers) : undefined));
      changes.push({
        path,
        ...named(record),
        change: 'shape-changed',
        detail: describeReshape(maskDefaults(previous.shape), maskDefaults(shown.shape)),
        ...(isSameKind && isWidened(previous.shape, shown.shape, shown.kind, path) && { widened: true }),
        ...(reshaped !== undefined && { reshaped }),
        ...(previous.kind !== shown.kind && { previousKind: previous.kind }),
        ...members,
      });
    } else if (previous.bodyHash !== record.bodyHash || isBuiltAfter(record)) {
      // Its body changed and so did a type of its file its signature names (webiny bb500f4e48's
      // `ContentEntryLocker = ({ … }: IContentEntryLockerProps)`, the interface gaining three
      // required props): its callers see the type first.
      const carrier = signatureCarrier(record);
      const [was, is] = carrier === undefined ? [] : [own(old, carrier), own(now, carrier)];
      const widened = was !== undefined && is !== undefined && isWidened(was.shape, is.shape, is.kind, path);
      // A change of its own and one through a helper its body uses: both are the export's.
      const helper =
        carrier === undefined && before && after && record.local !== undefined && !record.from
          ? findChangedHelper(after, record.local, localsOf(before, after), (local) => changedLocalShape(local), isKeysChanged)
          : undefined;
      const alsoVia =
        helper?.carries === 'implementation' &&
        own(now, helper.name) === undefined &&
        after?.declarations.some((d) => d.local === helper.name)
          ? helper.name
          : undefined;
      changes.push(
        carrier === undefined
          ? { path, ...named(record), change: 'body-changed', ...(alsoVia !== undefined && { alsoVia }) }
          : {
              path,
              ...named(record),
              change: 'shape-changed',
              via: carrier,
              detail: `type changed through \`${carrier}\``,
              bodyChanged: true,
              ...(widened && { widened: true }),
            },
      );
    } else if (before && after && record.local !== undefined) {
      const found = findChangedHelper(after, record.local, localsOf(before, after), (local) => changedLocalShape(local), isKeysChanged);
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
