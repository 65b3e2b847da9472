import type { FileChange } from '../../core/change/staged-change.js';
import type { GroupCheck, SplitView } from '../../core/contracts/split-view.js';
import type { SplitGroup } from '../../core/split/split-plan.js';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import type { ChalkInstance } from './colors.js';
import { STATUS_LETTER } from './format-text-report.js';
import { plural } from '../../core/text/plural.js';
import { selfreviewCommand, type PackageRunner } from '../../core/config/package-runner.js';

// `selfreview split` as text (numbered groups, their files, why they go together, what to run
// next) and as JSON: {version, budget, groups: [{number, files, lines, reason, dependsOn}], unsplittable}.

export type { GroupCheck, SplitView };

function formatFile(file: FileChange, c: ChalkInstance): string {
  const name = file.oldPath !== undefined && file.status === 'renamed' ? `${clean(file.oldPath)} -> ${clean(file.path)}` : clean(file.path);
  const counts = file.binary ? 'binary' : `+${file.added} -${file.removed}`;
  const excluded = file.excluded === null ? '' : c.dim(`  excluded: ${file.excluded}`);
  return `     ${STATUS_LETTER[file.status]}  ${name}  ${counts}${excluded}`;
}

function formatGroup(group: SplitGroup, n: number, view: SplitView, c: ChalkInstance): string[] {
  const state = view.committed.includes(n) ? c.green(' [committed]') : view.staged === n ? c.cyan(' [staged]') : '';
  const size = `${plural(group.countedFiles, 'file')}, ${plural(group.lines, 'line')}`;
  const over = group.isOverBudget ? c.red(' over budget') : '';
  const builds = group.dependsOn.length > 0 ? c.dim(`  builds on ${group.dependsOn.join(', ')}`) : '';
  const lines = [
    `${c.bold(`${n}.`)} ${clean(group.reason)}  (${size})${over}${builds}${state}`,
    ...group.files.map((f) => formatFile(f, c)),
  ];
  const check = view.checks?.find((k) => k.group === n);
  if (check !== undefined && check.typeChecks !== null) {
    lines.push(
      check.typeChecks
        ? c.green('     type-checks after this group')
        : c.red(
            `     does not type-check after this group: ${clean(check.errors[0] ?? '')}${check.errors.length > 1 ? ` (+${check.errors.length - 1} more)` : ''}`,
          ),
    );
  }
  if (group.hint !== undefined) lines.push(c.yellow(`     ${group.hint}`));
  return lines;
}

/** `runner`: how this project runs selfreview (`npx`, `pnpm exec` …), so each command printed runs as shown. */
export function formatSplitText(view: SplitView, c: ChalkInstance, runner: PackageRunner): string {
  const { plan } = view;
  // A split not yet saved is planned again by --stage: with the same budget.
  const stageCommand = (n: number) =>
    `\`${selfreviewCommand(runner, `split --stage ${n}${view.budgetKind === 'ai' && !view.isInProgress ? ' --ai' : ''}`)}\``;
  const kind = view.budgetKind === 'ai' ? 'AI' : 'human';
  const out = [`${clean(view.heading)}`, `Budget: ${kind}, ${plan.budget.lines} lines / ${plan.budget.files} files per commit`];
  for (const note of view.notes) out.push(c.dim(note));
  if (plan.groups.length === 0) return `${[...out, 'Nothing is staged: nothing to split.'].join('\n')}\n`;
  out.push('');
  plan.groups.forEach((group, i) => out.push(...formatGroup(group, i + 1, view, c), ''));
  for (const file of plan.unsplittable) {
    out.push(c.red(`Unsplittable: ${clean(file.path)}, ${file.lines} lines on its own (budget ${plan.budget.lines}); its hunks:`));
    for (const h of file.hunks) out.push(`     @@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@ ${clean(h.heading)}`);
  }
  const next = plan.groups.findIndex((_, i) => !view.committed.includes(i + 1)) + 1;
  if (view.staged !== undefined && !view.committed.includes(view.staged)) {
    out.push(`Group ${view.staged} is staged: git commit -m "${clean(plan.groups[view.staged - 1]!.reason).replace(/["`$\\]/g, '')}"`);
    const rest = plan.groups.map((_, i) => i + 1).filter((n) => n !== view.staged && !view.committed.includes(n));
    out.push(
      rest.length > 0
        ? `Still to do: ${plural(rest.length, 'group')} (${rest.join(', ')}), in the working tree; then ${stageCommand(rest[0]!)}`
        : 'That is the last group.',
    );
  } else if (next > 0) {
    out.push(
      `Next: ${stageCommand(next)}, then git commit (\`${selfreviewCommand(runner, 'split --restore')}\` puts the original index back).`,
    );
  }
  return `${out.join('\n')}\n`;
}

export function formatSplitJson(view: SplitView, version: string): string {
  const { plan } = view;
  const document = {
    version,
    budget: { ...plan.budget, kind: view.budgetKind },
    groups: plan.groups.map((g, i) => ({
      number: i + 1,
      files: g.files.map((f) => ({
        path: f.path,
        ...(f.oldPath !== undefined && { oldPath: f.oldPath }),
        status: f.status,
        added: f.added,
        removed: f.removed,
        binary: f.binary,
        excluded: f.excluded,
      })),
      lines: g.lines,
      countedFiles: g.countedFiles,
      reason: g.reason,
      dependsOn: g.dependsOn,
      isOverBudget: g.isOverBudget,
      ...(g.hint !== undefined && { hint: g.hint }),
      ...(view.checks?.some((k) => k.group === i + 1) && { check: view.checks.find((k) => k.group === i + 1) }),
      state: view.committed.includes(i + 1) ? 'committed' : view.staged === i + 1 ? 'staged' : 'pending',
    })),
    unsplittable: plan.unsplittable,
    inProgress: view.isInProgress,
    notes: view.notes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
