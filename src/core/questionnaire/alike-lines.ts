// A quiz's wrong choices are drawn from the lines near the asked one; a guesser who picks the one
// choice unlike the others must not find the right one that way. jellyfin-web 49468de97e adds a
// `<TextField>`'s `name='HlsAudioSeekStrategy'` and was offered four `<MenuItem …>` lines beside it,
// the right choice the only one of its shape (the odd one out passed every quiz); the file's other
// `name='…'` lines are the choices. Then lines of its kind (markup, prose, code): hatchet ca5a1e21e4
// adds the sentence "Only the organization owner can set up billing. Ask your" among `<span …>` and
// `<div …>` lines.

/** How a line opens: its first name with the mark that follows it (`name=`, `<MenuItem`, `return`,
 * `this.options.retry`); '' for a line that opens with no name. */
export const leadOf = (text: string) => /^[^\w$'"`]*[\w$.]+\s*[=(:]?/.exec(text)?.[0].replace(/\s+/g, '') ?? '';

/** A line's kind as a reader sees it at a glance: a comment, markup (`<span …>`), prose (words
 * and sentence marks alone: a JSX text line), or code. */
const kindOf = (text: string) =>
  /^(?:\/\/|\/\*|\*|#)/.test(text)
    ? 'comment'
    : text.startsWith('<')
      ? 'markup'
      : /^[\p{L}][\p{L}\p{N}\s,.;:!?'’"-]*$/u.test(text)
        ? 'prose'
        : 'code';

/**
 * `lines` (the unchanged lines near the asked one, nearest first) in the order wrong choices are
 * taken: those that open as `asked` does, then those of its kind, one of each opening first (wrong
 * choices that all open alike leave a right one that opens otherwise alone: hatchet 33106f82cb's
 * added comment among four `response.headers.set(…)` lines), then the rest. `norm` gives a line's
 * normalised text; `asked` is normalised.
 */
export function orderAlike(asked: string, lines: readonly string[], norm: (line: string) => string): string[] {
  const openings = new Map<string, string>();
  const openingOf = (line: string) => {
    let lead = openings.get(line);
    if (lead === undefined) openings.set(line, (lead = leadOf(norm(line))));
    return lead;
  };
  const [lead, kind] = [leadOf(asked), kindOf(asked)];
  const same = new Set(lead === '' ? [] : lines.filter((l) => openingOf(l) === lead));
  const kin = lines.filter((l) => !same.has(l) && kindOf(norm(l)) === kind);
  const shown = new Set<string>();
  const firsts = new Set<string>();
  for (const l of kin) {
    if (shown.has(openingOf(l))) continue;
    shown.add(openingOf(l));
    firsts.add(l);
  }
  const kinSet = new Set(kin);
  return [...same, ...firsts, ...kin.filter((l) => !firsts.has(l)), ...lines.filter((l) => !same.has(l) && !kinSet.has(l))];
}
