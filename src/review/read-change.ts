import { createExclusionMatcher, parseCheckAttr, type PathAttributes } from '../core/change/exclusions.js';
import { parseDiffIndex, parseDiffTreesByCommit, type RawFileChange } from '../core/change/parse-diff-index.js';
import type { FileChange } from '../core/change/staged-change.js';
import { listSetupBlobs, markSetupFiles } from '../core/setup/setup-files.js';
import type { CommitEntry } from '../core/git/parse-commit-log.js';
import type { GitClient } from '../adapters/git/git-client.js';

// The one reader of a change (STYLE.md "one reader per concept"): the staged change (whatever
// index git uses for this commit), a range between two commits, or each commit of a list, read
// into the FileChange model with exclusions from .gitattributes as of that same content. The
// review, `impact`, `ci` and `split` all read changes here, so they cannot disagree.

export type ChangeSource =
  /** The index against `base` (HEAD, the empty tree, or the automatic merge of a merge). */
  | { readonly kind: 'staged'; readonly base: string }
  /** `from` against the commit `to` (a range, or one commit against a chosen base). */
  | { readonly kind: 'range'; readonly from: string; readonly to: string }
  /** A commit against its first parent; a merge against git's automatic merge of its parents. */
  | { readonly kind: 'commit'; readonly entry: Pick<CommitEntry, 'commit' | 'parents'> };

/** The files of a change, or null when it cannot be measured (an octopus merge, an unmergeable one). */
export type ReadChangeResult = FileChange[] | null;

const isAttributesFile = (path: string) => path === '.gitattributes' || path.endsWith('/.gitattributes');

export async function readChange(git: GitClient, source: ChangeSource, exclude: readonly string[]): Promise<ReadChangeResult> {
  return (await readChanges(git, [source], exclude))[0] ?? null;
}

/** Many changes in as few git spawns as they allow: every ordinary commit in one diff-tree. */
export async function readChanges(
  git: GitClient,
  sources: readonly ChangeSource[],
  exclude: readonly string[],
): Promise<ReadChangeResult[]> {
  const ordinary = sources.flatMap((s) => (s.kind === 'commit' && s.entry.parents.length <= 1 ? [s.entry.commit] : []));
  const byCommit = ordinary.length > 0 ? parseDiffTreesByCommit(await git.readDiffTrees(ordinary)) : new Map<string, RawFileChange[]>();
  const raws: Array<RawFileChange[] | null> = [];
  for (const source of sources) raws.push(await readRaw(git, source, byCommit));
  const attributes = await readAttributes(git, sources, raws);
  const matchExclusion = createExclusionMatcher(exclude);
  const changes = raws.map(
    (raw, i) => raw && raw.map((file) => ({ ...file, excluded: matchExclusion(file.path, attributes[i]!.get(file.path)) })),
  );
  // selfreview's own setup (init's hook blocks, its config, the devDependency): read only where a
  // path could be one, all such blobs in one cat-file.
  const blobs = [...new Set(changes.flatMap((files) => (files ? listSetupBlobs(files) : [])))];
  if (blobs.length === 0) return changes;
  const texts = await git.readBlobs(blobs);
  return changes.map((files) => files && markSetupFiles(files, texts));
}

async function readRaw(git: GitClient, source: ChangeSource, byCommit: Map<string, RawFileChange[]>): Promise<RawFileChange[] | null> {
  switch (source.kind) {
    case 'staged':
      return parseDiffIndex(await git.readStagedDiff(source.base));
    case 'range':
      return parseDiffIndex(await git.readDiffTree(source.from, source.to));
    case 'commit': {
      const { commit, parents } = source.entry;
      if (parents.length <= 1) return byCommit.get(commit) ?? [];
      // A merge adds what differs from git's own merge of its parents (conflict resolutions,
      // edits); an octopus merge has no such single automatic merge.
      if (parents.length > 2) return null;
      const auto = await git.readAutoMergeTree(parents[0]!, parents[1]!);
      return auto === null ? null : parseDiffIndex(await git.readDiffTree(auto, commit));
    }
  }
}

/** The content a source's attributes come from: the index, or the commit it ends at. */
function contentOf(source: ChangeSource): { kind: 'index' } | { kind: 'commit'; rev: string } {
  if (source.kind === 'staged') return { kind: 'index' };
  return { kind: 'commit', rev: source.kind === 'range' ? source.to : source.entry.commit };
}

/**
 * Exclusion attributes for each source, as of its own content. Commits are taken in runs that
 * share their .gitattributes (a run ends where a commit changes one): one check-attr per run.
 * A repository without any .gitattributes costs one ls-tree (or nothing, for the index).
 */
async function readAttributes(
  git: GitClient,
  sources: readonly ChangeSource[],
  raws: ReadonlyArray<RawFileChange[] | null>,
): Promise<Map<string, PathAttributes>[]> {
  const result: Map<string, PathAttributes>[] = sources.map(() => new Map());
  let run: number[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    const content = contentOf(sources[run[0]!]!);
    const paths = [...new Set(run.flatMap((i) => (raws[i] ?? []).map((f) => f.path)))];
    const hasAttributes = content.kind === 'index' || (await git.hasAttributesFiles(content.rev));
    if (hasAttributes && paths.length > 0) {
      const parsed = parseCheckAttr(await git.readExclusionAttributes(paths, content));
      for (const i of run) result[i] = parsed;
    }
    run = [];
  };
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    const changesAttributes = (raws[i] ?? []).some(
      (f) => isAttributesFile(f.path) || (f.oldPath !== undefined && isAttributesFile(f.oldPath)),
    );
    const isSeparate = source.kind !== 'commit';
    if (isSeparate || changesAttributes) await flush();
    run.push(i);
    if (isSeparate) await flush();
  }
  await flush();
  return result;
}
