import type { MemberRecord } from './changed-members.js';

// What a function gives back, where that is what changed: dokploy 0be822ef5b's
// `getStackContainersByAppName` returns `[]` in three places where it returned `undefined`, and was
// asked "changed its implementation" with nothing named (no call, branch or local changed).

/** The values a side's touched return statements give more often than the other side's do. */
function moreValues(from: readonly string[], than: readonly string[]): string[] {
  const left = [...than];
  const more: string[] = [];
  for (const value of from) {
    const at = left.indexOf(value);
    if (at >= 0) left.splice(at, 1);
    else if (!more.includes(value)) more.push(value);
  }
  return more;
}

/** The values `owner`'s return statements now give and no longer give, on the lines a hunk touches. */
export function diffReturnedValues(
  oldRecords: readonly MemberRecord[],
  newRecords: readonly MemberRecord[],
  owner: string,
): readonly [gained: readonly string[], lost: readonly string[]] {
  const valuesOf = (records: readonly MemberRecord[]) =>
    records.filter((r) => r.owner === owner && r.name === '').flatMap((r) => r.values ?? []);
  const [before, after] = [valuesOf(oldRecords), valuesOf(newRecords)];
  return [moreValues(after, before), moreValues(before, after)];
}

const MAX_VALUE = 40;
const MAX_VALUES = 2;
/** A template literal is quoted by its text (memos 5192732cee's `getMemoKey` returned
 * `${memo.name}-${memo.updateTime}`), as a changed attribute's template is. */
const unwrapped = (v: string) => (/^`[^`]*`$/.test(v) ? v.slice(1, -1) : v);
const isQuotable = (values: readonly string[]) =>
  values.length <= MAX_VALUES && values.every((v) => v.length <= MAX_VALUE && !unwrapped(v).includes('`'));
const quote = (values: readonly string[]) => values.map((v) => `\`${unwrapped(v)}\``).join(' or ');

/** "now returns `[]` where it returned `undefined`", "now returns `null`", "no longer returns
 * `cached`"; empty where the values are many or long (a rewrite, told otherwise). */
export function describeReturnedValues(returned: readonly [readonly string[], readonly string[]] | undefined): string {
  if (returned === undefined) return '';
  const [gained, lost] = returned;
  if (!isQuotable(gained) || !isQuotable(lost) || gained.length + lost.length === 0) return '';
  if (gained.length > 0 && lost.length > 0) return `now returns ${quote(gained)} where it returned ${quote(lost)}`;
  return gained.length > 0 ? `now returns ${quote(gained)}` : `no longer returns ${quote(lost)}`;
}
