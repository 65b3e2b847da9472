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

/** The same of an export's own edit (a file's hunks, as same-edit.ts gives them), where the edit
 * only adds an object to its list: slidev a578f61da9's `showcases` " (an entry with `title:
 * 'Reliability: Manual → Autopilot'` added)", lucide 7291cbcc0f's `reactNativeSidebar`. */
export function describeAddedEntryOfEdit(name: string, edit: string): string | undefined {
  const side = (mark: string) =>
    edit
      .split('\n')
      .filter((line) => line[0] === mark)
      .map((line) => line.slice(1))
      .join('\n');
  // Said of the export itself: its name is the question's already.
  return describeAddedEntry(name, [side('-'), side('+')])?.replace(`(\`${name}\`: `, '(');
}

/** A line that only opens or closes a block: `}`, `{`, `} else {`, `else {`. */
const isBracing = (line: string) => /^\}?\s*(?:else\s*)?\{?$/.test(line);
const indentOf = (line: string) => /^\s*/.exec(line)![0].length;
const GUARD = /^(?:\}\s*else\s+)?if\s*\((.*)\)\s*\{$/;

/** The block `line` (at `at`) is in: the nearest line above it indented less, as the edit compares lines. */
function enclosing(lines: readonly string[], at: number): { line: string; at: number } | undefined {
  for (let i = at - 1; i >= 0; i--) {
    if (lines[i]!.trim() !== '' && indentOf(lines[i]!) < indentOf(lines[at]!)) return { line: lines[i]!.trim(), at: i };
  }
  return undefined;
}

/**
 * A statement the local still makes, moved under a condition: ant-design fe3c108262's `onVisibleChange`
 * calls `triggerVisible(newVisible)` only in a new `else` of `if (!newVisible && … && filterOnClose)`,
 * where it called it before that `if`. " (`onVisibleChange`: `triggerVisible(newVisible)` moved into the
 * `else` of `if (…)`)", or "moved under `if (…)`" into a new `if`. Undefined for any other edit.
 */
export function describeGuardedMove(local: string, [before, after]: readonly [string, string]): string | undefined {
  // Only braces and a new `if` line differ: every statement is still there, some in another block.
  const delta = lineDelta(linesOf(before), linesOf(after));
  if ([...delta.removed, ...delta.added].some((l) => !isBracing(l) && !GUARD.test(l))) return undefined;
  const sides = [before, after].map((text) => text.split('\n'));
  const indexIn = (lines: readonly string[], line: string) => lines.findIndex((l) => linesOf(l)[0] === line);
  const once = (lines: readonly string[], line: string) => lines.filter((l) => linesOf(l)[0] === line).length === 1;
  const moved = [...new Set(linesOf(after))].filter((line) => {
    if (!isSaying(line) || GUARD.test(line) || !sides.every((lines) => once(lines, line))) return false;
    const [was, now] = sides.map((lines) => enclosing(lines, indexIn(lines, line)));
    return was?.line !== now?.line;
  });
  const [line] = moved;
  if (line === undefined || moved.length !== 1 || line.length > MAX_LINE || line.includes('`')) return undefined;
  const now = enclosing(sides[1]!, indexIn(sides[1]!, line));
  if (now === undefined) return undefined;
  // In an `else`: its `if` is the nearest line above it at the `else`'s own indentation.
  const inElse = /^\}?\s*else\s*\{$/.test(now.line);
  const guard = inElse
    ? sides[1]!
        .slice(0, now.at)
        .findLast((l) => indentOf(l) === indentOf(sides[1]![now.at]!) && GUARD.test(l.trim()))
        ?.trim()
    : now.line;
  const condition = guard === undefined ? undefined : GUARD.exec(guard)?.[1];
  if (condition === undefined) return undefined;
  const named = condition.length <= MAX_LINE && !condition.includes('`') ? `\`if (${condition})\`` : 'an `if`';
  return ` (\`${local}\`: \`${line}\` moved ${inElse ? `into the \`else\` of ${named}` : `under ${named}`})`;
}
