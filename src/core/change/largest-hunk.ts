// The lines a GitHub annotation points at for a finding about a whole commit: the largest hunk
// of its heaviest file, read from a zero-context patch (`@@ -a,b +c,d @@`). A hunk that only
// deletes points at the line after the deletion (what the new file holds there).

export interface HunkLines {
  readonly startLine: number;
  readonly endLine: number;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

export function findLargestHunk(patch: string): HunkLines | null {
  let best: (HunkLines & { size: number }) | null = null;
  for (const line of patch.split('\n')) {
    const match = HUNK.exec(line);
    if (!match) continue;
    const start = Number(match[1]);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    const hunk = { startLine: Math.max(1, start), endLine: Math.max(1, start + Math.max(count, 1) - 1), size: count };
    if (best === null || hunk.size > best.size) best = hunk;
  }
  return best === null ? null : { startLine: best.startLine, endLine: best.endLine };
}
