import { Scanner, Token, Undecided } from './raw-scanner.js';

// Whether a file may take one of the names that reach it, read from its imports of the modules
// the names come from, before any parse: the walk's second prefilter, after may-use-names.ts
// (which reads the words of the whole text, so a file importing `{ captureException }` from a
// barrel passes it when `startSpan` is in a comment, or beside `import express from 'express'`).
// A file whose every import of those modules is `import { a, b as c } from`, `import type { … }
// from`, `export { a } from`, a default import, a namespace or a `const m = require()` read only
// through other members (`ns.init()`, `vi.spyOn(ns, 'init')`), or a `const { a } = require()`,
// takes none of the names: its record would give the walk no route. It errs one way only, as
// may-use-names does: every quoted occurrence of such a specifier where an import could stand
// (after `from`, `import` or `require(`) must be one of those forms, or the answer is "may".

const WORD_PART = /[$\p{ID_Continue}\u200c\u200d]/u;
const MEMBER = /^[$_\p{ID_Start}][$\p{ID_Continue}\u200c\u200d]*/u;
// `vi.spyOn(ns, 'name')`, `sinon.stub(ns, 'name')` read the member the string names (trace-uses.ts).
const SPIED = /\b(?:spyOn|stub)\s*\(\s*$/;
const SPIED_MEMBER = /^\s*,\s*(['"])([^'"\\\n]*)\1/;
const INDEXED_MEMBER = /^\[\s*(['"])([^'"\\\n]*)\1\s*\]/;
// A specifier spelled with an escape cannot be found by its text: a string with a backslash right
// after an import's `from`, `import` or `require(` makes the answer "may".
// A `/// <reference path>` imports without an import statement (a directive needs the three
// slashes: TypeScript's own pattern, leading-references.ts; `// <reference lib>` is a comment).
const REFERENCE = /\/\/\/\s*<reference/;
const ESCAPED_SPECIFIER = /\b(?:from|import|require)\s*\(?\s*['"`][^'"`\n]*\\/;
/** Whether an import could stand at the quote at `at`: after `from`, `import`, `require(`,
 * `import(`, `require?.(` or `module` on its line; also after a comment's end or at the start of a line
 * (what comes before is not read: `from // …` on the line above). */
function isImportPosition(text: string, at: number): boolean {
  let end = at;
  const skipBlanks = () => {
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  };
  skipBlanks();
  if (end === 0 || text[end - 1] === '\n' || text[end - 1] === '\r' || text.startsWith('*/', end - 2)) return true;
  if (text[end - 1] === '(') {
    end--;
    skipBlanks();
    if (text.startsWith('?.', end - 2)) end -= 2;
    skipBlanks();
    if (end === 0 || text[end - 1] === '\n' || text[end - 1] === '\r' || text.startsWith('*/', end - 2)) return true;
    return wordBefore(text, end) === 'require' || wordBefore(text, end) === 'import';
  }
  // `declare module 'x' { … }` in a module reads x's exports unnamed (augmented-names.ts).
  return wordBefore(text, end) === 'from' || wordBefore(text, end) === 'import' || wordBefore(text, end) === 'module';
}

function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && WORD_PART.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

/** Where `specifier` stands quoted in `text` where an import could (comments and all). */
function importQuotesOf(text: string, specifier: string): number[] {
  const found: number[] = [];
  for (const quote of ['"', "'", '`']) {
    const quoted = quote + specifier + quote;
    for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) if (isImportPosition(text, at)) found.push(at);
  }
  return found;
}

/** Every use of `local` (as a word) outside its own import (`from`..`to`) and line comments reads a
 * member not in `names`: `local.member`, `local['member']`, `spyOn(local, 'member')`. */
function readsOtherMembers(text: string, local: string, [from, to]: readonly [number, number], names: ReadonlySet<string>): boolean {
  for (let at = text.indexOf(local); at >= 0; at = text.indexOf(local, at + 1)) {
    const end = at + local.length;
    if (at > 0 && WORD_PART.test(text[at - 1]!)) continue;
    if (end < text.length && WORD_PART.test(text[end]!)) continue;
    if ((at >= from && at < to) || isCommentLine(text, at)) continue;
    const after = text.slice(end, end + 200);
    const member =
      text[end] === '.'
        ? MEMBER.exec(after.slice(1))?.[0]
        : (INDEXED_MEMBER.exec(after)?.[2] ??
          (SPIED.test(text.slice(Math.max(0, at - 40), at)) ? SPIED_MEMBER.exec(after)?.[2] : undefined));
    if (member === undefined || names.has(member)) return false;
  }
  return true;
}

/** Whether the line holding `at` is a `//` comment and nothing else: it starts (after blanks) with
 * `//`, and holds no character that could end the comment's text early or carry code on it (a
 * template's backtick or `${`, JSX's `{` or `<`, a block comment's end), and the line before does
 * not end with `\\` (a string going on). Then nothing on it is code, whatever the line before
 * opened: in code `//` starts a comment (no regular expression is empty); in a block comment,
 * a template's text or JSX text it is text. `// Create a Sentry reporter` names no member. */
function isCommentLine(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && !LINE_END.test(text[start - 1]!)) start--;
  let code = start;
  while (text[code] === ' ' || text[code] === '\t') code++;
  if (!text.startsWith('//', code)) return false;
  let end = at;
  while (end < text.length && !LINE_END.test(text[end]!)) end++;
  if (COMMENT_CARRIES.test(text.slice(code, end))) return false;
  let before = start - 1;
  if (text[before] === '\n' && text[before - 1] === '\r') before--;
  return before <= 0 || text[before - 1] !== '\\';
}

const LINE_END = /[\n\r\u2028\u2029]/;
const COMMENT_CARRIES = /[`{<]|\*\//;

/** One import of a module: where its specifier's quote starts, and what it takes. */
interface Statement {
  readonly quote: number;
  readonly specifier: string;
  /** Every word of its braces (imported and local names, `type`, `as`), and 'default' for a default import. */
  readonly words: readonly string[];
  /** `import * as ns`, `const ns = require()`: the namespace's name. */
  readonly namespace?: string;
  /** Where the statement starts and ends (its specifier's closing quote). */
  readonly span: readonly [number, number];
}

const wordAt = (scanner: Scanner) => scanner.text.slice(scanner.start, scanner.pos);
const isOther = (scanner: Scanner, text: string) => scanner.token === Token.Other && wordAt(scanner) === text;

/** `{ a, b as c }` (an import's braces) or `{ a, b: c }` (a require's pattern, `colon`): its words,
 * or null for another form (a string name, a default value, `...rest`). The `{` is read. */
function readBraces(scanner: Scanner, words: string[], isPattern: boolean): boolean {
  for (let token = scanner.scan(); token !== Token.CloseBrace; token = scanner.scan()) {
    if (token === Token.Word) words.push(wordAt(scanner));
    else if (token !== Token.Comma && !(isPattern && isOther(scanner, ':'))) return false;
  }
  return true;
}

/** The statement starting at the current `import` or `export` word, or null when it is another form. */
function readStatement(scanner: Scanner, isImport: boolean): Statement | null {
  const start = scanner.start;
  const words: string[] = [];
  let namespace: Statement['namespace'];
  let token = scanner.scan();
  if (scanner.isWord('type') && scanner.lookAhead(() => scanner.scan() !== Token.Word || !scanner.isWord('from'))) token = scanner.scan();
  if (isImport && token === Token.Word && !scanner.isWord('from')) {
    words.push('default');
    token = scanner.scan();
    if (token !== Token.Comma) return token === Token.Word && scanner.isWord('from') ? finish(scanner, start, words) : null;
    token = scanner.scan();
  }
  if (isImport && token === Token.Asterisk) {
    if (scanner.scan() !== Token.Word || !scanner.isWord('as') || scanner.scan() !== Token.Word) return null;
    namespace = wordAt(scanner);
    token = scanner.scan();
  } else if (token === Token.OpenBrace) {
    if (!readBraces(scanner, words, false)) return null;
    token = scanner.scan();
  } else return null;
  if (token !== Token.Word || !scanner.isWord('from')) return null;
  return finish(scanner, start, words, namespace);
}

function finish(scanner: Scanner, start: number, words: string[], namespace?: string): Statement | null {
  if (scanner.scan() !== Token.String) return null;
  const span = [start, scanner.pos] as const;
  return { quote: scanner.start, specifier: scanner.stringValue(), words, span, ...(namespace !== undefined && { namespace }) };
}

/** `const m = require('x')` or `const { a, b: c } = require('x')` from the current `const`,
 * `let` or `var`, ended there (`;`, `,`, `}` or a new statement: not `require('x').a`, `as`). */
function readRequire(scanner: Scanner): Statement | null {
  const start = scanner.start;
  const words: string[] = [];
  let namespace: string | undefined;
  const token = scanner.scan();
  if (token === Token.Word) namespace = wordAt(scanner);
  else if (token !== Token.OpenBrace || !readBraces(scanner, words, true)) return null;
  if (scanner.scan() !== Token.Equals || scanner.scan() !== Token.Word || !scanner.isWord('require')) return null;
  if (scanner.scan() !== Token.OpenParen || scanner.scan() !== Token.String) return null;
  const [quote, specifier] = [scanner.start, scanner.stringValue()];
  const span = [start, scanner.pos] as const;
  if (scanner.scan() !== Token.Other || wordAt(scanner) !== ')') return null;
  const after = scanner.scan();
  const isEnd =
    after === Token.End ||
    after === Token.Comma ||
    after === Token.CloseBrace ||
    isOther(scanner, ';') ||
    (after === Token.Word && !['as', 'satisfies', 'in', 'instanceof'].some((word) => scanner.isWord(word)));
  return isEnd ? { quote, specifier, words, span, ...(namespace !== undefined && { namespace }) } : null;
}

/** Whether `text` may take one of the names of `taken` (`specifier\0name`: a name that reaches
 * the file through its imports of that specifier). */
export function mayTakeNames(text: string, taken: readonly string[]): boolean {
  if (REFERENCE.test(text) || ESCAPED_SPECIFIER.test(text)) return true;
  const namesOf = new Map<string, Set<string>>();
  for (const pair of taken) {
    const cut = pair.lastIndexOf('\0');
    const [specifier, name] = [pair.slice(0, cut), pair.slice(cut + 1)];
    if (name === '*' || name === 'export=') return true;
    const names = namesOf.get(specifier);
    if (names === undefined) namesOf.set(specifier, new Set([name]));
    else names.add(name);
  }
  const quotes = [...namesOf.keys()].flatMap((specifier) => importQuotesOf(text, specifier));
  if (quotes.length === 0) return false;
  // Statements are read up to the last quote: imports come first, nothing after it can be one.
  const last = Math.max(...quotes);
  const read = new Set<number>();
  const scanner = new Scanner(text);
  try {
    let previous = Token.End;
    for (let token = scanner.scan(); token !== Token.End && scanner.start <= last; token = scanner.scan()) {
      // A template's text is no code: its quotes stay unread ("may").
      if (token === Token.TemplateHead) return true;
      if (token === Token.Word && previous !== Token.Dot) {
        const isImport = scanner.isWord('import');
        const statement =
          isImport || scanner.isWord('export')
            ? readStatement(scanner, isImport)
            : scanner.isWord('const') || scanner.isWord('let') || scanner.isWord('var')
              ? readRequire(scanner)
              : undefined;
        if (scanner.token === Token.TemplateHead) return true;
        const names = statement ? namesOf.get(statement.specifier) : undefined;
        if (statement && names !== undefined) {
          if (statement.words.some((word) => names.has(word))) return true;
          const ns = statement.namespace;
          if (ns !== undefined && !readsOtherMembers(text, ns, statement.span, names)) return true;
          read.add(statement.quote);
        }
      }
      previous = scanner.token;
    }
  } catch (error) {
    if (error instanceof Undecided) return true;
    throw error;
  }
  return quotes.some((at) => !read.has(at));
}
