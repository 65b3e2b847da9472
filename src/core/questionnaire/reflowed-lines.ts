// Lines a formatter moved, not an edit: the quiz asks none of them.

/** A line's text with what formatters change set aside: spaces, commas, semicolons, quote style. */
const squash = (text: string) => text.replace(/[\s,;]+/g, '').replace(/"/g, "'");

/**
 * The lines of a hunk that only a formatter changed: both sides, with spaces, commas and
 * semicolons set aside, read the same from the hunk's start (or back from its end) up to a point
 * where both sides end a line, and the line lies before that point (after it, from the end).
 * `return a + b` against `return a + b + c` is an edit: the sides part inside a line.
 */
export function listReflowed(removed: readonly string[], added: readonly string[]): string[] {
  const sides = [removed, added].map((lines) => {
    const texts = lines.map(squash);
    const ends: number[] = [];
    let at = 0;
    for (const text of texts) ends.push((at += text.length));
    return { lines, text: texts.join(''), ends };
  });
  const [r, a] = sides as [(typeof sides)[0], (typeof sides)[0]];
  let prefix = 0;
  while (prefix < r.text.length && prefix < a.text.length && r.text[prefix] === a.text[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < r.text.length - prefix &&
    suffix < a.text.length - prefix &&
    r.text[r.text.length - 1 - suffix] === a.text[a.text.length - 1 - suffix]
  )
    suffix++;
  // The furthest point within the common part where both sides end a line.
  const shared = (ends: readonly number[], other: readonly number[], limit: number) =>
    Math.max(0, ...ends.filter((end) => end <= limit && other.includes(end)));
  const head = shared(r.ends, a.ends, prefix);
  const fromEnd = (side: typeof r) => side.ends.map((end) => side.text.length - end);
  const tail = shared(
    [0, ...fromEnd(r)].filter((n) => n >= 0),
    [0, ...fromEnd(a)],
    suffix,
  );
  return sides.flatMap((side) =>
    side.lines.filter((line, i) => {
      const end = side.ends[i]!;
      const start = end - squash(line).length;
      return squash(line) !== '' && (end <= head || start >= side.text.length - tail);
    }),
  );
}
