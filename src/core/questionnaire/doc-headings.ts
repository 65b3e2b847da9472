// The section headings a change adds to a Markdown document (react-three-fiber's pitfalls page
// gains "## Shader material uniforms"): what a docs question can name instead of the file alone.

const HEADING = /^#{1,6}\s+(.+?)\s*#*$/;
const FENCE = /^(```|~~~)/;
const MAX_HEADING = 80;

/** Headings of the added lines of an edit (same-edit.ts's text: "+line", "-line", "@@"), outside
 * the code fences the added lines open, in order, each once. */
export function listAddedHeadings(edit: string): string[] {
  const out: string[] = [];
  let inFence = false;
  for (const line of edit.split('\n')) {
    if (!line.startsWith('+')) continue;
    const text = line.slice(1);
    if (FENCE.test(text)) inFence = !inFence;
    else if (!inFence) {
      const heading = HEADING.exec(text)?.[1];
      if (heading !== undefined && heading.length <= MAX_HEADING && !out.includes(heading)) out.push(heading);
    }
  }
  return out;
}
