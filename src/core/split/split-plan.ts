import type { FileChange } from '../change/staged-change.js';
import type { Budget } from '../config/defaults.js';
import type { SymbolChange } from '../impact/impact-report.js';

// The split plan: the staged change as ordered groups, each meant to be one commit. Plain data,
// so `--json`, `--stage N` (which saves it beside the original index) and `-i` share one shape.

/** The part of the blast radius the planner reads. Structural: an ImpactReport fits it. */
export interface SplitImpact {
  readonly changedSymbols: readonly {
    readonly path: string;
    readonly name: string;
    readonly change: SymbolChange;
    readonly previousName?: string;
    /** Depth-1 users (contract of the blast radius); `dependents` is read when they are absent. */
    readonly valueUsers?: readonly { readonly path: string }[];
    readonly typeUsers?: readonly { readonly path: string }[];
    readonly dependents?: readonly { readonly path: string; readonly depth: number }[];
  }[];
  /** Imports between changed files: `from` imports `to`. */
  readonly changedFileEdges?: readonly { readonly from: string; readonly to: string }[];
  /** The same before the change: a file that imported a now deleted or renamed one was updated for it. */
  readonly previousFileEdges?: readonly { readonly from: string; readonly to: string }[];
}

export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** The text after the second `@@` (the enclosing function, when git finds one). */
  readonly heading: string;
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

/** The hunks of one file of a zero-context patch. */
export type FileHunks = ReadonlyMap<string, readonly Hunk[]>;

export type GroupKind = 'dependency' | 'config' | 'docs' | 'code';

export interface SplitGroup {
  readonly files: readonly FileChange[];
  readonly kind: GroupKind;
  /** Counted (not excluded) files and their changed lines: what the budget measures. */
  readonly countedFiles: number;
  readonly lines: number;
  readonly reason: string;
  /** Numbers (1-based, as `--stage N`) of the earlier groups this one builds on. */
  readonly dependsOn: readonly number[];
  readonly isOverBudget: boolean;
  /** Said when splitting is not the answer (a mechanical change, a breaking change and its callers). */
  readonly hint?: string;
}

export interface UnsplittableFile {
  readonly path: string;
  readonly lines: number;
  readonly hunks: readonly Pick<Hunk, 'oldStart' | 'oldLines' | 'newStart' | 'newLines' | 'heading'>[];
}

export interface SplitPlan {
  readonly budget: Budget;
  readonly groups: readonly SplitGroup[];
  readonly unsplittable: readonly UnsplittableFile[];
}

export interface SplitInput {
  readonly files: readonly FileChange[];
  readonly budget: Budget;
  readonly impact?: SplitImpact;
  /** Hunks per path (new path; old for a deletion), for mechanical edits and unsplittable files. */
  readonly hunks?: FileHunks;
}

export const countedLines = (files: readonly FileChange[]): number =>
  files.reduce((sum, f) => sum + (f.excluded === null ? f.added + f.removed : 0), 0);

export const countedFiles = (files: readonly FileChange[]): number => files.filter((f) => f.excluded === null).length;

export const fitsBudget = (measure: { lines: number; files: number }, budget: Budget): boolean =>
  measure.lines <= budget.lines && measure.files <= budget.files;
