import { detectMechanicalEdit } from './detect-mechanical.js';
import { describeGroup } from './describe-group.js';
import { linkUnits } from './link-units.js';
import { orderUnits } from './order-units.js';
import { collectChangedNames } from './changed-names.js';
import { packGroups, type Bin } from './pack-groups.js';
import {
  countedFiles,
  countedLines,
  fitsBudget,
  type SplitGroup,
  type SplitInput,
  type SplitPlan,
  type UnsplittableFile,
} from './split-plan.js';
import { compareText } from '../text/compare-text.js';
import type { Budget } from '../config/defaults.js';

// The split assistant's plan: the staged change as ordered commits by meaning (see link-units
// for what holds files together, order-units for the order, pack-groups for the budget).
// Pure: the review gathers the files, the blast radius and the hunks; this only decides.

const MECHANICAL_HINT =
  'A mechanical edit reads best as one commit: a per-path budget (budgets.paths in the config) or an override with a reason fits it better than splitting.';
const COUPLED_HINT =
  'These files must change together to build: keep them in one commit, with an override that says why, or a per-path budget.';
const FILE_HINT = 'One file over the budget on its own: see its hunks under "unsplittable".';

/**
 * A group with nothing to read is no commit of its own: no counted file ("0 files, 0 lines": a
 * lock file or a snapshot whose host is not staged), or no changed line (a file that only gained
 * the newline at its end, as mswjs/interceptors a89b4e40's package.json: "1. package.json:
 * manifest change (1 file, 0 lines)"). It joins the group after it (the last joins the one
 * before), whatever its kind, while that group's files fit the budget.
 */
function foldUncounted(bins: readonly Bin[], budget: Budget): Bin[] {
  const result = [...bins];
  for (let i = 0; i < result.length && result.length > 1;) {
    const bin = result[i]!;
    const files = bin.units.flatMap((u) => u.files);
    const hosts = [i + 1, i - 1].filter((n) => n >= 0 && n < result.length && result[n]!.files + countedFiles(files) <= budget.files);
    if ((countedFiles(files) > 0 && countedLines(files) > 0) || hosts.length === 0) {
      i++;
      continue;
    }
    const into = hosts[0]!;
    const host = result[into]!;
    // After the host's own units: the host's kind and story name the group.
    result[into] = { ...host, units: [...host.units, ...bin.units], files: host.files + countedFiles(files) };
    result.splice(i, 1);
  }
  return result;
}

export function planSplit({ files, budget, impact, hunks }: SplitInput): SplitPlan {
  const mechanical = hunks === undefined ? null : detectMechanicalEdit(files, hunks);
  const linked = linkUnits(files, impact, mechanical, budget);
  const { order, after } = orderUnits(linked.units, linked.after);
  const bins = foldUncounted(packGroups(order, after, budget, linked.imports), budget);
  const names = collectChangedNames(impact, hunks);
  const groupOf = new Map(bins.flatMap((bin, i) => bin.units.map((u) => [u.id, i + 1] as const)));
  const groups: SplitGroup[] = bins.map((bin, i) => {
    const groupFiles = bin.units.flatMap((u) => u.files).sort((a, b) => compareText(a.path, b.path));
    const lines = countedLines(groupFiles);
    const isOverBudget = !fitsBudget({ lines, files: countedFiles(groupFiles) }, budget);
    const dependsOn = [...new Set(bin.units.flatMap((u) => [...(after.get(u.id) ?? [])].map((id) => groupOf.get(id)!)))]
      .filter((n) => n !== i + 1)
      .sort((a, b) => a - b);
    const isMechanical = bin.units.some((u) => u.mechanical !== undefined);
    const hint = isMechanical ? MECHANICAL_HINT : !isOverBudget ? undefined : countedFiles(groupFiles) === 1 ? FILE_HINT : COUPLED_HINT;
    return {
      files: groupFiles,
      kind: bin.units[0]!.kind,
      countedFiles: countedFiles(groupFiles),
      lines,
      reason: describeGroup(bin.units, names),
      dependsOn,
      isOverBudget,
      ...(hint !== undefined && { hint }),
    };
  });
  const unsplittable: UnsplittableFile[] = files
    .filter((f) => f.excluded === null && f.added + f.removed > budget.lines)
    .map((f) => ({
      path: f.path,
      lines: f.added + f.removed,
      hunks: (hunks?.get(f.path) ?? []).map(({ oldStart, oldLines, newStart, newLines, heading }) => ({
        oldStart,
        oldLines,
        newStart,
        newLines,
        heading,
      })),
    }));
  return { budget, groups, unsplittable };
}
