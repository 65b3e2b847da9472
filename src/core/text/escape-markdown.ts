import { sanitizeForTerminal } from './sanitize.js';

// Repository text (commit subjects, file names) in a Markdown job summary or PR comment. A
// subject is the author's to write: `<img src=//tracker>`, `[click](javascript:…)`, a `|` that
// breaks the table, a backtick run that swallows the row, or an escape sequence for whoever
// `cat`s the file. Control characters become visible escapes; the punctuation that Markdown,
// GitHub's extensions (tables, strikethrough, math) or HTML give a meaning to inside a line is
// backslash-escaped (CommonMark: a backslash makes any ASCII punctuation literal), so the text
// renders as exactly the characters it holds. Line-start syntax (`#`, `-`, `>`) cannot occur: one
// line, in a cell. `#123` is left alone: GitHub links it to the pull request, as a reader expects.

const SPECIAL = /[\\`*_[\]<>|~&$]/g;

/** Text that renders literally in a Markdown paragraph or table cell, on one line. */
export function escapeMarkdown(text: string): string {
  return sanitizeForTerminal(text).replace(SPECIAL, (ch) => `\\${ch}`);
}
