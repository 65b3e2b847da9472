import type { ChangeVocabulary } from './change-vocabulary.js';

// "This reverts commit 3483827a…" explains a change exactly when the change undoes that commit:
// what the commit added, the change removes, and the other way round (a file's blobs swapped,
// binary files too). Only git knows the commit: its patch is read by the caller, one commit at
// a time and only for the hashes an answer writes.

/** The patch of a commit of the repository against its parent (`git diff-tree -p -U0`), or
 * undefined when the repository has no such commit. */
export type ReadCommitPatch = (sha: string) => string | undefined;

const SHA = /(?<![\w/#])[0-9a-f]{7,40}(?![\w/])/gi;
const AFTER_COMMIT = /\bcommit ([0-9a-f]{7,40})(?![\w/])/gi;
/** Hashes read per answer, at most (each costs a git process the first time). */
const MAX_SHAS = 3;
/** The part of the commit's edits the change must undo: a revert may keep a test or resolve a conflict. */
const MIN_UNDONE = 0.5;

/** Whether the answer names, by hash, a commit that this change undoes. */
export function namesUndoneCommit(text: string, change: ChangeVocabulary, readCommitPatch: ReadCommitPatch | undefined): boolean {
  if (readCommitPatch === undefined) return false;
  // A hash has digits and letters: "deadbeef" or "1234567" alone are words and numbers; after
  // "commit" (git's "This reverts commit 0506735147…") it is a hash whatever its characters are.
  const named = [...text.matchAll(AFTER_COMMIT)].map((m) => m[1]!.toLowerCase());
  const mixed = (text.match(SHA) ?? []).map((sha) => sha.toLowerCase()).filter((sha) => /\d/.test(sha) && /[a-f]/.test(sha));
  const shas = [...new Set([...named, ...mixed])];
  return shas.slice(0, MAX_SHAS).some((sha) => {
    const patch = readCommitPatch(sha);
    return patch !== undefined && isUndoneBy(patch, change);
  });
}

/** Whether at least half of a commit's edits are found reversed among the change's. */
export function isUndoneBy(patch: string, change: ChangeVocabulary): boolean {
  const changeEdits = change.edits();
  if (changeEdits.size === 0) return false;
  let edits = 0;
  let undone = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---')) continue;
    const blobs = blobEditOf(line);
    let reversed: string | undefined;
    if (blobs !== undefined) reversed = blobs.replace(/^index (\w+)\.\.(\w+)$/, 'index $2..$1');
    else if (line.startsWith('+') || line.startsWith('-')) {
      // Blank lines say nothing of which commit it was; a revert restores the others exactly.
      if (line.slice(1).trim() === '') continue;
      reversed = (line[0] === '+' ? '-' : '+') + line.slice(1);
    }
    if (reversed === undefined) continue;
    edits++;
    if (changeEdits.has(reversed)) undone++;
  }
  return edits > 0 && undone >= edits * MIN_UNDONE;
}

/** Past this many characters of changed lines, a change's edits are not read further. */
const MAX_EDIT_TEXT = 1_000_000;
const INDEX_LINE = /^index ([0-9a-f]{7,})\.\.([0-9a-f]{7,})/;

/** `index 1a2b3c4d..5e6f7a8b 100644` -> `index 1a2b3c4..5e6f7a8` (abbreviations differ between calls). */
function blobEditOf(line: string): string | undefined {
  const match = INDEX_LINE.exec(line);
  return match === null ? undefined : `index ${match[1]!.slice(0, 7)}..${match[2]!.slice(0, 7)}`;
}

/** The edits of a zero-context patch (ChangeVocabulary.edits). */
export function readEdits(patch: string): ReadonlySet<string> {
  const edits = new Set<string>();
  let chars = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---')) continue;
    const blobs = blobEditOf(line);
    if (blobs !== undefined) edits.add(blobs);
    else if ((line.startsWith('+') || line.startsWith('-')) && chars < MAX_EDIT_TEXT) {
      edits.add(line);
      chars += line.length;
    }
  }
  return edits;
}
