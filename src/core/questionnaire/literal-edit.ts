import { commonEnds } from './code-tokens.js';

// An edit inside one literal (a string, a template, a regular expression) is one token of code,
// often too long to quote: shown by the part of it that changed.

/** Words of context shown before the words a literal changes. */
const CONTEXT_WORDS = 2;
/** The words one string or template literal changes, with the two before them: better-auth's SQL
 * (TanStack db 67c840f's `ORDER BY timestamp DESC` → `ORDER BY operation_id DESC`) is one token
 * of code, too long to quote and holding a backtick. */
export function editOfWords(before: string, after: string): readonly [string, string] | undefined {
  // A regular expression's words are no words: its flags end it, not its quote.
  if (before[0] !== after[0] || before[0] === '/') return undefined;
  const [was, now] = [before, after].map((text) =>
    text
      .slice(1, -1)
      .split(/\s+/)
      .filter((w) => w !== ''),
  );
  const [start, end] = commonEnds(was!, now!);
  const cut = (side: readonly string[]) => side.slice(Math.max(0, start - CONTEXT_WORDS), side.length - end).join(' ');
  const sides = [cut(was!), cut(now!)] as const;
  return sides[0] === sides[1] ? undefined : sides;
}

/** Characters of a literal's unchanged middle shown at each end of it, at most. */
const MIDDLE_ENDS = 14;
/** A literal changed at its two ends, with the unchanged middle between them left out: arktype
 * b18db2c's UUID pattern `/[\da-f]{8}-…[\da-f]{12}/i` → `/^[\da-f]{8}-…[\da-f]{12}$/i`. The middle
 * is the sides' longest common run; it is cut after a closing bracket and before an opening one. */
export function editOfEnds(before: string, after: string): readonly [string, string] | undefined {
  if (before.length > 400 || after.length > 400) return undefined;
  // The longest common run of characters, by dynamic programming over the two sides.
  let [best, endBefore] = [0, 0];
  let row = new Array<number>(after.length + 1).fill(0);
  for (let i = 1; i <= before.length; i++) {
    const next = new Array<number>(after.length + 1).fill(0);
    for (let j = 1; j <= after.length; j++) {
      if (before[i - 1] !== after[j - 1]) continue;
      next[j] = row[j - 1]! + 1;
      if (next[j]! > best) [best, endBefore] = [next[j]!, i];
    }
    row = next;
  }
  const middle = before.slice(endBefore - best, endBefore);
  const head = middle.slice(0, MIDDLE_ENDS);
  const tail = middle.slice(-MIDDLE_ENDS);
  const keptHead = head.slice(0, Math.max(...[']', '}', ')'].map((c) => head.lastIndexOf(c))) + 1);
  const opens = ['[', '{', '('].map((c) => tail.indexOf(c)).filter((i) => i !== -1);
  const keptTail = opens.length === 0 ? '' : tail.slice(Math.min(...opens));
  if (keptHead === '' || keptTail === '' || keptHead.length + keptTail.length >= middle.length) return undefined;
  const around = (side: string) => {
    const at = side.indexOf(middle);
    return `${side.slice(0, at)}${keptHead}…${keptTail}${side.slice(at + middle.length)}`;
  };
  return [around(before), around(after)];
}
