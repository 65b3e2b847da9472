import { assessRisk } from '../core/impact/assess-risk.js';
import { computeBlastRadius, mergeDependents } from '../core/impact/blast-radius.js';
import { listChangedFileEdges, listPreviousFileEdges } from '../core/impact/changed-file-edges.js';
import { describeConfigChange } from '../core/impact/describe-config-change.js';
import { diffExports, type SymbolDiff } from '../core/impact/diff-exports.js';
import type { ChangedSymbol, ImpactReport } from '../core/impact/impact-report.js';
import { buildImportGraph, type ImportGraph } from '../core/impact/import-graph.js';
import { isModulePath, isUnderNodeModules } from '../core/impact/module-path.js';
import type { ModuleRecord } from '../core/impact/module-record.js';
import { readPackages, readTsconfigs } from '../core/impact/read-project-config.js';
import { createResolver, type WorkspacePackage } from '../core/impact/resolve-specifier.js';
import type { FileChange } from '../core/change/staged-change.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import { openModuleCache, type ModuleCache } from '../adapters/cache/module-cache.js';
import type { GitClient, TreeEntry } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import type { ParsePool } from '../adapters/typescript/parse-modules.js';
import { readTypescriptVersion } from '../adapters/typescript/typescript-version.js';
import { advanceEntries, rememberEntries, reuseGraph, type RangeImpactMemo } from './range-impact-memo.js';

// The blast radius of a change: every JS/TS file's imports and exports as records (from the
// cache by blob id, parsed only when new), the import graph, the export diff of the changed
// files, the dependents of each changed export, and the risk. Old side from the base, new side
// from the index (or the head commit): never the working tree.

const PROJECT_CONFIG = /(?:^|\/)(?:package\.json|tsconfig(?:\.[\w-]+)?\.json)$/;
const EMPTY: ModuleRecord = { imports: [], exports: [], declarations: [], hash: '' };
// Scanning this many files, or parsing a quarter as many, takes about a second or more: say so
// on stderr (never stdout).
const SAY_PROGRESS_FROM = 1000;
const SAY_PARSING_FROM = 250;
export { isModulePath };

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
  /** Where a long run says what it is doing (default: stderr). */
  readonly progress?: (line: string) => void;
}

/** The blobs whose full records this run needs up front: both sides of every changed module. */
function changedBlobs(changed: readonly FileChange[]): Array<{ path: string; blob: string }> {
  return changed.flatMap((f) => [
    ...(f.status !== 'added' && isModulePath(f.oldPath ?? f.path) ? [{ path: f.oldPath ?? f.path, blob: f.oldBlob }] : []),
    ...(f.status !== 'deleted' && isModulePath(f.path) ? [{ path: f.path, blob: f.newBlob }] : []),
  ]);
}

// Every module is scanned for its imports (the graph); only changed files, and later the files
// a walk crosses, are parsed in full. A cold run on a large repository mostly scans.
async function loadRecords(
  inputs: ImpactInputs,
  cache: ModuleCache,
  modules: readonly TreeEntry[],
  oldBlobs: readonly { path: string; blob: string }[],
  full: readonly { path: string; blob: string }[],
  extraBlobs: readonly string[],
) {
  const { git, logger } = inputs;
  const say = inputs.progress ?? ((line: string) => process.stderr.write(line));
  const wanted = [...modules.map((e) => ({ path: e.path, blob: e.blob })), ...oldBlobs];
  const needsRecord = new Set(full.filter((f) => !cache.hasRecord(f.blob)).map((f) => f.blob));
  const missing = [
    ...new Map([...wanted, ...full].filter((w) => !cache.has(w.blob) || needsRecord.has(w.blob)).map((w) => [w.blob, w])).values(),
  ];
  const hits = wanted.length - missing.length;
  let pool: ParsePool | null = null;
  if (missing.length > 0) {
    // The workers load TypeScript while git reads the texts.
    pool = (await import('../adapters/typescript/parse-modules.js')).createParsePool();
    pool.prepare(missing.length + needsRecord.size * 3);
  }
  // Texts of config blobs already read for an earlier commit of the range are not read again.
  const known = inputs.memo?.texts;
  const fetched = await git.readBlobs([...new Set([...missing.map((m) => m.blob), ...extraBlobs.filter((b) => !known?.has(b))])]);
  if (known) for (const b of extraBlobs) if (fetched.has(b)) known.set(b, fetched.get(b)!);
  const texts = known ? new Map([...extraBlobs.filter((b) => known.has(b)).map((b) => [b, known.get(b)!] as const), ...fetched]) : fetched;
  const read = async (items: Array<{ path: string; blob: string; full: boolean }>, texts: ReadonlyMap<string, string>) => {
    // TypeScript (~0.35 s to load) only when some file has no cached record.
    pool ??= (await import('../adapters/typescript/parse-modules.js')).createParsePool();
    const withText = items.map((item) => ({ ...item, text: texts.get(item.blob) ?? '' }));
    const parsed = items.filter((i) => i.full).length;
    await logger.time(`load typescript, scan ${items.length - parsed} files, parse ${parsed}`, () =>
      pool!.read(withText, (r) => cache.set(r.blob, r.specifiers, r.record)),
    );
  };
  if (missing.length > 0) {
    if (missing.length >= SAY_PROGRESS_FROM) {
      say(`selfreview: indexing ${missing.length.toLocaleString('en-US')} files (${hits === 0 ? 'first run, ' : ''}cached afterwards)…\n`);
    }
    await read(
      missing.map((m) => ({ ...m, full: needsRecord.has(m.blob) })),
      texts,
    );
  }
  const counts = { hits, scanned: missing.length - needsRecord.size, parsed: needsRecord.size };
  /** Parses the files a walk found without a record; how many it parsed. */
  const addRecords = async (wantedRecords: ReadonlyMap<string, string>): Promise<void> => {
    const blobs = [...wantedRecords.keys()];
    if (blobs.length >= SAY_PARSING_FROM)
      say(`selfreview: reading ${blobs.length.toLocaleString('en-US')} files that import the change (cached afterwards)…\n`);
    await read(
      blobs.map((blob) => ({ path: wantedRecords.get(blob)!, blob, full: true })),
      await git.readBlobs(blobs),
    );
    counts.parsed += blobs.length;
  };
  const record = (blob: string): ModuleRecord => cache.get(blob) ?? EMPTY;
  const specifiers = (blob: string): readonly string[] => cache.specifiers(blob) ?? [];
  return { record, specifiers, texts, counts, addRecords, close: async () => pool?.close() };
}

/** The blast radius, parsing on the way the files the walk crosses that have no record yet:
 * a walk that met such a file is run again once it is parsed, until none is missing. */
async function walkWithRecords(
  diffs: readonly SymbolDiff[],
  graph: ImportGraph,
  blobOf: ReadonlyMap<string, string>,
  cache: ModuleCache,
  loaded: Awaited<ReturnType<typeof loadRecords>>,
): Promise<ChangedSymbol[]> {
  for (;;) {
    const missing = new Map<string, string>();
    const records = {
      get(path: string): ModuleRecord | undefined {
        const blob = blobOf.get(path);
        if (blob === undefined) return undefined;
        if (cache.hasRecord(blob)) return loaded.record(blob);
        missing.set(blob, path);
        return undefined;
      },
    };
    const symbols = computeBlastRadius(diffs, graph, records);
    if (missing.size === 0) return symbols;
    await loaded.addRecords(missing);
  }
}

export async function computeImpact(inputs: ImpactInputs): Promise<ImpactReport> {
  const { git, files, head, config, logger } = inputs;
  const { memo } = inputs;
  const derived = memo && head.kind === 'commit' ? advanceEntries(memo, head.rev, inputs.parents ?? [], files) : null;
  const entries = derived ?? (head.kind === 'index' ? await git.listIndex() : await git.listTree(head.rev));
  if (memo && head.kind === 'commit' && derived === null) rememberEntries(memo, head.rev, entries);
  const changed = files.filter((f) => isModulePath(f.path) || (f.oldPath !== undefined && isModulePath(f.oldPath)));
  // No JS/TS file changed: no graph to build (and nothing to parse); configuration and paths
  // still count toward the risk.
  const modules = changed.length === 0 ? [] : entries.filter((e) => isModulePath(e.path));
  const projectConfig = entries.filter((e) => PROJECT_CONFIG.test(e.path) && !isUnderNodeModules(e.path));
  const oldBlobs = changed
    .filter((f) => f.status !== 'added' && isModulePath(f.oldPath ?? f.path))
    .map((f) => ({ path: f.oldPath ?? f.path, blob: f.oldBlob }));
  const changedConfig = files.filter((f) => /(?:^|\/)package\.json$/.test(f.path));
  const extraBlobs = [...projectConfig.map((e) => e.blob), ...changedConfig.flatMap((f) => [f.oldBlob, f.newBlob])];
  const cache = inputs.cache ?? openModuleCache(git.info.commonDir, readTypescriptVersion(), logger);
  const loaded = await loadRecords(inputs, cache, modules, oldBlobs, changedBlobs(changed), extraBlobs);
  const { record, specifiers, texts, counts } = loaded;

  const blobOf = new Map(modules.map((e) => [e.path, e.blob]));
  // Deleted and renamed-away files stay resolvable, so their former importers are found.
  const resolvable = new Set([...blobOf.keys(), ...changed.map((f) => f.oldPath ?? f.path).filter(isModulePath)]);
  const configTexts = new Map(projectConfig.map((e) => [e.path, texts.get(e.blob) ?? '']));
  const tsconfigs = readTsconfigs(configTexts);
  let packages: readonly WorkspacePackage[] = readPackages(configTexts);
  // What resolution depends on, not the config files' bytes: a release that bumps versions
  // keeps the graph.
  const graphKey = JSON.stringify([packages, tsconfigs, [...resolvable].filter((p) => !blobOf.has(p)).sort()]);
  const reused = memo ? reuseGraph(memo, graphKey, blobOf, specifiers) : null;
  let resolve = reused?.resolve;
  let graph = reused?.graph;
  if (!reused || !resolve || !graph) {
    resolve = createResolver(resolvable, tsconfigs, packages);
    const built = resolve;
    graph = await logger.time('stage: import graph', async () =>
      buildImportGraph(new Map(modules.map((e) => [e.path, specifiers(e.blob)])), built),
    );
  } else packages = reused.packages;
  if (memo && modules.length > 0) memo.graph = { key: graphKey, blobs: blobOf, graph, resolve, packages };
  logger.debug(
    `impact: ${blobOf.size} modules, ${graph.edges} edges, ${graph.unresolved.length} unresolved, ${counts.hits} cached, ${counts.scanned} scanned, ${counts.parsed} parsed`,
  );
  for (const miss of graph.unresolved.slice(0, 50)) logger.debug(`unresolved: ${miss.specifier} (from ${miss.from})`);
  // A bare specifier that is unresolved named a workspace package (others are external).
  const workspaceMisses = graph.unresolved.filter((u) => !u.specifier.startsWith('.') && !u.specifier.startsWith('/'));
  for (const miss of workspaceMisses.slice(0, 50))
    logger.debug(`error: workspace import ${miss.specifier} (from ${miss.from}) does not resolve to a file`);
  const warnings =
    workspaceMisses.length === 0
      ? []
      : [
          `${workspaceMisses.length} import${workspaceMisses.length === 1 ? ' of a workspace package does' : 's of workspace packages do'} not resolve (e.g. ${workspaceMisses[0]!.specifier} from ${workspaceMisses[0]!.from}): their users are missing (--debug lists them)`,
        ];

  const diffs: SymbolDiff[] = changed.flatMap((f) => {
    const before = f.status === 'added' ? null : record(f.oldBlob);
    const after = f.status === 'deleted' || !isModulePath(f.path) ? null : record(f.newBlob);
    return diffExports(f.path, before, after);
  });
  // Same syntax before and after: only comments, whitespace or formatting changed.
  const triviaOnly = changed
    .filter(
      (f) =>
        f.status !== 'added' &&
        f.status !== 'deleted' &&
        f.oldBlob !== f.newBlob &&
        isModulePath(f.path) &&
        isModulePath(f.oldPath ?? f.path),
    )
    .filter((f) => {
      const [before, after] = [record(f.oldBlob), record(f.newBlob)];
      return before.hash !== '' && before.hash === after.hash && before.parseError === undefined && after.parseError === undefined;
    })
    .map((f) => f.path);
  const symbols = await walkWithRecords(diffs, graph, blobOf, cache, loaded).finally(loaded.close);
  if (inputs.cache === undefined) cache.save(new Set([...modules.map((e) => e.blob), ...oldBlobs.map((o) => o.blob)]));
  const dependents = mergeDependents(symbols);
  const entryPoints = new Set(packages.map((p) => resolve(`${p.dir}/package.json`, p.name)).flatMap((r) => ('path' in r ? [r.path] : [])));
  const configChanges = files
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
  const risk = assessRisk({ files, symbols, dependents, entryPoints, configChanges, parseErrors, config: config.impact });
  const changedFileEdges = listChangedFileEdges(graph, new Set(files.map((f) => f.path)));
  const previousFileEdges = listPreviousFileEdges(changed, specifiers, resolve, isModulePath);
  return {
    changedSymbols: symbols,
    dependents,
    parseErrors,
    triviaOnly,
    warnings,
    risk,
    changedFileEdges,
    previousFileEdges,
    stats: {
      filesInGraph: blobOf.size,
      unresolved: graph.unresolved.length,
      cacheHits: counts.hits,
      scanned: counts.scanned,
      parsed: counts.parsed,
    },
  };
}

/** One module cache for many impact computations (a CI range); `save` keeps every blob seen. */
export function openSharedCache(git: GitClient, logger: Logger): ModuleCache & { readonly seen: Set<string> } {
  const cache = openModuleCache(git.info.commonDir, readTypescriptVersion(), logger);
  const seen = new Set<string>();
  return {
    seen,
    has: (blob) => cache.has(blob),
    hasRecord: (blob) => cache.hasRecord(blob),
    specifiers: (blob) => (seen.add(blob), cache.specifiers(blob)),
    get: (blob) => (seen.add(blob), cache.get(blob)),
    set: (blob, specifiers, record) => (seen.add(blob), cache.set(blob, specifiers, record)),
    save: () => cache.save(seen),
  };
}
