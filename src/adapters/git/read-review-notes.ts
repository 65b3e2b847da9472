import type { GitClient } from './git-client.js';
import { runInRepo } from './run-in-repo.js';

// Every note under refs/notes/selfreview, with the commit it is attached to and that commit's
// tree, in four spawns: the refs, `notes list`, one `cat-file --batch` for the note blobs and one
// `cat-file --batch-check` for the noted commits' trees. The notes of commits no branch reaches
// any more (rebased, squashed) are read too: a rebased or squashed commit is matched to them by
// digest and by patch. The tree says whether a record describes the commit its note hangs on
// (docs/ci.md, "Trust"): a record noted on another commit (the base, any commit) proves nothing.

export const REVIEW_NOTES_REF = 'refs/notes/selfreview';

export interface ReviewNotes {
  /** The notes ref exists (was created here, or fetched). */
  readonly isPresent: boolean;
  readonly notes: ReadonlyArray<{ readonly commit: string; readonly text: string; readonly ref: string }>;
  /** The tree of each noted commit; absent: not a commit in this repository. */
  readonly trees: ReadonlyMap<string, string>;
}

export interface ReadNotesOptions {
  /**
   * Also each remote's fetched copy, refs/notes/remotes/<remote>/selfreview
   * (configure-review-notes.ts): for `show` and `log` on a developer's machine. CI never: anyone
   * who can push to any remote, a fork included, could plant a record there.
   */
  readonly remoteCopies: boolean;
}

async function listNotesRefs(git: GitClient, options: ReadNotesOptions): Promise<string[]> {
  const refs = (await runInRepo(git.info, ['for-each-ref', '--format=%(refname)', 'refs/notes/'])).split('\n').map((r) => r.trim());
  return refs.filter((r) => r === REVIEW_NOTES_REF || (options.remoteCopies && /^refs\/notes\/remotes\/[^/]+\/selfreview$/.test(r)));
}

/** The tree of each commit, in one spawn; objects that are not commits (or missing) are left out. */
async function readCommitTrees(git: GitClient, commits: readonly string[]): Promise<Map<string, string>> {
  const trees = new Map<string, string>();
  if (commits.length === 0) return trees;
  const output = await runInRepo(
    git.info,
    ['cat-file', '--batch-check=%(objecttype) %(objectname) %(rest)'],
    commits.map((c) => `${c}^{tree} ${c}`).join('\n') + '\n',
  );
  // "tree <id> <commit>" per commit; "<input> missing" for anything else.
  for (const line of output.split('\n')) {
    const [type, tree, commit] = line.trim().split(' ');
    if (type === 'tree' && tree && commit) trees.set(commit, tree);
  }
  return trees;
}

export async function readReviewNotes(git: GitClient, options: ReadNotesOptions = { remoteCopies: false }): Promise<ReviewNotes> {
  const refs = await listNotesRefs(git, options);
  if (refs.length === 0) return { isPresent: false, notes: [], trees: new Map() };
  const listed: Array<[string, string, string]> = [];
  for (const ref of refs) {
    for (const line of (await runInRepo(git.info, ['notes', `--ref=${ref}`, 'list'])).split('\n')) {
      const pair = line.trim().split(' ');
      if (pair.length === 2) listed.push([pair[0]!, pair[1]!, ref]);
    }
  }
  const [blobs, trees] = await Promise.all([
    git.readBlobs([...new Set(listed.map(([blob]) => blob))]),
    readCommitTrees(git, [...new Set(listed.map(([, commit]) => commit))]),
  ]);
  // The same note fetched and local is read once.
  const unique = [
    ...new Map(listed.map(([blob, commit, ref]) => [`${blob} ${commit}`, { commit, text: blobs.get(blob) ?? '', ref }])).values(),
  ];
  return { isPresent: true, notes: unique, trees };
}
