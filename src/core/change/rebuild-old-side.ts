import type { Hunk } from '../split/split-plan.js';

// A modified file's old side, rebuilt from its new side and its zero-context hunks: each hunk's
// added lines are put back as its removed lines, from the last hunk up. The quiz needs both sides
// of each changed module; the new side is usually the working tree file, so the old one costs no
// `git cat-file` process. The patch as parsed drops git's "\ No newline at end of file" marker:
// both endings are returned, and the caller keeps the one whose git object id is the old blob's
// (a hunk that does not fit, or a change git's --ignore-cr-at-eol hid, gives no such text).

/** The texts the old side may be, the likelier first; empty when the hunks do not fit `newText`. */
export function rebuildOldSide(newText: string, hunks: readonly Hunk[]): string[] {
  const lines = newText.split('\n');
  const hasFinalNewline = lines[lines.length - 1] === '';
  if (hasFinalNewline) lines.pop();
  let end = Infinity;
  for (let h = hunks.length - 1; h >= 0; h--) {
    const hunk = hunks[h]!;
    if (hunk.added.length !== hunk.newLines || hunk.removed.length !== hunk.oldLines) return [];
    // An insertion's start is the line after which it goes; otherwise its first line.
    const at = hunk.newLines === 0 ? hunk.newStart : hunk.newStart - 1;
    if (at < 0 || at + hunk.newLines > Math.min(end, lines.length)) return [];
    for (let i = 0; i < hunk.newLines; i++) if (lines[at + i] !== hunk.added[i]) return [];
    lines.splice(at, hunk.newLines, ...hunk.removed);
    end = at;
  }
  if (lines.length === 0) return [''];
  const text = lines.join('\n');
  return hasFinalNewline ? [`${text}\n`, text] : [text, `${text}\n`];
}
