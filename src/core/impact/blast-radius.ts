import type { SymbolDiff } from './diff-exports.js';
import { describeUsers, type Reached } from './describe-users.js';
import { findBindingUse } from './find-binding-use.js';
import type { ChangedSymbol, DependentRef } from './impact-report.js';
import type { ImportGraph } from './import-graph.js';
import type { ExportRecord, ImportRecord, ModuleRecord } from './module-record.js';
import { compareText } from '../text/compare-text.js';

// Who uses a changed export, following names, not files. A barrel (`export … from`, or
// `import { x }` + `export { x }`) passes a name on and is not a user. A file that uses the name
// is a value user or a type user (depth 1), with the line of its first use; its own exports
// whose declarations use the name carry the change further (depth 2 and beyond: transitive).

/** Module records by path, possibly decoded on demand (the cache's records are). */
export interface RecordSource {
  get(path: string): ModuleRecord | undefined;
}

interface Step {
  readonly file: string;
  readonly name: string; // an exported name of `file`, or '*' for the whole module
  /** When `name` is a namespace re-export (`export * as name`): the name inside it that changed. */
  readonly member?: string | undefined;
  readonly chain: Link; // from `file` back to the changed file
  readonly isTypeOnly: boolean;
  /** Reached only through a namespace that escapes whole somewhere on the chain. */
  readonly isWhole: boolean;
}

/** A chain shared by every step that extends it: pushing a step copies nothing. */
interface Link {
  readonly file: string;
  readonly next: Link | null;
}

function chainOf(link: Link): string[] {
  const chain: string[] = [];
  for (let at: Link | null = link; at !== null; at = at.next) chain.push(at.file);
  return chain;
}

type Found = Omit<Reached, 'chain'> & { chain: Link };

const first = (a: number, b: number): number => (a === 0 ? b : b === 0 ? a : Math.min(a, b));

/**
 * Top-level names in `record` reached from `seeds` through declarations that use them. A seed is
 * a local name (any use of it, `x` or `x.member`), or an exact use (`ns.member`, or `ns` alone
 * where a namespace escapes whole): a namespace carries only the members it names.
 */
function affectedLocals(record: ModuleRecord, seeds: readonly string[], exact: readonly string[] = []): Set<string> {
  const affected = new Set(seeds);
  const exactUses = new Set(exact);
  const hits = (use: string): boolean => {
    if (exactUses.has(use)) return true;
    const dot = use.indexOf('.');
    return affected.has(dot < 0 ? use : use.slice(0, dot));
  };
  let grew = seeds.length + exact.length > 0;
  while (grew) {
    grew = false;
    for (const decl of record.declarations) {
      if (!affected.has(decl.local) && decl.uses.some(hits)) {
        affected.add(decl.local);
        grew = true;
      }
    }
  }
  return affected;
}

interface Reexports {
  /** Names the barrel exports itself or by name: `export *` does not pass those on. */
  readonly explicit: ReadonlySet<string>;
  /** Its `export … from` records by specifier and the name taken from it ('*': `export *`, `export * as`). */
  readonly byFrom: ReadonlyMap<string, readonly ExportRecord[]>;
  /** The exports of its own declarations (a barrel of 400 re-exports has few). */
  readonly own: readonly ExportRecord[];
}

const reexportsOf = new WeakMap<ModuleRecord, Reexports>();
const fromKey = (specifier: string, name: string) => `${specifier}\0${name}`;

function reexports(record: ModuleRecord): Reexports {
  let found = reexportsOf.get(record);
  if (found) return found;
  const byFrom = new Map<string, ExportRecord[]>();
  for (const e of record.exports) {
    if (e.from === undefined) continue;
    const key = fromKey(e.from.specifier, e.from.name);
    const list = byFrom.get(key);
    if (list) list.push(e);
    else byFrom.set(key, [e]);
  }
  found = {
    explicit: new Set(record.exports.filter((e) => e.name !== '*').map((e) => e.name)),
    byFrom,
    own: record.exports.filter((e) => e.from === undefined),
  };
  reexportsOf.set(record, found);
  return found;
}

/** Next names (with the member they carry) through a barrel's `export … from`: only the names of
 * this statement (`export type { a } from './m'` and `export { b } from './m'` are two edges, and
 * `b` goes on through the value one only). */
function reexported(importer: ModuleRecord, edge: ImportRecord, { name, member }: Step): Array<[string, string | undefined]> {
  const { explicit, byFrom } = reexports(importer);
  if (edge.names === '*') {
    return (byFrom.get(fromKey(edge.specifier, '*')) ?? []).flatMap((re): Array<[string, string | undefined]> => {
      // `export *` passes every name on but 'default', and not a name the barrel declares itself.
      if (re.name === '*') return name !== 'default' && (name === '*' || !explicit.has(name)) ? [[name, member]] : [];
      // `export * as ns`: the name goes on as a member of `ns` (within a nested namespace, the outer one).
      return [[re.name, name === '*' ? undefined : name]];
    });
  }
  const taken = name === '*' ? [...new Set(edge.names)] : edge.names.includes(name) ? [name] : [];
  return taken.flatMap((from) =>
    (byFrom.get(fromKey(edge.specifier, from)) ?? []).map((re): [string, string | undefined] => [re.name, member]),
  );
}

interface Crossing {
  readonly from: string;
  readonly importer: ModuleRecord;
  readonly edge: ImportRecord;
  /** Its place among the file's imports: candidates are taken in this order. */
  readonly order: number;
}

/**
 * The imports of one file by its importers, by the name each can use: a named binding by its
 * imported name, a namespace (`import * as ns`, `const m = require()`) by the members it reads;
 * `whole` holds a namespace somewhere whole (it may use any name), `any` imports without
 * bindings that may (`export *`, `import()` kept whole, a nested require).
 */
interface Importers {
  readonly byName: ReadonlyMap<string, readonly Crossing[]>;
  readonly whole: readonly Crossing[];
  readonly all: readonly Crossing[];
}

const NO_IMPORTERS: Importers = { byName: new Map(), whole: [], all: [] };

function addTo(byName: Map<string, Crossing[]>, name: string, crossing: Crossing): void {
  const list = byName.get(name);
  if (!list) byName.set(name, [crossing]);
  else if (list[list.length - 1] !== crossing) list.push(crossing);
}

/** Each file's importers indexed once per computation: a step then visits only the imports that
 * can use its name, not each of the 2,000 files that hold `import * as Sentry` of a barrel. */
function importersIndex(graph: ImportGraph, records: RecordSource): (file: string) => Importers {
  const known = new Map<string, Importers>();
  return (file) => {
    let found = known.get(file);
    if (found) return found;
    const byName = new Map<string, Crossing[]>();
    const whole: Crossing[] = [];
    const all: Crossing[] = [];
    for (const { from, specifier } of graph.importersOf.get(file) ?? []) {
      const importer = records.get(from);
      if (!importer) continue;
      for (const edge of importer.imports) {
        if (edge.specifier !== specifier) continue;
        const crossing = { from, importer, edge, order: all.length };
        all.push(crossing);
        if (edge.names !== '*') for (const name of edge.names) addTo(byName, name, crossing);
        else if (edge.bindings.length === 0) whole.push(crossing);
        else
          for (const binding of edge.bindings) {
            if (binding.imported !== '*') addTo(byName, binding.imported, crossing);
            else if (binding.value !== 0 || binding.type !== 0) {
              if (whole[whole.length - 1] !== crossing) whole.push(crossing);
            }
            for (const [member] of binding.members ?? []) addTo(byName, member.split('.', 1)[0]!, crossing);
          }
      }
    }
    found = all.length === 0 ? NO_IMPORTERS : { byName, whole, all };
    known.set(file, found);
    return found;
  };
}

/** The imports of the step's file that may use the step's name, in the order the importers come. */
function crossings(importers: Importers, name: string): readonly Crossing[] {
  if (name === '*' || name === 'export=') return importers.all;
  const named = importers.byName.get(name);
  if (named === undefined) return importers.whole;
  if (importers.whole.length === 0) return named;
  return [...new Set([...named, ...importers.whole])].sort((a, b) => a.order - b.order);
}

function walk(start: SymbolDiff, importersOf: (file: string) => Importers, records: RecordSource): Map<string, Reached> {
  const reached = new Map<string, Found>();
  const seen = new Set<string>();
  const seenWhole = new Set<string>();
  const exported = start.isDefault ? 'default' : start.name;
  const names = start.previousName !== undefined ? [start.previousName, exported] : [exported];
  // One queue per depth: a barrel keeps the depth, a user adds one, so the nearest route wins.
  // An interface or a type alias has no runtime value: every use of it is a use in types.
  const kind = records.get(start.path)?.exports.find((e) => e.name === exported)?.kind;
  const isType = kind === 'interface' || kind === 'type';
  const levels: Step[][] = [
    names.map((name) => ({ file: start.path, name, chain: { file: start.path, next: null }, isTypeOnly: isType, isWhole: false })),
  ];
  for (let depth = 0; depth < levels.length; depth++) {
    const level = levels[depth]!;
    const push = (at: number, step: Step) => (levels[at] ??= []).push(step);
    for (let i = 0; i < level.length; i++) {
      const step = level[i]!;
      // A step reached by name is taken even after the same step reached through a whole module.
      const key = `${step.file}\0${step.name}\0${step.member ?? ''}`;
      // A step reached in types only is taken again when it is reached as a value.
      const typeKey = `${key}\0type`;
      if (seen.has(key) || (step.isTypeOnly && seen.has(typeKey)) || (step.isWhole && seenWhole.has(key))) continue;
      (step.isWhole ? seenWhole : seen).add(step.isTypeOnly && !step.isWhole ? typeKey : key);
      for (const { from, importer, edge } of crossings(importersOf(step.file), step.name)) {
        if (from === start.path) continue;
        const chain: Link = { file: from, next: step.chain };
        const isTypeOnly = step.isTypeOnly || edge.isTypeOnly;
        if (edge.kind === 'export-from') {
          for (const [name, member] of reexported(importer, edge, step))
            push(depth, { ...step, file: from, name, member, chain, isTypeOnly });
          continue;
        }
        const use = findBindingUse(edge, step.name, step.member);
        const [value, type] = isTypeOnly ? [0, use.type || use.value] : [use.value, use.type];
        // `import { x }` + `export { x }`: the same name, passed on at the same depth.
        const passed = new Set(use.locals);
        const { own } = reexports(importer);
        if (passed.size > 0)
          for (const e of own)
            if (e.local !== undefined && passed.has(e.local)) push(depth, { ...step, file: from, name: e.name, chain, isTypeOnly });
        if (value === 0 && type === 0) continue;
        const isWholeUse = step.isWhole || use.isWhole;
        const known = reached.get(from);
        // A file that holds the whole module here but uses the name further away is a user there.
        if (!known || (known.isWhole && !isWholeUse && known.depth < depth + 1))
          reached.set(from, { depth: depth + 1, chain, value, type, isWhole: isWholeUse });
        else if (known.depth === depth + 1 && known.isWhole === isWholeUse)
          [known.value, known.type] = [first(known.value, value), first(known.type, type)];
        else if (known.depth === depth + 1 && known.isWhole) reached.set(from, { depth: depth + 1, chain, value, type, isWhole: false });
        // A namespace (or a named import of one) carries the change to declarations that read the
        // changed member, or that hold it whole.
        const isAll = step.name === '*' || step.name === 'export=';
        const throughMember = step.member !== undefined && !isAll;
        const seeds = [...(throughMember ? [] : use.locals), ...(isAll ? use.namespaces : [])];
        const exact = [
          ...(throughMember ? use.locals.flatMap((l) => [l, `${l}.${step.member}`]) : []),
          ...(isAll ? [] : use.namespaces.flatMap((ns) => [ns, `${ns}.${step.name}`])),
        ];
        const isWhole = edge.kind === 'require' && seeds.length + exact.length === 0 && importer.exports.some((e) => e.kind === 'commonjs');
        const affected = affectedLocals(importer, seeds, exact);
        for (const e of own) {
          if (e.local !== undefined && passed.has(e.local)) continue;
          if (isWhole || (e.local !== undefined && affected.has(e.local)) || (e.kind === 'commonjs' && affected.size + exact.length > 0)) {
            push(depth + 1, { file: from, name: e.name, chain, isTypeOnly: isTypeOnly || value === 0, isWhole: isWholeUse });
          }
        }
      }
    }
  }
  return new Map([...reached].map(([path, found]) => [path, { ...found, chain: chainOf(found.chain) }]));
}

const NO_USERS = { valueUsers: [], typeUsers: [], wholeModuleUsers: [], transitive: { count: 0, chains: [] }, dependents: [] };

/** Attaches users to each changed symbol; added exports have none yet. */
export function computeBlastRadius(changes: readonly SymbolDiff[], graph: ImportGraph, records: RecordSource): ChangedSymbol[] {
  const importersOf = importersIndex(graph, records);
  return changes.map((change) => ({
    ...change,
    ...(change.change === 'added' ? NO_USERS : describeUsers(walk(change, importersOf, records))),
  }));
}

/** Every dependent of any changed symbol, once, at its nearest depth. */
export function mergeDependents(symbols: readonly ChangedSymbol[]): DependentRef[] {
  const merged = new Map<string, DependentRef>();
  for (const ref of symbols.flatMap((s) => s.dependents)) {
    const known = merged.get(ref.path);
    if (!known || ref.depth < known.depth) merged.set(ref.path, { ...ref, isTypeOnly: ref.isTypeOnly && (known?.isTypeOnly ?? true) });
    else if (!ref.isTypeOnly && known.isTypeOnly) merged.set(ref.path, { ...known, isTypeOnly: false });
  }
  return [...merged.values()].sort((a, b) => a.depth - b.depth || compareText(a.path, b.path));
}
