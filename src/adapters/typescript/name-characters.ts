// Which characters a name of TypeScript's is made of, as its scanner decides them, for the raw
// scanner (raw-scanner.ts): ASCII's word characters, the spaces past ASCII, the code points that
// can be in no name in any Unicode version, `\u` escapes, and the letters of blocks Unicode
// filled long ago. What none of these settles, the scanner leaves Undecided.

export const isDigit = (c: number) => c >= 48 && c <= 57;
// TypeScript's isWhiteSpaceSingleLine and isLineBreak past ASCII.
export const isForeignSpace = (c: number) =>
  c === 0xa0 ||
  c === 0x85 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200b) ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff ||
  c === 0x2028 ||
  c === 0x2029;
// Never in a name, in any Unicode version (ID_Continue is stable, and these categories do not move).
// Nor a control, a surrogate, a private use or a noncharacter: those code points are fixed for good
// (`/[\u0000-\u001F\u007F-\u009F]/`, `/[\uD800-\uDBFF]/`, `[\u0080-\uFFFF]` in regular expressions).
// A space past ASCII either (`\uFEFF`, `\u200B` and the spaces TypeScript's scanner skips; `.replace(/^\uFEFF/, "")`).
const NO_NAME = /^[\p{P}\p{S}\p{Cc}\p{Cs}\p{Co}\p{Z}\u{200B}\u{FEFF}\u{FDD0}-\u{FDEF}\u{FFFE}\u{FFFF}]$/u;
const NAME_PART = /^\p{ID_Continue}$/u;
const MARK = /^\p{M}$/u;
// Mongolian U+1885 and U+1886 are marks that start names (Other_ID_Start).
const NAME_START = /^\p{ID_Start}$/u;
/** Whether the code point `ch` can be in no name: a punctuation mark or a symbol that is no name part (`·` is). */
const isNeverName = (ch: string) => NO_NAME.test(ch) && !NAME_PART.test(ch);
/** Whether `ch` can start no name: a punctuation mark, a symbol or a combining mark (`❤️`'s U+FE0F) that
 * is no ID_Start (ID_Start never loses one); `·` only continues a name, so alone it is a token of its own. */
export const isNeverNameStart = (ch: string) => (NO_NAME.test(ch) || MARK.test(ch)) && !NAME_START.test(ch);
/** The code point a `\\u` escape at `at` spells (`\\u{…}`, read to its last hex digit, or `\\uXXXX`), or -1 when it
 * is none: TypeScript's peekExtendedUnicodeEscape, then its peekUnicodeEscape. */
const ESCAPE = /\\u(?:\{([0-9a-fA-F]+)|([0-9a-fA-F]{4}))/y;
function escapedAt(text: string, at: number): number {
  ESCAPE.lastIndex = at;
  const hex = ESCAPE.exec(text);
  const digits = (hex?.[1] ?? hex?.[2])?.replace(/^0+(?=.)/, '');
  if (digits === undefined) return -1;
  return digits.length > 6 ? 0x110000 : parseInt(digits, 16);
}

/** Whether the `\\u` escape at `at` can start no name (TypeScript reads its `\\` as an Unknown token), or (`isPart`) continue none. */
export function isEscapedNoName(text: string, at: number, isPart: boolean): boolean {
  const cp = escapedAt(text, at);
  if (cp < 0 || cp > 0x10ffff) return true;
  if (cp < 128) return !(isPart ? isWordPart(cp) : isWordStart(cp));
  const ch = String.fromCodePoint(cp);
  return isPart ? isNeverName(ch) : isNeverNameStart(ch);
}

/** Whether a number ends for sure before the code point at `at` (past ASCII): no name can start there (`3–30`). */
export function endsNumber(text: string, at: number): boolean {
  return isForeignSpace(text.charCodeAt(at)) || isNeverNameStart(String.fromCodePoint(text.codePointAt(at)!));
}

/** Whether the code point at `at` (past ASCII) ends a name for sure: a space, a line break, a mark or symbol of no name. */
export function endsName(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return isForeignSpace(c) || isNeverName(String.fromCodePoint(text.codePointAt(at)!));
}
export const isWordStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
export const isWordPart = (c: number) => isWordStart(c) || isDigit(c);

// Blocks Unicode filled with letters long ago (Latin-1 and Latin Extended-A and -B, IPA, Greek, Cyrillic,
// kana, the first unified CJK ideographs, Hangul syllables), each range with no unassigned code point:
// a letter there starts and continues a name in every Unicode version and in TypeScript's tables
// (scan-specifiers.test.ts holds them to ts.isIdentifierStart and isIdentifierPart, code point by code
// point), so `Uzbekistán`, `importАwsv4Auth`, `/[\wàâäè]/`, `(λ|ƒ)` and `{ 質問: "回答" }` are cut as TypeScript cuts them.
export const OLD_LETTER_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0xc0, 0x2af],
  [0x386, 0x386],
  [0x388, 0x38a],
  [0x38c, 0x38c],
  [0x38e, 0x3a1],
  [0x3a3, 0x3ff],
  [0x400, 0x4ff],
  [0x3041, 0x3094],
  [0x30a1, 0x30fa],
  [0x4e00, 0x9fa5],
  [0xac00, 0xd7a3],
];
const LETTER = /^\p{L}$/u;
/** Whether the code unit `c` (past ASCII) is a letter of OLD_LETTER_RANGES (all in the BMP). */
export function isOldLetter(c: number): boolean {
  if (c < 0xc0 || c > 0xd7a3) return false;
  return OLD_LETTER_RANGES.some(([from, to]) => c >= from && c <= to) && LETTER.test(String.fromCharCode(c));
}
export const isNamePart = (c: number) => isWordPart(c) || (c > 127 && isOldLetter(c));
