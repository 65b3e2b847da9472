import type { SymbolDiff } from './diff-exports.js';
import { describeUsers, type Reached } from './describe-users.js';
import { walkCap, type ChangedSymbol, type DependentRef } from './impact-report.js';
import { importsOf, type ImportGraph } from './import-graph.js';
import { compareByRank, compareText } from '../text/compare-text.js';
import { countBeyond } from './count-beyond.js';
import type { RouteTable } from './route-table.js';
import { importersIndex, type RecordSource } from './route-importers.js';
import { Nodes, type KeptRoutes, type Route } from './route-nodes.js';

export type { KeptRoutes, RecordSource };

// Who uses a changed export, following names, not files. A barrel (`export … from`, or
// `import { x }` + `export { x }`) passes a name on and is not a user. A file that uses the name
// is a value user or a type user (depth 1), with the line of its first use; its own exports
// whose declarations use the name carry the change further (depth 2 and beyond: transitive).

/** A name of a file the walk reached: `node` numbers (file, name, member) for the run (Nodes). */
interface Step {
  readonly node: number;
  readonly chain: Link; // from the node's file back to the changed file
  readonly isTypeOnly: boolean;
  /** Reached only through a namespace that escapes whole somewhere on the chain. */
  readonly isWhole: boolean;
  /** The declaration file of a changed JavaScript file: only a use as a value runs the change. */
  readonly isRuntime: boolean;
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

// What a walk has taken of a node: by name (as a value, or in types only), or through a whole module.
const TAKEN = 1;
const TAKEN_AS_TYPE = 2;
const TAKEN_WHOLE = 4;
const TAKEN_AT_RUNTIME = 8;
const TAKEN_AT_RUNTIME_WHOLE = 16;

/** Whether a walk that has taken `was` of a node skips a step to it: a step reached by name is
 * taken even after the same step reached through a whole module; a step reached in types only is
 * taken again when it is reached as a value; through a declaration file (`isRuntime`), the same
 * rules on bits of their own, and only a use as a value passes. */
function isSkipped(was: number, isTypeOnly: boolean, isWhole: boolean, isRuntime: boolean): boolean {
  if (isRuntime && isTypeOnly) return true;
  const [byName, whole] = isRuntime ? [TAKEN_AT_RUNTIME, TAKEN_AT_RUNTIME_WHOLE] : [TAKEN, TAKEN_WHOLE];
  return (was & (TAKEN | byName)) !== 0 || (isTypeOnly && (was & TAKEN_AS_TYPE) !== 0) || (isWhole && (was & whole) !== 0);
}

/** One changed export's walk, a depth at a time: walkChanges takes every walk to the same depth. */
class Walk {
  readonly reached = new Map<string, Found>();
  /** The files that pass the changed name on (depth 0: the changed file and its barrels). */
  readonly passing = new Set<string>();
  /** The steps taken at depth 1: the users' exports and the barrels passing those on. */
  private readonly atOne: Step[] = [];
  private taken: Uint8Array;
  private readonly sharedTaken = new Map<Route, number>();
  /** One queue per depth: a barrel keeps the depth, a user adds one, so the nearest route wins. */
  private readonly levels: Step[][];
  /** Per depth, the nodes of steps not queued there because their bits skip them. */
  private readonly skipped: number[][] = [];

  constructor(
    readonly start: SymbolDiff,
    private readonly nodes: Nodes,
    records: RecordSource,
    /** Every node whose routes a walk of the run followed. */
    private readonly routed: Set<number>,
    /** The files every walk of the run reached by name, counted. */
    private readonly counted: FurtherCount,
    /** An added export's walk stops at its users: nothing beyond them used it before. */
    private readonly depths = start.change === 'added' ? 1 : Infinity,
  ) {
    this.taken = new Uint8Array(Math.max(1024, nodes.names.length * 2));
    const exported = start.isDefault ? 'default' : start.name;
    const names = start.previousName !== undefined ? [start.previousName, exported] : [exported];
    // An interface or a type alias has no runtime value: every use of it is a use in types. A
    // name that also declares a value (ts-morph's mixin `function TypeArgumentedNode` beside its
    // `interface TypeArgumentedNode`) has one: a call of it is a value use.
    const kinds = (records.get(start.path)?.exports ?? []).filter((e) => e.name === exported).map((e) => e.kind);
    const isType = kinds.length > 0 && kinds.every((kind) => kind === 'interface' || kind === 'type');
    this.levels = [
      names.map((name) => ({
        node: nodes.id(start.path, name),
        chain: { file: start.path, next: null },
        isTypeOnly: isType,
        isWhole: false,
        isRuntime: false,
      })),
    ];
  }

  hasSteps(depth: number): boolean {
    return depth < this.levels.length && depth < this.depths;
  }

  /** The files whose steps at `depth` are still to take: the walk would go on from there. */
  filesAt(depth: number): string[] {
    const nodes = [...(this.levels[depth] ?? []).map((step) => step.node), ...(this.skipped[depth] ?? [])];
    return nodes.map((node) => this.nodes.names[node]!.file);
  }

  /** Takes every step at `depth`: then every file at depth + 1 is reached. */
  takeSteps(depth: number): void {
    const { nodes, reached, start, sharedTaken, levels } = this;
    const level = levels[depth]!;
    // A step its node's bits already skip is not queued: bits are only ever added, so it would
    // be skipped when its turn came (a node of a core file is met through hundreds of routes).
    // Its depth is still reached (a walk capped there stops there) and its file is still one the
    // walk would go on from (filesAt).
    const push = (at: number, node: number, chain: Link, isTypeOnly: boolean, isWhole: boolean, isRuntime: boolean) => {
      const into = (levels[at] ??= []);
      if (node < this.taken.length && isSkipped(this.taken[node]!, isTypeOnly, isWhole, isRuntime)) (this.skipped[at] ??= []).push(node);
      else into.push({ node, chain, isTypeOnly, isWhole, isRuntime });
    };
    for (let i = 0; i < level.length; i++) {
      const step = level[i]!;
      if (step.node >= this.taken.length) {
        const grown = new Uint8Array(Math.max(this.taken.length * 2, nodes.names.length * 2));
        grown.set(this.taken);
        this.taken = grown;
      }
      const { taken } = this;
      const was = taken[step.node]!;
      const { isRuntime } = step;
      if (isSkipped(was, step.isTypeOnly, step.isWhole, isRuntime)) continue;
      const [byName, whole] = isRuntime ? [TAKEN_AT_RUNTIME, TAKEN_AT_RUNTIME_WHOLE] : [TAKEN, TAKEN_WHOLE];
      taken[step.node] = was | (step.isWhole ? whole : step.isTypeOnly ? TAKEN_AS_TYPE : byName);
      // TypeScript importers of a JavaScript file read the declaration file beside it, and run the
      // JavaScript file (pino.js and pino.d.ts): their uses as values use this name.
      const twin = step.isTypeOnly ? undefined : nodes.declarationOf(step.node);
      if (twin !== undefined) push(depth, twin, step.chain, false, step.isWhole, true);
      this.routed.add(step.node);
      if (depth === 0) this.passing.add(nodes.names[step.node]!.file);
      else if (depth === 1) this.atOne.push(step);
      for (const route of nodes.routesOf(step.node)) {
        const { from } = route;
        const isTypeOnly = step.isTypeOnly || route.isTypeOnly;
        // The changed file is no user of its own change; a name it re-exports is passed on
        // (lexical's `@lexical/rich-text` index declares `registerRichText` and re-exports
        // `RichTextExtension`, whose file calls it: the extension's importers come through the index).
        if (from === start.path) {
          const chain: Link = { file: from, next: step.chain };
          for (const node of route.same) push(depth, node, chain, isTypeOnly, step.isWhole, isRuntime);
          continue;
        }
        if (route.isShared === true) {
          const flag = isRuntime ? 4 : isTypeOnly ? 2 : 1;
          const was = sharedTaken.get(route) ?? 0;
          if ((was & flag) !== 0) continue;
          sharedTaken.set(route, was | flag);
        }
        const value = isTypeOnly ? 0 : route.value;
        // Through a declaration file, a use in types reads the declarations, not the change.
        const type = isRuntime ? 0 : isTypeOnly ? route.type || route.value : route.type;
        if (route.same.length === 0 && value === 0 && type === 0) continue;
        const chain: Link = { file: from, next: step.chain };
        for (const node of route.same) push(depth, node, chain, isTypeOnly, step.isWhole, isRuntime);
        if (value === 0 && type === 0) continue;
        const isWholeUse = step.isWhole || route.isWholeUse;
        const known = reached.get(from);
        // A file that holds the whole module here but uses the name further away is a user there.
        if (!known || (known.isWhole && !isWholeUse && known.depth < depth + 1)) {
          reached.set(from, { depth: depth + 1, chain, value, type, isWhole: isWholeUse });
          if (!isWholeUse) this.counted.add(from, depth + 1);
        } else if (known.depth === depth + 1 && known.isWhole === isWholeUse)
          [known.value, known.type] = [first(known.value, value), first(known.type, type)];
        else if (known.depth === depth + 1 && known.isWhole) {
          reached.set(from, { depth: depth + 1, chain, value, type, isWhole: false });
          this.counted.add(from, depth + 1);
        }
        for (const node of route.next) push(depth + 1, node, chain, isTypeOnly || value === 0, isWholeUse, false);
      }
    }
  }

  /** Each file of `files` passing a user's export on (the user's own file or a barrel after it) ->
   * those users: the first files of the chains past the changed file and its barrels. */
  usersPassedTo(files: ReadonlySet<string>): Map<string, Set<string>> {
    const found = new Map<string, Set<string>>();
    for (const step of this.atOne) {
      const file = this.nodes.names[step.node]!.file;
      if (!files.has(file)) continue;
      let user: Link = step.chain;
      while (user.next !== null && !this.passing.has(user.next.file)) user = user.next;
      if (!found.has(file)) found.set(file, new Set());
      found.get(file)!.add(user.file);
    }
    return found;
  }

  users(): Map<string, Reached> {
    return new Map([...this.reached].map(([path, found]) => [path, { ...found, chain: chainOf(found.chain) }]));
  }
}

/** Files reached by name past the users (depth 2 and further) by any walk, and by none as a user,
 * counted as the walks reach them: a file a walk reached by name keeps its depth in that walk
 * (it was counted again from every walk at every depth, 5% of a warm run on tsed's core). */
class FurtherCount {
  private readonly users = new Set<string>();
  private readonly further = new Set<string>();
  count = 0;

  add(path: string, depth: number): void {
    const [into, other] = depth === 1 ? [this.users, this.further] : [this.further, this.users];
    if (into.has(path)) return;
    into.add(path);
    if (!other.has(path)) this.count += depth === 1 ? 0 : 1;
    else if (depth === 1) this.count--;
  }
}

/** Attaches users to each changed symbol (an added export's: its users, none further). */
export function computeBlastRadius(changes: readonly SymbolDiff[], graph: ImportGraph, records: RecordSource): ChangedSymbol[] {
  return walkChanges(changes, graph, records).symbols;
}

export const NO_USERS = { valueUsers: [], typeUsers: [], wholeModuleUsers: [], transitive: { count: 0, chains: [] }, dependents: [] };

/** Whether an added export can have users yet: a file using it changes with it (nothing could use
 * it before), and imports its file directly or through barrels. A staged module among its
 * importers, those of its importers, or (a barrel of a barrel) of an `index` file among those. A
 * bench's five files each gaining an unused export read no routes for them: a core module's
 * importers three files away, any of them, are most of a repository, not users of a new name. */
export function mayHaveUsers(path: string, graph: ImportGraph, staged: ReadonlySet<string>): boolean {
  const seen = new Set([path]);
  let level = [path];
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    const next: string[] = [];
    for (const file of level)
      for (const edge of graph.importersOf.get(file) ?? []) {
        if (seen.has(edge.from)) continue;
        if (staged.has(edge.from)) return true;
        seen.add(edge.from);
        if (depth === 0 || INDEX_FILE.test(edge.from)) next.push(edge.from);
      }
    level = next;
  }
  return false;
}

const INDEX_FILE = /(?:^|\/)index\.[^/]+$/;

/** Where the walks that stopped early stopped: the shallowest last depth, and every file they
 * stopped at (the report's bound starts from these). */
export interface WalkStops {
  readonly limit: number;
  readonly depth: number;
  readonly frontier: ReadonlySet<string>;
}

/**
 * The blast radius, reading the routes an earlier run kept where they still hold; `keep` gives
 * the routes of this run for the next one, or null when all were read from `kept`. Past the
 * users, a walk stops after the first depth that brings `maxFurther` more files (0: never).
 */
export function walkChanges(
  changes: readonly SymbolDiff[],
  graph: ImportGraph,
  records: RecordSource,
  kept: KeptRoutes | null = null,
  maxFurther = 0,
  /** Whether every record the walks asked for so far was there. */
  isComplete: () => boolean = () => true,
): {
  symbols: ChangedSymbol[];
  stops: WalkStops | null;
  keep: (resolution: string) => RouteTable | null;
  /** Every (file, name, member) whose importers the walks followed: the names that reached each file. */
  steps: readonly { readonly file: string; readonly name: string; readonly member?: string | undefined }[];
  /** For each change, the files that export its name (its own and the barrels passing it on). */
  passing: readonly ReadonlySet<string>[];
  /** For change `i`, each of `files` that passes on an export of a user of it -> those users. */
  usersPassedTo: (i: number, files: ReadonlySet<string>) => Map<string, Set<string>>;
} {
  const isImported = (file: string) => (graph.importersOf.get(file)?.length ?? 0) > 0;
  const nodes = new Nodes(importersIndex(graph, records), kept, isImported, (file) => graph.typesSourceOf?.(file));
  const routed = new Set<number>();
  const counted = new FurtherCount();
  const walks = changes.map((change) => new Walk(change, nodes, records, routed, counted));
  // Depth 1 (the users) and depth 2 (what a split keeps with a reshaped export) are always
  // whole; past them every walk stops after the first depth that brought maxFurther files,
  // counted once for the report. A walk that met a file with no record yet is run again once
  // it is read (load-module-records.ts): it goes no deeper than what it knows in full.
  let stopped: number | null = null;
  for (let depth = 0; walks.some((w) => w.hasSteps(depth)); depth++) {
    if (maxFurther > 0 && depth >= 2 && (!isComplete() || counted.count >= maxFurther)) {
      stopped = depth;
      break;
    }
    for (const w of walks) if (w.hasSteps(depth)) w.takeSteps(depth);
  }
  // The users are described when asked for: a walk run again once the files it met are read
  // (load-module-records.ts) asks only for its steps (the files beyond a stop, counted for each
  // symbol, were a tenth of a cold walk's time on sentry-javascript's core).
  let described: { symbols: ChangedSymbol[]; stops: WalkStops | null } | undefined;
  const describe = () => {
    if (described !== undefined) return described;
    const frontier = new Set<string>();
    const byStart = new Map(walks.map((w) => [w.start, w]));
    // Several walks share their paths: sorted once for all (one walk's four sorts gain nothing).
    const compare = walks.length > 1 ? compareByRank(walks.flatMap((w) => [...w.reached.keys()])) : compareText;
    const symbols = changes.map((change): ChangedSymbol => {
      const w = byStart.get(change)!;
      const users = describeUsers(w.users(), compare);
      if (stopped === null || !w.hasSteps(stopped)) return { ...change, ...users };
      const files = w.filesAt(stopped);
      for (const file of files) frontier.add(file);
      const capped = walkCap(maxFurther, stopped, countBeyond(graph, files, new Set([change.path, ...w.reached.keys()])));
      return capped === undefined ? { ...change, ...users } : { ...change, ...users, capped };
    });
    const stops = stopped === null || frontier.size === 0 ? null : { limit: maxFurther, depth: stopped, frontier };
    return (described = { symbols, stops });
  };
  return {
    get symbols() {
      return describe().symbols;
    },
    get stops() {
      return describe().stops;
    },
    keep: (resolution) => (nodes.isComputed ? nodes.keep(resolution, importsOf(graph)) : null),
    steps: [...routed].map((node) => nodes.names[node]!),
    passing: walks.map((w) => w.passing),
    usersPassedTo: (i, files) => walks[i]!.usersPassedTo(files),
  };
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
