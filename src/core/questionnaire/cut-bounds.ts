// Where an edit's cut between its sides' common ends is moved to say what changed: a qualifier put
// before a call shown with the call, a run put in between two like it slid to its own brackets.

export const isName = (token: string) => /^[\p{L}_$]/u.test(token);
export const OPENS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
/** Words before a parenthesis that is no call's. */
export const STATEMENT_WORDS = new Set(['if', 'while', 'for', 'switch', 'catch', 'return', 'typeof', 'await', 'new', 'in', 'of']);

/** How many of the shared tokens from `at` continue a member chain (`.defaultPrevented`). */
export function chainLength(tokens: readonly string[], at: number): number {
  let length = 0;
  while ((tokens[at + length] === '.' || tokens[at + length] === '?.') && isName(tokens[at + length + 1] ?? '')) length += 2;
  return length;
}

/** A qualifier put before a name or taken off it: jsonforms e797a3d89 calls `Id.removeId(this.id)`
 * where it called `removeId(this.id)`, and the cut between the sides' common ends is `Id .` alone,
 * shown from the name before it as "`this.stop()` → `this.stop() Id.`". The name it qualifies, its
 * member chain and its call's arguments follow the cut on both sides: how many tokens they are, or
 * undefined where the cut is no qualifier (`kept` is the side without it). */
export function qualifiedSpan(cut: readonly (readonly string[])[], kept: readonly string[], start: number): number | undefined {
  const qualifier = cut[0]!.length === 0 ? cut[1]! : cut[1]!.length === 0 ? cut[0]! : [];
  const isQualifier =
    qualifier.length >= 2 && qualifier.every((t, i) => (i % 2 === 0 ? isName(t) && !STATEMENT_WORDS.has(t) : t === '.' || t === '?.'));
  if (!isQualifier || !isName(kept[start] ?? '')) return undefined;
  let at = start + 1 + chainLength(kept, start + 1);
  if (kept[at] === '(') at += groupLength(kept, at);
  return at - start;
}
/** How many tokens the bracket group opening at `at` spans, its closer included (0 if it never closes). */
function groupLength(tokens: readonly string[], at: number): number {
  let depth = 0;
  for (let i = at; i < tokens.length; i++) {
    if (OPENS[tokens[i]!] !== undefined) depth++;
    else if (Object.values(OPENS).includes(tokens[i]!) && --depth === 0) return i - at + 1;
  }
  return 0;
}

/** Tokens a run slides back at most. */
const MAX_SLIDE = 40;

/** Where tokens were only put in (or only taken out), the run between the common ends may slide
 * while the token before it equals its last one: jsonforms 7556cecf96 puts an entry `{ type:
 * 'Control', scope: '#/properties/nullableObject' }` between two like it, and the ends cut it as
 * "`'#/properties/nullableObject', }, { type: 'Control', scope:` added". Slid back to where it is
 * one whole `{ … }` or `[ … ]`, it is the entry; unchanged where no slide gets there. */
export function slideToBrackets(
  removed: readonly string[],
  added: readonly string[],
  [start, end]: readonly [number, number],
): readonly [number, number] {
  const longer = removed.length - start - end === 0 ? added : added.length - start - end === 0 ? removed : undefined;
  if (longer === undefined) return [start, end];
  const isWholeGroup = (from: number, to: number) =>
    (longer[from] === '{' || longer[from] === '[') && groupLength(longer, from) === to - from;
  if (isWholeGroup(start, longer.length - end)) return [start, end];
  let [from, to] = [start, longer.length - end];
  for (let shift = 1; shift <= MAX_SLIDE && from > 0 && longer[from - 1] === longer[to - 1]; shift++) {
    [from, to] = [from - 1, to - 1];
    if (isWholeGroup(from, to)) return [start - shift, end + shift];
  }
  return [start, end];
}
