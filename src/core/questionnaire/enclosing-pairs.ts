// The words in a row around a change: the declarations that enclose its hunks (the function, class,
// method or test a hunk is inside of, each with the comment just above it; the headings a Markdown
// hunk is under). A motivation names what the changed function does in the words its name and doc
// comment use ("the progress bar" of a hunk inside `/** Draws the progress bar */ function render`),
// which the changed lines need not hold. Pairs, not single words: a single word of a file's
// declarations is met by any explanation of the same repository (tune splits: own +2 for
// other-commit -22), words in a row seldom are (docs/questionnaire.md, "A twentieth corpus").
// Pure: the caller reads the files' texts.

import { wordPairsOf } from './change-vocabulary.js';

export interface FileText {
  readonly path: string;
  /** The file as the change leaves it. */
  readonly text: string;
}

/** Past this many characters a file is not read further, past this many hunks a file's others are
 * not walked, past this many files the others are not read: the pairs stay cheap on a large change. */
const MAX_FILE_CHARS = 300_000;
const MAX_FILES = 100;
/** Files with no declarations to read, often large: images, archives, fonts, lock files. */
const UNREAD =
  /\.(?:png|jpe?g|gif|ico|webp|bmp|pdf|zip|gz|tgz|br|woff2?|ttf|otf|eot|mp[34]|webm|wasm|jar|lock|map|snap)$|(?:^|\/)(?:package-lock\.json|pnpm-lock\.yaml)$/i;
const MAX_HUNKS = 40;
/** How far above a hunk its enclosing declarations are looked for. */
const MAX_WALK_LINES = 2_000;
/** How many comment lines above a declaration are its doc comment. */
const MAX_DOC_LINES = 12;
const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)/;
/** A line that opens a declaration: a function, class, interface, type, enum, a `const x =`, a
 * method (`  parse(text) {`), a test (`describe('lerna import', …)`), a Python or Go one. */
const OPENS =
  /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:(?:function\*?|class|interface|type|enum|namespace|def|fn|func|const|let|var)\s+[\p{L}_$]|(?:(?:static|private|public|protected|readonly|get|set)\s+)*[\p{L}_$][\p{L}\p{N}_$]*\s*\([^;]*\)[^;]*\{\s*$|(?:describe|it|test|suite|context)(?:\.\w+)?\s*\()/u;
const COMMENT = /^\s*(?:\/\/|\/\*|\*|#(?!#))/;
const HEADING = /^(#{1,6})\s+\S/;
const isMarkdown = (path: string) => /\.(?:md|mdx|markdown)$/i.test(path);
const indentOf = (line: string) => line.length - line.trimStart().length;

/** The changed paths whose texts the hook, CI and the corpus harness read for their enclosing declarations. */
export function selectTextPaths(paths: readonly string[]): string[] {
  return paths.filter((path) => !UNREAD.test(path)).slice(0, MAX_FILES);
}

/** The new-side line (1-based) of each hunk of each file of a zero-context patch; a hunk that
 * only removes lines (`+12,0`) gives the line before them, inside the same declaration. */
function readHunkLines(patch: string): Map<string, number[]> {
  const byPath = new Map<string, number[]>();
  let lines: number[] | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      const path = /^diff --git a\/.* b\/(.*)$/.exec(line)?.[1];
      lines = path === undefined ? undefined : [];
      if (path !== undefined) byPath.set(path, lines!);
    } else if (lines !== undefined && line.startsWith('@@') && lines.length < MAX_HUNKS) {
      const match = HUNK_HEADER.exec(line);
      if (match !== null) lines.push(Math.max(1, Number(match[1])));
    }
  }
  return byPath;
}

/** The headings a Markdown line is under, nearest first. */
function headingsAbove(lines: readonly string[], at: number): string[] {
  const found: string[] = [];
  let level = 7;
  for (let i = at; i >= 0 && level > 1; i--) {
    const heading = HEADING.exec(lines[i]!);
    if (heading !== null && heading[1]!.length < level) {
      found.push(lines[i]!);
      level = heading[1]!.length;
    }
  }
  return found;
}

/** The lines of the declarations enclosing line `at` (0-based), innermost first, each with its doc
 * comment: each line above that is less indented than the last one taken and opens a declaration. */
function declarationsAbove(lines: readonly string[], at: number): string[] {
  const found: string[] = [];
  let start = at;
  while (start > 0 && lines[start]!.trim() === '') start--;
  let indent = indentOf(lines[start]!) + 1;
  for (let i = start; i >= 0 && start - i < MAX_WALK_LINES && indent > 0; i--) {
    const line = lines[i]!;
    const lineIndent = indentOf(line);
    if (lineIndent >= indent || lineIndent === line.length) continue;
    indent = OPENS.test(line) ? lineIndent : lineIndent + 1;
    if (indent !== lineIndent) continue;
    found.push(line);
    for (let j = i - 1; j >= 0 && i - j <= MAX_DOC_LINES && COMMENT.test(lines[j]!); j--) found.push(lines[j]!);
  }
  return found;
}

/** The word pairs (wordPairsOf, inside identifiers too) of the declarations enclosing each hunk. */
export function readEnclosingPairs(files: readonly FileText[], patch: string): Set<string> {
  const pairs = new Set<string>();
  const hunks = readHunkLines(patch);
  for (const file of files) {
    const at = hunks.get(file.path);
    if (at === undefined || at.length === 0 || file.text.includes('\0')) continue;
    const lines = (file.text.length > MAX_FILE_CHARS ? file.text.slice(0, MAX_FILE_CHARS) : file.text).split('\n');
    const above = isMarkdown(file.path) ? headingsAbove : declarationsAbove;
    for (const line of at) for (const text of above(lines, Math.min(line, lines.length) - 1)) wordPairsOf(text, pairs, true);
  }
  return pairs;
}
