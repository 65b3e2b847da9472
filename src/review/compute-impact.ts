import { assessRisk } from '../core/impact/assess-risk.js';
import { NO_USERS, mayHaveUsers, mergeDependents, type WalkStops } from '../core/impact/blast-radius.js';
import { countBeyond } from '../core/impact/count-beyond.js';
import { listChangedFileEdges, listPreviousFileEdges } from '../core/impact/changed-file-edges.js';
import { describeConfigChange, isReadForChange } from '../core/impact/describe-config-change.js';
import { diffExports, type SymbolDiff } from '../core/impact/diff-exports.js';
import { sameImportUnder } from '../core/impact/same-import.js';
import { describeMisses, listWorkspaceMisses, missesNearChange } from '../core/impact/workspace-misses.js';
import { listPublicEntries, withPublicApi } from '../core/impact/public-api.js';
import { listEntryPoints } from '../core/impact/package-entries.js';
import { walkCap, type ChangedSymbol, type DependentRef, type ImpactReport, type WalkCap } from '../core/impact/impact-report.js';
import { importsOf, type ImportGraph } from '../core/impact/import-graph.js';
import { indexPaths, type TableModule } from '../core/impact/graph-table.js';
import { validRoutes } from '../core/impact/route-table.js';
import { isModulePath, isUnderNodeModules } from '../core/impact/module-path.js';
import type { FileChange } from '../core/change/staged-change.js';
import { readKeysChanged } from './read-keys-changed.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import { readSavedGraph, type SavedGraph } from '../adapters/cache/graph-cache.js';
import { parseDiffIndex } from '../core/change/parse-diff-index.js';
import { deriveIndex, diffByPath, listDerivedModules, type DerivedIndex, type IndexBase } from '../core/impact/index-delta.js';
import { readRouteTable, resolutionKey, writeRouteTable } from '../adapters/cache/route-cache.js';
import { openModuleCache, type ModuleCache } from '../adapters/cache/module-cache.js';
import { readFileSize } from '../adapters/fs/file-size.js';
import type { GitClient, TreeEntry } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import type { ParsePool } from '../adapters/typescript/parse-modules.js';
import { readCacheVersion } from '../adapters/cache/cache-version.js';
import { changedBlobs, loadRecords, sayPhases, walkWithRecords, type ImpactProgress } from './load-module-records.js';
import { finishImportGraph, planImportGraph } from './plan-import-graph.js';
import { isTsconfigPath } from '../core/impact/read-project-config.js';
import { readMemberReaders } from './read-member-readers.js';
import { findPublicWrappers } from './find-public-wrappers.js';
import { advanceEntries, entriesFor, rememberEntries, type RangeImpactMemo } from './range-impact-memo.js';
import { formatCount } from '../core/text/format-count.js';

// The blast radius of a change: every JS/TS file's imports and exports as records (from the
// cache by blob id, parsed only when new), the import graph, the export diff of the changed
// files, the dependents of each changed export, and the risk. Old side from the base, new side
// from the index (or the head commit): never the working tree.

// From this many modules, building the graph anew takes about a second on a slow machine.
const SAY_GRAPH_FROM = 2000;
export { isModulePath };

// An index entry takes 60 bytes or more: this size holds over 400 files.
const isLargeIndex = (indexFile: string): boolean => readFileSize(indexFile) > 400 * 60;

async function startParsePool(): Promise<ParsePool> {
  const pool = (await import('../adapters/typescript/parse-modules.js')).createParsePool();
  pool.prepare(Number.MAX_SAFE_INTEGER);
  return pool;
}

export interface ImpactInputs {
  readonly git: GitClient;
  readonly files: readonly FileChange[];
  /** The new side: the index, or a commit. */
  readonly head: { readonly kind: 'index' } | { readonly kind: 'commit'; readonly rev: string };
  readonly config: ResolvedConfig;
  readonly logger: Logger;
  /** A cache opened by the caller and saved by it (CI reuses one across a range's commits). */
  readonly cache?: ModuleCache;
  /** CI: the previous commit's tree and graph, reused where they still hold (range-impact-memo.ts). */
  readonly memo?: RangeImpactMemo;
  /** The head commit's parents, for `memo`. */
  readonly parents?: readonly string[];
  /** Where a long run says what it is doing (default: each phase a line on stderr). */
  readonly progress?: ImpactProgress;
  /** The commit `files` were diffed against, when the new side is the index and that is a commit (HEAD). */
  readonly baseRev?: string;
  /** The index's entries, when the caller lists them too (the review's quiz). */
  readonly listIndex?: () => Promise<readonly TreeEntry[]>;
}

const isProjectConfig = (path: string) => (/(?:^|\/)package\.json$/.test(path) || isTsconfigPath(path)) && !isUnderNodeModules(path);
const isReadPath = (path: string) => isModulePath(path) || isProjectConfig(path);

/** The index's modules and config from the saved graph's and what changed since its base; null to list the index. */
async function deriveFromSaved(inputs: ImpactInputs, saved: SavedGraph): Promise<DerivedIndex | null> {
  const { base } = saved;
  if (base === null) return null;
  let changes: Parameters<typeof diffByPath>[0];
  if (base.rev === inputs.baseRev) changes = inputs.files;
  else {
    try {
      changes = parseDiffIndex(await inputs.git.readIndexChanges(base.rev));
    } catch (error) {
      // The commit is gone (a rewritten history, a gc): the index is listed instead.
      inputs.logger.debug(
        `graph cache: its base ${base.rev} is not readable (${(error as Error).message.split('\n')[0]}), the index is listed`,
      );
      return null;
    }
  }
  const diff = diffByPath(changes, isReadPath);
  const derived = diff === null ? null : deriveIndex(saved, base, diff);
  inputs.logger.debug(
    derived === null
      ? 'impact: paths added or removed since the saved graph, the index is listed'
      : `impact: the index derived from the saved graph (${derived.changedAt.length} modules changed since)`,
  );
  return derived;
}

/** What a graph saved by this run describes: the staged diff's base and its changes, where known. */
function indexBaseOf(inputs: ImpactInputs): IndexBase | null {
  if (inputs.head.kind !== 'index' || inputs.baseRev === undefined) return null;
  const diff = diffByPath(inputs.files, isReadPath);
  return diff === null ? null : { rev: inputs.baseRev, changes: [...diff.then] };
}

export async function computeImpact(inputs: ImpactInputs): Promise<ImpactReport> {
  const { git, files, head, config, logger } = inputs;
  const { memo } = inputs;
  const changed = files.filter((f) => isModulePath(f.path) || (f.oldPath !== undefined && isModulePath(f.oldPath)));
  const cache = inputs.cache ?? openModuleCache(git.info.commonDir, readCacheVersion(), logger);
  const saved = changed.length === 0 ? null : (memo?.graph ?? readSavedGraph(git.info.commonDir, readCacheVersion(), logger));
  // A review whose saved graph knows the index it was fitted to asks git only what changed since.
  const fromSaved = head.kind === 'index' && memo === undefined && saved !== null ? await deriveFromSaved(inputs, saved) : null;
  const derived = memo && head.kind === 'commit' ? advanceEntries(memo, head.rev, inputs.parents ?? [], files) : null;
  const listing =
    fromSaved !== null ? null : (derived ?? (head.kind === 'index' ? (inputs.listIndex ?? git.listIndex)() : git.listTree(head.rev)));
  // A first run on a large index (over ~400 files, by the index file's size): the parse pool's
  // threads load TypeScript while git lists the files.
  // (A CI range's pool, once started, serves every later commit: load-module-records.ts.)
  const pool =
    changed.length > 0 && saved === null && cache.isEmpty && (memo?.pool ?? null) === null && isLargeIndex(git.info.indexFile)
      ? await startParsePool()
      : null;
  const entries = listing === null ? null : await listing;
  if (memo && head.kind === 'commit' && derived === null) rememberEntries(memo, head.rev, entries!);
  // No JS/TS file changed: no graph to build (and nothing to parse); configuration and paths
  // still count toward the risk.
  // Derived from the saved graph, the list of modules is made only if something asks for it.
  let listed: readonly TableModule[] | null =
    fromSaved !== null ? null : changed.length === 0 ? [] : entries!.filter((e) => isModulePath(e.path));
  const listModules = () => (listed ??= listDerivedModules(saved!.table, fromSaved!.blobs));
  const moduleCount = listed?.length ?? fromSaved!.moduleCount;
  const projectConfig = fromSaved?.projectConfig ?? entries!.filter((e) => isProjectConfig(e.path));
  // A copy is a new file: its source stays where it was, with its exports (rxjs 7901f7b648 copied
  // reduce.ts to reduce-support.ts, and `reduce` was "removed" from the copy).
  const isNewFile = (f: FileChange) => f.status === 'added' || f.status === 'copied';
  const oldBlobs = changed
    .filter((f) => !isNewFile(f) && isModulePath(f.oldPath ?? f.path))
    .map((f) => ({ path: f.oldPath ?? f.path, blob: f.oldBlob }));
  const changedConfig = files.filter((f) => isReadForChange(f.path));
  // Deleted and renamed-away files stay resolvable, so their former importers are found. (No
  // map of every path for a few changed ones: a warm review builds one map of 10,000 paths, the
  // saved graph's.)
  const candidates = [...new Set(changed.map((f) => f.oldPath ?? f.path))].filter(isModulePath);
  const isModule = (path: string): boolean => {
    if (listed !== null) return listed.some((e) => e.path === path);
    const at = indexPaths(saved!.table).get(path);
    return at !== undefined && fromSaved!.blobs[at] !== '';
  };
  const present = candidates.length > 50 ? new Set(listModules().map((e) => e.path)) : null;
  const extras = candidates.filter((p) => !(present ? present.has(p) : isModule(p))).sort();
  const graphInputs = {
    ...inputs,
    worktree: head.kind === 'index' ? git.info.root : null,
    pool,
    cache,
    saved,
    get modules() {
      return listModules();
    },
    moduleCount,
    extras,
    projectConfig,
    derived: fromSaved,
    base: fromSaved?.base ?? indexBaseOf(inputs),
    // A commit without JS/TS changes resolves nothing: the kept answers wait for the next.
    ...(memo && moduleCount > 0 && { bare: memo.bare }),
  };
  const plan = await planImportGraph(graphInputs);
  // Building the graph of a large repository takes a second or more: say so on stderr (never
  // stdout), once per review (a CI range builds it at most once in a while, and quietly).
  const progress = inputs.progress ?? sayPhases;
  const isNew = plan.fitted === null && plan.refit !== true;
  if (isNew && (moduleCount >= SAY_GRAPH_FROM || progress.isEveryPhase === true) && memo === undefined) {
    progress.phase(`building the import graph of ${formatCount(moduleCount)} files (kept for the next run)`);
  } else if (progress.isEveryPhase === true) progress.phase(`reading the import graph of ${formatCount(moduleCount)} files`);
  const extraBlobs = [...plan.configBlobs, ...changedConfig.flatMap((f) => [f.oldBlob, f.newBlob])];
  const loaded = await loadRecords(graphInputs, cache, plan.unknown, oldBlobs, changedBlobs(changed), extraBlobs);
  const { record, specifiers, texts, counts } = loaded;
  // Modules the saved graph knew as they are count as cached too.
  const cacheHits = counts.hits + moduleCount - plan.unknown.length;
  const {
    graph,
    table,
    resolve,
    resolvable,
    packages,
    patched,
    kept,
    entries: graphEntries,
  } = await logger.time(
    plan.fitted === null && plan.refit !== true ? 'stage: import graph' : 'stage: saved import graph patched',
    async () => finishImportGraph(graphInputs, plan, texts, specifiers, head.kind === 'index' ? git.info.commonDir : null),
  );
  const tableIndex = indexPaths(table);
  const blobOf = (path: string): string | undefined => {
    const at = tableIndex.get(path);
    return at === undefined || table.blobs[at] === '' ? undefined : table.blobs[at];
  };
  // A commit without JS/TS changes keeps the previous commit's graph for the next.
  if (memo && moduleCount > 0) memo.graph = kept;
  logger.debug(
    `impact: ${moduleCount} modules, ${graph.edges} edges, ${graph.unresolved.length} unresolved, ${cacheHits} cached${patched === null ? '' : ` (${patched} re-resolved in the saved graph)`}, ${counts.scanned} scanned, ${counts.parsed} parsed`,
  );
  for (const miss of graph.unresolved.slice(0, 50)) logger.debug(`unresolved: ${miss.specifier} (from ${miss.from})`);
  // A bare specifier that is unresolved named a workspace package (others are external).
  const workspaceMisses = listWorkspaceMisses(graph.unresolved, packages);
  for (const miss of workspaceMisses.slice(0, 50))
    logger.debug(`error: workspace import ${miss.specifier} (from ${miss.from}) does not resolve to a file`);

  const created = new Set(changed.filter(isNewFile).map((f) => f.path));
  // The staged files' records by path (only theirs hold shapes), for an export re-exported from one of them.
  const stagedBlobs = new Map(changed.filter((f) => f.status !== 'deleted' && isModulePath(f.path)).map((f) => [f.path, f.newBlob]));
  const importedExport = (from: string) => (specifier: string, name: string) => {
    const to = resolve(from, specifier);
    const blob = 'path' in to ? stagedBlobs.get(to.path) : undefined;
    return blob === undefined ? undefined : record(blob).exports.find((e) => e.name === name && e.from === undefined);
  };
  const keysChangedIn = await readKeysChanged(changed, record, (ids) => git.readBlobs(ids));
  const found: SymbolDiff[] = changed.flatMap((f) => {
    const before = isNewFile(f) ? null : record(f.oldBlob);
    const after = f.status === 'deleted' || !isModulePath(f.path) ? null : record(f.newBlob);
    return diffExports(f.path, before, after, sameImportUnder(resolve, f, created), importedExport(f.path), keysChangedIn(f));
  });
  // An added export no other staged module can reach has no users yet: it is not walked.
  const staged = new Set(changed.filter((f) => f.status !== 'deleted').map((f) => f.path));
  const unused = new Set(found.filter((d) => d.change === 'added' && !mayHaveUsers(d.path, graph, staged)));
  const diffs = found.filter((d) => !unused.has(d));
  // Same syntax before and after: only comments, whitespace or formatting changed.
  const triviaOnly = changed
    .filter(
      (f) =>
        !isNewFile(f) && f.status !== 'deleted' && f.oldBlob !== f.newBlob && isModulePath(f.path) && isModulePath(f.oldPath ?? f.path),
    )
    .filter((f) => {
      const [before, after] = [record(f.oldBlob), record(f.newBlob)];
      return before.hash !== '' && before.hash === after.hash && before.parseError === undefined && after.parseError === undefined;
    })
    .map((f) => f.path);
  // Routes an earlier review kept (route-cache.ts), where they still hold on this graph.
  const commonDir = head.kind === 'index' && diffs.length > 0 ? git.info.commonDir : null;
  // The key hashes every package and tsconfig (sentry: ~1 ms): only a run that keeps routes needs it (not CI's).
  const resolution = commonDir === null ? '' : resolutionKey(kept.packages, kept.tsconfigs);
  const routeTable = commonDir === null ? null : readRouteTable(commonDir, readCacheVersion(), logger);
  const valid = routeTable === null ? null : validRoutes(routeTable, resolution, importsOf(graph));
  if (valid !== null) logger.debug(`impact: routes of ${valid.reduce((n, v) => n + v, 0)} names kept from the last run`);
  if (progress.isEveryPhase === true)
    progress.phase(`following ${formatCount(diffs.length)} changed export${diffs.length === 1 ? '' : 's'} to their users`);
  const walked = await logger.time('stage: blast radius', () =>
    walkWithRecords(
      diffs,
      graph,
      blobOf,
      cache,
      loaded,
      valid === null ? null : { table: routeTable!, valid },
      memo?.unused,
      config.impact.maxFurther,
    ).finally(loaded.close),
  );
  const walkedOf = new Map(diffs.map((d, i) => [d, { symbol: walked.symbols[i]!, passing: walked.passing[i] }]));
  // A CI range's commit that keeps the last one's paths and config keeps its entries (sentry: ~1 s
  // of resolving every package's entries over 197 commits).
  const packageEntries = entriesFor(memo, resolvable, packages, kept.tsconfigs);
  // The saved graph's, when it holds them for these paths and this config (package-entries.ts).
  const publicEntries =
    found.length === 0
      ? new Map<string, string[]>()
      : (graphEntries?.publicEntries ?? (packageEntries.publicEntries ??= listPublicEntries(packages, resolve)));
  const recordOf = (path: string) => (blobOf(path) === undefined ? undefined : record(blobOf(path)!));
  const readBlobs = (ids: readonly string[]) => git.readBlobs(ids);
  const wrapped = await findPublicWrappers(diffs, {
    usersPassedTo: walked.usersPassedTo,
    passing: walked.passing,
    entries: publicEntries,
    resolve,
    recordOf,
    blobOf,
    readBlobs,
  });
  const symbols = found.map((d): ChangedSymbol => {
    const known = walkedOf.get(d);
    const symbol = withPublicApi(known?.symbol ?? { ...d, ...NO_USERS }, known?.passing, publicEntries);
    const through = wrapped.get(diffs.indexOf(d)) ?? [];
    const publicApi = [...new Set([...(symbol.publicApi ?? []), ...through])].sort();
    return publicApi.length === 0 ? symbol : { ...symbol, publicApi };
  });
  const keptRoutes = commonDir === null ? null : walked.keep(resolution);
  if (keptRoutes !== null) writeRouteTable(commonDir!, readCacheVersion(), keptRoutes, logger);
  if (inputs.cache === undefined) cache.save(() => new Set([...listModules().map((e) => e.blob), ...oldBlobs.map((o) => o.blob)]));
  const dependents = mergeDependents(symbols);
  const capped = walked.stops === null ? null : (capOf(walked.stops, graph, symbols, dependents) ?? null);
  const misses =
    workspaceMisses.length === 0
      ? []
      : missesNearChange(workspaceMisses, packages, [...files.map((f) => f.path), ...dependents.map((d) => d.path)], capped === null);
  const warnings = misses.length === 0 ? [] : [describeMisses(misses)];
  const entryPoints = (packageEntries.entryPoints ??= new Set(graphEntries?.entryPoints ?? listEntryPoints(packages, resolve)));
  // selfreview's own setup (installing it, init's files) is no configuration change of the project,
  // nor is a file the change does not count (ts-node's vendored fixture
  // tests/2076/node_modules/custom-tsconfig/tsconfig.json).
  const configChanges = files
    .filter((f) => f.excluded === null)
    .map((f) =>
      describeConfigChange(
        f.path,
        f.status === 'added' ? null : (texts.get(f.oldBlob) ?? null),
        f.status === 'deleted' ? null : (texts.get(f.newBlob) ?? null),
      ),
    )
    .filter((c): c is string => c !== null);
  const parseErrors = changed
    .filter((f) => f.status !== 'deleted')
    .flatMap((f) => {
      const error = record(f.newBlob).parseError;
      return error === undefined ? [] : [{ path: f.path, message: error }];
    });
  const memberReaders = await readMemberReaders(symbols, blobOf, readBlobs);
  const risk = assessRisk({
    files,
    symbols,
    ...(memberReaders !== undefined && { memberReaders }),
    dependents,
    ...(capped !== null && { capped }),
    entryPoints,
    configChanges,
    parseErrors,
    triviaOnly,
    config: config.impact,
  });
  const changedFileEdges = listChangedFileEdges(graph, new Set(files.map((f) => f.path)));
  const previousFileEdges = listPreviousFileEdges(changed, specifiers, resolve, isModulePath);
  return {
    changedSymbols: symbols,
    dependents,
    ...(capped !== null && { capped }),
    parseErrors,
    triviaOnly,
    warnings,
    risk,
    changedFileEdges,
    previousFileEdges,
    stats: {
      filesInGraph: moduleCount,
      unresolved: graph.unresolved.length,
      cacheHits,
      scanned: counts.scanned,
      parsed: counts.parsed,
    },
  };
}

/** The bound of a stopped walk for the whole report: what imports, directly or not, a file some
 * walk stopped at, and is neither a dependent, a holder of the whole module nor a changed file. */
function capOf(
  stops: WalkStops,
  graph: ImportGraph,
  symbols: readonly ChangedSymbol[],
  dependents: readonly DependentRef[],
): WalkCap | undefined {
  const listed = new Set([...dependents.map((d) => d.path), ...symbols.flatMap((s) => [s.path, ...s.wholeModuleUsers.map((u) => u.path)])]);
  return walkCap(stops.limit, stops.depth, countBeyond(graph, stops.frontier, listed));
}

// A CI range's caches, kept beside the computation that reads them (range-caches.ts).
export { keepUnusedNames, openSharedCache } from './range-caches.js';
