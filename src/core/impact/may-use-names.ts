// Whether a file's text may use any of the names that reach it through its imports, read from the
// text alone, before any parse. A walk reaches a file for the names of the modules it imports;
// a file whose text holds none of them as a word, and none of the forms that take a module's
// names without naming them, cannot use them: it needs no parse for that walk. It errs one way
// only: "may" is the answer whenever the text alone cannot tell (a word in a comment, an
// `import` in prose), never "cannot" for a file that uses one.
//
// Forms that take names unnamed: `require` (a whole module, or a destructuring of it), `import(`
// (also `typeof import('…')`), `export *` (also `export type *`), `/// <reference`, a default
// import (`import X from`: the name is `default`), an escape (`\u0041`: an identifier the words
// below would not see). A namespace import (`import * as ns`) names what it reads (`ns.x`,
// `ns['x']`) unless the namespace itself is read otherwise (`f(ns)`, `const { x } = ns`,
// `typeof ns`, `export { ns }`): only `ns.` directly followed by a name is taken as a member read.

const UNNAMED = /\brequire\b|\bimport\s*\(|\bexport\s*(?:type\s*)?\*|<reference\b|\\u|\bimport\s+(?![\s{*("'`])(?!type\s*[{*])/;
const NAMESPACE_IMPORT = /\bimport\s+(?:type\s+)?\*\s*as\s+([$_\p{ID_Start}][$\p{ID_Continue}\u200c\u200d]*)/gu;
const IDENTIFIER = /^[$_\p{ID_Start}][$\p{ID_Continue}\u200c\u200d]*$/u;
const WORD_PART = /[$\p{ID_Continue}\u200c\u200d]/u;
const MEMBER_START = /[$_\p{ID_Start}]/u;

/** Names that every importer may take without naming them: a whole module. */
export const WHOLE_NAMES: ReadonlySet<string> = new Set(['*', 'export=']);

/** Whether `name` (an identifier) is a word of `text` as `[$_\p{ID_Start}][$\p{ID_Continue}\u200c\u200d]*`
 * cuts it (a word starts at the first start character of a run of word characters: `abc` is a
 * word of `9abc`), found without cutting the whole text into words. */
export function hasWord(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    const next = text.charCodeAt(end);
    if (
      end < text.length &&
      (next < 128 ? isAsciiWordPart(next) : WORD_PART.test(text.slice(end, end + (isHighSurrogate(text, end) ? 2 : 1))))
    )
      continue;
    let start = at;
    let isWord = true;
    while (start > 0) {
      // ASCII, most characters, without the Unicode patterns (the same answers).
      const code = text.charCodeAt(start - 1);
      if (code < 128) {
        if (!isAsciiWordPart(code)) break;
        if (!isAsciiDigit(code)) {
          isWord = false;
          break;
        }
        start--;
        continue;
      }
      const back = start >= 2 && isLowSurrogate(text, start - 1) && isHighSurrogate(text, start - 2) ? 2 : 1;
      const char = text.slice(start - back, start);
      if (!WORD_PART.test(char)) break;
      if (MEMBER_START.test(char)) {
        isWord = false;
        break;
      }
      start -= back;
    }
    if (isWord) return true;
  }
  return false;
}

const isAsciiDigit = (code: number) => code >= 48 && code <= 57;
/** `[$\p{ID_Continue}]` of an ASCII character: a letter, a digit, `_` or `$` (each but a digit also a start). */
const isAsciiWordPart = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isAsciiDigit(code) || code === 95 || code === 36;
const isHighSurrogate = (text: string, at: number) => (text.charCodeAt(at) & 0xfc00) === 0xd800;
const isLowSurrogate = (text: string, at: number) => (text.charCodeAt(at) & 0xfc00) === 0xdc00;

/** Every use of `local` in `text` is `local.member`, but the one at `declared` (its import). */
function readsOnlyMembers(text: string, local: string, declared: number): boolean {
  for (let at = text.indexOf(local); at >= 0; at = text.indexOf(local, at + 1)) {
    const end = at + local.length;
    if (at > 0 && WORD_PART.test(text[at - 1]!)) continue;
    if (end < text.length && WORD_PART.test(text[end]!)) continue;
    if (at === declared) continue;
    if (text[end] !== '.' || !MEMBER_START.test(text[end + 1] ?? '')) return false;
  }
  return true;
}

/** Whether `text` may use one of `names` (export names reaching the file: `default`, `x`,
 * a namespace's member), or takes a module's names without naming them. */
export function mayUseNames(text: string, names: Iterable<string>): boolean {
  if (UNNAMED.test(text)) return true;
  for (const match of text.matchAll(NAMESPACE_IMPORT)) {
    const local = match[1]!;
    if (!readsOnlyMembers(text, local, match.index + match[0].length - local.length)) return true;
  }
  for (const name of names) {
    if (WHOLE_NAMES.has(name)) return true;
    if (IDENTIFIER.test(name) ? hasWord(text, name) : text.includes(name)) return true;
  }
  return false;
}
