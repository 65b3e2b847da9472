// The tokens of code a question quotes from, and what two token sequences share.

// wevm/wagmi 0a8eb518: `blockNumber ? …` becomes `blockNumber !== undefined ? …` in getBalance
// (one line) and in getTransactionCount (a `return` wrapped over five lines by the formatter).
// The lines differ; the tokens that changed, and the names on either side, do not.
const TOKEN =
  /[\p{L}_$][\p{L}\p{N}_$]*|\d[\w.]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|[!=]==?|[<>]=|=>|&&|\|\||\?\?|\?\.|\.\.\.|\S/gu;
/** A regular expression literal from a `/` (its classes may hold `/`): one token, as a string is. */
const REGEX = /\/(?![*/])(?:[^/\\\n[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+\/[dgimsuvy]*/y;
/** Words after which a `/` starts a regular expression, not a division. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'void', 'in', 'of', 'instanceof', 'delete', 'throw', 'new', 'yield', 'await']);
/** A comment from its `//` or `/*`: no code token (a regular expression never starts so). */
const COMMENT = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/y;
/** A text's tokens; a `/` where no value ends before it starts a regular expression literal:
 * arktype b18db2c's UUID pattern gains `^` and `$`, and its characters were thirty tokens.
 * Comments are skipped: amplication 48d60c294's argument `project?.name` → `project.id` came with
 * `//use unique name …` after it, and the edit was the comment's words. */
export function tokensOf(text: string): string[] {
  const tokens: string[] = [];
  const scan = new RegExp(TOKEN.source, 'gu');
  for (let match = scan.exec(text); match !== null; match = scan.exec(text)) {
    COMMENT.lastIndex = match.index;
    const comment = match[0] === '/' ? COMMENT.exec(text)?.[0] : undefined;
    if (comment !== undefined) {
      scan.lastIndex = match.index + comment.length;
      continue;
    }
    const previous = tokens.at(-1);
    const endsValue = previous !== undefined && !BEFORE_REGEX.has(previous) && /[\p{L}\p{N}_$)\]'"`/]$/u.test(previous);
    REGEX.lastIndex = match.index;
    const literal = match[0] === '/' && !endsValue ? REGEX.exec(text)?.[0] : undefined;
    if (literal !== undefined) scan.lastIndex = match.index + literal.length;
    tokens.push(literal ?? match[0]);
  }
  return tokens;
}
/** How many tokens two sequences share at their start, and then at their end (never overlapping). */
export function commonEnds(a: readonly string[], b: readonly string[]): readonly [start: number, end: number] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return [start, end];
}

const isNameToken = (token: string) => /^[\p{L}_$]/u.test(token);

/** The `<` and `>` around type arguments (`Out<preinferred>`, `Record<Key, true>`): names, commas,
 * dots, `[]`, `|` and `&` between, a name before; a comparison (`a < b && c > d`) holds other tokens. */
export function typeBrackets(tokens: readonly string[]): Set<number> {
  const out = new Set<number>();
  const bare = tokens.map((t) => t.replace(/,$/, ''));
  for (let i = 1; i < bare.length; i++) {
    if (bare[i] !== '<' || !isNameToken(bare[i - 1]!)) continue;
    const found = [i];
    for (let j = i + 1, depth = 1; j < Math.min(bare.length, i + 16) && depth > 0; j++) {
      const t = bare[j]!;
      if (t === '<' || t === '>') found.push(j);
      depth += t === '<' ? 1 : t === '>' ? -1 : 0;
      if (depth === 0) found.forEach((at) => out.add(at));
      else if (!isNameToken(t) && !['<', '>', '.', '[', ']', '|', '&', ''].includes(t)) break;
    }
  }
  return out;
}
