import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import type { FileChange } from '../../core/change/staged-change.js';
import type { ReviewAnalysis } from '../../core/contracts/review-outcome.js';
import { selfreviewCommand, type PackageRunner } from '../../core/config/package-runner.js';
import type { ChalkInstance } from './colors.js';
import { formatImpactSummary } from './format-impact.js';
import { plural } from '../../core/text/plural.js';

// The human report: what is staged, what counts, which budget applies and why, the verdict, and
// on rejection what to do. Every repository-supplied string passes through sanitizeForTerminal.

/** The one-letter status git itself prints (`git status --short`), shared by the reports. */
export const STATUS_LETTER: Record<FileChange['status'], string> = {
  added: 'A',
  modified: 'M',
  deleted: 'D',
  renamed: 'R',
  copied: 'C',
  'type-changed': 'T',
  unmerged: 'U',
};

const MAX_LISTED = 40;

function describePath(file: FileChange): string {
  if (file.oldPath === undefined) return clean(file.path);
  return `${clean(file.oldPath)} → ${clean(file.path)} (${file.similarity ?? 0}%)`;
}

function describeCounts(file: FileChange, c: ChalkInstance): string {
  if (file.binary) return c.dim('binary');
  if (file.newKind === 'submodule' || file.oldKind === 'submodule') return c.dim('submodule');
  if (file.modeOnly) return c.dim('mode only');
  if (file.added + file.removed === 0 && file.oldBlob !== file.newBlob && file.status === 'modified') return c.dim('line endings only');
  return `${c.green(`+${file.added}`)} ${c.red(`-${file.removed}`)}`;
}

function formatFiles(files: readonly FileChange[], c: ChalkInstance): string[] {
  // Counted files heaviest first, so a long list still shows what weighs; excluded ones last.
  const weight = (f: FileChange) => (f.excluded === null ? f.added + f.removed : -1);
  const sorted = [...files].sort((a, b) => weight(b) - weight(a));
  const lines = sorted.slice(0, MAX_LISTED).map((file) => {
    const excluded = file.excluded === null ? '' : c.dim(`  excluded: ${file.excluded}`);
    return `  ${STATUS_LETTER[file.status]}  ${describePath(file)}  ${describeCounts(file, c)}${excluded}`;
  });
  if (sorted.length > MAX_LISTED) lines.push(c.dim(`  … and ${sorted.length - MAX_LISTED} more files (--json lists all)`));
  return lines;
}

const SHOWN_PARTS = 10;
const SHOWN_GROUPS = 4;

export function formatTextReport(outcome: ReviewAnalysis, c: ChalkInstance, runner: PackageRunner): string {
  const run = (args: string) => `\`${selfreviewCommand(runner, args)}\``;
  const { totals, gate, provenance } = outcome;
  const out: string[] = [];
  const baseName =
    outcome.base.kind === 'head'
      ? `HEAD (${outcome.base.rev.slice(0, 10)})`
      : outcome.base.kind === 'merge'
        ? 'the automatic merge'
        : 'the empty tree';
  out.push(c.bold(`selfreview: staged change against ${baseName}`));
  for (const note of outcome.notes) out.push(c.dim(`  ${clean(note)}`));
  if (outcome.files.length === 0) {
    out.push('  Nothing is staged: stage changes with `git add`, then run selfreview again.');
    return `${out.join('\n')}\n`;
  }
  out.push(...formatFiles(outcome.files, c));
  const excluded = totals.excludedFiles > 0 ? `; ${totals.excludedFiles} excluded` : '';
  const hunks = outcome.hunks !== undefined ? `, ${outcome.hunks} hunks` : '';
  out.push(
    `Counted: ${plural(totals.files, 'file')}, +${totals.added} -${totals.removed} (${plural(totals.lines, 'line')}${hunks})${excluded}`,
  );
  const why = provenance.decidedBy === null ? 'no AI signal; declare AI work with --ai' : clean(provenance.decidedBy);
  out.push(`Provenance: ${provenance.kind} (${why})`);
  const kindName = gate.budgetKind === 'ai' ? 'AI' : 'human';
  const hunkBudget = gate.budget.hunks !== undefined ? ` / ${gate.budget.hunks} hunks` : '';
  const source = outcome.configSource === null ? 'defaults' : clean(outcome.configSource);
  const { split } = gate;
  if (split !== undefined) {
    // Line by line: each number with where it comes from ("212 lines by AI (git-ai working log), 20 by you").
    out.push(
      `Budget: line by line, ${split.ai} lines by AI (${clean(split.source)}) against the AI budget of ${gate.budget.lines} lines / ${gate.budget.files} files, ` +
        `${split.rest} by you against the human budget of ${split.humanBudget.lines} lines / ${split.humanBudget.files} files (${source})`,
    );
  } else {
    out.push(`Budget: ${kindName}, ${gate.budget.lines} lines / ${gate.budget.files} files${hunkBudget} (${source})`);
  }
  for (const group of gate.groups.filter((g) => g.label !== 'all files')) {
    const groupHunks = group.hunks !== undefined && group.budget.hunks !== undefined ? `, ${group.hunks}/${group.budget.hunks} hunks` : '';
    out.push(
      `  ${clean(group.label)}: ${group.lines}/${group.budget.lines} lines, ${group.files}/${group.budget.files} files${groupHunks}`,
    );
  }
  if (outcome.impact) out.push(...formatImpactSummary(outcome.impact, c));
  if (outcome.verdict === 'pass') {
    const overridden = outcome.reasons.find((r) => r.code === 'override');
    if (overridden) {
      out.push(c.yellow(`Verdict: pass by override — ${clean(outcome.override ?? '')}`));
      for (const reason of gate.reasons) out.push(c.yellow(`  ${clean(reason.message)}`));
    } else {
      const measured =
        split === undefined
          ? `${totals.lines}/${gate.budget.lines} lines`
          : `${split.ai}/${gate.budget.lines} lines by AI, ${split.rest}/${split.humanBudget.lines} by you`;
      out.push(c.green(`Verdict: pass (${measured}, ${totals.files}/${gate.budget.files} files)`));
    }
    return `${out.join('\n')}\n`;
  }
  out.push(c.red.bold('Verdict: rejected — too large to review as one commit'));
  for (const reason of outcome.reasons) out.push(c.red(`  ${clean(reason.message)}`));
  if (outcome.split.length > 1) {
    out.push('Split proposal (commit these one at a time):');
    // A huge change (20,000 files) is summarised: the first parts, then what the rest add up to.
    outcome.split.slice(0, SHOWN_PARTS).forEach((part, index) => {
      const over = part.isOverBudget ? c.red('  over budget on its own') : '';
      const more = part.groups.length > SHOWN_GROUPS ? `, and ${part.groups.length - SHOWN_GROUPS} more groups` : '';
      out.push(
        `  ${index + 1}. ${part.groups.slice(0, SHOWN_GROUPS).map(clean).join(', ')}${more}  (${plural(part.files, 'file')}, ${plural(part.lines, 'line')})${over}`,
      );
    });
    const rest = outcome.split.slice(SHOWN_PARTS);
    if (rest.length > 0) {
      const files = rest.reduce((sum, p) => sum + p.files, 0);
      const lines = rest.reduce((sum, p) => sum + p.lines, 0);
      out.push(`  … and ${rest.length} more parts (${plural(files, 'file')}, ${plural(lines, 'line')}): ${run('split')} lists them all.`);
    }
    out.push(`Run ${run('split')} to see each group's files, then ${run('split --stage 1')} to stage the first (\`--restore\` undoes it).`);
  } else if (outcome.split.length === 1) {
    out.push(`These files belong together: ${run('split')} lists their hunks; split inside them (\`git add -p\`), or commit in steps.`);
  }
  // An agent is told the way on (cli/messages.ts aiPolicy), never a way around.
  if (outcome.agentPolicy === undefined)
    out.push(c.dim('Emergency only: SELFREVIEW_OVERRIDE="<reason>" lets it through and records the reason.'));
  return `${out.join('\n')}\n`;
}
