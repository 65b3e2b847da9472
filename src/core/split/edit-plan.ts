import type { FileChange } from '../change/staged-change.js';
import { countedFiles, countedLines, fitsBudget, type SplitGroup, type SplitPlan } from './split-plan.js';
import { compareText } from '../text/compare-text.js';

// The author's edits of a plan (`split -i`): move a file to another group (or a new one), merge
// two groups, rename a group. Each returns a new plan; measures are recomputed, an emptied group
// disappears and the numbers in `dependsOn` follow the groups they named.

function measured(group: SplitGroup, files: readonly FileChange[], budget: SplitPlan['budget']): SplitGroup {
  const sorted = [...files].sort((a, b) => compareText(a.path, b.path));
  const lines = countedLines(sorted);
  const counted = countedFiles(sorted);
  return { ...group, files: sorted, lines, countedFiles: counted, isOverBudget: !fitsBudget({ lines, files: counted }, budget) };
}

/** Drops empty groups and renumbers dependsOn (a merged-away group points to `mergedInto`). */
function renumber(plan: SplitPlan, groups: readonly SplitGroup[], mergedInto = new Map<number, number>()): SplitPlan {
  const kept = groups.map((g, i) => ({ g, old: i + 1 })).filter(({ g }) => g.files.length > 0);
  const newNumber = new Map(kept.map(({ old }, i) => [old, i + 1]));
  const follow = (n: number) => newNumber.get(mergedInto.get(n) ?? n);
  const result = kept.map(({ g }, i) => ({
    ...g,
    dependsOn: [...new Set(g.dependsOn.map(follow).filter((n): n is number => n !== undefined && n !== i + 1))].sort((a, b) => a - b),
  }));
  return { ...plan, groups: result };
}

/** Moves `path` into group `to` (1-based), or into a new last group when `to` is past the end. */
export function moveFile(plan: SplitPlan, path: string, to: number): SplitPlan {
  const file = plan.groups.flatMap((g) => g.files).find((f) => f.path === path);
  if (file === undefined) return plan;
  const groups = plan.groups.map((g) =>
    g.files.includes(file)
      ? measured(
          g,
          g.files.filter((f) => f !== file),
          plan.budget,
        )
      : g,
  );
  if (to > groups.length) {
    const fresh: SplitGroup = {
      files: [],
      kind: 'code',
      countedFiles: 0,
      lines: 0,
      reason: `${path} on its own`,
      dependsOn: [],
      isOverBudget: false,
    };
    groups.push(measured(fresh, [file], plan.budget));
  } else {
    groups[to - 1] = measured(groups[to - 1]!, [...groups[to - 1]!.files, file], plan.budget);
  }
  return renumber(plan, groups);
}

/** Moves group `from`'s files into group `into`; the merged group keeps both reasons. */
export function mergeGroups(plan: SplitPlan, into: number, from: number): SplitPlan {
  if (into === from) return plan;
  const target = plan.groups[into - 1];
  const source = plan.groups[from - 1];
  if (target === undefined || source === undefined) return plan;
  const groups = plan.groups.map((g) => g);
  const merged = measured(target, [...target.files, ...source.files], plan.budget);
  const { hint: _hint, ...rest } = merged;
  groups[into - 1] = { ...rest, reason: `${target.reason}; ${source.reason}`, dependsOn: [...target.dependsOn, ...source.dependsOn] };
  groups[from - 1] = { ...source, files: [] };
  return renumber(plan, groups, new Map([[from, into]]));
}

export function renameGroup(plan: SplitPlan, group: number, reason: string): SplitPlan {
  const trimmed = reason.trim();
  if (trimmed === '' || plan.groups[group - 1] === undefined) return plan;
  return { ...plan, groups: plan.groups.map((g, i) => (i === group - 1 ? { ...g, reason: trimmed } : g)) };
}
