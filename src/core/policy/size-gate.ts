import type { FileChange } from '../change/staged-change.js';
import { compileGlobs } from '../globs.js';
import type { Budget, ResolvedConfig } from '../config/defaults.js';
import type { ProvenanceKind } from '../provenance/detect-provenance.js';
import type { LineSplit } from '../provenance/lines/line-owners.js';

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
  /** With a line split: the AI-written part, measured against the AI budget (`budget`). */
  readonly ai?: { readonly files: number; readonly lines: number };
  /** With a line split: the rest, measured against the human budget. */
  readonly rest?: { readonly files: number; readonly lines: number; readonly budget: Budget };
}

export interface GateResult {
  readonly verdict: 'pass' | 'reject';
  readonly budgetKind: 'human' | 'ai';
  /** The main budget applied (per-path groups carry their own). */
  readonly budget: Budget;
  readonly groups: readonly GroupMeasure[];
  readonly reasons: readonly Reason[];
  /** Measured line by line: AI-written lines against the AI budget, the rest against the human one. */
  readonly split?: { readonly source: string; readonly ai: number; readonly rest: number; readonly humanBudget: Budget };
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
  /**
   * AI-written lines by file (line-level records): when given, with provenance 'ai', only they
   * meet the AI budget and the rest meets the human one. The caller passes it only when no
   * whole-commit signal (an agent's environment, a trailer, a declaration) made the change AI.
   */
  readonly lineSplit?: LineSplit | null;
}

const MAIN_GROUP = 'all files';

/** Measures the counted files against the budget for their provenance and per-path groups. */
export function evaluateSizeGate({ files, hunks, hunksByPath, provenance, config, lineSplit }: GateInput): GateResult {
  // Unknown provenance is measured as human until declared otherwise: the gate does not guess AI.
  const budgetKind = provenance === 'ai' ? 'ai' : 'human';
  const split = budgetKind === 'ai' && lineSplit != null ? lineSplit : null;
  const aiByPath = new Map(split?.files.map((f) => [f.path, f.ai]) ?? []);
  const mainBudget = config.budgets[budgetKind];
  const pathGroups = config.budgets.paths.map((entry) => ({
    label: entry.match.join(', '),
    budget: entry[budgetKind],
    human: entry.human,
    test: compileGlobs(entry.match),
  }));
  const empty = (budget: Budget, human: Budget) => ({ budget, human, files: 0, lines: 0, hunks: 0, aiFiles: 0, aiLines: 0, restFiles: 0 });
  const measures = new Map<string, ReturnType<typeof empty>>();
  measures.set(MAIN_GROUP, empty(mainBudget, config.budgets.human));
  for (const file of files) {
    if (file.excluded !== null) continue;
    const group = pathGroups.find((g) => g.test(file.path));
    const label = group?.label ?? MAIN_GROUP;
    const measure = measures.get(label) ?? empty(group!.budget, group!.human);
    const lines = file.added + file.removed;
    const ai = Math.min(aiByPath.get(file.path) ?? 0, lines);
    measure.files++;
    measure.lines += lines;
    measure.hunks += hunksByPath?.get(file.path) ?? 0;
    if (ai > 0) measure.aiFiles++;
    if (lines - ai > 0 || lines === 0) measure.restFiles++;
    measure.aiLines += ai;
    measures.set(label, measure);
  }
  if (split !== null) return evaluateSplit(measures, split, mainBudget, config.budgets.human);
  const kindName = budgetKind === 'ai' ? 'AI' : 'human';
  const reasons: Reason[] = [];
  const groups: GroupMeasure[] = [];
  for (const [label, { hunks: groupHunks, budget, files: fileCount, lines }] of measures) {
    const measure = { budget, files: fileCount, lines };
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

type SplitMeasure = { budget: Budget; human: Budget; files: number; lines: number; aiFiles: number; aiLines: number; restFiles: number };

/** The line-level measure: each group's AI-written part against its AI budget, the rest against its human one. */
function evaluateSplit(measures: ReadonlyMap<string, SplitMeasure>, split: LineSplit, mainBudget: Budget, humanBudget: Budget): GateResult {
  const reasons: Reason[] = [];
  const groups: GroupMeasure[] = [];
  let ai = 0;
  let rest = 0;
  for (const [label, m] of measures) {
    const part = { ai: { files: m.aiFiles, lines: m.aiLines }, rest: { files: m.restFiles, lines: m.lines - m.aiLines, budget: m.human } };
    groups.push({ label, budget: m.budget, files: m.files, lines: m.lines, ...part });
    ai += m.aiLines;
    rest += m.lines - m.aiLines;
    const suffix = label === MAIN_GROUP ? '' : ` for ${label}`;
    const group = label === MAIN_GROUP ? {} : { group: label };
    const check = (code: string, actual: number, limit: number, what: string, whose: string) => {
      if (actual > limit)
        reasons.push({ code, message: `${actual} ${what}: ${actual - limit} over ${whose}${suffix} of ${limit}`, actual, limit, ...group });
    };
    check('lines-over-budget', m.aiLines, m.budget.lines, `lines by AI (${split.source})`, 'the AI budget');
    check('files-over-budget', m.aiFiles, m.budget.files, `files with AI lines (${split.source})`, 'the AI budget');
    check('lines-over-budget', m.lines - m.aiLines, m.human.lines, 'lines by you', 'the human budget');
    check('files-over-budget', m.restFiles, m.human.files, 'files with your lines', 'the human budget');
  }
  return {
    verdict: reasons.length > 0 ? 'reject' : 'pass',
    budgetKind: 'ai',
    budget: mainBudget,
    groups,
    reasons,
    split: { source: split.source, ai, rest, humanBudget },
  };
}
