import type { MemberRecord } from './changed-members.js';

/** The records of one name of one declaration, on one side. */
const named = (records: readonly MemberRecord[], owner: string, name: string) =>
  records.filter((r) => r.owner === owner && r.name === name);

/** Keys of one name where every old record of it is still there: one more call is given it (consola
 * 9f7a22a's `initialValue`, now passed to `select` too), or the object a function returns now passes
 * on a local of that name (jsonforms fea2b3a6c1's `mapStateToLayoutProps` returns `config`, and was
 * told "`getConfig(state)` → `getConfig(state) config`"); the name itself did not change. */
export function isKeyGained(
  oldRecords: readonly MemberRecord[],
  newRecords: readonly MemberRecord[],
  owner: string,
  name: string,
): boolean {
  const [was, left] = [named(oldRecords, owner, name), named(newRecords, owner, name)];
  const kept = was.every((r) => {
    const at = left.findIndex((n) => n.hash === r.hash);
    return at !== -1 && left.splice(at, 1).length === 1;
  });
  // A shorthand `{ config }` is recorded by its text alone, the name.
  const isPassedOn = (r: MemberRecord) => r.isKey === true || (r.text === name && was.length > 0);
  return kept && left.every(isPassedOn) && (left.length > 0 || was.every((r) => r.isKey === true));
}

/** A local the function now hands on as a shorthand key (`return { …, config }`): a piece added. */
export function isLocalPassedOn(
  oldRecords: readonly MemberRecord[],
  newRecords: readonly MemberRecord[],
  owner: string,
  name: string,
): boolean {
  const [was, now] = [named(oldRecords, owner, name), named(newRecords, owner, name)];
  return (
    was.length > 0 &&
    !was.some((r) => r.text === name) &&
    now.some((r) => r.text === name) &&
    isKeyGained(oldRecords, newRecords, owner, name)
  );
}
