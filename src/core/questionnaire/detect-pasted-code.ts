// A pasted diff or snippet shows the change instead of explaining it. Hunks lose their `@@`
// header when copied from a review tool, so lines are judged one by one: a line is code when
// it reads like a statement, not when it merely starts with "-" (a bullet, a `--flag`).
// Code in backticks is a name inside an explanation and never counts.

const HEADER = /^(diff --git |@@ -\d+(,\d+)? \+\d+|index [0-9a-f]{7,}\.\.[0-9a-f]{7,}|\+\+\+ [ab]\/|--- [ab]\/)/;
const KEYWORD =
  /^\s*(import|export|const|let|var|function|return|if\s*\(|for\s*\(|while\s*\(|class|def|public|private|protected|#include|package|using|async|await|throw|try|catch|else)\b/;
const CALL_ONLY = /^\s*[\w.$]+\s*\(.*\)\s*;?\s*$/;
/** A diff marker: "+x" or "-x", but not "--flag", "- bullet", "-v  short flag". */
const MARKER = /^[+-](?![-+\s])(?!\w{1,2}[\s:,=])/;

/** A Markdown list item ("* fixed failing test;"): a diff never starts a line with "* ". */
const LIST_ITEM = /^\s*\*\s+\p{L}/u;

const plainWords = (line: string) => (line.replace(/`[^`]*`/g, ' ').match(/\b\p{L}{3,}\b/gu) ?? []).length;

function isCodeLine(line: string): boolean {
  const isListItem = LIST_ITEM.test(line);
  const body = line
    .replace(/^[+-](?=[\s\w({}])/, '')
    .replace(/`[^`]*`/g, 'x')
    .trimEnd();
  if (body.trim() === '') return false;
  if (KEYWORD.test(body) && /[=({;:]|\bfrom\b/.test(body)) return true;
  if (/=>|===|!==|&&|\|\|/.test(body)) return true;
  // A sentence may end with ";" or a type in braces ("DeepPartial with any and {[k: string]: any}").
  const isProse = isListItem || (plainWords(body) >= 4 && !/[=(]/.test(body));
  if (!isProse && (/[;{}]\s*$/.test(body) || /^\s*[}\])]/.test(body))) return true;
  if (isListItem) return false;
  if (CALL_ONLY.test(body) && !/\s\p{Ll}+\s\p{Ll}+\s/u.test(body)) return true;
  if (/^\s*<\/?[A-Za-z][\w.-]*(\s[^>]*)?\/?>\s*$/.test(body)) return true;
  const symbols = body.replace(/[^{}()[\];=<>]/g, '').length;
  return body.length > 8 && symbols / body.length > 0.12;
}

export function isPastedCode(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  if (lines.some((l) => HEADER.test(l))) return true;
  const marked = lines.filter((l) => MARKER.test(l)).length;
  if (marked >= 3 && marked * 2 >= lines.length) return true;
  const code = lines.filter(isCodeLine);
  if (lines.length === 1) return code.length === 1 && plainWords(lines[0]!) < 4;
  return code.length >= 2 && code.length * 2 >= lines.length;
}
