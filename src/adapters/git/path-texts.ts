// A path an answer names that no tracked file has may still be one the repository's texts write (the build
// output a package.json names, a link of the docs): `git grep -F -w -i` finds it, reading every file again
// for each such path (~0.3 s on sentry-javascript). The names index (names-index.ts) keeps the texts' words
// written as paths once, and a path is looked for among them with grep's rule for a whole word.

/** The characters a path word is made of (ASCII: a path with other letters is grepped for). */
const PATH_CHARS = /^[\w@./-]+$/;
/** A word character to `git grep -w` (grep.c's word_char: ASCII letters, digits, `_`). */
const WORD_CHAR = /[A-Za-z0-9_]/;
/** Whether the character code is one of PATH_CHARS's. */
const isPathCode = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 45 && code <= 57) || code === 95 || code === 64;

/** Adds the words of `text` written as paths (holding a `/`), lower-cased. A path an answer names holds a `/`
 * (detect-code-names.ts): each `/` of the text is widened to the run of path characters around it, so a
 * pass costs a look at each `/`, not a match of every word. */
export function addPathTexts(text: string, into: Set<string>): void {
  let slash = text.indexOf('/');
  while (slash >= 0) {
    let start = slash;
    while (start > 0 && isPathCode(text.charCodeAt(start - 1))) start--;
    let end = slash + 1;
    while (end < text.length && isPathCode(text.charCodeAt(end))) end++;
    into.add(text.slice(start, end).toLowerCase());
    // The run's other slashes are in this word.
    slash = text.indexOf('/', end);
  }
}

/**
 * Whether `path` (lower-cased) is written in the texts whose path words are `pathTexts`, as `git grep -F -w -i`
 * finds it: inside a word, not preceded nor followed by a word character (ASCII letters, digits, `_`). Undefined when
 * the path holds a character no path word does (a space, a `+`, a letter outside ASCII): only a grep can tell.
 */
export function isWrittenInTexts(path: string, pathTexts: ReadonlySet<string>): boolean | undefined {
  if (!PATH_CHARS.test(path) || !path.includes('/')) return undefined;
  for (const word of pathTexts) {
    for (let at = word.indexOf(path); at >= 0; at = word.indexOf(path, at + 1)) {
      const end = at + path.length;
      if ((at === 0 || !WORD_CHAR.test(word[at - 1]!)) && (end === word.length || !WORD_CHAR.test(word[end]!))) return true;
    }
  }
  return false;
}
