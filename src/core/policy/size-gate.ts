import type { FileChange } from '../change/staged-change.js';
import { compileGlobs } from '../globs.js';
import type { Budget, ResolvedConfig } from '../config/defaults.js';
import type { ProvenanceKind } from '../provenance/detect-provenance.js';

export interface Reason {
  readonly code: string;
  readonly message: string;
  readonly actual?: number;
  readonly limit?: number;
  readonly group?: string;
}

export interface GroupMeasure {
  /** "all files", or the globs of a per-path budget. */
  readonly label: string;
  readonly budget: Budget;
  readonly files: number;
  readonly lines: number;
  /** Hunks of the group's counted files, when counted per file. */
  readonly hunks?: number;
}

export interface GateResult {
  readonly verdict: 'pass' | 'reject';
  readonly budgetKind: 'human' | 'ai';
  /** The main budget applied (per-path groups carry their own). */
  readonly budget: Budget;
  readonly groups: readonly GroupMeasure[];
  readonly reasons: readonly Reason[];
}

export interface GateInput {
  readonly files: readonly FileChange[];
  readonly hunks?: number;
  /**
   * Hunks per path. When given, each group's counted files are measured against its own hunk
   * budget and `hunks` is not used: excluded files' hunks do not count, like their lines.
   */
  readonly hunksByPath?: ReadonlyMap<string, number>;
  readonly provenance: ProvenanceKind;
  readonly config: ResolvedConfig;
}

const MAIN_GROUP = 'all files';

/** Measures the counted files against the budget for their provenance and per-path groups. */
export function evaluateSizeGate({ files, hunks, hunksByPath, provenance, config }: GateInput): GateResult {
  // Unknown provenance is measured as human until declared otherwise: the gate does not guess AI.
  const budgetKind = provenance === 'ai' ? 'ai' : 'human';
  const mainBudget = config.budgets[budgetKind];
  const pathGroups = config.budgets.paths.map((entry) => ({
    label: entry.match.join(', '),
    budget: entry[budgetKind],
    test: compileGlobs(entry.match),
  }));
  const measures = new Map<string, { budget: Budget; files: number; lines: number; hunks: number }>();
  measures.set(MAIN_GROUP, { budget: mainBudget, files: 0, lines: 0, hunks: 0 });
  for (const file of files) {
    if (file.excluded !== null) continue;
    const group = pathGroups.find((g) => g.test(file.path));
    const label = group?.label ?? MAIN_GROUP;
    const measure = measures.get(label) ?? { budget: group!.budget, files: 0, lines: 0, hunks: 0 };
    measure.files++;
    measure.lines += file.added + file.removed;
    measure.hunks += hunksByPath?.get(file.path) ?? 0;
    measures.set(label, measure);
  }
  const kindName = budgetKind === 'ai' ? 'AI' : 'human';
  const reasons: Reason[] = [];
  const groups: GroupMeasure[] = [];
  for (const [label, { hunks: groupHunks, ...measure }] of measures) {
    groups.push({ label, ...measure, ...(hunksByPath !== undefined && { hunks: groupHunks }) });
    const where = label === MAIN_GROUP ? `the ${kindName} budget` : `the ${kindName} budget for ${label}`;
    const group = label === MAIN_GROUP ? undefined : label;
    if (measure.lines > measure.budget.lines) {
      const over = measure.lines - measure.budget.lines;
      reasons.push({
        code: 'lines-over-budget',
        message: `${measure.lines} changed lines: ${over} over ${where} of ${measure.budget.lines}`,
        actual: measure.lines,
        limit: measure.budget.lines,
        ...(group !== undefined && { group }),
      });
    }
    if (measure.files > measure.budget.files) {
      const over = measure.files - measure.budget.files;
      reasons.push({
        code: 'files-over-budget',
        message: `${measure.files} files: ${over} over ${where} of ${measure.budget.files}`,
        actual: measure.files,
        limit: measure.budget.files,
        ...(group !== undefined && { group }),
      });
    }
    const hunkLimit = measure.budget.hunks;
    if (hunksByPath !== undefined && hunkLimit !== undefined && groupHunks > hunkLimit) {
      reasons.push({
        code: 'hunks-over-budget',
        message: `${groupHunks} hunks: ${groupHunks - hunkLimit} over ${where} of ${hunkLimit}`,
        actual: groupHunks,
        limit: hunkLimit,
        ...(group !== undefined && { group }),
      });
    }
  }
  // Without per-path counts (callers that only have a total), the total meets the main budget.
  if (hunksByPath === undefined && mainBudget.hunks !== undefined && hunks !== undefined && hunks > mainBudget.hunks) {
    reasons.push({
      code: 'hunks-over-budget',
      message: `${hunks} hunks: ${hunks - mainBudget.hunks} over the ${kindName} budget of ${mainBudget.hunks}`,
      actual: hunks,
      limit: mainBudget.hunks,
    });
  }
  return { verdict: reasons.length > 0 ? 'reject' : 'pass', budgetKind, budget: mainBudget, groups, reasons };
}
