import { walkPatch } from '../change/parse-hunk-counts.js';
import type { FileHunks, Hunk } from './split-plan.js';

// The hunks of each file of a zero-context patch (`git diff-index -p -U0`), with their lines:
// the mechanical-edit detector compares them across files, and an unsplittable file lists them.
// The walk over headers and hunks is parse-hunk-counts' walkPatch.

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

interface MutableHunk extends Omit<Hunk, 'removed' | 'added'> {
  removed: string[];
  added: string[];
}

export function parsePatchHunks(patch: string): FileHunks {
  const byPath = new Map<string, MutableHunk[]>();
  let hunk: MutableHunk | null = null;
  walkPatch(patch, {
    hunk(path, header) {
      const match = HUNK_HEADER.exec(header);
      hunk =
        match === null
          ? null
          : {
              oldStart: Number(match[1]),
              oldLines: match[2] === undefined ? 1 : Number(match[2]),
              newStart: Number(match[3]),
              newLines: match[4] === undefined ? 1 : Number(match[4]),
              heading: match[5]!.trim(),
              removed: [],
              added: [],
            };
      if (hunk === null) return;
      const hunks = byPath.get(path);
      if (hunks) hunks.push(hunk);
      else byPath.set(path, [hunk]);
    },
    line(line) {
      if (line.startsWith('-')) hunk?.removed.push(line.slice(1));
      else if (line.startsWith('+')) hunk?.added.push(line.slice(1));
    },
  });
  return byPath;
}
