import {
  buildGraphTable,
  fitGraphTable,
  indexPaths,
  patchGraphTable,
  refitGraphTable,
  type GraphTable,
  type TableModule,
} from '../core/impact/graph-table.js';
import type { BareAnswers } from '../core/impact/bare-answers.js';
import type { DerivedIndex, IndexBase } from '../core/impact/index-delta.js';
import type { ImportGraph } from '../core/impact/import-graph.js';
import { readPackages, readTsconfigs } from '../core/impact/read-project-config.js';
import {
  createResolver,
  findTypesSources,
  type PathSet,
  type Resolver,
  type TsconfigPaths,
  type WorkspacePackage,
} from '../core/impact/resolve-specifier.js';
import { computePackageEntries, type PackageEntries } from '../core/impact/package-entries.js';
import { viewGraph } from '../core/impact/view-graph.js';
import { writeSavedGraph, type SavedGraph } from '../adapters/cache/graph-cache.js';
import type { ModuleCache } from '../adapters/cache/module-cache.js';
import { readCacheVersion } from '../adapters/cache/cache-version.js';
import { readTexts, type RecordInputs } from './load-module-records.js';

// The import graph of a blast radius: the last run's (a CI range's previous commit, or the last
// review's, graph-cache.ts) patched for the modules whose blob changed since, while the paths
// and what resolution depends on are the same; otherwise built anew. Two steps around the
// reading of module records: the plan says whose imports must be read, the finish resolves.

// A patched graph is written again once this many modules were resolved anew since it was.
const SAVE_AFTER_CHANGED = 64;

export interface GraphInputs extends RecordInputs {
  readonly cache: ModuleCache;
  readonly saved: SavedGraph | null;
  /** The new side's modules, in index (or tree) order, and paths only kept resolvable. */
  readonly modules: readonly TableModule[];
  /** How many `modules` there are (a derived list is made only when read). */
  readonly moduleCount: number;
  readonly extras: readonly string[];
  /** package.json and tsconfig*.json files of the new side. */
  readonly projectConfig: readonly TableModule[];
  /** The modules as derived from the saved graph's (index-delta.ts), when they were. */
  readonly derived?: DerivedIndex | null;
  /** What a graph written by this run describes (index-delta.ts). */
  readonly base?: IndexBase | null;
  /** Bare specifiers' answers kept from the resolvers of earlier commits (a CI range). */
  readonly bare?: BareAnswers;
}

export interface GraphPlan {
  /** The modules whose imports this run must read (all of them when the graph is built anew). */
  readonly unknown: readonly TableModule[];
  /** Config blobs to read with the modules (none when the config is known already). */
  readonly configBlobs: readonly string[];
  /** Whether the graph must be written for the next run even when a patch suffices. */
  readonly isStale: boolean;
  readonly resolution: Resolution | null;
  /** The resolution of a graph built anew, read and parsed while the modules are read. */
  readonly resolving?: Promise<Resolution>;
  readonly fitted: readonly string[] | null;
  /** Paths were added or removed, or resolution changed: the saved table is refitted. */
  readonly refit?: boolean;
}

type Resolution = { readonly packages: readonly WorkspacePackage[]; readonly tsconfigs: readonly TsconfigPaths[] };

const parseConfig = (projectConfig: readonly TableModule[], texts: ReadonlyMap<string, string>) => {
  const byPath = new Map(projectConfig.map((e) => [e.path, texts.get(e.blob) ?? '']));
  return { tsconfigs: readTsconfigs(byPath), packages: readPackages(byPath) };
};

export async function planImportGraph(inputs: GraphInputs): Promise<GraphPlan> {
  const { saved, extras, projectConfig } = inputs;
  const sameConfig =
    saved !== null &&
    saved.config.length === projectConfig.length &&
    saved.config.every(([path, blob], i) => path === projectConfig[i]!.path && blob === projectConfig[i]!.blob);
  // A config file changed: read the config first, since the saved graph may still hold (a
  // release that only bumps versions keeps it).
  const configBlobs = projectConfig.map((e) => e.blob);
  const resolution = sameConfig ? saved : saved !== null ? parseConfig(projectConfig, await readTexts(inputs, [], configBlobs)) : null;
  const sameResolution =
    saved !== null &&
    resolution !== null &&
    (sameConfig || JSON.stringify([resolution.packages, resolution.tsconfigs]) === JSON.stringify([saved.packages, saved.tsconfigs]));
  const derived = inputs.derived ?? null;
  if (sameResolution && derived !== null && isFitted(saved.table, extras)) {
    // Derived from the saved graph (index-delta.ts): its paths, and the changed ones known.
    const { paths } = saved.table;
    const fitted = [...derived.blobs];
    const unknown = [...derived.changedAt].sort((a, b) => a - b).map((at) => ({ path: paths[at]!, blob: fitted[at]! }));
    return { unknown, configBlobs: [], isStale: unknown.some((e) => !inputs.cache.hasWalkRecord(e.blob)), resolution, fitted };
  }
  const { modules } = inputs;
  const fitted = sameResolution ? fitGraphTable(saved.table, modules, extras) : null;
  if (fitted === null && saved !== null && resolution !== null) {
    // Files added, deleted or renamed (most commits of a busy repository), or a config change
    // that changes resolution: only the new and changed modules are read; the rest keep their
    // relative links where no moved path can change them (a relative specifier resolves by the
    // paths alone, whatever the config), and their bare specifiers are resolved again.
    const index = indexPaths(saved.table);
    const unknown = modules.filter((e) => {
      const at = index.get(e.path);
      return at === undefined || saved.table.blobs[at] !== e.blob;
    });
    return { unknown, configBlobs: [], isStale: true, resolution, fitted, refit: true };
  }
  if (fitted === null) {
    // Built anew: the config is read and parsed while the modules are (the main thread parses it
    // between its chunks of the scan), not after them.
    const resolving =
      resolution === null ? readTexts(inputs, [], configBlobs).then((texts) => parseConfig(projectConfig, texts)) : undefined;
    resolving?.catch(() => undefined); // awaited in finishImportGraph; a failure is reported there
    return { unknown: modules, configBlobs: [], isStale: true, resolution, fitted, ...(resolving && { resolving }) };
  }
  const index = indexPaths(saved!.table);
  const unknown = modules.filter((e) => saved!.table.blobs[index.get(e.path)!] !== e.blob);
  // Modules the saved graph knew otherwise and this run must scan (a pull, a checkout): the
  // graph is written patched for them, so the next review does not scan them again.
  return { unknown, configBlobs: [], isStale: unknown.some((e) => !inputs.cache.hasWalkRecord(e.blob)), resolution, fitted };
}

/** Whether the modules derived from `table` (its paths with a blob) and `extras` are its paths. */
function isFitted(table: GraphTable, extras: readonly string[]): boolean {
  let kept = 0;
  for (const blob of table.blobs) if (blob === '') kept++;
  return kept === extras.length && extras.every((path) => table.blobs[table.paths.indexOf(path)] === '');
}

export interface ImportGraphResult {
  readonly graph: ImportGraph;
  readonly table: GraphTable;
  readonly resolve: Resolver;
  /** The paths `resolve` finds files among: the same object for a CI range's commits that keep the paths (bare-answers.ts). */
  readonly resolvable: PathSet;
  readonly packages: readonly WorkspacePackage[];
  /** Modules resolved again in the saved graph; null when the graph was built anew. */
  readonly patched: number | null;
  /** The packages' entries under `resolvable`, when the saved graph held them or this run wrote the graph; else null. */
  readonly entries: PackageEntries | null;
  /** What a CI range hands to its next commit. */
  readonly kept: SavedGraph;
}

/** The graph, once the imports of `plan.unknown` are known; written for the next review when `commonDir` is given. */
export async function finishImportGraph(
  inputs: GraphInputs,
  plan: GraphPlan,
  texts: ReadonlyMap<string, string>,
  specifiers: (blob: string) => readonly string[],
  commonDir: string | null,
): Promise<ImportGraphResult> {
  const { saved, extras, projectConfig } = inputs;
  const { tsconfigs, packages } = plan.resolution ?? (await plan.resolving) ?? parseConfig(projectConfig, texts);
  const { bare } = inputs;
  const resolvable =
    bare !== undefined
      ? bare.begin(plan.fitted === null ? [...inputs.modules.map((e) => e.path), ...extras] : saved!.table.paths, packages, tsconfigs)
      : plan.fitted === null
        ? new Set([...inputs.modules.map((e) => e.path), ...extras])
        : indexPaths(saved!.table);
  const resolve = createResolver(resolvable, tsconfigs, packages, bare);
  const patched =
    plan.fitted !== null
      ? patchGraphTable(saved!.table, plan.fitted, specifiers, resolve)
      : plan.refit === true
        ? refitGraphTable(saved!.table, inputs.modules, extras, specifiers, resolve)
        : null;
  const table = patched?.table ?? buildGraphTable(inputs.modules, extras, specifiers, resolve);
  // Written after a rebuild, after a patch for files read anew, and once a patch redoes many
  // files: not on every review.
  const isWritten =
    commonDir !== null && inputs.moduleCount > 0 && (patched === null || plan.isStale || patched.changed >= SAVE_AFTER_CHANGED);
  // The entries depend on the paths, packages and tsconfigs alone: a fitted graph (the saved
  // paths, the same resolution) keeps the saved ones; a graph written is written with them (the
  // table's paths are `resolvable`'s, whichever way it was made).
  const fittedEntries = plan.fitted !== null ? (saved?.entries ?? null) : null;
  const entries = fittedEntries ?? (isWritten ? computePackageEntries(resolvable, resolve, packages, tsconfigs) : null);
  const kept: SavedGraph = {
    config: projectConfig.map((e) => [e.path, e.blob] as const),
    packages,
    tsconfigs,
    table,
    base: inputs.base ?? null,
    entries,
  };
  if (isWritten) writeSavedGraph(commonDir, readCacheVersion(), kept, inputs.logger);
  // Read on a walk's first step, not on every review (sentry: 244 manifests, 5–16 ms).
  let typesSources: ReadonlyMap<string, string> | undefined = entries?.typesSources;
  const typesSourceOf = (file: string) => (typesSources ??= findTypesSources(resolvable, tsconfigs, packages)).get(file);
  const graph = { ...viewGraph(table), typesSourceOf };
  return { graph, table, resolve, resolvable, packages, patched: patched?.changed ?? null, kept, entries };
}
