import { findBindingUse } from './find-binding-use.js';
import type { ExportRecord, ImportRecord, ModuleRecord } from './module-record.js';
import { crossings, isPassedOn, type Crossing, type Importers } from './route-importers.js';
import { declarationPath } from './resolve-specifier.js';
import { encodeRouteTable, readStoredRoute, type ImportersOf, type RouteTable, type StoredRoute } from './route-table.js';

// What crossing one import does to a changed name (blast-radius.ts walks these): a barrel passes
// the name on, a user has the lines of its use and the exports that carry the change further.
// Each (file, name, member) is numbered once per run and its routes are worked out once, or read
// from the routes an earlier run kept (route-table.ts) where they still hold.

/** An exported name of a file ('*' for the whole module) and, when it is a namespace re-export
 * (`export * as name`), the name inside it that changed. */
interface StepName {
  readonly file: string;
  readonly name: string;
  readonly member?: string | undefined;
}

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
function reexported(importer: ModuleRecord, edge: ImportRecord, { name, member }: StepName): Array<[string, string | undefined]> {
  const { explicit, byFrom } = reexports(importer);
  if (edge.names === '*') {
    return (byFrom.get(fromKey(edge.specifier, '*')) ?? []).flatMap((re): Array<[string, string | undefined]> => {
      // `export *` passes every name on but 'default', and not a name the barrel declares itself.
      if (re.name === '*') return name !== 'default' && (name === '*' || !explicit.has(name)) ? [[name, member]] : [];
      // `export * as ns`: the name goes on as a member of `ns` (within a nested namespace, the outer one).
      // (`exports.a = require('./m')` takes m's `module.exports` itself: no member of it.)
      return [[re.name, name === '*' || name === 'export=' ? undefined : name]];
    });
  }
  const taken = name === '*' ? [...new Set(edge.names)] : edge.names.includes(name) ? [name] : [];
  return taken.flatMap((from) =>
    (byFrom.get(fromKey(edge.specifier, from)) ?? []).map((re): [string, string | undefined] => [re.name, member]),
  );
}

/**
 * What crossing one import does to a step's name, the same in every walk of a run (the walks of a
 * change's symbols meet the same files by the same names): a barrel passes names on at the same
 * depth; a user has the lines of its use, the names it passes on as they are (`import { x }` +
 * `export { x }`), and its exports that carry the change one step further. Names are nodes.
 */
export type Route = Omit<StoredRoute, 'from'> & { readonly from: string };

/** Routes of an earlier run (route-table.ts), with which of its nodes still hold. */
export interface KeptRoutes {
  readonly table: RouteTable;
  readonly valid: Uint8Array;
}

const usesOfRecord = new WeakMap<ModuleRecord, ReadonlySet<string>>();

/** Every name the file's declarations use. */
function usesOf(record: ModuleRecord): ReadonlySet<string> {
  let uses = usesOfRecord.get(record);
  if (!uses) usesOfRecord.set(record, (uses = new Set(record.declarations.flatMap((d) => d.uses))));
  return uses;
}

/** (file, name, member) numbered once per run, with the routes out of each, computed once. */
export class Nodes {
  private readonly ids = new Map<string, number>();
  readonly names: StepName[] = [];
  private readonly routes: Array<readonly Route[] | undefined> = [];
  private readonly whole = new Map<Crossing, { readonly route: Route; readonly namespaces: readonly string[] }>();
  /** A run's node -> its number in the kept table (-1: none), and the kept routes, once read. */
  private readonly keptNode: number[] = [];
  private readonly keptRoutes: Array<Route | undefined> = [];
  private readonly keptIds: Int32Array;
  /** Whether some node's routes were computed here rather than read from the kept table. */
  isComputed = false;

  constructor(
    private readonly importersOf: (file: string) => Importers,
    private readonly kept: KeptRoutes | null = null,
    /** Whether some file imports this one (its importers' records may not be read yet). */
    private readonly isImported: (file: string) => boolean = () => true,
    /** The source a workspace subpath's `types` condition names for this runtime source (resolve-package.ts). */
    private readonly typesSourceOf: (file: string) => string | undefined = () => undefined,
  ) {
    this.keptIds = new Int32Array(kept?.table.nodeFiles.length ?? 0).fill(-1);
    if (kept === null) return;
    const { valid } = kept;
    for (let n = 0; n < valid.length; n++) if (valid[n] === 1) this.keptNode[this.keptId(n)] = n;
  }

  id(file: string, name: string, member?: string): number {
    const key = `${file}\0${name}\0${member ?? ''}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.names.length));
      this.names.push({ file, name, member });
    }
    return id;
  }

  /** The same name of the declaration file beside a JavaScript file's node, or of the types source
   * of a package subpath that runs this file, when something imports it. */
  declarationOf(node: number): number | undefined {
    const { file, name, member } = this.names[node]!;
    const beside = declarationPath(file);
    const declaration = beside !== null && this.isImported(beside) ? beside : this.typesSourceOf(file);
    if (declaration === undefined || !this.isImported(declaration)) return undefined;
    return this.id(declaration, name, member);
  }

  /** This run's number of node n of the kept table. */
  private keptId(n: number): number {
    let id = this.keptIds[n]!;
    if (id < 0) {
      const { table } = this.kept!;
      const member = table.names[2 * n + 1]!;
      this.keptIds[n] = id = this.id(table.files[table.nodeFiles[n]!]!, table.names[2 * n]!, member === '' ? undefined : member);
    }
    return id;
  }

  private keptRoute(r: number): Route {
    let route = this.keptRoutes[r];
    if (route === undefined) {
      const { table } = this.kept!;
      const stored = readStoredRoute(table, r, this.keptNumber);
      const { isTypeOnly, same, value, type, isWholeUse, next, isShared } = stored;
      this.keptRoutes[r] = route = { from: table.files[stored.from]!, isTypeOnly, same, value, type, isWholeUse, next, isShared };
    }
    return route;
  }

  private readonly keptNumber = (n: number): number => this.keptId(n);

  routesOf(node: number): readonly Route[] {
    let routes = this.routes[node];
    if (routes === undefined) {
      const n = this.keptNode[node];
      if (n !== undefined) {
        const { refs, routeSpans } = this.kept!.table;
        const begin = routeSpans[2 * n]!;
        const end = routeSpans[2 * n + 1]!;
        const read = new Array<Route>(end - begin);
        for (let i = begin; i < end; i++) read[i - begin] = this.keptRoute(refs[i]!);
        routes = read;
      } else {
        const step = this.names[node]!;
        const importers = this.importersOf(step.file);
        const named = new Set(
          step.name === '*' || step.name === 'export=' ? importers.all : [...(importers.byName.get(step.name) ?? []), ...importers.passing],
        );
        routes = crossings(importers, step.name).map((c) =>
          named.has(c) ? this.routeOf(c.from, c.importer, c.edge, step) : this.wholeRouteOf(c, step),
        );
        this.isComputed = true;
      }
      this.routes[node] = routes;
    }
    return routes;
  }

  /** The routes known now, for the next run. */
  keep(resolution: string, importersOf: ImportersOf): RouteTable {
    return encodeRouteTable(resolution, this.names, (node) => this.routes[node], importersOf);
  }

  /**
   * A file that holds the module whole and reads none of its names (`window.Sentry = Sentry` in
   * 370 test pages of sentry-javascript) is crossed the same way by every name: one route, shared
   * (a walk takes it once), unless a declaration there reads `ns.name` after all.
   */
  private wholeRouteOf(crossing: Crossing, step: StepName): Route {
    const { from, importer, edge } = crossing;
    if (edge.kind === 'export-from') return this.routeOf(from, importer, edge, step);
    const known = this.whole.get(crossing);
    if (known !== undefined) {
      const uses = usesOf(importer);
      if (!known.namespaces.some((ns) => uses.has(`${ns}.${step.name}`))) return known.route;
      return this.routeOf(from, importer, edge, step);
    }
    const route: Route = { ...this.routeOf(from, importer, edge, step), isShared: true };
    const namespaces = edge.bindings.filter((b) => b.imported === '*').map((b) => b.local);
    if (!namespaces.some((ns) => usesOf(importer).has(`${ns}.${step.name}`))) this.whole.set(crossing, { route, namespaces });
    return route;
  }

  private routeOf(from: string, importer: ModuleRecord, edge: ImportRecord, step: StepName): Route {
    const shape = shapeOf(importer, edge, step);
    const same = shape.same.length === 0 ? NO_NEXT : shape.same.map(([name, member]) => this.id(from, name, member));
    const next = shape.next.length === 0 ? NO_NEXT : shape.next.map((name) => this.id(from, name));
    return { from, isTypeOnly: shape.isTypeOnly, same, value: shape.value, type: shape.type, isWholeUse: shape.isWholeUse, next };
  }
}

/** A route by names, the same in every run that reads the same record (a CI range's commits):
 * `same` as (name, member) of the importer, `next` as its names. */
interface RouteShape {
  readonly isTypeOnly: boolean;
  readonly same: ReadonlyArray<readonly [string, string | undefined]>;
  readonly value: number;
  readonly type: number;
  readonly isWholeUse: boolean;
  readonly next: readonly string[];
}

const shapesOf = new WeakMap<ModuleRecord, Map<ImportRecord, Map<string, RouteShape>>>();

/** What crossing `edge` of `importer` does to `step`'s name, worked out once per record. */
function shapeOf(importer: ModuleRecord, edge: ImportRecord, step: StepName): RouteShape {
  let byEdge = shapesOf.get(importer);
  if (byEdge === undefined) shapesOf.set(importer, (byEdge = new Map()));
  let byName = byEdge.get(edge);
  if (byName === undefined) byEdge.set(edge, (byName = new Map()));
  const key = step.member === undefined ? step.name : `${step.name}\0${step.member}`;
  let shape = byName.get(key);
  if (shape === undefined) byName.set(key, (shape = computeShape(importer, edge, step)));
  return shape;
}

function computeShape(importer: ModuleRecord, edge: ImportRecord, step: StepName): RouteShape {
  if (edge.kind === 'export-from') {
    const same = reexported(importer, edge, step);
    return { isTypeOnly: edge.isTypeOnly, same, value: 0, type: 0, isWholeUse: false, next: NO_NEXT };
  }
  const use = findBindingUse(edge, step.name, step.member);
  // `import { x }` + `export { x }`: the same name, passed on at the same depth.
  const passed = new Set(use.locals);
  const { own } = reexports(importer);
  const same: Array<[string, string | undefined]> = [];
  if (passed.size > 0) for (const e of own) if (e.local !== undefined && passed.has(e.local)) same.push([e.name, step.member]);
  // `import * as Schema` + `export default Schema` (typebox's src/schema/index.ts) or `export {
  // Schema }`: passed on as `export * as` would, the name a member of the exported one.
  const namespacesPassed = edge.bindings.filter((b) => isPassedOn(importer, edge, b)).map((b) => b.local);
  if (namespacesPassed.length > 0) {
    // A name already inside a namespace keeps its path (`System.Settings.Set`: Set of Settings).
    const member =
      step.name === '*' || step.name === 'export=' ? undefined : step.member === undefined ? step.name : `${step.name}.${step.member}`;
    for (const e of own) if (e.local !== undefined && namespacesPassed.includes(e.local)) same.push([e.name, member]);
  }
  const route = { isTypeOnly: edge.isTypeOnly, same, value: use.value, type: use.type, isWholeUse: use.isWhole };
  if (use.value === 0 && use.type === 0) return { ...route, next: NO_NEXT };
  // A namespace (or a named import of one) carries the change to declarations that read the
  // changed member, or that hold it whole.
  const isAll = step.name === '*' || step.name === 'export=';
  const throughMember = step.member !== undefined && !isAll;
  const seeds = [...(throughMember ? [] : use.locals), ...(isAll ? use.namespaces : [])];
  const exact = [
    ...(throughMember ? use.locals.flatMap((l) => [l, `${l}.${step.member!.split('.', 1)[0]!}`]) : []),
    ...(isAll ? [] : use.namespaces.flatMap((ns) => [ns, `${ns}.${step.name}`])),
  ];
  const isWhole = edge.kind === 'require' && seeds.length + exact.length === 0 && importer.exports.some((e) => e.kind === 'commonjs');
  const affected = affectedLocals(importer, seeds, exact);
  const next: string[] = [];
  for (const e of own) {
    if (e.local !== undefined && passed.has(e.local)) continue;
    if (isWhole || (e.local !== undefined && affected.has(e.local)) || (e.kind === 'commonjs' && affected.size + exact.length > 0))
      next.push(e.name);
  }
  return { ...route, next };
}

const NO_NEXT: readonly never[] = [];
