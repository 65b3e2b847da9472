import { join } from 'node:path';
import type { SymbolDiff } from '../core/impact/diff-exports.js';
import { walkChanges, type KeptRoutes, type WalkStops } from '../core/impact/blast-radius.js';
import type { ChangedSymbol } from '../core/impact/impact-report.js';
import type { ImportGraph } from '../core/impact/import-graph.js';
import { isModulePath } from '../core/impact/module-path.js';
import { isTokenHashed, type ModuleRecord } from '../core/impact/module-record.js';
import type { RouteTable } from '../core/impact/route-table.js';
import type { FileChange } from '../core/change/staged-change.js';
import type { ModuleCache } from '../adapters/cache/module-cache.js';
import type { GitClient } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import type { ParsePool } from '../adapters/typescript/parse-modules.js';
import type { RangeImpactMemo } from './range-impact-memo.js';
import { formatCount } from '../core/text/format-count.js';

// The module records a blast radius reads. Every module is scanned for its import specifiers
// (the graph is built from those alone, so it is the same whatever was parsed); full records
// are parsed for the changed files, and then for the files a walk crosses, in rounds, until the
// walk meets no file without one. All of it through the cache by blob id.

const EMPTY: ModuleRecord = { imports: [], exports: [], declarations: [], hash: '' };
// Scanning this many files, or parsing a quarter as many, takes about a second or more: say so
// on stderr (never stdout).
const SAY_PROGRESS_FROM = 1000;
const SAY_PARSING_FROM = 250;
// A walk that meets this many files without a record is wide: the files importing those, directly
// or not, are parsed with them, in one batch, rather than in a round of the walk each.
const WIDE_FROM = 400;

/** What a long blast radius is doing: each phase (`indexing 6,618 files (first run, cached
 * afterwards)`), and while it lasts, how far it is (`indexing 6,618 files: 2,300 read`). */
export interface ImpactProgress {
  phase(text: string): void;
  count?(detail: string): void;
  /** Name every phase, however small (a review's step line shows them only past a second). */
  readonly isEveryPhase?: boolean;
}

/** Each phase a line on stderr (never stdout): `selfreview impact`, CI, a review without a terminal step. */
export const sayPhases: ImpactProgress = { phase: (text) => process.stderr.write(`selfreview: ${text}…\n`) };

// A running count is passed on at most this often.
const COUNT_EVERY_MS = 250;

export interface RecordInputs {
  readonly git: GitClient;
  readonly logger: Logger;
  readonly memo?: RangeImpactMemo;
  /** Where a long run says what it is doing (default: each phase a line on stderr). */
  readonly progress?: ImpactProgress;
  /** The work tree to read the files of the index from, when the new side is the index. */
  readonly worktree?: string | null;
  /** A pool the caller started early (a first run); closed with the records. */
  readonly pool?: ParsePool | null;
}

/** A changed module's side whose whole record this run needs, with the blob of its other side. */
export interface ChangedBlob {
  readonly path: string;
  readonly blob: string;
  readonly pair?: string;
}

/** The blobs whose full records this run needs up front: both sides of every changed module. */
export function changedBlobs(changed: readonly FileChange[]): ChangedBlob[] {
  return changed.flatMap((f) => {
    const old = f.status !== 'added' && isModulePath(f.oldPath ?? f.path) ? { path: f.oldPath ?? f.path, blob: f.oldBlob } : null;
    const now = f.status !== 'deleted' && isModulePath(f.path) ? { path: f.path, blob: f.newBlob } : null;
    if (old === null || now === null) return [old ?? now].filter((side) => side !== null);
    return [
      { ...old, pair: now.blob },
      { ...now, pair: old.blob },
    ];
  });
}

/** Blob texts; config texts already read for an earlier commit of a CI range are not read again. */
export async function readTexts(
  inputs: RecordInputs,
  blobs: readonly string[],
  configBlobs: readonly string[],
): Promise<Map<string, string>> {
  const known = inputs.memo?.texts;
  const fetched = await inputs.git.readBlobs([...new Set([...blobs, ...configBlobs.filter((b) => !known?.has(b))])]);
  if (!known) return fetched;
  for (const b of configBlobs) if (fetched.has(b)) known.set(b, fetched.get(b)!);
  return new Map([...configBlobs.filter((b) => known.has(b)).map((b) => [b, known.get(b)!] as const), ...fetched]);
}

// Every module is scanned for its imports (the graph); only changed files, and later the files
// a walk crosses, are parsed in full. A cold run on a large repository mostly scans.
export async function loadRecords(
  inputs: RecordInputs,
  cache: ModuleCache,
  modules: readonly { readonly path: string; readonly blob: string }[],
  oldBlobs: readonly { path: string; blob: string }[],
  full: readonly ChangedBlob[],
  extraBlobs: readonly string[],
) {
  const { git, logger } = inputs;
  const progress = inputs.progress ?? sayPhases;
  let phase = '';
  const say = (text: string) => progress.phase((phase = text));
  const wanted = [...modules.map((e) => ({ path: e.path, blob: e.blob })), ...oldBlobs];
  const needsRecord = new Set(full.filter((f) => !cache.hasRecord(f.blob)).map((f) => f.blob));
  const missing = [
    ...new Map([...wanted, ...full].filter((w) => !cache.has(w.blob) || needsRecord.has(w.blob)).map((w) => [w.blob, w])).values(),
  ];
  const hits = wanted.length - missing.length;
  // A CI range keeps one pool for all its commits (range-impact-memo.ts): a worker started for
  // one commit's walk serves the next ones instead of starting again (sentry, 197 commits: 34
  // worker starts, ~2 s of CPU, for walk rounds of 100–400 files each).
  const { memo } = inputs;
  let pool: ParsePool | null = inputs.pool ?? memo?.pool ?? null;
  const openPool = async (): Promise<ParsePool> => {
    pool ??= (await import('../adapters/typescript/parse-modules.js')).createParsePool();
    if (memo !== undefined) memo.pool = pool;
    return pool;
  };
  if (pool !== null && memo !== undefined) {
    if (memo.pool === pool && inputs.pool == null) logger.debug('impact: the parse pool of an earlier commit of the range');
    memo.pool = pool;
  }
  if (missing.length > 0) {
    // The workers load TypeScript while git reads the texts.
    (await openPool()).prepare(missing.length + needsRecord.size * 3);
  }
  // A cold run reads the texts of the index's files from the working tree on every core, where
  // git would read them one by one; files that are not the blob fall back to git (read-module.ts).
  const worktree = inputs.worktree ?? null;
  // The old side of a changed file is not in the work tree: git reads it with the config, at once,
  // not after the work tree file was found to be another blob.
  const oldSide = worktree === null ? [] : oldBlobs.filter((o) => missing.some((m) => m.blob === o.blob)).map((o) => o.blob);
  const texts = readTexts(inputs, worktree === null ? missing.map((m) => m.blob) : oldSide, extraBlobs);
  texts.catch(() => undefined); // awaited below; a failure is reported there
  type Item = {
    path: string;
    blob: string;
    full: boolean;
    isScanned?: boolean;
    names?: readonly string[];
    takenFrom?: readonly string[];
    isLight?: boolean;
    isTypescriptOnly?: boolean;
  };
  const skipped = new Set<string>();
  const read = async (items: readonly Item[], textOf: ReadonlyMap<string, string> | null, isRetry = false): Promise<void> => {
    // TypeScript (~0.35 s to load) only when some file has no cached record.
    await openPool();
    // From the work tree but the texts git gave (all of them when there is no work tree).
    const withText = items.map((item) => {
      const text = textOf?.get(item.blob);
      return text === undefined && worktree !== null && !isRetry
        ? { ...item, file: join(worktree, item.path) }
        : { ...item, text: text ?? '' };
    });
    const parsed = items.filter((i) => i.full).length;
    const unread = new Set<string>();
    let [done, counted] = [0, Date.now()];
    const counting = phase.replace(/ \(.*$/, '');
    await logger.time(`load typescript, scan ${items.length - parsed} files, parse ${parsed}`, () =>
      pool!.read(withText, (r) => {
        if (r.unread) unread.add(r.blob);
        else if (r.skipped) skipped.add(r.blob);
        else cache.set(r.blob, cache.specifiers(r.blob) ?? r.specifiers, r.record);
        done++;
        if (progress.count !== undefined && counting !== '' && Date.now() - counted >= COUNT_EVERY_MS) {
          counted = Date.now();
          progress.count(`${counting}: ${formatCount(done)} of ${formatCount(items.length)} read`);
        }
      }),
    );
    if (unread.size === 0) return;
    const again = items.filter((i) => unread.has(i.blob));
    logger.debug(`impact: ${again.length} file${again.length === 1 ? '' : 's'} read from git, not the working tree`);
    await read(again, await git.readBlobs(again.map((i) => i.blob)), true);
  };
  if (missing.length > 0) {
    if (missing.length >= SAY_PROGRESS_FROM || progress.isEveryPhase === true) {
      say(`indexing ${formatCount(missing.length)} files (${hits === 0 ? 'first run, ' : ''}cached afterwards)`);
    }
    const items = missing.map((m) => ({ ...m, full: needsRecord.has(m.blob) }));
    await read(items, worktree === null || oldSide.length > 0 ? await texts : null);
  }
  // A side read from tokens whose other side TypeScript read (the tokens could not, or an earlier
  // run's cache): read again by TypeScript, or the two hashes would differ whatever changed.
  const mixed = full.filter((f) => f.pair !== undefined && isTokenHashed(cache.get(f.blob)) && !isTokenHashed(cache.get(f.pair)));
  if (mixed.length > 0) {
    logger.debug(`impact: ${mixed.length} changed side${mixed.length === 1 ? '' : 's'} read again by TypeScript (its other side was)`);
    const items = mixed.map(({ path, blob }) => ({ path, blob, full: true, isScanned: true, isTypescriptOnly: true }));
    await read(items, await git.readBlobs(mixed.map((m) => m.blob)));
  }
  const counts = { hits, scanned: missing.length - needsRecord.size, parsed: needsRecord.size };
  /** Parses the files a walk found without a record, but those whose text cannot use the names
   * that reach them (`names`): the blobs of those are returned, still without a record. */
  const addRecords = async (wantedRecords: ReadonlyMap<string, { path: string; names?: readonly string[] }>): Promise<Set<string>> => {
    const blobs = [...wantedRecords.keys()];
    if (blobs.length >= SAY_PARSING_FROM || progress.isEveryPhase === true)
      say(
        `reading ${formatCount(blobs.length)} ${blobs.length === 1 ? 'file that imports' : 'files that import'} the change (cached afterwards)`,
      );
    else phase = '';
    // Files a walk crosses did not change: a light record (parse-module.ts) is all it reads.
    const items = blobs.map((blob) => {
      const { path, names: taken } = wantedRecords.get(blob)!;
      const item = { path, blob, full: true, isScanned: cache.has(blob), isLight: true };
      if (taken === undefined) return item;
      if (taken.length === 0) return { ...item, names: [] };
      return { ...item, names: [...new Set(taken.map((pair) => pair.slice(pair.lastIndexOf('\0') + 1)))], takenFrom: taken };
    });
    skipped.clear();
    await read(items, worktree === null ? await git.readBlobs(blobs) : null);
    counts.parsed += blobs.length - skipped.size;
    logger.debug(
      `impact: walk round of ${blobs.length} files: ${blobs.length - skipped.size} parsed, ${skipped.size} passed by their text`,
    );
    return new Set(skipped);
  };
  const record = (blob: string): ModuleRecord => cache.get(blob) ?? EMPTY;
  const specifiers = (blob: string): readonly string[] => cache.specifiers(blob) ?? [];
  // A range's pool is closed when the range is done (run-ci.ts), not after each commit.
  const close = async () => (memo === undefined ? pool?.close() : undefined);
  return { record, specifiers, texts: await texts, counts, addRecords, close };
}

/** The names each of `files` may take from the files it imports, by the steps of a walk: the
 * names (and namespace members) the walk reached those files by, each with the specifier the
 * file imports that file by (`specifier\0name`: a name holds no `\0`). */
function namesReaching(
  steps: readonly { readonly file: string; readonly name: string; readonly member?: string | undefined }[],
  graph: ImportGraph,
  files: ReadonlySet<string>,
): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const { file, name, member } of steps) {
    let names = byFile.get(file);
    if (names === undefined) byFile.set(file, (names = new Set()));
    names.add(name);
    if (member !== undefined) for (const part of member.split('.')) names.add(part);
  }
  const reaching = new Map<string, Set<string>>();
  for (const [file, names] of byFile) {
    for (const { from, specifier } of graph.importersOf.get(file) ?? []) {
      if (!files.has(from)) continue;
      let into = reaching.get(from);
      if (into === undefined) reaching.set(from, (into = new Set()));
      for (const name of names) into.add(`${specifier}\0${name}`);
    }
  }
  return reaching;
}

/** The files that import `paths`, directly or not, by blob (those of `paths` not included). */
function importersFrom(graph: ImportGraph, blobOf: (path: string) => string | undefined, paths: readonly string[]): Map<string, string> {
  const seen = new Set(paths);
  const queue = [...paths];
  const found = new Map<string, string>();
  while (queue.length > 0) {
    for (const { from } of graph.importersOf.get(queue.pop()!) ?? []) {
      if (seen.has(from)) continue;
      seen.add(from);
      queue.push(from);
      const blob = blobOf(from);
      if (blob !== undefined) found.set(blob, from);
    }
  }
  return found;
}

/** The blast radius, parsing on the way the files the walk crosses that have no record yet:
 * a walk that met such a file is run again once it is parsed, until none is missing. A file
 * whose text cannot use the names that reach it (may-use-names.ts) is not parsed: the walk takes
 * it as importing nothing, which is what its record would say of those names; when a later walk
 * reaches it by more names, it is looked at again. A wide walk (WIDE_FROM) parses the files it
 * met and every file importing them, directly or not, in one batch: a round of the walk each,
 * as deep as the change reaches, cost more than the few files parsed for nothing (sentry's core:
 * 4,894 parsed instead of 4,795, 4 rounds instead of 9). Routes kept by an earlier run are read
 * where they still hold; `keep` gives this run's for the next. `unused` may come filled by an
 * earlier walk. A capped walk (`maxFurther`, blast-radius.ts) parses in rounds only: the batch
 * would parse every file past the depth where it stops, which is what the cap saves. */
export async function walkWithRecords(
  diffs: readonly SymbolDiff[],
  graph: ImportGraph,
  blobOf: (path: string) => string | undefined,
  cache: ModuleCache,
  loaded: Awaited<ReturnType<typeof loadRecords>>,
  kept: KeptRoutes | null = null,
  unused: Map<string, ReadonlySet<string>> = new Map(),
  maxFurther = 0,
): Promise<{
  symbols: ChangedSymbol[];
  stops: WalkStops | null;
  keep: (resolution: string) => RouteTable | null;
  passing: readonly ReadonlySet<string>[];
  usersPassedTo: (i: number, files: ReadonlySet<string>) => Map<string, Set<string>>;
}> {
  // Blobs not parsed, with the names their text was found not to use (a CI range keeps them
  // from commit to commit: the answer is the blob's text's, whatever the commit).
  let isWide = false;
  for (;;) {
    const missing = new Map<string, string>();
    const passed = new Map<string, string>();
    const records = {
      get(path: string): ModuleRecord | undefined {
        const blob = blobOf(path);
        if (blob === undefined) return undefined;
        if (cache.hasWalkRecord(blob)) return loaded.record(blob);
        if (unused.has(blob)) return (passed.set(blob, path), EMPTY);
        missing.set(blob, path);
        return undefined;
      },
    };
    const walked = walkChanges(diffs, graph, records, kept, maxFurther, () => missing.size === 0);
    if (missing.size === 0 && passed.size === 0) return walked;
    const reaching = namesReaching(walked.steps, graph, new Set([...missing.values(), ...passed.values()]));
    const wanted = new Map<string, { path: string; names?: readonly string[] }>();
    for (const [blob, path] of missing) wanted.set(blob, { path, names: [...(reaching.get(path) ?? [])] });
    for (const [blob, path] of passed) {
      const names = reaching.get(path) ?? new Set<string>();
      const known = unused.get(blob)!;
      if ([...names].some((name) => !known.has(name))) wanted.set(blob, { path, names: [...names] });
    }
    if (wanted.size === 0) return walked;
    if (!isWide && maxFurther === 0 && wanted.size >= WIDE_FROM) {
      // Parsed whole: a file not parsed now could be wanted by a name found in this batch.
      isWide = true;
      for (const [blob, { path }] of wanted) wanted.set(blob, { path });
      for (const [blob, path] of importersFrom(
        graph,
        blobOf,
        [...wanted.values()].map((w) => w.path),
      ))
        if (!wanted.has(blob) && !cache.hasWalkRecord(blob)) wanted.set(blob, { path });
    }
    const skipped = await loaded.addRecords(wanted);
    // Each name is unused on its own (may-use-names.ts): the names found before still count.
    for (const [blob, { names }] of wanted)
      if (skipped.has(blob)) unused.set(blob, new Set([...(unused.get(blob) ?? []), ...(names ?? [])]));
  }
}
