// A local whose edit is too long to quote may still be one move: QwikDev/qwik 240c3d5 inlines the
// helper `mergeRelatedSegments` into `codeSplitting`'s group, and 70383e9 moves the line
// `includeDependenciesRecursively: false` from `codeSplitting`'s top into each of its groups. Both
// asked "(`codeSplitting` changed)", which says where and not what.

/** A text's lines as an edit compares them: trimmed, without the formatter's trailing comma. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim().replace(/[,;]$/, ''))
    .filter((line) => line !== '');

/** Lines of a piece's body that say something (not a lone bracket). */
const isSaying = (line: string) => /[\p{L}\p{N}]/u.test(line);

/** The lines `after` has more of than `before`, and the reverse, each as often as it differs. */
function lineDelta(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const count = new Map<string, number>();
  for (const line of before) count.set(line, (count.get(line) ?? 0) - 1);
  for (const line of after) count.set(line, (count.get(line) ?? 0) + 1);
  const repeat = (line: string, n: number) => Array.from({ length: n }, () => line);
  return {
    added: [...count].flatMap(([line, n]) => (n > 0 ? repeat(line, n) : [])),
    removed: [...count].flatMap(([line, n]) => (n < 0 ? repeat(line, -n) : [])),
  };
}

/** The shortest quotable line. */
const MAX_LINE = 60;

/**
 * What a local's long edit is, when it is a move: " (`helper` inlined into `local`)" where a local
 * the change drops has its body's lines, all of them, among those the local gains; " (`local`: `line`
 * now in 4 places, was 1)" where all it gains is more copies of a line it had. Undefined otherwise.
 */
export function describeLocalMove(
  local: string,
  [before, after]: readonly [string, string],
  goneTexts: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  const delta = lineDelta(linesOf(before), linesOf(after));
  const gained = new Set(delta.added);
  for (const [name, text] of goneTexts) {
    // Its first line declares it (`const helper = (…) => {`); its body is what moves.
    const body = linesOf(text).slice(1).filter(isSaying);
    if (body.length >= 2 && body.every((line) => gained.has(line))) return ` (\`${name}\` inlined into \`${local}\`)`;
  }
  // The same line written in more places, none lost: moved into each of them.
  const [line] = delta.added;
  if (line === undefined || delta.removed.length > 0 || delta.added.some((l) => l !== line)) return undefined;
  if (line.length > MAX_LINE || !isSaying(line) || line.includes('`')) return undefined;
  const was = linesOf(before).filter((l) => l === line).length;
  return was === 0 ? undefined : ` (\`${local}\`: \`${line}\` now in ${was + delta.added.length} places, was ${was})`;
}

/** `key: "literal"` (a string, a regular expression): what tells an entry from its siblings. */
const LITERAL_PAIR = /^(?:[A-Za-z_$][\w$]*|"[^"]*"|'[^']*'):\s*(?:"[^"]*"|'[^']*'|\/(?:\\.|[^/\\])+\/[a-z]*)$/;

/**
 * A local's long edit that only adds an object to a list (webiny 9ce5e75fc5 adds a CloudFront cache
 * behaviour `{ pathPattern: "/robots.txt", … }` to `baseApp`'s, and an entry `{ pattern: /robots\.txt/,
 * value: … }` to `hook`'s cache rules: both asked "(`… changed`)"), told by the literal pair no sibling
 * has: " (`baseApp`: an entry with `pathPattern: "/robots.txt"` added)". Undefined otherwise.
 */
export function describeAddedEntry(local: string, [before, after]: readonly [string, string]): string | undefined {
  const had = linesOf(before);
  const delta = lineDelta(had, linesOf(after));
  if (delta.removed.length > 0 || !delta.added.includes('{')) return undefined;
  const seen = new Set(had);
  const pair = delta.added.find((line) => !seen.has(line) && line.length <= MAX_LINE && LITERAL_PAIR.test(line));
  return pair === undefined || pair.includes('`') ? undefined : ` (\`${local}\`: an entry with \`${pair}\` added)`;
}
