import type { SymbolDiff } from './diff-exports.js';
import type { ChangedSymbol, DependentRef } from './impact-report.js';
import type { ImportGraph } from './import-graph.js';
import type { ModuleRecord } from './module-record.js';

// Who depends on a changed export, following names, not files: `import { a }` does not depend
// on a change to `b`; a barrel that re-exports a name is a path, not an end; inside a dependent,
// only the exports whose declarations use the imported binding carry the change further.
// Namespace imports, `export *` consumers and CommonJS depend on the whole module ('*').

/** Module records by path, possibly decoded on demand (the cache's records are). */
export interface RecordSource {
  get(path: string): ModuleRecord | undefined;
}

interface Step {
  readonly file: string;
  readonly name: string; // an exported name of `file`, or '*' for the whole module
  readonly chain: readonly string[]; // from `file` back to the changed file
  /** Consumer hops so far; a barrel passing a name on is not a hop. */
  readonly depth: number;
  readonly isTypeOnly: boolean;
}

/** Top-level names in `record` reached from `seeds` through declarations that use them. */
function affectedLocals(record: ModuleRecord, seeds: readonly string[]): Set<string> {
  const affected = new Set(seeds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const decl of record.declarations) {
      if (!affected.has(decl.local) && decl.uses.some((u) => affected.has(u))) {
        affected.add(decl.local);
        grew = true;
      }
    }
  }
  return affected;
}

function exportsCarrying(record: ModuleRecord, locals: ReadonlySet<string>, wholeModule: boolean): string[] {
  return record.exports
    .filter((e) => e.from === undefined && (wholeModule || (e.local !== undefined && locals.has(e.local)) || (e.kind === 'commonjs' && locals.size > 0)))
    .map((e) => e.name);
}

function walk(start: SymbolDiff, graph: ImportGraph, records: RecordSource): DependentRef[] {
  const dependents = new Map<string, DependentRef>();
  const seen = new Set<string>();
  const queue: Step[] = [{ file: start.path, name: start.previousName ?? start.name, chain: [start.path], depth: 0, isTypeOnly: false }];
  while (queue.length > 0) {
    const step = queue.shift()!;
    const key = `${step.file}\0${step.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const { from, index } of graph.importersOf.get(step.file) ?? []) {
      const importer = records.get(from);
      const imported = importer?.imports[index];
      if (!importer || !imported) continue;
      const edge = { from, ...imported };
      const chain = [edge.from, ...step.chain];
      const isTypeOnly = step.isTypeOnly || edge.isTypeOnly;
      if (edge.kind === 'export-from') {
        for (const re of importer.exports) {
          if (re.from?.specifier !== edge.specifier) continue;
          if (re.name === '*' && re.from.name === '*') {
            if (step.name !== 'default') queue.push({ file: edge.from, name: step.name, chain, depth: step.depth, isTypeOnly });
          } else if (re.from.name === '*' || re.from.name === step.name || step.name === '*') {
            queue.push({ file: edge.from, name: re.name, chain, depth: step.depth, isTypeOnly });
          }
        }
        continue;
      }
      const isUsed = edge.names === '*' || step.name === '*' || edge.names.includes(step.name);
      if (!isUsed || edge.from === start.path) continue;
      const depth = step.depth + 1;
      const known = dependents.get(edge.from);
      if (!known || known.depth > depth) {
        dependents.set(edge.from, { path: edge.from, depth, chain, isTypeOnly: isTypeOnly && (known?.isTypeOnly ?? true) });
      }
      const bound = edge.bindings.filter((b) => b.imported === '*' || step.name === '*' || b.imported === step.name).map((b) => b.local);
      const wholeModule = edge.kind === 'require' && bound.length === 0 && importer.exports.some((e) => e.kind === 'commonjs');
      for (const name of exportsCarrying(importer, affectedLocals(importer, bound), wholeModule)) {
        queue.push({ file: edge.from, name, chain, depth, isTypeOnly });
      }
    }
  }
  return [...dependents.values()].sort((a, b) => a.depth - b.depth || a.path.localeCompare(b.path));
}

/** Attaches dependents to each changed symbol; added exports have none yet. */
export function computeBlastRadius(changes: readonly SymbolDiff[], graph: ImportGraph, records: RecordSource): ChangedSymbol[] {
  return changes.map((change) => ({ ...change, dependents: change.change === 'added' ? [] : walk(change, graph, records) }));
}

/** Every dependent of any changed symbol, once, at its nearest depth. */
export function mergeDependents(symbols: readonly ChangedSymbol[]): DependentRef[] {
  const merged = new Map<string, DependentRef>();
  for (const ref of symbols.flatMap((s) => s.dependents)) {
    const known = merged.get(ref.path);
    if (!known || ref.depth < known.depth) merged.set(ref.path, { ...ref, isTypeOnly: ref.isTypeOnly && (known?.isTypeOnly ?? true) });
    else if (!ref.isTypeOnly && known.isTypeOnly) merged.set(ref.path, { ...known, isTypeOnly: false });
  }
  return [...merged.values()].sort((a, b) => a.depth - b.depth || a.path.localeCompare(b.path));
}
