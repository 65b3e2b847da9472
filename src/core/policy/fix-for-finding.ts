import { selfreviewCommand, type PackageRunner } from '../config/package-runner.js';
import type { Finding, FindingFix } from './finding.js';

// What to run for each finding of `selfreview ci`, for this very commit and in the project's
// package-manager form: a failure that says only what is wrong leaves a team guessing. Two
// ways out: review the commit as it is (review-commit appends a record to its note, history
// stays), or split it (rewrites history: the branch is force-pushed).

export interface FixContext {
  /** The commit, or "staged" for `ci --staged`. */
  readonly commit: string;
  readonly runner: PackageRunner;
}

const REVIEW_AGAIN = new Set([
  'review-missing',
  'changed-after-review',
  'record-invalid',
  'review-line-invalid',
  'answers-from-file',
  'override-unverified',
  'signature-invalid',
  'signed-by-other',
  'provenance-conflict',
  'restaged-after-review',
]);
const OVER_BUDGET = new Set(['lines-over-budget', 'files-over-budget', 'hunks-over-budget']);

export function fixForFinding(finding: Finding, context: FixContext): FindingFix | null {
  if (finding.level === 'note') return null;
  const run = (args: string) => selfreviewCommand(context.runner, args);
  const staged = context.commit === 'staged';
  const sha = context.commit.slice(0, 12);
  if (OVER_BUDGET.has(finding.code)) {
    if (staged) return { text: 'split the staged change into commits within budget', commands: [run('split')] };
    return {
      text: `split ${sha} into commits within budget (rewrites the branch: force-push after)`,
      commands: [
        // The commit is the first line of the rebase's list: sed marks it "edit" (GNU and BSD sed alike).
        `git -c 'sequence.editor=sed -i.bak 1s/^pick/edit/' rebase -i ${sha}~1`,
        'git reset HEAD~1',
        run('split'),
        'git rebase --continue',
        'git push --force-with-lease',
      ],
    };
  }
  if (finding.code === 'review-unverified')
    return {
      text: 'the record is in the notes of the clone that made the commit: push them (or review the commit again)',
      commands: [run('push-notes')],
    };
  if (REVIEW_AGAIN.has(finding.code)) {
    if (staged) return { text: 'review the staged change at a terminal', commands: [run('')] };
    return {
      text: `review ${sha} at a terminal, without rewriting history, then share the note`,
      commands: [run(`review-commit ${sha}`), run('push-notes')],
    };
  }
  return null;
}
