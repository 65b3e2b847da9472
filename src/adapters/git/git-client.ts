import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openCatFileBatch, parseBatchAnswers, type CatFileBatch } from './cat-file-batch.js';
import { parseDiffIndex } from '../../core/change/parse-diff-index.js';
import { GitError } from '../../core/errors.js';
import { commitLogFormat, parseCommitLog, type CommitEntry } from '../../core/git/parse-commit-log.js';
import { parseIndexEntries, parseTreeEntries, type TreeEntry } from '../../core/git/parse-tree-entries.js';
import { TRAILER_LOG_FIELDS } from '../../core/record/trailers.js';
import type { Logger } from '../log/logger.js';
import { addNoteWithRetry } from './add-note.js';
import type { GitClient, RepoInfo } from './git-contract.js';
import { runGit, type GitRun } from './run-git.js';
import { createTempIndex } from './temp-index.js';

// Every git command selfreview runs goes through here, as a named operation, each flag with its
// reason. We use plumbing (diff-index, check-attr, rev-parse) where we can: its output does not
// follow the user's porcelain config (colour, external diff, renames settings, textconv).
// The environment is inherited on purpose: in a hook git sets GIT_INDEX_FILE (for
// `git commit -a` and `git commit <paths>`) and GIT_DIR, and we must read that exact index.
// "Absent" (no such ref, note or config key) is an explicit null; a failure is a GitError with
// git's own message.

export type { CommitEntry, TreeEntry };

export type { AttributeSource, GitClient, RepoInfo } from './git-contract.js';

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

async function runFull(git: GitContext, args: readonly string[], logger: Logger, input?: string | Promise<string>): Promise<GitRun> {
  try {
    const label = `git ${args.join(' ')}`.slice(0, 200);
    return await logger.time(label, () => runGit(args, { cwd: git.cwd, env: git.env, ...(input !== undefined && { input }) }));
  } catch (error) {
    throw describeGitFailure(error);
  }
}

const run = async (git: GitContext, args: readonly string[], logger: Logger, input?: string | Promise<string>) =>
  (await runFull(git, args, logger, input)).stdout;

// diff-index --cached: the index, which is what the commit records. -z: any file name git
// allows. --raw --numstat: modes, blob ids and status, then line counts, in one spawn. -C:
// renames and copies, pinned on whatever the user's diff.renames says. --ignore-cr-at-eol: a
// line-ending-only change is not a changed line to a reader.
const diffIndexArgs = (base: string) => ['diff-index', '--cached', '-z', '--raw', '--numstat', '-C', '--ignore-cr-at-eol', base, '--'];
const ATTRIBUTES = ['linguist-generated', 'linguist-vendored', 'diff'];
// check-attr takes paths as arguments: chunks keep argv under ARG_MAX.
const PATHS_PER_SPAWN = 2000;

/**
 * The zero-context patch the split and the answer validator read, staged or between trees: one
 * set of flags, so a commit's words are the index's words. -U0: hunks only; -C: copies and
 * renames as git commit shows them; --ignore-cr-at-eol: line endings are no change; --no-color,
 * --no-ext-diff: the user's config must not change our parsing; prefixes pinned: the hunk parser
 * reads paths from the ---/+++ lines.
 */
const HUNK_PATCH_FLAGS = ['-p', '-U0', '-C', '--ignore-cr-at-eol', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/'];
/** prefetchStagedDiff `true`: the staged records and the zero-context patch; `'records'`: the records alone
 * (`impact` reads no patch). keepReadsOpen: one cat-file for the blob and tree reads of a long run (cat-file-batch.ts). */
type Prefetch = { prefetchStagedDiff?: boolean | 'records'; keepReadsOpen?: boolean };

/**
 * Opens the repository around `cwd`; throws a GitError a user can act on when there is none.
 * With `prefetchStagedDiff`, the staged diff against HEAD starts at once beside rev-parse (its
 * paths are root-relative from any folder): the hook's two slowest steps overlap.
 */
export async function openRepository(cwd: string, logger: Logger, options: Prefetch = {}): Promise<GitClient> {
  const probe: GitContext = { cwd, env: process.env };
  // NOTE: a failed prefetch (no HEAD yet) is not an error: the review then asks again against
  // the empty tree, and a real failure surfaces from rev-parse below.
  // The zero-context patch comes in the same process (a review reads it for its questions and
  // quiz, a rejected change for its split): one git process fewer (docs/speed.md). Without it
  // the output holds no empty record, so splitStagedDiff finds no patch (asked again if needed).
  const args =
    options.prefetchStagedDiff === 'records'
      ? diffIndexArgs('HEAD')
      : ['diff-index', '--cached', '-z', '--raw', '--numstat', ...HUNK_PATCH_FLAGS, 'HEAD', '--'];
  const prefetched = options.prefetchStagedDiff ? run(probe, args, logger).then(splitStagedDiff, () => null) : null;
  // check-attr starts now too, beside diff-index and rev-parse, and waits on its stdin for the
  // diff's paths: its start is off the hook's critical path (docs/speed.md). It reads paths
  // relative to its folder, so it starts only where the root is likely to be (git runs hooks
  // there), and its answer is used only when rev-parse says this folder is the root; otherwise
  // the review asks check-attr again from the root. Without a diff its stdin closes empty.
  const prefetchedPaths =
    prefetched?.then((out) => (out === null ? null : [...new Set(parseDiffIndex(out.records).map((file) => file.path))])) ?? null;
  let givePaths: (paths: readonly string[] | null) => void = () => undefined;
  const early =
    prefetchedPaths !== null && existsSync(join(cwd, '.git'))
      ? checkAttrStdin(
          probe,
          new Promise<string>((resolve) => {
            givePaths = (paths) => resolve((paths ?? []).map((path) => `${path}\0`).join(''));
          }),
          logger,
        )
      : null;
  early?.catch(() => undefined);
  prefetchedPaths?.then(givePaths, () => givePaths(null));
  // One spawn for everything we need to know about the repository. --show-toplevel fails in a
  // bare repository; --verify -q HEAD prints nothing (exit 1) before the first commit.
  const out = await run(
    probe,
    // --git-path index honours GIT_INDEX_FILE.
    [
      'rev-parse',
      '--path-format=absolute',
      '--git-dir',
      '--git-common-dir',
      '--git-path',
      'index',
      '--show-toplevel',
      '--verify',
      '-q',
      'HEAD',
    ],
    logger,
  );
  const [gitDir = '', commonDir = '', indexFile = '', root = '', head = ''] = out.split('\n');
  if (root === '') throw new GitError('Not inside a git work tree: run selfreview from a repository with a staged change.');
  const info: RepoInfo = { root, gitDir, commonDir, indexFile, head: head === '' ? null : head };
  // Outside the root, the paths given to check-attr named other files: its answer is not used.
  const attributes = root === cwd ? early : null;
  const prefetchedAll = prefetched && { diff: prefetched, paths: prefetchedPaths!, attributes };
  const batch = options.keepReadsOpen ? openCatFileBatch(root, process.env) : null;
  return createClient({ cwd: root, env: process.env }, info, logger, prefetchedAll, batch);
}

/** `git check-attr --stdin` of the exclusion attributes: the paths (NUL-terminated) come as its input. */
const checkAttrStdin = (at: GitContext, paths: Promise<string>, logger: Logger) =>
  // --cached: .gitattributes as in the index. -z: NUL-terminated paths in and out.
  run(at, ['check-attr', '--cached', '-z', '--stdin', ...ATTRIBUTES], logger, paths);

/** The staged diff prefetched by openRepository: raw and numstat records, and the patch when git printed one. */
interface StagedDiff {
  readonly records: string;
  readonly patch: string | null;
}

/**
 * `-z --raw --numstat -p`: git prints the records, then a NUL, then the patch. No record is
 * empty (a path never is), so the first two NULs in a row end the records. Without them the
 * patch is not known (asked again); nothing at all is an empty change.
 */
export function splitStagedDiff(out: string): StagedDiff {
  const end = out.indexOf('\0\0');
  if (end < 0) return { records: out, patch: out === '' ? '' : null };
  return { records: out.slice(0, end + 1), patch: out.slice(end + 2) };
}

/** What openRepository started: the staged diff against HEAD, its paths, and check-attr of them when it ran at the root. */
interface Prefetched {
  readonly diff: Promise<StagedDiff | null>;
  readonly paths: Promise<string[] | null>;
  readonly attributes: Promise<string> | null;
}

function createClient(
  git: GitContext,
  info: RepoInfo,
  logger: Logger,
  prefetched: Prefetched | null,
  batch: CatFileBatch | null,
): GitClient {
  const withIndex = (index: string): GitContext => ({ cwd: git.cwd, env: { ...git.env, GIT_INDEX_FILE: index } });
  const checkAttr = async (at: GitContext, paths: readonly string[]) => {
    const chunks: string[] = [];
    for (let i = 0; i < paths.length; i += PATHS_PER_SPAWN) {
      // --cached: .gitattributes as in the index (the staged one, or the commit's, read-tree'd).
      chunks.push(await run(at, ['check-attr', '--cached', '-z', ...ATTRIBUTES, '--', ...paths.slice(i, i + PATHS_PER_SPAWN)], logger));
    }
    return chunks.join('');
  };
  // The review reads the index's attributes of exactly the prefetched diff's paths: check-attr
  // starts as soon as the diff is in, while node still loads the review's modules, rather than
  // after them (docs/speed.md). Used only for that same list of paths.
  const prefetchedAttributes = prefetched?.paths.then((paths) => {
    if (paths === null) return null;
    const output = prefetched.attributes ?? (paths.length > 0 ? checkAttr(git, paths) : Promise.resolve(''));
    output.catch(() => undefined);
    return { paths, output };
  });
  prefetchedAttributes?.catch(() => undefined);
  /** `git cat-file --batch` of each name, in order: [id, text], text null for a missing object. */
  const readBatch = async (names: readonly string[]): Promise<Array<[string, string | null]>> => {
    if (names.length === 0) return [];
    const result = await runFull(git, ['cat-file', '--batch'], logger, `${names.join('\n')}\n`);
    return parseBatchAnswers(result.stdoutBytes);
  };
  /** The text of each path in `rev` (`rev:path`; the index when empty); a missing path is absent. */
  // Blob ids and `<tree>:path` never change under a batch kept open; the index's `:path` may.
  // A batch's failure reads as a one-shot's (the same GitError).
  const readFixed = (names: readonly string[]) =>
    batch === null
      ? readBatch(names)
      : logger.time(`git cat-file --batch (kept open): ${names.length}`, () =>
          batch.read(names).catch((error: unknown) => {
            throw describeGitFailure(error);
          }),
        );
  async function readTextsAt(rev: string, paths: readonly string[]): Promise<Map<string, string>> {
    // A path with a newline cannot be asked on one line.
    const asked = paths.filter((p) => !p.includes('\n'));
    const answers = await (rev === '' ? readBatch : readFixed)(asked.map((p) => `${rev}:${p}`));
    // cat-file answers each line in order, a missing one too.
    const texts = new Map<string, string>();
    answers.forEach(([, text], i) => text !== null && texts.set(asked[i]!, text));
    return texts;
  }
  return {
    info,
    async readStagedDiff(base) {
      const early = base === info.head && prefetched !== null ? await prefetched.diff : null;
      return early?.records ?? run(git, diffIndexArgs(base), logger);
    },
    async readStagedHunkPatch(base) {
      const early = base === info.head && prefetched !== null ? await prefetched.diff : null;
      return early?.patch ?? run(git, ['diff-index', '--cached', ...HUNK_PATCH_FLAGS, base, '--'], logger);
    },
    async readExclusionAttributes(paths, source) {
      if (paths.length === 0) return '';
      if (source.kind === 'index') {
        const early = await prefetchedAttributes;
        const isSame = early != null && early.paths.length === paths.length && early.paths.every((path, i) => path === paths[i]);
        return isSame ? early.output : checkAttr(git, paths);
      }
      // git 2.39 has no `check-attr --source`: the commit's tree goes into a private index.
      const temp = createTempIndex(info.gitDir);
      try {
        await run(withIndex(temp.path), ['read-tree', source.rev], logger);
        return await checkAttr(withIndex(temp.path), paths);
      } finally {
        temp.remove();
      }
    },
    async readEmptyTree() {
      // Not the SHA-1 constant: a SHA-256 repository has another empty tree id.
      return (await run(git, ['hash-object', '-t', 'tree', '/dev/null'], logger)).trim();
    },
    async readAutoMergeTree(ours, theirs) {
      // git >= 2.38: merge-tree --write-tree prints the merged tree id first, conflicts or not
      // (exit 1 on conflicts, which is still a tree). Older git rejects the flag: not measurable.
      let out: string;
      try {
        out = await run(git, ['merge-tree', '--write-tree', '--no-messages', ours, theirs], logger);
      } catch (error) {
        if (error instanceof GitError && /usage|unknown option/i.test(error.message)) return null;
        throw error;
      }
      const tree = out.split('\n')[0]?.trim() ?? '';
      return /^[0-9a-f]{40,64}$/.test(tree) ? tree : null;
    },
    async writeTreeOfIndexCopy() {
      const temp = createTempIndex(info.gitDir);
      try {
        copyFileSync(info.indexFile, temp.path);
        return (await run(withIndex(temp.path), ['write-tree'], logger)).trim();
      } catch (error) {
        if (error instanceof GitError && /unmerged/i.test(error.message)) {
          throw new GitError('The index has unresolved conflicts: resolve them and `git add` the files, then try again.', { cause: error });
        }
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return readEmptyIndexTree();
        throw error;
      } finally {
        temp.remove();
      }
    },
    listIndex: async () => parseIndexEntries(await run(git, ['ls-files', '-s', '-z'], logger)),
    // --no-renames: a rename is the removal and the addition an index listing shows.
    // --ignore-submodules=none: a submodule is an entry whatever the user's config says.
    readIndexChanges: (rev) =>
      run(git, ['diff-index', '--cached', '-z', '--raw', '--no-renames', '--ignore-submodules=none', rev, '--'], logger),
    listTree: async (rev) => parseTreeEntries(await run(git, ['ls-tree', '-r', '-z', '--full-tree', rev], logger)),
    async readBlobs(ids) {
      const blobs = new Map<string, string>();
      for (const [id, text] of await readFixed(ids)) if (text !== null) blobs.set(id, text);
      return blobs;
    },
    // `:path` names the index's entry.
    readIndexTexts: (paths) => readTextsAt('', paths),
    readTreeTexts: (tree, paths) => readTextsAt(tree, paths),
    readDiffTree: (from, to) =>
      run(git, ['diff-tree', '-r', '-z', '--raw', '--numstat', '-C', '--ignore-cr-at-eol', '--no-commit-id', from, to, '--'], logger),
    // HUNK_PATCH_FLAGS: a commit's words are the index's words.
    readTreeHunkPatch: (from, to) => run(git, ['diff-tree', '-r', ...HUNK_PATCH_FLAGS, from, to, '--'], logger),
    readDiffTrees: (commits) =>
      commits.length === 0
        ? Promise.resolve('')
        : run(
            git,
            ['diff-tree', '--stdin', '-r', '-z', '--raw', '--numstat', '-C', '--ignore-cr-at-eol', '--root'],
            logger,
            `${commits.join('\n')}\n`,
          ),
    async resolveCommit(rev) {
      const out = await run(git, ['rev-parse', '--verify', '-q', '--end-of-options', `${rev}^{commit}`], logger);
      if (out.trim() === '') throw new GitError(`Unknown revision '${rev}': check the name, or fetch it (in CI: fetch-depth: 0).`);
      return out.trim();
    },
    async readTreeOf(rev) {
      // --verify -q: exit 1 without a word when it does not exist.
      const out = (await run(git, ['rev-parse', '--verify', '-q', '--end-of-options', `${rev}^{tree}`], logger)).trim();
      return out === '' ? null : out;
    },
    async readCommitLog(range, options = {}) {
      const args = ['log', '--topo-order', `--format=${commitLogFormat(TRAILER_LOG_FIELDS)}`];
      if (options.reverse) args.push('--reverse');
      if (options.maxCount !== undefined) args.push(`--max-count=${options.maxCount}`);
      return parseCommitLog(await run(git, [...args, '--end-of-options', range, '--'], logger));
    },
    async listNotedCommits(ref) {
      // "<note blob> <commit>" per line; an absent notes ref lists nothing (exit 0).
      const out = await run(git, ['notes', `--ref=${ref}`, 'list'], logger);
      return new Set(
        out
          .split('\n')
          .map((line) => line.split(' ')[1] ?? '')
          .filter((id) => id !== ''),
      );
    },
    async readNote(ref, commit) {
      try {
        return await run(git, ['notes', `--ref=${ref}`, 'show', commit], logger);
      } catch (error) {
        if (error instanceof GitError && /no note found/i.test(error.message)) return null;
        throw error;
      }
    },
    async writeNote(ref, commit, text) {
      // Not a plain `git notes add`: concurrent adds silently drop notes (add-note.ts).
      const target = (await run(git, ['rev-parse', '--verify', '--end-of-options', `${commit}^{commit}`], logger)).trim();
      await addNoteWithRetry((args, input) => run(git, args, logger, input), `refs/notes/${ref}`, target, text);
    },
    async readConfig(key, scope) {
      // --get exits 1 without a word when the key is not set.
      const result = await runFull(git, ['config', ...(scope ? [`--${scope}`] : []), '--get', key], logger);
      return result.code === 0 ? result.stdout.replace(/\n$/, '') : null;
    },
    async writeLocalConfig(key, value) {
      // --unset of a key that is not set exits 5: already what was asked.
      if (value === null) await runFull(git, ['config', '--local', '--unset', key], logger);
      else await run(git, ['config', '--local', key, value], logger);
    },
    readHooksDir: async () => (await run(git, ['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], logger)).trim(),
    async readConfigAll(key) {
      const result = await runFull(git, ['config', '--get-all', key], logger);
      return result.code === 0 ? result.stdout.split('\n').filter((line) => line !== '') : [];
    },
    listRemotes: async () => (await run(git, ['remote'], logger)).split('\n').filter((r) => r !== ''),
    readVersion: async () => /(\d+\.\d+(?:\.\d+)?)/.exec(await run(git, ['version'], logger))?.[1] ?? '0.0',
    isShallow: async () => (await run(git, ['rev-parse', '--is-shallow-repository'], logger)).trim() === 'true',
    async hasAttributesFiles(rev) {
      const out = await run(git, ['ls-tree', '-r', '--name-only', '-z', '--full-tree', rev], logger);
      return out.split('\0').some((p) => p === '.gitattributes' || p.endsWith('/.gitattributes'));
    },
    async addTrailers(messageFile, trailers) {
      await run(
        git,
        [
          'interpret-trailers',
          '--in-place',
          '--if-exists',
          'add',
          '--if-missing',
          'add',
          ...trailers.flatMap((t) => ['--trailer', t]),
          messageFile,
        ],
        logger,
      );
    },
  };

  async function readEmptyIndexTree(): Promise<string> {
    // No index file yet (a new repository): the index is empty.
    return (await run(git, ['hash-object', '-t', 'tree', '/dev/null'], logger)).trim();
  }
}
