import { formatPatchIdInput, parsePatchIds } from '../../core/change/patch-id-sum.js';
import { summarizePatch, type PatchSummary } from '../../core/change/patch-summary.js';
import { splitPatchByCommit, splitPatchByFile, type FilePatch } from '../../core/change/split-patch.js';
import type { GitClient } from './git-client.js';
import { runInRepo } from './run-in-repo.js';

// Patches as patch ids (patch-summary.ts): the staged change for the record (the hook), and each
// commit of a range (CI), in two git spawns either way: the patch, then one `git patch-id
// --stable` over every file of it. The diff options are the same on both sides, or the ids would
// not compare: --no-renames (a file is one path), --full-index (a binary file is hashed by its
// blob ids, git's patch-id reads them from the index line), no --binary (patch-id stops reading a
// patch at binary data), pinned prefixes, and nothing from the user's config (ext diff, textconv,
// colour). Whitespace does not count: patch-id ignores it.

const PATCH_FLAGS = [
  '-p',
  '--no-renames',
  '--full-index',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

async function identify(git: GitClient, patches: readonly FilePatch[][], width: number): Promise<PatchSummary[]> {
  const all = patches.flat();
  const ids =
    all.length === 0
      ? new Map<string, string>()
      : parsePatchIds(await runInRepo(git.info, ['patch-id', '--stable'], formatPatchIdInput(all, width)));
  let first = 0;
  return patches.map((files) => {
    const summary = summarizePatch(files, ids, width, first);
    first += files.length;
    return summary;
  });
}

/** The staged change against `base` (HEAD, the empty tree, git's automatic merge). */
export async function readStagedPatch(git: GitClient, base: string): Promise<PatchSummary> {
  const patch = await runInRepo(git.info, ['diff-index', '--cached', ...PATCH_FLAGS, base, '--']);
  const [summary] = await identify(git, [splitPatchByFile(patch)], base.length === 64 ? 64 : 40);
  return summary!;
}

/**
 * Each commit's patch against its first parent (the empty tree for a root commit) in one
 * diff-tree; `against` gives another old side (a merge: git's automatic merge of its parents).
 */
export async function readCommitPatches(
  git: GitClient,
  commits: readonly string[],
  against: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, PatchSummary>> {
  const result = new Map<string, PatchSummary>();
  if (commits.length === 0) return result;
  const width = commits[0]!.length;
  const ordinary = commits.filter((c) => !against.has(c));
  const byCommit =
    ordinary.length === 0
      ? new Map<string, string>()
      : splitPatchByCommit(await runInRepo(git.info, ['diff-tree', '--stdin', '-r', '--root', ...PATCH_FLAGS], `${ordinary.join('\n')}\n`));
  const patches = new Map<string, FilePatch[]>(ordinary.map((c) => [c, splitPatchByFile(byCommit.get(c) ?? '')]));
  for (const [commit, base] of against) {
    patches.set(commit, splitPatchByFile(await runInRepo(git.info, ['diff-tree', '-r', ...PATCH_FLAGS, base, commit, '--'])));
  }
  const order = [...patches.keys()];
  const summaries = await identify(
    git,
    order.map((c) => patches.get(c)!),
    width,
  );
  order.forEach((c, i) => result.set(c, summaries[i]!));
  return result;
}

// A pathspec with these is a pattern, not one file: read alone, as readCommitFilePatch reads it.
const PATHSPEC_MAGIC = /[*?[\\]|^:/;
// Commits per diff-tree: their paths are arguments, and the command line has a limit.
const BATCH = 200;

/**
 * readCommitFilePatch for many (commit, path) pairs, by `${commit}\0${path}`: for each, the part
 * of the commit's zero-context patch that is the file's, from one diff-tree per batch of commits
 * restricted to every path asked (the file's part does not depend on which other files are in).
 */
export async function readCommitFilePatches(
  git: GitClient,
  wanted: ReadonlyArray<{ readonly commit: string; readonly path: string }>,
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const batched = wanted.filter((w) => !PATHSPEC_MAGIC.test(w.path));
  for (const w of wanted)
    if (PATHSPEC_MAGIC.test(w.path)) result.set(`${w.commit}\0${w.path}`, await readCommitFilePatch(git, w.commit, w.path));
  for (let at = 0; at < batched.length; at += BATCH) {
    const batch = batched.slice(at, at + BATCH);
    const commits = [...new Set(batch.map((w) => w.commit))];
    const paths = [...new Set(batch.map((w) => w.path))];
    // The flags of readCommitFilePatch, and pinned prefixes so each file's header reads back.
    const output = await runInRepo(
      git.info,
      [
        'diff-tree',
        '--stdin',
        '-r',
        '--root',
        '-p',
        '-U0',
        '--no-color',
        '--no-ext-diff',
        '--src-prefix=a/',
        '--dst-prefix=b/',
        '--',
        ...paths,
      ],
      `${commits.join('\n')}\n`,
    );
    const byCommit = splitPatchByCommit(output);
    for (const { commit, path } of batch) {
      const file = splitPatchByFile(byCommit.get(commit) ?? '').find((f) => f.path === path);
      result.set(`${commit}\0${path}`, file?.text ?? '');
    }
  }
  return result;
}

/** Who answers: the identity the commit will carry (`git var`: GIT_AUTHOR_* and the config alike). */
export async function readReviewer(git: GitClient): Promise<{ name: string; email: string }> {
  const ident = await runInRepo(git.info, ['var', 'GIT_AUTHOR_IDENT']).catch(() => '');
  const match = /^(.*) <([^>]*)>/.exec(ident.trim());
  return { name: match?.[1] ?? '', email: match?.[2] ?? '' };
}

/** The zero-context patch of one file of a commit against its first parent (the empty tree for a root). */
export async function readCommitFilePatch(git: GitClient, commit: string, path: string): Promise<string> {
  // -U0: only the changed lines, so each hunk header spans exactly what the commit changed.
  return runInRepo(git.info, ['diff-tree', '-r', '--root', '-p', '-U0', '--no-color', '--no-ext-diff', commit, '--', path]);
}
