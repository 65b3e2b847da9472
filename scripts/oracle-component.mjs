// A component file (.vue, .svelte) is no file of the oracle's language service: its code sits in
// <script> blocks among markup. For go-to-definition's second look at a component selfreview
// lists as a user, the oracle reads it as a code file of its own: the text of its <script> blocks
// where they stand, everything else blanked (line numbers kept), under `<file>.ts` (or `.js`),
// the name TypeScript itself tries when a module imports `./X.vue`.

export const COMPONENT = /\.(?:vue|svelte)$/;
const SCRIPT = /(<script\b([^>]*)>)([\s\S]*?)<\/script\s*>/g;

/** The text of `text`'s <script> blocks at their own offsets, all else spaces; undefined without one. */
export function scriptText(text) {
  let out = '';
  let at = 0;
  let found = false;
  const blank = (s) => s.replace(/[^\n]/g, ' ');
  for (const match of text.matchAll(SCRIPT)) {
    const start = match.index + match[1].length;
    out += blank(text.slice(at, start)) + match[3];
    at = start + match[3].length;
    found = true;
  }
  return found ? out + blank(text.slice(at)) : undefined;
}

/** The code file the oracle reads for a component: `{ path, text }`, or undefined without <script>. */
export function componentCode(file, text) {
  const script = scriptText(text);
  if (script === undefined) return undefined;
  const isTs = [...text.matchAll(SCRIPT)].some((m) => /\blang\s*=\s*["']?ts/.test(m[2]));
  return { path: `${file}.${isTs ? 'ts' : 'js'}`, text: script };
}
