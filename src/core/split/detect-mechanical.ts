import type { FileChange } from '../change/staged-change.js';
import type { FileHunks, Hunk } from './split-plan.js';

// A mechanical change: the same edit in many files (a rename, a codemod, a header added
// everywhere). Splitting it gives several commits that each say the same thing; it reads best
// as one commit, which a per-path budget or an override with a reason lets through.
// An edit is what a changed line pair replaces (tokens between the common prefix and suffix),
// or a whole line added or removed; a file follows an edit when it explains most of its lines.

export interface MechanicalEdit {
  /** The edit, for people: "`fetchUser` → `loadUser`", "adds `'use client';`". */
  readonly edit: string;
  readonly paths: readonly string[];
}

const MIN_FILES = 5;
const COVERAGE = 0.8;
const tokens = (line: string): string[] => line.trim().match(/[\p{L}\p{N}_$]+|\S/gu) ?? [];
const isBlank = (line: string): boolean => !/[\p{L}\p{N}]/u.test(line);
const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

function pairEdit(before: string, after: string): string {
  const a = tokens(before);
  const b = tokens(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = a.slice(head, a.length - tail).join(' ');
  const to = b.slice(head, b.length - tail).join(' ');
  if (from === '' && to === '') return 'reformats lines';
  if (from === '') return `adds \`${clip(to)}\``;
  if (to === '') return `removes \`${clip(from)}\``;
  return `\`${clip(from)}\` → \`${clip(to)}\``;
}

/** Lines each edit explains in one file's hunks, and the file's total of non-blank changed lines. */
function measureEdits(hunks: readonly Hunk[]): { edits: Map<string, number>; total: number } {
  const edits = new Map<string, number>();
  let total = 0;
  const add = (edit: string, count: number) => {
    edits.set(edit, (edits.get(edit) ?? 0) + count);
    total += count;
  };
  for (const hunk of hunks) {
    if (hunk.removed.length === hunk.added.length) {
      hunk.removed.forEach((line, i) => add(pairEdit(line, hunk.added[i]!), 2));
      continue;
    }
    for (const line of hunk.removed) if (!isBlank(line)) add(`removes \`${clip(line.trim())}\``, 1);
    for (const line of hunk.added) if (!isBlank(line)) add(`adds \`${clip(line.trim())}\``, 1);
  }
  return { edits, total };
}

export function detectMechanicalEdit(files: readonly FileChange[], hunks: FileHunks): MechanicalEdit | null {
  const counted = files.filter((f) => f.excluded === null && !f.binary);
  const followers = new Map<string, string[]>();
  for (const file of counted) {
    const { edits, total } = measureEdits(hunks.get(file.path) ?? []);
    if (total === 0) continue;
    for (const [edit, explained] of edits) {
      if (explained / total >= COVERAGE) followers.set(edit, [...(followers.get(edit) ?? []), file.path]);
    }
  }
  let best: MechanicalEdit | null = null;
  for (const [edit, paths] of followers) {
    if (edit === 'reformats lines' && paths.length < counted.length) continue; // whitespace noise alone is no codemod
    if (best === null || paths.length > best.paths.length) best = { edit, paths };
  }
  if (best === null || best.paths.length < MIN_FILES || best.paths.length * 2 < counted.length) return null;
  return best;
}
