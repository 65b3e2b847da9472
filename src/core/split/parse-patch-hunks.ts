import { readHeaderPath } from '../change/parse-hunk-counts.js';
import type { FileHunks, Hunk } from './split-plan.js';

// The hunks of each file of a zero-context patch (`git diff-index -p -U0`), with their lines:
// the mechanical-edit detector compares them across files, and an unsplittable file lists them.
// Files are told apart by their ---/+++ headers, as in parse-hunk-counts.

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

interface MutableHunk extends Omit<Hunk, 'removed' | 'added'> {
  removed: string[];
  added: string[];
}

export function parsePatchHunks(patch: string): FileHunks {
  const byPath = new Map<string, MutableHunk[]>();
  let isHeader = false;
  let oldPath: string | null = null;
  let path: string | null = null;
  let hunk: MutableHunk | null = null;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      isHeader = true;
      oldPath = path = null;
      hunk = null;
    } else if (isHeader && line.startsWith('--- ')) {
      oldPath = readHeaderPath(line.slice(4), 'a/');
    } else if (isHeader && line.startsWith('+++ ')) {
      path = readHeaderPath(line.slice(4), 'b/') ?? oldPath;
    } else if (line.startsWith('@@ ')) {
      isHeader = false;
      const match = HUNK_HEADER.exec(line);
      if (path === null || match === null) continue;
      hunk = {
        oldStart: Number(match[1]),
        oldLines: match[2] === undefined ? 1 : Number(match[2]),
        newStart: Number(match[3]),
        newLines: match[4] === undefined ? 1 : Number(match[4]),
        heading: match[5]!.trim(),
        removed: [],
        added: [],
      };
      byPath.set(path, [...(byPath.get(path) ?? []), hunk]);
    } else if (!isHeader && hunk !== null) {
      if (line.startsWith('-')) hunk.removed.push(line.slice(1));
      else if (line.startsWith('+')) hunk.added.push(line.slice(1));
    }
  }
  return byPath;
}
