// Example code in an explanation is not a claim about the repository: a fenced block
// shows the input a tool was given, its output, a log or profile excerpt, or the code as it was
// before ("The current output of ```[...a, , ...b]``` because flow parses it as
// ```ArrayExpression(SpreadExpression, null, SpreadExpression)```"); inside a code span, a string
// literal (`jestReactNative('TouchableHighlight')`, `{"allowParens": true}`), a placeholder
// (`--inspect-brk=<random_port>`) and a comment (`//.prettierrc.js`) are values, not names. Their
// names are not looked up; the prose around them must still name the change and connect to it.
// (Indented blocks were tried too: on the seven tune splits they gained no explanation.)

const FENCED = /^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gm;
const STRING = /'[^'\n]*'|"[^"\n]*"/g;
const PLACEHOLDER = /<[\w.-]+>|\$\{[^}\n]*\}/g;

/** A code span with its values (strings, placeholders) left out; a comment span left out whole. */
function withoutSpanValues(span: string): string {
  const inner = span.slice(1, -1).trim();
  if (/^(\/\/|\/\*|#\s)/.test(inner)) return '` `';
  // A span that is one quoted string keeps its quotes: the rules already read it as no name.
  if (/^(['"]).*\1$/.test(inner) && !/[,:(]/.test(inner)) return span;
  return '`' + inner.replace(STRING, ' ').replace(PLACEHOLDER, ' ') + '`';
}

/** Words of prose around a fenced block for the block to be its example: an answer fenced whole,
 * or behind a word or two ("Fix:"), is judged as written, its names looked up. */
const MIN_PROSE_WORDS = 8;

/** The prose of an answer, fenced blocks left out, when it explains on its own; else the answer. */
export function proseOf(text: string): string {
  const prose = text.replace(/\r\n/g, '\n').replace(FENCED, '\n');
  return (prose.match(/\p{L}{2,}/gu) ?? []).length >= MIN_PROSE_WORDS ? prose : text;
}

/** The prose (proseOf) without the values of its code spans: what its names are looked up from. */
export function withoutSpanValuesIn(prose: string): string {
  return prose.replace(/`[^`\n]+`/g, withoutSpanValues);
}
