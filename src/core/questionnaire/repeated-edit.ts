import { editShape, formatTokenEdit } from './same-edit.js';

/** Characters of a line quoted whole, at most. */
const MAX_QUOTED = 60;

/** " (`<v-tooltip bottom>` → `<v-tooltip location="bottom">`, 9 times)": one short edit made in
 * every hunk, or in most of them (jsonforms e3d804db32 moves a Vuetify tooltip's `bottom` to
 * `location="bottom"` across a dev app's settings page, and the page was told by nothing). */
export function describeRepeatedEdit(edit: string): string {
  const texts = edit.split('\n@@\n');
  const hunks = texts.map((hunk) => editShape(hunk));
  const counts = new Map<string, number>();
  for (const hunk of hunks) if (hunk?.shown !== undefined) counts.set(hunk.key, (counts.get(hunk.key) ?? 0) + 1);
  const [key, count] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  if (count < 2 || count * 2 < hunks.length) return '';
  // One line for one, the same in each hunk, is quoted as written: markup read as code tokens is
  // "`tooltip bottom` → `tooltip location = "bottom"`".
  const same = new Set(texts.filter((_, i) => hunks[i]?.key === key));
  const [line] = same.size === 1 ? [...same] : [];
  const pair = line?.split('\n');
  const whole =
    pair?.length === 2 &&
    pair[0]!.startsWith('-') &&
    pair[1]!.startsWith('+') &&
    pair.every((l) => l.length <= MAX_QUOTED && !l.includes('`'))
      ? (pair.map((l) => l.slice(1).trim()) as [string, string])
      : undefined;
  const shown = formatTokenEdit(whole ?? hunks.find((hunk) => hunk?.key === key)!.shown!).slice(2, -1);
  const others = hunks.length - count;
  return ` (${shown}, ${count} times${others === 0 ? '' : ` beside ${others} other ${others === 1 ? 'edit' : 'edits'}`})`;
}
