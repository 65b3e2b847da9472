import { blobEditOf, type ChangeVocabulary } from './change-vocabulary.js';

// "This reverts commit 3483827a…" explains a change exactly when the change undoes that commit:
// what the commit added, the change removes, and the other way round (a file's blobs swapped,
// binary files too). Only git knows the commit: its patch is read by the caller, one commit at
// a time and only for the hashes an answer writes.

/** The patch of a commit of the repository against its parent (`git diff-tree -p -U0`), or
 * undefined when the repository has no such commit. */
export type ReadCommitPatch = (sha: string) => string | undefined;

const SHA = /(?<![\w/#])[0-9a-f]{7,40}(?![\w/])/gi;
/** Hashes read per answer, at most (each costs a git process the first time). */
const MAX_SHAS = 3;
/** The part of the commit's edits the change must undo: a revert may keep a test or resolve a conflict. */
const MIN_UNDONE = 0.5;

/** Whether the answer names, by hash, a commit that this change undoes. */
export function namesUndoneCommit(text: string, change: ChangeVocabulary, readCommitPatch: ReadCommitPatch | undefined): boolean {
  if (readCommitPatch === undefined || change.edits.size === 0) return false;
  // A hash has digits and letters: "deadbeef" or "1234567" alone are words and numbers.
  const shas = [...new Set((text.match(SHA) ?? []).map((sha) => sha.toLowerCase()))].filter((sha) => /\d/.test(sha) && /[a-f]/.test(sha));
  return shas.slice(0, MAX_SHAS).some((sha) => {
    const patch = readCommitPatch(sha);
    return patch !== undefined && isUndoneBy(patch, change);
  });
}

/** Whether at least half of a commit's edits are found reversed among the change's. */
export function isUndoneBy(patch: string, change: ChangeVocabulary): boolean {
  let edits = 0;
  let undone = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---')) continue;
    const blobs = blobEditOf(line);
    let reversed: string | undefined;
    if (blobs !== undefined) reversed = blobs.replace(/^index (\w+)\.\.(\w+)$/, 'index $2..$1');
    else if (line.startsWith('+') || line.startsWith('-')) {
      const text = line.slice(1).trim();
      if (text === '') continue;
      reversed = (line[0] === '+' ? '-' : '+') + text;
    }
    if (reversed === undefined) continue;
    edits++;
    if (change.edits.has(reversed)) undone++;
  }
  return edits > 0 && undone >= edits * MIN_UNDONE;
}
