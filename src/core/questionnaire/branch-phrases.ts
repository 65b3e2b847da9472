import type { MemberChanges } from './changed-members.js';

// The branches a change adds, removes or rewrites, as a question quotes them: "a new branch
// `if (!session.active)`", "the branch `if (a || b)` now `if (a)`".

/** A condition longer than this is no name a question can quote. */
const MAX_CONDITION = 60;

/** A condition as its branch is written: `if (a)`, a conditional expression's `a ? …`, markup's
 * `canWrite && …`, or a `switch`'s `case 'd1':`. */
const branchOf = (condition: string) =>
  condition.endsWith(' ?') || condition.endsWith(' &&')
    ? `\`${condition} …\``
    : /^case .*:$/s.test(condition)
      ? `\`${condition}\``
      : `\`if (${condition})\``;

/** A long condition with its calls' arguments left out, longest first, till it is short enough:
 * capacitor 790bd27123's `if (isSPM && fileContent.includes('[NSBundle mainBundle] URLForResource'))`
 * is `if (isSPM && fileContent.includes(…))`; unchanged where no group can go. */
function shortenCondition(condition: string): string {
  let shown = condition;
  while (shown.length > MAX_CONDITION) {
    const groups = [...shown.matchAll(/\(([^()]+)\)/g)].filter((g) => g[1] !== '…');
    if (groups.length === 0) return condition;
    const longest = groups.reduce((a, b) => (b[1]!.length > a[1]!.length ? b : a));
    shown = `${shown.slice(0, longest.index)}(…)${shown.slice(longest.index! + longest[0].length)}`;
  }
  return shown;
}

/** "a new branch `if (!session.active)`", "2 new branches `if (this._stopReading)`" (the same
 * condition twice), "new branches `if (a)` and 1 more" (one too long to quote); none for more than
 * two conditions (a rewrite). */
export function branchesOf(changes: MemberChanges): string {
  const unique = [...new Set(changes.branches.map(shortenCondition))];
  const short = unique.filter((c) => c.length <= MAX_CONDITION);
  // Branches only added, none lost, are no rewrite however many: the first two, counted (hatchet
  // 33106f82cb's `proxy` gains three, and was told by its new locals `pathname` and `mdPath`).
  if (unique.length > 2 && (changes.lostBranches ?? []).length === 0 && short.length >= 2)
    return `new branches ${short.slice(0, 2).map(branchOf).join(', ')} and ${unique.length - 2} more`;
  if (unique.length > 2 || short.length === 0) return '';
  const named = short.map(branchOf).join(' and ');
  if (unique.length === 1)
    return changes.branches.length === 1 ? `a new branch ${named}` : `${changes.branches.length} new branches ${named}`;
  return `new branches ${named}${short.length < unique.length ? ' and 1 more' : ''}`;
}

/** "the branch `if (failIfResolveFails)` removed": one or two conditions gone, each short. */
function lostBranchesOf(changes: MemberChanges): string {
  const unique = [...new Set((changes.lostBranches ?? []).map(shortenCondition))];
  if (unique.length === 0 || unique.length > 2 || unique.some((c) => c.length > MAX_CONDITION)) return '';
  return `the branch${unique.length > 1 ? 'es' : ''} ${unique.map(branchOf).join(' and ')} removed`;
}

/** "the branch `if (a || b)` now `if (a)`": one condition gone and one come, each short, is one
 * branch rewritten (jose 3f871e78's `importJWK` accepts an empty `k`). */
function rewrittenBranch(changes: MemberChanges): string[] | undefined {
  // Counted: three new `if (name in this.properties)` for one lost (mobx-state-tree aeb4e8a6) are three.
  let [gained, lost] = [changes.branches, changes.lostBranches ?? []].map((side) => side.map(shortenCondition));
  // One condition rewritten the same way in several places is one edit, counted (hatchet b7fbd79a05
  // adds `hasExistingManagedWorkers` to both `isControlPlaneEnabled && …` of its page).
  const times = gained!.length === lost!.length && new Set(gained).size === 1 && new Set(lost).size === 1 ? gained!.length : 1;
  if (times > 1) [gained, lost] = [gained!.slice(0, 1), lost!.slice(0, 1)];
  if (gained!.length !== 1 || lost!.length !== 1 || [...gained!, ...lost!].some((c) => c.length > MAX_CONDITION)) return undefined;
  // Shortened, a side may hide what changed: homarr 2f6b96e5ba's `includes("integration-create")`
  // became `includes(…)`; the branch is told with the part that differs.
  const edit = [lost![0]!, gained![0]!].some((c) => c.includes('(…)'))
    ? editOfConditions(changes.lostBranches![0]!, changes.branches[0]!)
    : '';
  return [
    `the branch ${branchOf(lost![0]!)}${edit === '' ? ` now ${branchOf(gained![0]!)}` : edit}${times > 1 ? ` (${times} times)` : ''}`,
  ];
}

/** Characters an edit's side may run to where a question quotes it. */
const MAX_PART = 40;
/** Where a part of a condition may start or end: not inside a name, a number or a string. */
const isCut = (text: string, at: number) =>
  at <= 0 || at >= text.length || !/[\w$"'.-]/.test(text[at - 1]!) || !/[\w$"'.-]/.test(text[at]!);

/** ": `a` → `b`", the part two conditions differ in, from and to a token's edge; empty when long or none. */
function editOfConditions(before: string, after: string): string {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  while (start > 0 && !(isCut(before, start) && isCut(after, start))) start--;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.at(-1 - end) === after.at(-1 - end)) end++;
  while (end > 0 && !(isCut(before, before.length - end) && isCut(after, after.length - end))) end--;
  const [was, now] = [before.slice(start, before.length - end).trim(), after.slice(start, after.length - end).trim()];
  if (was === now || was.length > MAX_PART || now.length > MAX_PART || `${was}${now}`.includes('`')) return '';
  return was === '' ? ` now with \`${now}\`` : now === '' ? ` now without \`${was}\`` : `: \`${was}\` → \`${now}\``;
}

/** The branch phrases of a piece's change: one branch rewritten, or those gained and those lost. */
export const describeBranches = (changes: MemberChanges): string[] =>
  rewrittenBranch(changes) ?? [branchesOf(changes), lostBranchesOf(changes)];
