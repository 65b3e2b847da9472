import type { FileChange } from '../change/staged-change.js';
import type { Budget } from '../config/defaults.js';
import { planSplit } from './plan-split.js';
import type { SplitImpact } from './split-plan.js';

// The split proposal a rejected review shows (and its JSON `split` key): the split plan's groups,
// each as the reason it holds together, its paths (excluded files riding along included), and
// its counted size. `selfreview split` shows the same plan in full and stages it.

export interface SplitPart {
  /** Why these files go together, e.g. ["`total` changed its signature, with the 2 callers updated for it"]. */
  readonly groups: readonly string[];
  readonly paths: readonly string[];
  /** Counted files (excluded files ride along but do not count). */
  readonly files: number;
  readonly lines: number;
  /** Over the budget on its own: a single large file, or files that must change together. */
  readonly isOverBudget: boolean;
}

export function proposeSplitParts(files: readonly FileChange[], budget: Budget, impact?: SplitImpact): SplitPart[] {
  const plan = planSplit({ files, budget, ...(impact !== undefined && { impact }) });
  return plan.groups.map((g) => ({
    groups: [g.reason],
    paths: g.files.map((f) => f.path),
    files: g.countedFiles,
    lines: g.lines,
    isOverBudget: g.isOverBudget,
  }));
}
