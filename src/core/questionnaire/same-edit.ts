import type { FileHunks } from '../split/split-plan.js';
import { commonEnds, tokensOf, typeBrackets } from './code-tokens.js';
import { chainLength, isName, OPENS, qualifiedSpan, slideToBrackets, STATEMENT_WORDS } from './cut-bounds.js';
import { codeHunks } from './import-hunks.js';
import { editOfEnds, editOfWords } from './literal-edit.js';

// One edit made in several files: drizzle-orm adf9bf1f changes `buildUpdateSet` by the same two
// lines in five dialects (GelDialect, MySqlDialect, PgDialect …). Exports of other names, so the
// export-named pattern does not see it; the lines say it is one edit.

/** Each file's edit as text: its hunks' removed and added lines, trimmed, blank ones left out.
 * Two files with equal texts made the same edit, whatever their names or line numbers. */
export function listEdits(hunks: FileHunks): Map<string, string> {
  const edits = new Map<string, string>();
  for (const [path, fileHunks] of hunks) {
    const text = fileHunks
      .map((h) =>
        [...h.removed.map((line) => `-${line.trim()}`), ...h.added.map((line) => `+${line.trim()}`)]
          .filter((line) => line.length > 1)
          .join('\n'),
      )
      .filter((hunk) => hunk !== '')
      .join('\n@@\n');
    if (text !== '') edits.set(path, text);
  }
  return edits;
}

/** Each file's hunk headings (git's function context), import-only hunks left out: where every one
 * names an export, its file's edit is that export's alone. */
export function listHunkSites(hunks: FileHunks): Map<string, string[]> {
  const sites = new Map<string, string[]>();
  for (const [path, fileHunks] of hunks) {
    const code = fileHunks.filter((h) => ![...h.removed, ...h.added].every((line) => line.trim() === '' || /^\s*import\b/.test(line)));
    sites.set(
      path,
      code.map((h) => h.heading),
    );
  }
  return sites;
}

/** Two texts of one piece as one hunk of listEdits' text. */
export function editOfTexts(before: string, after: string): string {
  const side = (text: string, mark: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => `${mark}${line}`);
  return [...side(before, '-'), ...side(after, '+')].join('\n');
}

/** A line of comment only (listEdits trims each line): `// …`, `/* …`, a JSDoc line `* …`. */
export const COMMENT = /^(?:\/\/|\/\*|\*(?:\s|\/|$))/;
/** Operators that join a condition to another. */
const JOINS = new Set(['||', '&&', '??']);
/** Tokens a block's `{` follows (`if (…) {`, `else {`, `=> {`); after others it opens an object. */
const BEFORE_BLOCK = new Set([')', 'else', '=>', 'try', 'finally', 'do']);
/** A hunk's side as tokens; commas, semicolons and a block's braces are the formatter's, not the
 * edit's (radix-ui cb07a999c: `if (…) startTimer(duration);` braced by the `curly` rule beside the
 * line it adds). The side's tokens, and the same tokens as a question shows them: each with the
 * comma that follows it (mobx-state-tree 0ef2ba25's `getSnapshot(thing, false)`, not
 * `getSnapshot(thing false)`). */
function sideOf(lines: readonly string[]): { tokens: string[]; shown: string[] } {
  const tokens: string[] = [];
  const shown: string[] = [];
  // Whether each open `{` is a block's; a `}` of a brace opened before the hunk is a block's.
  const blocks: boolean[] = [];
  let previous: string | undefined;
  for (const token of tokensOf(lines.join('\n'))) {
    const block = token === '{' ? BEFORE_BLOCK.has(previous ?? '') : token === '}' ? (blocks.pop() ?? true) : false;
    if (token === '{') blocks.push(block);
    previous = token;
    if (token === ',' && shown.length > 0) shown[shown.length - 1] += ',';
    if (token === ',' || token === ';' || block) continue;
    tokens.push(token);
    shown.push(token);
  }
  return { tokens, shown };
}
const GLUED_AFTER = new Set(['.', '?.', '(', '[', '...']);
const GLUED_BEFORE = new Set(['.', '?.', '(', ')', '[', ']']);
/** A token after which `!` is TypeScript's non-null assertion (`ref!`), not a negation. */
const endsValue = (token: string | undefined) => token !== undefined && (isName(token) || /^[)\]]$/.test(token));
/** A shown token may carry its comma (`thing,`, `),`): glued as the token without it is; `!` is
 * glued to what it negates (`!event`) and to what it asserts (`ref!`). */
/** The lead of a side that starts its hunk's first line: a name there before `:` is a key (a
 * conditional's `:` starts its own line, `? a` before it). */
const LINE_START = '\n';
/** Whether the token at `at` is a name that starts an entry: a key of an object, a parameter. */
const isKeyAt = (tokens: readonly string[], at: number) =>
  at > 0 && isName(tokens[at]!) && (tokens[at - 1]!.endsWith(',') || ['{', '(', LINE_START].includes(tokens[at - 1]!));
const joinTokens = (tokens: readonly string[], lead?: string, types = typeBrackets(tokens)) =>
  tokens.reduce((text, t, i) => {
    const previous = tokens[i - 1]?.replace(/,$/, '');
    if (types.has(i) || (types.has(i - 1) && previous === '<')) return text + t;
    // An optional key or parameter: `cwd?: string`, `cwd?` (c12 41ee9e0d2d showed `cwd ?`).
    const isOptional = (at: number) => tokens[at] === '?' && isName(tokens[at - 1] ?? '') && [':', undefined].includes(tokens[at + 1]);
    if (isOptional(i) || (t === ':' && isOptional(i - 1))) return text + t;
    // A key's or a parameter's `:` is glued to its name (`emailAndPassword: {`), a conditional's is
    // not (`a ? b : c`); a `(` after a `:` opens no call (`onClose: () =>`).
    if (t === ':' && isKeyAt(lead === undefined ? tokens : [lead, ...tokens], lead === undefined ? i - 1 : i)) return text + t;
    if (t === '(' && previous === ':') return `${text} ${t}`;
    const glued =
      i === 0 ||
      GLUED_BEFORE.has(t.replace(/,$/, '')) ||
      GLUED_AFTER.has(previous!) ||
      (t === '!' && endsValue(previous)) ||
      // A negative number: `=== -1`, not `=== - 1`.
      (previous === '-' && /^\d/.test(t) && !endsValue(tokens[i - 2]?.replace(/,$/, ''))) ||
      (previous === '!' && !endsValue(tokens[i - 2]));
    return glued ? text + t : `${text} ${t}`;
  }, '');

/** Operators that bind to the operand after them: the shown edit starts before them. */
const PREFIX = new Set(['!', 'typeof', 'await', 'new', 'void']);
/** Where a shown side starts: at `at`, moved back over the member chain it ends (`a.b.c`) and the
 * prefix operators before it (`!`), so the operand is shown whole (radix-ui 1fa9b449b's
 * `!event.defaultPrevented` gaining `!event ||`, not "`event` → `event || ! event`"). */
function operandStart(tokens: readonly string[], at: number): number {
  while (at >= 2 && (tokens[at - 1] === '.' || tokens[at - 1] === '?.') && isName(tokens[at - 2]!)) at -= 2;
  // `!` and `-` after a value are no prefix: `ref!`, `a - 1`.
  while (
    at >= 1 &&
    (PREFIX.has(tokens[at - 1]!) || tokens[at - 1] === '-') &&
    !(/^[!-]$/.test(tokens[at - 1]!) && endsValue(tokens[at - 2]))
  )
    at -= 1;
  return at;
}
/** Where the operand that ends at `at` begins when it ends with an index or a call's arguments: umami
 * edbb29162's `share.parameters[id] !== false` → `=== true` read "(`id] !== false` → `id] === true`)",
 * the name inside the brackets taken for the operand. */
function closedOperandStart(tokens: readonly string[], at: number): number | undefined {
  // Only where the cut goes on with an operator: a name after `)` starts another statement
  // (instantsearch c8e392c's `widgets.filter(…)` then `localWidgets.forEach`, their `;` dropped).
  if ((tokens[at - 1] !== ']' && tokens[at - 1] !== ')') || /^[\p{L}\p{N}_$'"`{]/u.test(tokens[at] ?? '')) return undefined;
  let depth = 0;
  let open = at - 1;
  for (; open >= 0; open--) {
    if (tokens[open] === ']' || tokens[open] === ')') depth++;
    else if ((tokens[open] === '[' || tokens[open] === '(') && --depth === 0) break;
  }
  const callee = tokens[open - 1] ?? '';
  return open > 0 && isName(callee) && !STATEMENT_WORDS.has(callee) ? operandStart(tokens, open - 1) : undefined;
}
/** Tokens that start a statement: after a side's first token, the side runs over two. */
const STATEMENT_STARTS = new Set(['const', 'let', 'var', 'return', 'throw', 'if', 'for', 'while', 'function', 'class']);
/** Whether a bracket opened before `from` closes before `to`. */
function closesBetween(tokens: readonly string[], from: number, to: number): boolean {
  let depth = 0;
  for (const token of tokens.slice(from, to)) {
    if (OPENS[token] !== undefined) depth++;
    else if (Object.values(OPENS).includes(token) && --depth < 0) return true;
  }
  return false;
}
/** How many closing brackets from `to` close what `tokens[from..to)` opened. */
function closers(tokens: readonly string[], from: number, to: number): number {
  let open = 0;
  for (const token of tokens.slice(from, to)) open += token === '(' || token === '[' ? 1 : token === ')' || token === ']' ? -1 : 0;
  let length = 0;
  while (open > 0 && (tokens[to + length] === ')' || tokens[to + length] === ']')) [open, length] = [open - 1, length + 1];
  return length;
}

/** A side's shown tokens and the token before them in the code. */
interface ShownSide {
  readonly tokens: readonly string[];
  readonly lead?: string;
}

interface HunkEdit {
  readonly key: string;
  /** The tokens that changed, from the name before them: [removed, added]. */
  readonly shown: readonly [string, string];
  /** The shown sides as tokens, to abbreviate a long one (abbreviateGroups). */
  readonly shownTokens?: readonly [ShownSide, ShownSide];
  /** The same from the cut's own operand, without the name before it. */
  readonly cutTokens?: readonly [ShownSide, ShownSide];
  /** The one string or template literal each side changes, when that is the whole cut. */
  readonly literals?: readonly [string, string];
  /** Lines that only add a call, however long: `createEsCjs(…)` (effector 576379d49). */
  readonly addedCall?: string;
  /** A shown side runs over two statements (their `;` dropped): shown, it reads as one line of code nobody wrote. */
  readonly isRun?: boolean;
}

/** `a.b(` at the start of added tokens: the call they make, its arguments left out; `.replace(` chained
 * onto a kept call (json-schema-to-typescript c44faed's `toSafeString` gains `.replace(/^\d+/, '')`). */
function leadingCall(tokens: readonly string[]): string | undefined {
  let at = tokens[0] === '.' || tokens[0] === '?.' ? 1 : 0;
  while (isName(tokens[at] ?? '') && (tokens[at + 1] === '.' || tokens[at + 1] === '?.')) at += 2;
  return isName(tokens[at] ?? '') && tokens[at + 1] === '(' ? `${joinTokens(tokens.slice(0, at + 1))}(…)` : undefined;
}

/** One hunk's edit: the tokens between the longest common start and end of its two sides, with the
 * nearest name on each side; undefined when the sides differ in commas, semicolons or layout only. */
function hunkEdit(hunk: string): HunkEdit | undefined {
  // A comment is no token of the edit: c44faed's three added lines are two of comment and one call.
  const lines = hunk.split('\n').filter((l) => !COMMENT.test(l.slice(1)));
  const removedSide = sideOf(lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1)));
  const addedSide = sideOf(lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1)));
  const [removed, added] = [removedSide.tokens, addedSide.tokens];
  const [start, end] = slideToBrackets(removed, added, commonEnds(removed, added));
  const cut = [removed.slice(start, removed.length - end), added.slice(start, added.length - end)] as const;
  if (cut[0].length === 0 && cut[1].length === 0) return undefined;
  const from = removed.slice(0, start).findLastIndex(isName);
  const before = from === -1 ? '' : removed[from]!;
  const after = removed.slice(removed.length - end).find(isName) ?? '';
  // A call chained onto what was there is that call: `.replace(/\s/g, ''),` → `.replace(/\s/g, '')`
  // and `.replace(/^\d+/, '')` (the comma is the formatter's) is "`.replace(…)` added".
  const chained = cut[0].length === 0 && (cut[1][0] === '.' || cut[1][0] === '?.') ? leadingCall(cut[1]) : undefined;
  // An operand ending with an index or a call is shown from its start (closedOperandStart); else the
  // name before the cut places it, unless a bracket it is in closes before the cut: instantsearch
  // c8e392c's `indexOf(widget) === -1)` before `localWidgets.forEach` ends another statement.
  // Text inside an element starts where its tag ends: jsonforms 1d73eb776d's `<p>No data</p>` →
  // `<p>{translations.noDataMessage}</p>` read "`p > No data` → `p > { translations.noDataMessage }`".
  const isElementText = start >= 3 && removed[start - 1] === '>' && removed[start - 3] === '<' && isName(removed[start - 2]!);
  const first =
    (isElementText ? start : undefined) ??
    closedOperandStart(removed, start) ??
    (from === -1 ? start : closesBetween(removed, from + 1, start) ? operandStart(removed, start) : operandStart(removed, from));
  // The member chain after the cut, and the brackets the shown tokens opened (`run(a` → `run(a)`).
  const chain = chainLength(removed, removed.length - end);
  const tail = chain + closers(removed, first, removed.length - end + chain);
  // The new side's own tokens: the same names before the cut, with its commas.
  const sidesFrom = (at: number, more = tail) =>
    [
      { tokens: removedSide.shown.slice(at, removed.length - end + more), lead: removedSide.shown[at - 1] ?? LINE_START },
      { tokens: addedSide.shown.slice(at, added.length - end + more), lead: addedSide.shown[at - 1] ?? LINE_START },
    ] as const;
  // A condition joined by `||`, `&&` or `??` is the edit alone: umami a87d899e1's `… === linkId` gains
  // `|| shareToken?.linkIds?.includes(linkId)`, and "`linkId` → `linkId || …`" read as `=== (linkId || …)`.
  // Not where the operand before it goes on past the cut (radix 1fa9b449b's `!event` + `||` +
  // `!event.defaultPrevented`: the clause is put first, and the cut found it after `!event`).
  const clause = ([gone, put]: readonly (readonly string[])[]) =>
    gone!.length === 0 && put!.length > 1 && ((JOINS.has(put![0]!) && chain === 0) || JOINS.has(put!.at(-1)!));
  const isClause = clause(cut) || clause([cut[1], cut[0]]);
  const qualified = qualifiedSpan(cut, cut[0].length === 0 ? removed : added, start);
  const sides = qualified !== undefined ? sidesFrom(start, qualified) : isClause ? sidesFrom(start, 0) : sidesFrom(first);
  return {
    key: [before, cut[0].join(' '), cut[1].join(' '), after].join('\0'),
    // The last token's comma ends the cut: it is the formatter's, not the edit's.
    shown: chained === undefined || isClause ? [showTokens(sides[0]), showTokens(sides[1])] : ['', chained],
    ...((chained === undefined || isClause) && {
      shownTokens: sides,
      cutTokens: isClause || qualified !== undefined ? sides : sidesFrom(operandStart(removed, start)),
    }),
    ...(cut.every((side) => side.length === 1 && /^[`'"]|^\/./.test(side[0]!)) && { literals: [cut[0][0]!, cut[1][0]!] as const }),
    ...(sides.some((side) => side.tokens.slice(1).some((t) => STATEMENT_STARTS.has(t))) && { isRun: true }),
    ...(cut[0].length === 0 && removed.length === 0 && { addedCall: leadingCall(cut[1]) }),
  };
}

/**
 * A file's edit (listEdits' text) as the tokens it changes: two files have the same key when they
 * make the same edit, however each is laid out. `shown` is the edit in a few words, when it is one
 * short change (`blockNumber` → `blockNumber !== undefined`). Undefined for layout-only edits.
 */
export function editShape(edit: string): { key: string; shown?: readonly [string, string] } | undefined {
  const texts = withoutMovedImports(edit.split('\n@@\n'));
  const hunks = texts.map(hunkEdit).filter((h) => h !== undefined);
  if (hunks.length === 0) return undefined;
  // A hunk of import lines alone beside the edit imports what it uses (jsonforms d68f9f74ad's
  // `ChangeDetectionStrategy`): the edit is shown without it, and keyed with it.
  const code = codeHunks(texts)?.map(hunkEdit) ?? [];
  const shownHunks = code.length > 0 && code.every((h) => h !== undefined) ? code : hunks;
  // drizzle-orm adf9bf1f's `const value = fn!()` → `const result = fn?.(); const value = …` is no short edit.
  const [only] = shownHunks.length === 1 && shownHunks[0]!.isRun !== true ? shownHunks : [];
  const call = only?.addedCall;
  // A side holding a backtick (a template literal) cannot be quoted in a code span: pnpm
  // cc5df67f2f's "`normalizedBareSpecifier : `git+${httpsUrl}`` → …" is not said.
  // Two sides, one ending in an assignment or a joining operator, are cut across two statements, not
  // one edit: Flowise d77919ba50's `toEntity` gives two lines `x = '[]'` a `body.x ?? ` each, and the
  // tokens between the block's ends read "`'[]' docStore.whereUsed =` → `body.loaders ?? '[]' … ??`".
  // A clause added or taken out with its operator (`` → `!closed &&`) is one edit.
  const quotable = (sides: readonly string[] | undefined) =>
    sides?.every((side) => side.length <= MAX_SHOWN && !side.includes('`')) === true &&
    (sides.includes('') || !sides.some((side) => DANGLING.test(side)));
  // A side too long to quote is shown with its brackets' insides left out: unplugin 96d9b0b's
  // `useArrayInterface` "`sourcemapList.slice(…).find(…) === undefined` → `!sourcemapList.slice(…).some(…)`".
  // From the name before the cut where that fits, else from the cut's own operand.
  const short = [only?.shownTokens, only?.cutTokens]
    .map((sides) => sides?.map((side) => showTokens({ ...side, tokens: abbreviateGroups(side.tokens) })))
    // Cut the same on both sides, it shows no edit (json-schema-to-typescript e0a822f5bc's casts dropped).
    .find((sides) => quotable(sides) && sides!.some((side) => side !== '') && sides![0] !== sides![1]);
  const words = only?.literals && editOfWords(...only.literals);
  const ends = only?.literals && editOfEnds(...only.literals);
  const one = quotable(only?.shown)
    ? only!.shown
    : quotable(words)
      ? words
      : quotable(ends)
        ? ends
        : call !== undefined
          ? (['', call] as const)
          : short && ([short[0]!, short[1]!] as const);
  return { key: hunks.map((h) => h.key).join('\n'), ...(one && { shown: one }) };
}

/** A shown side ending in `=`, `??`, `||` or `&&` after an operand: the operator's other operand is on
 * the other side of a cut across statements (an operator alone, `??` → `||`, is an edit). */
const DANGLING = /[\w$'")\]]\s*(?:=|\?\?|\|\||&&)\s*$/;

/** Import statements taken out in one hunk and put back, the same, in another are the formatter's
 * (umami 9d477b25b: biome's import sorting moves three imports below `@/` ones in `ShareProvider.tsx`,
 * beside the line removed from `ShareProvider`); a bare `import './setup'` may be moved for its order. */
function withoutMovedImports(hunks: readonly string[]): readonly string[] {
  const flipped = (hunk: string) => hunk.replace(/^([-+])/gm, (mark) => (mark === '-' ? '+' : '-'));
  const moved = new Set<number>();
  hunks.forEach((hunk, i) => {
    const lines = hunk.split('\n');
    if (!/^.import\b/.test(lines[0]!) || /^.import\s*['"]/m.test(hunk)) return;
    // Sorted in place: one hunk takes the imports out and puts them back in another order.
    const side = (mark: string) =>
      lines
        .filter((line) => line[0] === mark)
        .map((line) => line.slice(1))
        .sort()
        .join('\n');
    if (side('-') !== '' && side('-') === side('+') && /^\+import\b/m.test(hunk)) return moved.add(i);
    const oneSided = lines.every((line) => line[0] === lines[0]![0]);
    if (!oneSided) return;
    const other = hunks.findIndex((h, j) => j !== i && !moved.has(j) && h === flipped(hunk));
    if (other !== -1 && !moved.has(i)) [i, other].forEach((n) => moved.add(n));
  });
  return hunks.filter((_, i) => !moved.has(i));
}

/** The longest side a question quotes. */
const MAX_SHOWN = 60;
/** A side as a question shows it; `lead` is the token before it in the code. */
const showTokens = (side: ShownSide) => joinTokens(side.tokens, side.lead).replace(/,$/, '');
/** Tokens with the inside of each outermost bracket pair left out (`f(a, b)` → `f(…)`); a bracket
 * whose pair is not among the tokens is kept, and what follows it. */
export function abbreviateGroups(tokens: readonly string[]): string[] {
  const bare = tokens.map((t) => t.replace(/,$/, ''));
  const closeOf = new Map<number, number>();
  const open: number[] = [];
  bare.forEach((t, i) => {
    if (OPENS[t] !== undefined) open.push(i);
    else if (open.length > 0 && t === OPENS[bare[open.at(-1)!]!]) closeOf.set(open.pop()!, i);
    // A closer of another kind: the pairs cannot be told, none is left out.
    else if (Object.values(OPENS).includes(t)) open.length = 0;
  });
  // A side that is one group is cut inside it: hoppscotch 088ea9f4d's `getTabRefWithSaveContext`
  // "`… === ctx?.requestRefID` → `(…)`" said nothing of its new conditional.
  if (tokens.length > 2 && closeOf.get(0) === tokens.length - 1)
    return [tokens[0]!, ...abbreviateGroups(tokens.slice(1, -1)), tokens.at(-1)!];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const close = closeOf.get(i);
    out.push(tokens[i]!);
    if (close === undefined || close === i + 1) continue;
    out.push('…', tokens[close]!);
    i = close;
  }
  return cutBranches(out);
}

/** Tokens of one conditional with its long branches left out (`a != null ? … : true`): its
 * condition says what it now tests. Groups are cut already, so `?` and `:` are its own. */
function cutBranches(tokens: readonly string[]): string[] {
  const ask = tokens.indexOf('?');
  const colon = tokens.indexOf(':', ask + 1);
  if (ask < 1 || colon < 0 || tokens.indexOf('?', ask + 1) !== -1) return [...tokens];
  const branch = (from: number, to: number) => (to - from <= 3 ? tokens.slice(from, to) : ['…']);
  return [...tokens.slice(0, ask + 1), ...branch(ask + 1, colon), ':', ...branch(colon + 1, tokens.length)];
}

/** A short token edit in a few words: " (`a` → `b`)", " (`x` added)", " (`x` removed)". */
export function formatTokenEdit(sides: readonly [string, string]): string {
  const [was, now] = withoutKeptItem(sides);
  return was === '' ? ` (\`${now}\` added)` : now === '' ? ` (\`${was}\` removed)` : ` (\`${was}\` → \`${now}\`)`;
}

/** A key appended to an object, or taken from its end, without the value kept before it: hoppscotch
 * e4332110d's `createMockServer` "`input.delayInMs` → `input.delayInMs, isPublic: input.isPublic ??
 * false`" is "`isPublic: input.isPublic ?? false` added". An argument (`compiled` → `compiled, this`)
 * keeps the one before it: alone it says not where it went. */
function withoutKeptItem([was, now]: readonly [string, string]): readonly [string, string] {
  const isKey = (item: string) => /^[\w$]+: /.test(item);
  if (was !== '' && now.startsWith(`${was}, `) && isKey(now.slice(was.length + 2))) return ['', now.slice(was.length + 2)];
  if (now !== '' && was.startsWith(`${now}, `) && isKey(was.slice(now.length + 2))) return [was.slice(now.length + 2), ''];
  return [was, now];
}

/** The lines of one side of an edit's text (listEdits'): those marked `-` or `+`, without the mark. */
export function sideLines(edit: string, mark: '-' | '+'): string[] {
  return edit.split('\n').flatMap((line) => (line.startsWith(mark) ? [line.slice(1)] : []));
}
