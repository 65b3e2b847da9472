import { commonEnds } from './code-tokens.js';

// A file whose change names nothing a question could quote (no export, no function, an HTML page's
// inline script) may still make one small replacement: motion 1946162db turns `.new(` into
// `.enter(` in three playwright pages, asked "What does the change to … do?". Read from the
// file's edit text (same-edit.ts): every hunk replaces as many lines as it removes, and every
// pair of lines differs in the same short run of words.

const TOKEN = /[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|\S/g;
/** Longer than this, a run is no name a question can quote. */
const MAX_RUN = 40;
const MAX_PAIRS = 4;
/** More tokens than this on a side is a rewrite of the line, not a replacement of a name or value. */
const MAX_TOKENS = 3;

/** The run of tokens two lines differ in, old and new, or null when they differ in none. */
function differingRun(before: string, after: string): readonly [string, string] | null {
  const [a, b] = [[...before.matchAll(TOKEN)], [...after.matchAll(TOKEN)]];
  const [start, end] = commonEnds(
    a.map((t) => t[0]),
    b.map((t) => t[0]),
  );
  const run = (line: string, tokens: RegExpMatchArray[]) =>
    start >= tokens.length - end
      ? ''
      : line.slice(tokens[start]!.index, tokens[tokens.length - 1 - end]!.index! + tokens[tokens.length - 1 - end]![0].length);
  const [was, now] = [run(before, a), run(after, b)];
  if (Math.max(a.length, b.length) - start - end > MAX_TOKENS) return ['', ''];
  return was === '' && now === '' ? null : [was, now];
}

/** "`new` → `enter`": the one replacement every changed line makes; null when there is none. A line
 * removed in one hunk and put back renamed in another (gitbutler a27b9b8ff8's BranchHeader.svelte:
 * `lineColor: string;` out, `branchColor: string;` in a few lines down, its props in name order)
 * pairs with it, in order, where the hunks of lines only removed and only added hold as many. */
export function describeReplacement(edit: string | undefined): string | null {
  if (edit === undefined) return null;
  const pairs: (readonly [string, string])[] = [];
  const alone: [removed: string[], added: string[]] = [[], []];
  const pair = (removed: readonly string[], added: readonly string[]) => {
    for (let i = 0; i < removed.length; i++) {
      const run = differingRun(removed[i]!, added[i]!);
      if (run === null) return false;
      pairs.push(run);
    }
    return true;
  };
  for (const hunk of edit.split('\n@@\n')) {
    const lines = hunk.split('\n');
    const removed = lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1));
    const added = lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1));
    if (removed.length === 0 || added.length === 0) alone[removed.length === 0 ? 1 : 0].push(...removed, ...added);
    else if (removed.length !== added.length || !pair(removed, added)) return null;
  }
  if (alone[0].length !== alone[1].length || !pair(...alone)) return null;
  if (pairs.length === 0 || pairs.length > MAX_PAIRS) return null;
  const [was, now] = pairs[0]!;
  if (pairs.some(([w, n]) => w !== was || n !== now)) return null;
  // Both sides named, each short and holding a word: a quotable replacement, not a reflow.
  if ([was, now].some((side) => side.length === 0 || side.length > MAX_RUN || side.includes('`') || !/\w/.test(side))) return null;
  return `\`${was}\` → \`${now}\``;
}

/** Longer than this, an inserted or removed piece is no text a question can quote. */
const MAX_INSERT = 60;

/** "`&utm_source=github.com&utm_medium=pr-comment` inserted": what every changed line gains (or
 * loses) in one place and nothing else, where a run of tokens is too long for a replacement
 * (lucide 74c46711c7 adds the same query to a link in a template literal and a Vue attribute);
 * null otherwise. */
export function describeInsertion(edit: string | undefined): string | null {
  if (edit === undefined) return null;
  const pieces = new Set<string>();
  for (const hunk of edit.split('\n@@\n')) {
    const lines = hunk.split('\n');
    const removed = lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1));
    const added = lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1));
    if (removed.length !== 1 || added.length !== 1) return null;
    const [was, now] = [removed[0]!, added[0]!];
    const [short, long] = was.length < now.length ? [was, now] : [now, was];
    let head = 0;
    while (head < short.length && short[head] === long[head]) head += 1;
    let tail = 0;
    while (tail < short.length - head && short[short.length - 1 - tail] === long[long.length - 1 - tail]) tail += 1;
    if (head + tail !== short.length) return null;
    pieces.add(`${was.length < now.length ? '+' : '-'}${long.slice(head, long.length - tail)}`);
  }
  const [piece] = pieces;
  if (pieces.size !== 1 || piece === undefined) return null;
  // A list's entry comes with its comma (`, 'Tool'`): the entry is the text.
  const text = piece
    .slice(1)
    .trim()
    .replace(/^,\s*|\s*,$/g, '');
  if (text.length === 0 || text.length > MAX_INSERT || text.includes('`') || !/\w/.test(text)) return null;
  return `\`${text}\` ${piece[0] === '+' ? 'inserted' : 'taken out'}`;
}

/** A word of prose, its possessive set aside: "organization's" is "organization". */
const PROSE_WORD = /[A-Za-z][A-Za-z-]*(?:'[a-z]+)?/g;
const wordsOf = (line: string) => (line.match(PROSE_WORD) ?? []).map((w) => w.toLowerCase().replace(/'s$/, ''));
/** Of the reworded lines, at least this share must drop the one word and gain the other. */
const MIN_SHARE = 0.6;

/** "`business` → `organization`": the word most reworded lines of prose lose, and the one they gain
 * (growthbook ccb79b9526 replaces "business" with "organization" in nine docs pages, each line
 * reworded its own way: "help you grow your business" → "help your organization grow"); null where
 * no one word goes and no one comes in most of them. `edits`: each file's edit text (same-edit.ts). */
export function describeWordSwap(edits: readonly string[]): string | null {
  const lost = new Map<string, number>();
  const gained = new Map<string, number>();
  let pairs = 0;
  for (const edit of edits)
    for (const hunk of edit.split('\n@@\n')) {
      const lines = hunk.split('\n');
      const removed = lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1));
      const added = lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1));
      if (removed.length !== added.length) continue;
      for (let i = 0; i < removed.length; i++) {
        const [was, now] = [wordsOf(removed[i]!), wordsOf(added[i]!)];
        const [wasSet, nowSet] = [new Set(was), new Set(now)];
        pairs++;
        for (const w of wasSet) if (!nowSet.has(w)) lost.set(w, (lost.get(w) ?? 0) + 1);
        for (const w of nowSet) if (!wasSet.has(w)) gained.set(w, (gained.get(w) ?? 0) + 1);
      }
    }
  const top = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1])[0];
  const [was, now] = [top(lost), top(gained)];
  if (pairs < 2 || was === undefined || now === undefined) return null;
  if (was[1] < pairs * MIN_SHARE || now[1] < pairs * MIN_SHARE || was[0].length < 4 || now[0].length < 4) return null;
  return `\`${was[0]}\` → \`${now[0]}\``;
}
