import { tokensOf } from './code-tokens.js';
import { editOfTexts, editShape, formatTokenEdit } from './same-edit.js';
import { listNames } from '../text/list-names.js';
import { unmatched } from '../text/unmatched.js';

// A piece named alone ("(`useOptions` changed)", "(`all` and `create` changed)") says where, not
// what. Its edit, where short, says what; else the names and literals its text gains and loses:
// homarr 2f6b96e5ba's `integrationRouter` "(`all` now uses `permissionRequiredProcedure`,
// `requiresPermission` and `"integration-full-all"`, no longer `protectedProcedure`)".

/** A name or literal a question can quote: longer ones are left out. */
const MAX_TOKEN = 40;
/** Names and literals listed on each side, at most. */
const MAX_LISTED = 3;
/** Words of the language: gaining a `return` or a `const` is how a piece is written. */
const WORDS = new Set(
  'as async await break case catch class const continue default delete do else export extends false finally for from function if import in instanceof let new null of return satisfies static super switch this throw true try type typeof undefined var void while yield'.split(
    ' ',
  ),
);
/** A name or a string literal, short, no word of the language (a template's backticks cannot be quoted). */
const isQuotable = (token: string) => /^[\p{L}_$"']/u.test(token) && token.length <= MAX_TOKEN && !token.includes('`') && !WORDS.has(token);

/** Brackets a text opens and does not close, and whether it closes one it did not open. */
function bracketsOf(text: string): { open: number; isClosingOthers: boolean } {
  const open: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let isClosingOthers = false;
  for (const token of tokensOf(text)) {
    if ('([{'.includes(token)) open.push(token);
    else if (token in pairs && open.pop() !== pairs[token]) isClosingOthers = true;
  }
  return { open: open.length, isClosingOthers };
}

/** A side that closes only what it opened, and opens nothing it leaves open: `"x").y(` is no piece of code. */
const isBalanced = (text: string) => bracketsOf(text).open === 0 && !bracketsOf(text).isClosingOthers;
/** A side that opens a bracket it never closes (`… || !session?.includes(`): cut inside a call. A side
 * closing one opened before it (`line) => line.length`, an arrow's parameter) still reads. */
export const isCutOpen = (sides: readonly string[]) => sides.some((side) => bracketsOf(side).open > 0);

/** A text with its template literals' own text left out and their `${…}` kept: webstudio
 * 09c89376fb's `No Webstudio account found for "${input.email}".` was read as the string
 * `" input.email}"` and the names `No`, `Webstudio`. Strings and comments are kept as they are. */
export function withoutTemplateText(text: string): string {
  let out = '';
  /** Per open template: the depth of braces inside its current `${…}`, or -1 in its text. */
  const templates: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const depth = templates.at(-1);
    if (depth === -1) {
      if (c === '\\') i++;
      else if (c === '`') {
        templates.pop();
        out += ' ';
      } else if (c === '$' && text[i + 1] === '{') {
        templates[templates.length - 1] = 0;
        out += ' ';
        i++;
      }
      continue;
    }
    if (c === '`') {
      templates.push(-1);
      out += ' ';
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (depth !== undefined && c === '{') {
      templates[templates.length - 1] = depth + 1;
      out += c;
    } else if (depth !== undefined && c === '}') {
      if (depth === 0) {
        templates[templates.length - 1] = -1;
        out += ' ';
      } else {
        templates[templates.length - 1] = depth - 1;
        out += c;
      }
    } else out += c;
  }
  return out;
}

/** "now uses `a` and `"b"`, no longer `c`": the names and literals one side has and the other lacks.
 * Where every line the texts do not share is prose, its words: "now says "…"". */
export function describeTokenUses(before: string, after: string): string | undefined {
  const says = describeProseEdit(before, after);
  if (says !== undefined) return says;
  // A template's expressions are code too (ant-design 482ccda227's `<Cell key>`: `${key || index}` → `${mergedKey}`).
  const code = (text: string) => tokensOf(withoutTemplateText(text));
  const [was, now] = [code(before), code(after)];
  const [had, has] = [new Set(was), new Set(now)];
  // What is called, then literals, then other names: TanStack db d2a11b1b3c's `loadSubset` gains
  // `race`, `setTimeout` and `clearTimeout` beside a `ReturnType` in a local's type.
  const rank = (tokens: readonly string[], at: number) => (tokens[at + 1] === '(' ? 0 : /^["']/.test(tokens[at]!) ? 1 : 2);
  const only = (tokens: readonly string[], other: ReadonlySet<string>) => {
    const found = new Map<string, number>();
    tokens.forEach((t, i) => {
      if (!other.has(t) && isQuotable(t)) found.set(t, Math.min(found.get(t) ?? 2, rank(tokens, i)));
    });
    return [...found].sort((a, b) => a[1] - b[1]).map(([t]) => `\`${t}\``);
  };
  const [gained, lost] = [only(now, had), only(was, has)];
  const phrase = (names: readonly string[]) => listNames(names, MAX_LISTED);
  const parts = [
    ...(gained.length > 0 ? [`now uses ${phrase(gained)}`] : []),
    ...(lost.length > 0 ? [`${gained.length > 0 ? 'no longer' : 'no longer uses'} ${phrase(lost)}`] : []),
  ];
  return parts.length === 0 ? undefined : parts.join(', ');
}

/** What one piece's two texts change: its short edit ("`a` → `b`"), else the names it gains and loses. */
export function describePieceTexts(name: string, texts: readonly [string, string]): string | undefined {
  const classes = CLASS_ATTRIBUTE.test(name) ? describeClassWords(...texts) : undefined;
  if (classes !== undefined) return `\`${name}\`: ${classes}`;
  const elements = describeElementsOfAttribute(name, texts);
  if (elements !== undefined) return elements;
  // An attribute's edit is its value's: `delay={2}` → `delay={5}` is "`2` → `5`".
  const values = new RegExp(`^${ATTRIBUTE}$`).test(name) ? (texts.map(attributeValue) as [string, string]) : texts;
  const shown = editShape(editOfTexts(...values))?.shown;
  if (shown !== undefined && shown.every(isBalanced)) return `\`${name}\`: ${formatTokenEdit(shown).slice(2, -1)}`;
  const uses = describeTokenUses(...texts);
  return uses === undefined ? undefined : `\`${name}\` ${uses}`;
}

/** A JSX attribute piece, named by where it is: `<FadeIn className>`. */
const ATTRIBUTE = '<[\\w$.:-]+ [\\w$:-]+>';
const PIECE = `(?:[\\w$#]+|${ATTRIBUTE})`;
/** " (`a` and `b` changed)" at the end of a phrase: the pieces it names alone, one to three. */
const NAMED_ALONE = new RegExp(` \\(((?:\`${PIECE}\`, ){0,1}(?:\`${PIECE}\` and )?\`${PIECE}\`) changed\\)$`);
/** A phrase naming a JSX attribute alone: told by its texts even where it is the only piece named. */
export const NAMES_ATTRIBUTE = new RegExp(`\`${ATTRIBUTE}\`(?:, | and | changed\\)$)`);
/** An attribute holding a list of class names: a set of words, their order the formatter's. */
const CLASS_ATTRIBUTE = /^<[^ ]+ (?:class|className|\w+ClassName|classes)>$/;
/** A class list's plain string value (`className="a b"`, `className={'a b'}`), or undefined. */
const classWordsOf = (text: string) => {
  const value = /^[\w$:-]+=\{?\s*(["'`])([^"'`$]*)\1\s*\}?$/.exec(text.trim());
  return value === null ? undefined : value[2]!.split(/\s+/).filter((w) => w !== '');
};

/**
 * "`name="lists/select-parent"` added to `<Stack.Screen>`": an attribute piece whose new text holds
 * every value the old one held and whole new ones (or the reverse): an element of that tag added
 * beside the others, or the attribute put on (taken off) elements (karakeep 7ca5ee236b's new
 * screen was "`name =` → `name = "lists/select-parent" name =`"; a416d043e6 takes `target="_blank"`
 * off four links). Worded so that both readings are true.
 */
function describeElementsOfAttribute(name: string, texts: readonly [string, string]): string | undefined {
  const piece = /^<([\w$.:-]+) ([\w$:-]+)>$/.exec(name);
  if (piece === null) return undefined;
  const [, tag, attribute] = piece;
  const valuesOf = (text: string) =>
    [
      ...text.matchAll(
        new RegExp(`(?<![\\w$:-])${attribute!.replace(/[$]/g, '\\$')}\\s*=\\s*("[^"\\n]*"|'[^'\\n]*'|\\{[^{}\\n]*\\})`, 'g'),
      ),
    ].map((m) => m[1]!);
  const [was, now] = texts.map(valuesOf) as [string[], string[]];
  const without = (all: readonly string[], some: readonly string[]) => {
    const left = [...all];
    for (const value of some) {
      const at = left.indexOf(value);
      if (at < 0) return undefined;
      left.splice(at, 1);
    }
    return left;
  };
  const [added, removed] = [without(now, was), without(was, now)];
  const change =
    added !== undefined && added.length > 0
      ? ([added, 'added to'] as const)
      : removed !== undefined && removed.length > 0
        ? ([removed, 'taken out of'] as const)
        : null;
  if (change === null) return undefined;
  const distinct = [...new Set(change[0])];
  if (distinct.length > MAX_LISTED || distinct.some((value) => value.length > MAX_TOKEN || value.includes('`'))) return undefined;
  const times = change[0].length > distinct.length ? ` (${change[0].length} times)` : '';
  return `${listNames(
    distinct.map((value) => `\`${attribute}=${value}\``),
    MAX_LISTED,
  )} ${change[1]} \`<${tag}>\`${times}`;
}

/** A JSX attribute's value: the expression inside `{…}`, or the text as written. */
const attributeValue = (text: string) => /^[\w$:-]+=\{([\s\S]*)\}$/.exec(text.trim())?.[1]!.trim() ?? text;

/** "`hidden` and `lg:flex` added, `flex` removed": the class names a class list gains and loses. */
function describeClassWords(before: string, after: string): string | undefined {
  const [was, now] = [classWordsOf(before), classWordsOf(after)];
  if (was === undefined || now === undefined) return undefined;
  const quote = (words: readonly string[]) =>
    listNames(
      words.map((w) => `\`${w}\``),
      MAX_LISTED,
    );
  const [added, removed] = [now.filter((w) => !was.includes(w)), was.filter((w) => !now.includes(w))];
  const parts = [...(added.length > 0 ? [`${quote(added)} added`] : []), ...(removed.length > 0 ? [`${quote(removed)} removed`] : [])];
  return parts.length === 0 ? undefined : parts.join(', ');
}

/** " (`all`: …; `create` now uses …)" for " (`all` and `create` changed)", where every piece's texts
 * tell it; `least` pieces named at the fewest (one alone has its own rules where it is the export's). */
export function describeNamedPieces(
  told: string,
  texts: ReadonlyMap<string, readonly [string, string]> | undefined,
  least = 2,
): string | undefined {
  const named = NAMED_ALONE.exec(told);
  if (named === null || texts === undefined) return undefined;
  const names = [...named[1]!.matchAll(new RegExp(`\`(${PIECE})\``, 'g'))].map((m) => m[1]!);
  if (names.length < least) return undefined;
  const parts = names.map((name) => (texts.has(name) ? describePieceTexts(name, texts.get(name)!) : undefined));
  if (parts.some((t) => t === undefined)) return undefined;
  return `${told.slice(0, named.index)} (${parts.join('; ')})`;
}
/** The tokens of an edit's removed lines and of its added ones. */
const editSides = (edit: string) =>
  ['-', '+'].map((mark) =>
    tokensOf(
      edit
        .split('\n')
        .filter((line) => line.startsWith(mark))
        .map((line) => line.slice(1))
        .join('\n'),
    ),
  ) as [string[], string[]];

/** ", with `"a"` and `"b"`": the string literals an edit shown with its arguments left out (`.or(…)`)
 * adds, or else removes: homarr f1b7a5146a's `appHrefSchema` gains four `.or(…)`, each for one
 * template variable (`"[homarr_base]"`, …), and "`.or(…)` added" said none of them. */
export function describeCutLiterals(edit: string, shown: readonly [string, string]): string {
  if (!shown.some((side) => side.includes('(…)'))) return '';
  const [was, now] = editSides(edit);
  const only = (tokens: readonly string[], other: readonly string[]) =>
    [...new Set(tokens.filter((t) => /^["']/.test(t) && t.length <= MAX_TOKEN && !other.includes(t)))].map((t) => `\`${t}\``);
  const literals = shown[1] !== '' ? only(now, was) : only(was, now);
  return literals.length === 0 ? '' : `, with ${listNames(literals, MAX_LISTED)}`;
}

/** Characters of a changed message quoted at most. */
const MAX_WORDS = 90;

/** Words a line of text has at least, and the share of its tokens that are words. */
const TEXT_WORDS = 6;
const TEXT_SHARE = 0.8;
/** Code marks no line of prose holds. */
const CODE_MARKS = /[=;{}<>`]|=>|\$\{|^\s*(?:const|let|var|return|import|export|if|for|function|class)\b/;

/** " (its text gains "Security: Output ONLY pandas/numpy operations …")": an edit that only adds (or
 * only takes out) lines of prose, a template literal's or a JSX element's text: Flowise a24acac5d8
 * gives `systemPrompt`'s prompt a paragraph, asked "changed its implementation" and nothing more. */
export function describeTextLines(edit: string): string {
  const lines = (mark: string) => edit.split('\n').flatMap((line) => (line.startsWith(mark) ? [line.slice(1).trim()] : []));
  const [added, removed] = [lines('+'), lines('-')];
  if (added.length > 0 === removed.length > 0) return '';
  const text = added.length > 0 ? added : removed;
  const isProse = (line: string) => {
    if (CODE_MARKS.test(line)) return false;
    const tokens = line.split(/\s+/).filter((t) => t !== '');
    const words = tokens.filter((t) => /^[("'“]?[\p{L}][\p{L}'’/-]*[)"'”.,;:!?]*$/u.test(t));
    return words.length >= TEXT_WORDS && words.length >= TEXT_SHARE * tokens.length;
  };
  if (text.length > 3 || !text.every(isProse)) return '';
  const first = text[0]!.split(/\s+/);
  const quoted = first.length > 8 ? `${first.slice(0, 8).join(' ')} …` : first.join(' ');
  if (quoted.includes('"')) return '';
  return ` (its text ${added.length > 0 ? 'gains' : 'loses'} "${quoted}"${text.length > 1 ? ` and ${text.length - 1} more line${text.length > 2 ? 's' : ''}` : ''})`;
}

/** " (its text now says "…")": the one string literal an edit changes, too long to quote whole, told
 * by the longest run of words it gains (or else loses): ant-design f405ae7a75's deprecation warning of
 * `List` now says "If you're using version 6.6.0 or later, please use `Listy` instead." */
export function describeLiteralWords(edit: string): string {
  const [was, now] = editSides(edit);
  const strings = (tokens: readonly string[], other: readonly string[]) => tokens.filter((t) => /^["']/.test(t) && !other.includes(t));
  const [lost, gained] = [strings(was, now), strings(now, was)];
  if (lost.length !== 1 || gained.length !== 1) return '';
  const words = (literal: string) =>
    literal
      .slice(1, -1)
      .split(/\s+/)
      .filter((w) => w !== '');
  const run = (from: readonly string[], other: readonly string[]) => {
    const kept = new Set(other);
    let best: string[] = [];
    let current: string[] = [];
    for (const word of from) {
      current = kept.has(word) ? [] : [...current, word];
      if (current.length > best.length) best = current;
    }
    return best.join(' ');
  };
  const [added, removed] = [run(words(gained[0]!), words(lost[0]!)), run(words(lost[0]!), words(gained[0]!))];
  const said = added !== '' ? ['now says', added] : removed !== '' ? ['no longer says', removed] : undefined;
  if (said === undefined || said[1]!.length > MAX_WORDS || said[1]!.includes('"')) return '';
  return ` (its text ${said[0]} "${said[1]}")`;
}

/** Words the lines of prose an edit changes hold at least, all told. */
const PROSE_EDIT_WORDS = 8;
/** Words of the changed run quoted at most. */
const QUOTED_WORDS = 8;

/** Whether a line is prose: no mark of code, its tokens words (a line of a JSX element's text may be short). */
const isProseLine = (line: string, least: number) => {
  if (CODE_MARKS.test(line)) return false;
  const tokens = line.split(/\s+/).filter((t) => t !== '');
  const words = tokens.filter((t) => /^[("'“]?[\p{L}][\p{L}'’/-]*[)"'”.,;:!?]*$/u.test(t));
  return words.length >= least && words.length >= TEXT_SHARE * tokens.length;
};

/**
 * "now says "… edit content inside this Content Block and add new …"": two texts whose lines apart
 * are all prose (a JSX element's text, a message), told by the words the new side puts where the old
 * one had others. webstudio 68b745872's `blockMeta.template` rewords a list item of its help text and
 * was "now uses `content`, `inside` and 5 more, no longer `any`, `direct`": words of a sentence are
 * no names it uses.
 */
export function describeProseEdit(before: string, after: string): string | undefined {
  const linesOf = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  const [was, now] = [linesOf(before), linesOf(after)];
  const [lost, gained] = [unmatched(was, now), unmatched(now, was)];
  const changed = [...lost, ...gained];
  if (changed.length === 0 || !changed.every((line) => isProseLine(line, 1))) return undefined;
  if (!changed.some((line) => isProseLine(line, TEXT_WORDS))) return undefined;
  const wordsOf = (lines: readonly string[]) =>
    lines
      .join(' ')
      .split(/\s+/)
      .filter((w) => w !== '');
  const [old, next] = [wordsOf(lost), wordsOf(gained)];
  if (old.length + next.length < PROSE_EDIT_WORDS) return undefined;
  let start = 0;
  while (start < old.length && start < next.length && old[start] === next[start]) start++;
  let end = 0;
  while (end < old.length - start && end < next.length - start && old[old.length - 1 - end] === next[next.length - 1 - end]) end++;
  const [side, verb] = next.length - end > start ? [next, 'now says'] : [old, 'no longer says'];
  const run = side.slice(start, side.length - end);
  const quoted = run.slice(0, QUOTED_WORDS).join(' ');
  if (quoted.includes('"')) return undefined;
  const head = start > 0 ? `… ${side[start - 1]} ` : '';
  const tail = run.length > QUOTED_WORDS || end > 0 ? ' …' : '';
  return `${verb} "${head}${quoted}${tail}"`;
}
