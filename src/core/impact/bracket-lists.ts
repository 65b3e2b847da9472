// Lists and brackets of a shape's text (`<T, E = never>(value: T)`): `<…>` nests, `=>` closes nothing.

/** A shape's text with its comments out and its spaces folded. */
export const plain = (shape: string) =>
  shape
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Splits a list's text at its top-level commas (brackets and `<…>` nest; `=>` closes nothing). */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('([{<'.includes(c)) depth++;
    else if (')]}'.includes(c) || (c === '>' && text[i - 1] !== '=')) depth--;
    else if (c === ',' && depth === 0) {
      items.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  items.push(text.slice(from).trim());
  return items.filter((item) => item !== '');
}

/** The index of the bracket closing the one opened at `open`, or -1. */
export function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if ('([{<'.includes(c)) depth++;
    else if (')]}'.includes(c) || (c === '>' && text[i - 1] !== '=')) depth--;
    if (depth === 0) return i;
  }
  return -1;
}
