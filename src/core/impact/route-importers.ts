import type { ImportGraph } from './import-graph.js';
import type { ImportBinding, ImportRecord, ModuleRecord } from './module-record.js';

// Which imports of a file can carry a walk's name across to their importers, indexed once per
// computation by the name each can use (route-nodes.ts walks them).

/** Module records by path, possibly decoded on demand (the cache's records are). */
export interface RecordSource {
  get(path: string): ModuleRecord | undefined;
}

export interface Crossing {
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
export interface Importers {
  readonly byName: ReadonlyMap<string, readonly Crossing[]>;
  readonly whole: readonly Crossing[];
  readonly all: readonly Crossing[];
  /** `import * as ns` passed on by an export of the importer (`export default ns`): every name
   * crosses it, each as a member of the exported name. */
  readonly passing: readonly Crossing[];
}

const NO_IMPORTERS: Importers = { byName: new Map(), whole: [], all: [], passing: [] };

function addTo(byName: Map<string, Crossing[]>, name: string, crossing: Crossing): void {
  const list = byName.get(name);
  if (!list) byName.set(name, [crossing]);
  else if (list[list.length - 1] !== crossing) list.push(crossing);
}

/** Each file's importers indexed once per computation: a step then visits only the imports that
 * can use its name, not each of the 2,000 files that hold `import * as Sentry` of a barrel. */
export function importersIndex(graph: ImportGraph, records: RecordSource): (file: string) => Importers {
  const known = new Map<string, Importers>();
  return (file) => {
    let found = known.get(file);
    if (found) return found;
    const byName = new Map<string, Crossing[]>();
    const whole: Crossing[] = [];
    const all: Crossing[] = [];
    const passing: Crossing[] = [];
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
            if (isPassedOn(importer, edge, binding) && passing[passing.length - 1] !== crossing) passing.push(crossing);
          }
      }
    }
    found = all.length === 0 ? NO_IMPORTERS : { byName, whole, all, passing };
    known.set(file, found);
    return found;
  };
}

/** Whether `binding` is a namespace (`import * as ns`) that an export of the importer passes on. */
export const isPassedOn = (importer: ModuleRecord, edge: ImportRecord, binding: ImportBinding): boolean =>
  edge.kind === 'static' && binding.imported === '*' && importer.exports.some((e) => e.from === undefined && e.local === binding.local);

/** The imports of the step's file that may use the step's name, in the order the importers come. */
export function crossings(importers: Importers, name: string): readonly Crossing[] {
  if (name === '*' || name === 'export=') return importers.all;
  const named = importers.byName.get(name);
  const { whole, passing } = importers;
  if (passing.length > 0) return [...new Set([...(named ?? []), ...whole, ...passing])].sort((a, b) => a.order - b.order);
  if (named === undefined) return whole;
  if (whole.length === 0) return named;
  return [...new Set([...named, ...whole])].sort((a, b) => a.order - b.order);
}
