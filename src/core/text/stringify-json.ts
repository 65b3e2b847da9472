// JSON output (reports, SARIF) is read by programs, and by people through `cat` and `jq -r`.
// JSON.stringify escapes U+0000-U+001F but leaves DEL and the C1 controls (U+0080-U+009F, some
// terminals act on U+009B as CSI) raw, and U+2028/U+2029, which end a line in JavaScript source.
// Written as \u escapes they are the same JSON value, inert in any viewer.

const RAW = /[\u007f-\u009f\u2028\u2029]/g;
// NOTE: a replace with a callback costs ~20 ms on a 2 MB report even when nothing matches; a
// test (no `g`: no lastIndex kept between calls) costs ~2 ms (docs/speed.md, round 44).
const HAS_RAW = /[\u007f-\u009f\u2028\u2029]/;

/** JSON.stringify, with the characters above written as \u escapes. */
export function stringifyJson(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent);
  return HAS_RAW.test(text) ? text.replace(RAW, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}
