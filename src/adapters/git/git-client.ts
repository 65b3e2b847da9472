import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitError } from '../../core/errors.js';
import type { Logger } from '../log/logger.js';
import { runGit } from './run-git.js';
import { createTempDir } from './temp-dir.js';

// Every git command selfreview runs goes through here, each flag with its reason. We use
// plumbing (diff-index, check-attr, rev-parse) where we can: its output does not follow the
// user's porcelain config (colour, external diff, renames settings, textconv).
// The environment is inherited on purpose: in a hook git sets GIT_INDEX_FILE (for
// `git commit -a` and `git commit <paths>`) and GIT_DIR, and we must read that exact index.

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

export interface TreeEntry {
  readonly mode: string;
  readonly blob: string;
  readonly path: string;
}

export interface GitClient {
  readonly info: RepoInfo;
  /** `git diff-index` of the index against `base`, raw + numstat, NUL-separated. */
  readDiffIndex(base: string): Promise<string>;
  /** The staged change against `base` as a zero-context patch, for hunks per file. */
  readHunkPatch(base: string): Promise<string>;
  /** `git check-attr` output for the exclusion attributes of `paths`. */
  readExclusionAttributes(paths: readonly string[]): Promise<string>;
  /** The id of the empty tree in this repository's hash format. */
  readEmptyTree(): Promise<string>;
  /** The tree git's own merge of HEAD and `mergeHead` produces, or null when it cannot. */
  readAutoMergeTree(head: string, mergeHead: string): Promise<string | null>;
  /**
   * The tree id of the index (what the review is bound to), computed on a copy of the index:
   * `git write-tree` may rewrite the index's cache-tree, and the user's index is not ours to write.
   */
  readIndexTree(): Promise<string>;
  /** `git ls-files -s -z`: every index entry with its mode and blob id. */
  listIndex(): Promise<TreeEntry[]>;
  /** `git ls-tree -r -z <rev>`: every file of a commit with its mode and blob id. */
  listTree(rev: string): Promise<TreeEntry[]>;
  /** Blob contents by id (`git cat-file --batch`), as text; missing blobs are left out. */
  readBlobs(ids: readonly string[]): Promise<Map<string, string>>;
  /** `git diff-tree` between two commits: the same raw + numstat format as readDiffIndex. */
  readDiffTree(from: string, to: string): Promise<string>;
  /** Resolves a revision to a commit id; throws a GitError naming it when it does not exist. */
  resolveCommit(rev: string): Promise<string>;
  /** Each commit's diff against its first parent, in one spawn (`diff-tree --stdin`). */
  readDiffTrees(commits: readonly string[]): Promise<string>;
  /** check-attr for paths as they are in `rev` (git 2.39 has no --source: a temporary index). */
  readExclusionAttributesAt(rev: string, paths: readonly string[]): Promise<string>;
  /** Runs any git command (for later stages), optionally with stdin; output as text. */
  raw(args: readonly string[], input?: string): Promise<string>;
}

/** Where and how git runs: the repository folder and the environment it inherits. */
interface GitContext {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

function describeGitFailure(error: unknown): GitError {
  const message = error instanceof Error ? error.message : String(error);
  if (/not a git repository/i.test(message)) {
    return new GitError('Not inside a git repository: run selfreview from a repository with a staged change.', { cause: error });
  }
  if (/must be run in a work tree/i.test(message)) {
    return new GitError('This is a bare repository: selfreview reviews the staged change of a work tree.', { cause: error });
  }
  if (/ENOENT|spawn git/i.test(message)) {
    return new GitError('git was not found on PATH: install git, then try again.', { cause: error });
  }
  const firstLine = message.split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
  return new GitError(`git failed: ${firstLine.trim()}`, { cause: error });
}

async function run(git: GitContext, args: readonly string[], logger: Logger, input?: string): Promise<string> {
  try {
    const label = `git ${args.join(' ')}`.slice(0, 200);
    const result = await logger.time(label, () => runGit(args, { cwd: git.cwd, env: git.env, ...(input !== undefined && { input }) }));
    return result.stdout;
  } catch (error) {
    throw describeGitFailure(error);
  }
}

// diff-index --cached: the index, which is what the commit records. -z: any file name git
// allows. --raw --numstat: modes, blob ids and status, then line counts, in one spawn. -C:
// renames and copies, pinned on whatever the user's diff.renames says. --ignore-cr-at-eol: a
// line-ending-only change is not a changed line to a reader.
const diffIndexArgs = (base: string) => ['diff-index', '--cached', '-z', '--raw', '--numstat', '-C', '--ignore-cr-at-eol', base, '--'];

/**
 * Opens the repository around `cwd`; throws a GitError a user can act on when there is none.
 * With `prefetchStagedDiff`, the staged diff against HEAD starts at once beside rev-parse (its
 * paths are root-relative from any folder): the hook's two slowest steps overlap.
 */
export async function openRepository(cwd: string, logger: Logger, options: { prefetchStagedDiff?: boolean } = {}): Promise<GitClient> {
  const probe: GitContext = { cwd, env: process.env };
  const prefetched = options.prefetchStagedDiff ? run(probe, diffIndexArgs('HEAD'), logger).catch(() => null) : null;
  // One spawn for everything we need to know about the repository. --show-toplevel fails in a
  // bare repository; --verify -q HEAD prints nothing (exit 1) before the first commit.
  const out = await run(
    probe,
    // --git-path index honours GIT_INDEX_FILE.
    ['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir', '--git-path', 'index', '--show-toplevel', '--verify', '-q', 'HEAD'],
    logger,
  );
  const [gitDir = '', commonDir = '', indexFile = '', root = '', head = ''] = out.split('\n');
  if (root === '') throw new GitError('Not inside a git work tree: run selfreview from a repository with a staged change.');
  const info: RepoInfo = { root, gitDir, commonDir, indexFile, head: head === '' ? null : head };
  const git: GitContext = { cwd: root, env: process.env };
  return createClient(git, info, logger, prefetched);
}

function parseEntries(out: string, head: RegExp): Array<TreeEntry & { stage: string }> {
  const entries: Array<TreeEntry & { stage: string }> = [];
  for (const record of out.split('\0')) {
    const match = head.exec(record);
    if (match) entries.push({ mode: match[1]!, blob: match[2]!, stage: match[3] || '0', path: record.slice(match[0].length) });
  }
  return entries;
}

function createClient(git: GitContext, info: RepoInfo, logger: Logger, prefetched: Promise<string | null> | null): GitClient {
  return {
    info,
    async readDiffIndex(base) {
      const early = base === info.head && prefetched !== null ? await prefetched : null;
      return early ?? run(git, diffIndexArgs(base), logger);
    },
    // Prefixes pinned: the hunk parser reads paths from the ---/+++ lines.
    readHunkPatch: (base) =>
      run(git, ['diff-index', '--cached', '-p', '-U0', '-C', '--ignore-cr-at-eol', '--src-prefix=a/', '--dst-prefix=b/', base, '--'], logger),
    async readExclusionAttributes(paths) {
      if (paths.length === 0) return '';
      // --cached: .gitattributes as staged, like the content. Chunks keep argv under ARG_MAX.
      const chunks: string[] = [];
      for (let i = 0; i < paths.length; i += 2000) {
        const slice = paths.slice(i, i + 2000);
        chunks.push(
          await run(git, ['check-attr', '--cached', '-z', 'linguist-generated', 'linguist-vendored', 'diff', '--', ...slice], logger),
        );
      }
      return chunks.join('');
    },
    async readEmptyTree() {
      // Not the SHA-1 constant: a SHA-256 repository has another empty tree id.
      return (await run(git, ['hash-object', '-t', 'tree', '/dev/null'], logger)).trim();
    },
    async readAutoMergeTree(head, mergeHead) {
      // git >= 2.38: merge-tree --write-tree prints the merged tree id first, conflicts or not.
      try {
        const out = await run(git, ['merge-tree', '--write-tree', '--no-messages', head, mergeHead], logger);
        const tree = out.split('\n')[0]?.trim() ?? '';
        return /^[0-9a-f]{40,64}$/.test(tree) ? tree : null;
      } catch {
        return null;
      }
    },
    async readIndexTree() {
      // Under the git directory, removed on every exit path (temp-dir.ts): not TMPDIR.
      const dir = createTempDir(info.gitDir, 'index');
      const copy = join(dir.path, 'index');
      try {
        await copyFile(info.indexFile, copy);
        const tree = await run({ cwd: git.cwd, env: { ...git.env, GIT_INDEX_FILE: copy } }, ['write-tree'], logger);
        return tree.trim();
      } catch (error) {
        if (error instanceof GitError && /unmerged/i.test(error.message)) {
          throw new GitError('The index has unresolved conflicts: resolve them and `git add` the files, then try again.', { cause: error });
        }
        throw error;
      } finally {
        dir.remove();
      }
    },
    async listIndex() {
      // Stage 0 only: an unmerged path's other stages are not what the commit records.
      const out = await run(git, ['ls-files', '-s', '-z'], logger);
      return parseEntries(out, /^(\d+) ([0-9a-f]+) (\d)\t/).filter((e) => e.stage === '0');
    },
    async listTree(rev) {
      const out = await run(git, ['ls-tree', '-r', '-z', '--full-tree', rev], logger);
      return parseEntries(out, /^(\d+) blob ([0-9a-f]+)()\t/);
    },
    async readBlobs(ids) {
      const blobs = new Map<string, string>();
      if (ids.length === 0) return blobs;
      const result = await logger.time(`git cat-file --batch (${ids.length} blobs)`, () =>
        runGit(['cat-file', '--batch'], { cwd: git.cwd, env: git.env, input: `${ids.join('\n')}\n` }),
      );
      // "<id> blob <size>\n<bytes>\n" per object, "<id> missing\n" for an unknown one.
      const bytes = result.stdoutBytes;
      let at = 0;
      while (at < bytes.length) {
        const lineEnd = bytes.indexOf(10, at);
        if (lineEnd < 0) break;
        const [id = '', type = '', size = ''] = bytes.subarray(at, lineEnd).toString('utf8').split(' ');
        at = lineEnd + 1;
        if (type === 'missing' || size === '') continue;
        const length = Number(size);
        if (type === 'blob') blobs.set(id, bytes.subarray(at, at + length).toString('utf8'));
        at += length + 1;
      }
      return blobs;
    },
    readDiffTree: (from, to) =>
      run(git, ['diff-tree', '-r', '-z', '--raw', '--numstat', '-C', '--ignore-cr-at-eol', '--no-commit-id', from, to, '--'], logger),
    async resolveCommit(rev) {
      const out = await run(git, ['rev-parse', '--verify', '-q', '--end-of-options', `${rev}^{commit}`], logger);
      if (out.trim() === '') throw new GitError(`Unknown revision '${rev}': check the name, or fetch it (in CI: fetch-depth: 0).`);
      return out.trim();
    },
    readDiffTrees: (commits) =>
      commits.length === 0
        ? Promise.resolve('')
        : run(git, ['diff-tree', '--stdin', '-r', '-z', '--raw', '--numstat', '-C', '--ignore-cr-at-eol', '--root'], logger, `${commits.join('\n')}\n`),
    async readExclusionAttributesAt(rev, paths) {
      if (paths.length === 0) return '';
      const dir = createTempDir(info.gitDir, 'attr');
      try {
        const at: GitContext = { cwd: git.cwd, env: { ...git.env, GIT_INDEX_FILE: join(dir.path, 'index') } };
        await run(at, ['read-tree', rev], logger);
        return await run(at, ['check-attr', '--cached', '-z', 'linguist-generated', 'linguist-vendored', 'diff', '--', ...paths.slice(0, 2000)], logger);
      } finally {
        dir.remove();
      }
    },
    raw: (args, input) => run(git, args, logger, input),
  };
}
