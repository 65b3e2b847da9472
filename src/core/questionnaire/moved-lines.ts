import { COMMENT } from './same-edit.js';

// Lines an edit takes out and puts back, the same, elsewhere: a move, told as one ("(moves the lines
// from `if (config.shared …) {` earlier)", "(moves `}` before `…setTimeout(() => {`)"), not as an
// implementation changed and nothing more.

/** A JSX comment alone on its line: `{/* … *\/}`. */
const JSX_COMMENT = /^\{\s*\/\*.*\*\/\s*\}$/;

/** Lines taken out in one hunk and put back, the same, in another: pnpm dfdf7745d3 moves `if
 * (pnpmConfig.sharedWorkspaceLockfile && …) { … }` up in `getConfig`, before `extraEnv` is built.
 * Said by the moved block's first line and the way it went: " (moves `if (…)` earlier)". */
export function describeMove(edit: string): string | undefined {
  // A comment put beside the lines moved says why, not what (webstudio 96236bbb04, xyflow 9b3f390e21).
  const hunks = edit
    .split('\n@@\n')
    .map((hunk) => hunk.split('\n').filter((line) => !COMMENT.test(line.slice(1)) && !JSX_COMMENT.test(line.slice(1))))
    .filter((hunk) => hunk.length > 0);
  const quote = (line: string) => (line.length <= 60 ? line : `${line.slice(0, 57).trimEnd()}…`);
  if (hunks.length !== 2) return describeReorder(hunks.flat(), quote);
  const side = (lines: readonly string[], mark: string) =>
    lines.every((line) => line.startsWith(mark)) ? lines.map((line) => line.slice(1)).join('\n') : undefined;
  const [first, second] = hunks as [string[], string[]];
  const upward = side(first, '+') !== undefined && side(first, '+') === side(second, '-');
  const downward = side(first, '-') !== undefined && side(first, '-') === side(second, '+');
  if (!upward && !downward) return describeReorder(hunks.flat(), quote);
  const line = first[0]!.slice(1);
  return ` (moves ${first.length > 1 ? 'the lines from ' : ''}\`${quote(line)}\` ${upward ? 'earlier' : 'later'})`;
}

/** " (moves `}` before `timeout = setTimeout(() => {`)": an edit whose lines (its hunks' in order)
 * are the same on both sides in another order, told by the run the new order moves (what the longest common order
 * leaves out) and the line it now comes before (xyflow 9b3f390e21 closes the `else` before the
 * `setTimeout(…)` it held). */
function describeReorder(lines: readonly string[], quote: (line: string) => string): string | undefined {
  const [was, now] = [lines.filter((l) => l.startsWith('-')), lines.filter((l) => l.startsWith('+'))].map((side) =>
    side.map((l) => l.slice(1)),
  );
  if (was!.length === 0 || was!.length !== now!.length || was!.length > 40) return undefined;
  if ([...was!].sort().join('\n') !== [...now!].sort().join('\n') || was!.join('\n') === now!.join('\n')) return undefined;
  // The longest common order of the two sides; the new side's lines outside it moved.
  const n = was!.length;
  const table = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      table[i]![j] = was![i] === now![j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const kept = new Array<boolean>(n).fill(false);
  for (let i = 0, j = 0; i < n && j < n;)
    if (was![i] === now![j]) [kept[j], i, j] = [true, i + 1, j + 1];
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  const start = kept.indexOf(false);
  let end = start;
  while (end < n && !kept[end]) end++;
  // One run moved, before a kept line: more runs are a rewrite, told otherwise.
  if (start < 0 || kept.slice(end).includes(false) || end === n) return undefined;
  return ` (moves ${end - start > 1 ? 'the lines from ' : ''}\`${quote(now![start]!)}\` before \`${quote(now![end]!)}\`)`;
}
