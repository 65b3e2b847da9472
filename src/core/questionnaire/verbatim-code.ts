import type { ChangeVocabulary } from './change-vocabulary.js';

// Code an answer quotes that the change's own lines hold, character for character: a code span
// with punctuation (`[0]`, `foo.bar()`, `{"allowParens": true}`) found in an added or removed
// line, or a line of a fenced example (the input a test fixture adds, the code as it was) that is
// one of them. Prose about a change names its code with few common words ("we never want to
// break on `[0]`"); the code it quotes is the change itself. A plain identifier is a name and is
// matched as one (connect-to-change.ts); here only what names cannot carry.

const FENCED_BODY = /^[ \t]*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm;
const SPAN = /`([^`\n]+)`/g;
/** Quoted code shorter than this (`()`, `a.b`) is met by chance in any change. */
const MIN_SPAN = 3;
/** A span that is one name (`JSON.stringify`, `close()`, `--watch`, `package.json`, `@scope/pkg`)
 * or words in a row (`ng add`, `new Subscriber`): matched as names and words already, and found in
 * many changes of a repository (tune splits: 0.6% of explanations against another change quote
 * one of those that change holds; code that is more than a name, 0.09%). */
const ONE_NAME = /^[\p{L}\p{N}_$./@:\s-]+(?:\(\))?$/u;
/** A span worth looking for: code that is more than a name, with a letter or digit. */
const isCodeFragment = (span: string) => span.length >= MIN_SPAN && !ONE_NAME.test(span) && /[\p{L}\p{N}]/u.test(span);

/** A changed line shorter than this (`}`, `return;`) says nothing when an answer quotes it. */
const MIN_CODE_LINE = 8;
/** A line of code as an answer may quote it: trimmed, runs of spaces made one. */
const normalizeCodeLine = (line: string) => line.trim().replace(/\s+/g, ' ');

const QUOTABLE = new WeakMap<ChangeVocabulary, { readonly text: string; readonly lines: ReadonlySet<string> }>();
/** The change's lines as one text and as an answer may quote them, made once per vocabulary and
 * only when an answer needs them (most never do, and the vocabulary is built for every review). */
function quotableOf(change: ChangeVocabulary): { readonly text: string; readonly lines: ReadonlySet<string> } {
  let quotable = QUOTABLE.get(change);
  if (quotable === undefined) {
    const lines = new Set<string>();
    for (const line of change.lines) {
      const code = normalizeCodeLine(line);
      if (code.length >= MIN_CODE_LINE) lines.add(code);
    }
    quotable = { text: change.lines.join('\n'), lines };
    QUOTABLE.set(change, quotable);
  }
  return quotable;
}

/** Makes the change's quotable lines ahead of the answers (the hook, while the person reads). */
export function prepareQuotedCode(change: ChangeVocabulary): void {
  quotableOf(change);
}

/** Whether the answer quotes code (a span, or a line of a fenced block) found verbatim among the
 * change's added and removed lines. */
export function quotesChangedCode(text: string, change: ChangeVocabulary): boolean {
  for (const match of text.matchAll(FENCED_BODY))
    for (const line of match[2]!.split('\n')) {
      const code = normalizeCodeLine(line);
      if (code.length >= MIN_CODE_LINE && /\p{L}/u.test(code) && quotableOf(change).lines.has(code)) return true;
    }
  const prose = text.replace(FENCED_BODY, ' ');
  for (const match of prose.matchAll(SPAN)) {
    const span = match[1]!.trim();
    if (isCodeFragment(span) && quotableOf(change).text.includes(span)) return true;
  }
  return false;
}
