import type { SplitPlan } from '../split/split-plan.js';

// A split as `selfreview split` shows it: the plan with what is committed and staged. The split
// run (review/run-split.ts) produces it, `--check` adds the type checks, the formatters print it.

export interface GroupCheck {
  readonly group: number;
  /** null: not checked (no tsconfig reaches these files). */
  readonly typeChecks: boolean | null;
  readonly errors: readonly string[];
}

export interface SplitView {
  readonly heading: string;
  readonly budgetKind: 'human' | 'ai';
  readonly plan: SplitPlan;
  /** Groups HEAD already holds (a split in progress). */
  readonly committed: readonly number[];
  /** The group this run staged, or that a split in progress last staged. */
  readonly staged?: number;
  readonly isInProgress: boolean;
  readonly notes: readonly string[];
  /** `--check`: whether each state type-checks. */
  readonly checks?: readonly GroupCheck[];
}
