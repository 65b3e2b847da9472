import type { SymbolDiff } from './diff-exports.js';
import { describeUsers, type Reached } from './describe-users.js';
import type { ChangedSymbol, DependentRef } from './impact-report.js';
import type { ImportGraph } from './import-graph.js';
import { compareText } from '../text/compare-text.js';
import type { GraphTable } from './graph-table.js';
import type { RouteTable } from './route-table.js';
import { importersIndex, Nodes, type KeptRoutes, type RecordSource, type Route } from './route-nodes.js';

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
  readonly isRuntime?: boolean;
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

function walk(start: SymbolDiff, nodes: Nodes, records: RecordSource): Map<string, Reached> {
  const reached = new Map<string, Found>();
  let taken = new Uint8Array(Math.max(1024, nodes.names.length * 2));
  const sharedTaken = new Map<Route, number>();
  const exported = start.isDefault ? 'default' : start.name;
  const names = start.previousName !== undefined ? [start.previousName, exported] : [exported];
  // One queue per depth: a barrel keeps the depth, a user adds one, so the nearest route wins.
  // An interface or a type alias has no runtime value: every use of it is a use in types.
  const kind = records.get(start.path)?.exports.find((e) => e.name === exported)?.kind;
  const isType = kind === 'interface' || kind === 'type';
  const levels: Step[][] = [
    names.map((name) => ({
      node: nodes.id(start.path, name),
      chain: { file: start.path, next: null },
      isTypeOnly: isType,
      isWhole: false,
    })),
  ];
  for (let depth = 0; depth < levels.length; depth++) {
    const level = levels[depth]!;
    const push = (at: number, step: Step) => (levels[at] ??= []).push(step);
    for (let i = 0; i < level.length; i++) {
      const step = level[i]!;
      if (step.node >= taken.length) {
        const grown = new Uint8Array(Math.max(taken.length * 2, nodes.names.length * 2));
        grown.set(taken);
        taken = grown;
      }
      // A step reached by name is taken even after the same step reached through a whole module;
      // a step reached in types only is taken again when it is reached as a value.
      const was = taken[step.node]!;
      const isRuntime = step.isRuntime === true;
      if (isRuntime && step.isTypeOnly) continue; // only types pass here: nothing runs the change
      // Through a declaration file (isRuntime), the same rules on bits of its own.
      const [byName, whole] = isRuntime ? [TAKEN_AT_RUNTIME, TAKEN_AT_RUNTIME_WHOLE] : [TAKEN, TAKEN_WHOLE];
      if ((was & (TAKEN | byName)) !== 0 || (step.isTypeOnly && (was & TAKEN_AS_TYPE) !== 0) || (step.isWhole && (was & whole) !== 0))
        continue;
      taken[step.node] = was | (step.isWhole ? whole : step.isTypeOnly ? TAKEN_AS_TYPE : byName);
      // TypeScript importers of a JavaScript file read the declaration file beside it, and run the
      // JavaScript file (pino.js and pino.d.ts): their uses as values use this name.
      const twin = step.isTypeOnly ? undefined : nodes.declarationOf(step.node);
      if (twin !== undefined) push(depth, { node: twin, chain: step.chain, isTypeOnly: false, isWhole: step.isWhole, isRuntime: true });
      for (const route of nodes.routesOf(step.node)) {
        const { from } = route;
        if (from === start.path) continue;
        const isTypeOnly = step.isTypeOnly || route.isTypeOnly;
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
        for (const node of route.same) push(depth, { node, chain, isTypeOnly, isWhole: step.isWhole, isRuntime });
        if (value === 0 && type === 0) continue;
        const isWholeUse = step.isWhole || route.isWholeUse;
        const known = reached.get(from);
        // A file that holds the whole module here but uses the name further away is a user there.
        if (!known || (known.isWhole && !isWholeUse && known.depth < depth + 1))
          reached.set(from, { depth: depth + 1, chain, value, type, isWhole: isWholeUse });
        else if (known.depth === depth + 1 && known.isWhole === isWholeUse)
          [known.value, known.type] = [first(known.value, value), first(known.type, type)];
        else if (known.depth === depth + 1 && known.isWhole) reached.set(from, { depth: depth + 1, chain, value, type, isWhole: false });
        for (const node of route.next) push(depth + 1, { node, chain, isTypeOnly: isTypeOnly || value === 0, isWhole: isWholeUse });
      }
    }
  }
  return new Map([...reached].map(([path, found]) => [path, { ...found, chain: chainOf(found.chain) }]));
}

const NO_USERS = { valueUsers: [], typeUsers: [], wholeModuleUsers: [], transitive: { count: 0, chains: [] }, dependents: [] };

/** Attaches users to each changed symbol; added exports have none yet. */
export function computeBlastRadius(changes: readonly SymbolDiff[], graph: ImportGraph, records: RecordSource): ChangedSymbol[] {
  return walkChanges(changes, graph, records).symbols;
}

/**
 * The blast radius, reading the routes an earlier run kept where they still hold; `keep` gives
 * the routes of this run for the next one, or null when all were read from `kept`.
 */
export function walkChanges(
  changes: readonly SymbolDiff[],
  graph: ImportGraph,
  records: RecordSource,
  kept: KeptRoutes | null = null,
): {
  symbols: ChangedSymbol[];
  keep: (resolution: string, table: GraphTable) => RouteTable | null;
  /** Every (file, name, member) the walks stepped on: the names that reached each file. */
  steps: readonly { readonly file: string; readonly name: string; readonly member?: string | undefined }[];
} {
  const nodes = new Nodes(importersIndex(graph, records), kept, (file) => (graph.importersOf.get(file)?.length ?? 0) > 0);
  const symbols = changes.map((change) => ({
    ...change,
    ...(change.change === 'added' ? NO_USERS : describeUsers(walk(change, nodes, records))),
  }));
  return { symbols, keep: (resolution, table) => (nodes.isComputed ? nodes.keep(resolution, table) : null), steps: nodes.names };
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
