import type { CommitEntry } from '../../core/git/parse-commit-log.js';
import type { TreeEntry } from '../../core/git/parse-tree-entries.js';

// What the product asks git, as named operations: the contract git-client.ts fulfils (and the
// only git the review, CI and the setup commands see). Kept apart from how each is run.

export interface RepoInfo {
  /** Absolute path of the work tree root. */
  readonly root: string;
  readonly gitDir: string;
  readonly commonDir: string;
  /** HEAD's commit id, or null before the first commit. */
  readonly head: string | null;
  /** The index this commit records: GIT_INDEX_FILE when git set it (commit -a, commit <paths>). */
  readonly indexFile: string;
}

/** Where attributes are read from: the index as staged, or a commit's tree. */
export type AttributeSource = { readonly kind: 'index' } | { readonly kind: 'commit'; readonly rev: string };

export interface GitClient {
  readonly info: RepoInfo;
  /** `git diff-index --cached` of the index against `base`: raw + numstat, NUL-separated. */
  readStagedDiff(base: string): Promise<string>;
  /** The staged change against `base` as a zero-context patch, for hunks per file. */
  readStagedHunkPatch(base: string): Promise<string>;
  /** `git check-attr -z` output for the exclusion attributes of `paths`, as of `source`. */
  readExclusionAttributes(paths: readonly string[], source: AttributeSource): Promise<string>;
  /** The id of the empty tree in this repository's hash format. */
  readEmptyTree(): Promise<string>;
  /** The tree git's own merge of `ours` and `theirs` produces, or null when it cannot. */
  readAutoMergeTree(ours: string, theirs: string): Promise<string | null>;
  /**
   * The tree id of the index (what a review is bound to), written from a copy of the index:
   * `git write-tree` may rewrite the index's cache-tree, and the user's index is not ours to write.
   */
  writeTreeOfIndexCopy(): Promise<string>;
  /** Every index entry (stage 0) with its mode and blob id. */
  listIndex(): Promise<TreeEntry[]>;
  /** The entries where the index differs from commit `rev`'s tree, raw: NUL-separated, renames apart. */
  readIndexChanges(rev: string): Promise<string>;
  /** Every file of a commit with its mode and blob id. */
  listTree(rev: string): Promise<TreeEntry[]>;
  /** Blob contents by id (`git cat-file --batch`), as text; missing blobs are left out. */
  readBlobs(ids: readonly string[]): Promise<Map<string, string>>;
  /** The staged text of each path (`:path`, the index's stage 0); a path not staged is absent. */
  readIndexTexts(paths: readonly string[]): Promise<Map<string, string>>;
  /** The text of each path in a tree-ish (`rev:path`); a path it does not hold is absent. */
  readTreeTexts(rev: string, paths: readonly string[]): Promise<Map<string, string>>;
  /** `git diff-tree` between two tree-ishes: the same raw + numstat format as readStagedDiff. */
  readDiffTree(from: string, to: string): Promise<string>;
  /** The change between two tree-ishes as a zero-context patch, as readStagedHunkPatch reads the index. */
  readTreeHunkPatch(from: string, to: string): Promise<string>;
  /** Each commit's diff against its first parent, in one spawn (`diff-tree --stdin`). */
  readDiffTrees(commits: readonly string[]): Promise<string>;
  /** Resolves a revision to a commit id; throws a GitError naming it when it does not exist. */
  resolveCommit(rev: string): Promise<string>;
  /** The tree of `rev`, or null when `rev` does not exist (HEAD before the first commit). */
  readTreeOf(rev: string): Promise<string | null>;
  /** The commits of `range` (oldest first with `reverse`), with our trailers read by git. */
  readCommitLog(range: string, options?: { readonly reverse?: boolean; readonly maxCount?: number }): Promise<CommitEntry[]>;
  /** The commits that carry a note under refs/notes/<ref> (an absent ref has none). */
  listNotedCommits(ref: string): Promise<Set<string>>;
  /** The note of `commit` under refs/notes/<ref>, or null when it has none. */
  readNote(ref: string, commit: string): Promise<string | null>;
  /** Adds (replacing) the note of `commit` under refs/notes/<ref>. */
  writeNote(ref: string, commit: string, text: string): Promise<void>;
  /** A config value, or null when it is not set. `local`: this repository's own config only (or the user's, the system's). */
  readConfig(key: string, scope?: 'local' | 'global' | 'system'): Promise<string | null>;
  /** Sets (null: unsets) a key in this repository's own config. */
  writeLocalConfig(key: string, value: string | null): Promise<void>;
  /** The absolute folder git runs this work tree's hooks from (core.hooksPath resolved). */
  readHooksDir(): Promise<string>;
  /** Every value of a multi-valued config key (empty when not set). */
  readConfigAll(key: string): Promise<string[]>;
  listRemotes(): Promise<string[]>;
  /** `git version`, e.g. "2.39.5". */
  readVersion(): Promise<string>;
  isShallow(): Promise<boolean>;
  /** Whether `rev` holds a .gitattributes file anywhere. */
  hasAttributesFiles(rev: string): Promise<boolean>;
  /** Adds trailers to a message file the way git does (`interpret-trailers --in-place`). */
  addTrailers(messageFile: string, trailers: readonly string[]): Promise<void>;
}
