import type { PackageRunner } from '../../core/config/package-runner.js';
import type { ReviewAnalysis, ReviewOutcome } from '../../core/contracts/review-outcome.js';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import type { ChalkInstance } from '../../adapters/output/colors.js';
import { EXIT } from '../exit-codes.js';
import { MESSAGES } from '../messages.js';
import type { RunContext } from '../run-context.js';

// `selfreview` (the review of the staged change): wires the review's ports to the terminal,
// prints the report and what the questionnaire ended with, and maps both to an exit code.

export interface ReviewFlags {
  readonly debug: boolean;
  readonly color: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly ai: boolean;
  readonly config?: string;
  readonly override?: string;
  readonly impact: boolean;
  readonly answers?: string;
  readonly quiet: boolean;
}

/** --quiet: the verdict and what follows it (reasons, the split), not the report above it. */
function keepVerdict(report: string): string {
  const at = report.search(/^Verdict:/m);
  return at >= 0 ? report.slice(at) : report;
}

export async function runReviewCommand(flags: ReviewFlags, context: RunContext): Promise<number> {
  const logger = context.logger(flags);
  const env = process.env;
  // git starts first and runs on another core while the review's modules load (the hook's
  // start-up). A failure is reported when the review awaits it, not as an unhandled rejection.
  // keepReadsOpen: one cat-file for the run's blob reads (the change model's, the blast radius's
  // two), not one spawn each (docs/speed.md, round 52).
  const repository = (await import('../../adapters/git/git-client.js')).openRepository(process.cwd(), logger, {
    prefetchStagedDiff: true,
    keepReadsOpen: true,
  });
  repository.catch(() => undefined);
  // --json prints nothing in colour: chalk is not loaded for it.
  const [{ runReview }, colorModule] = await Promise.all([
    import('../../review/run-review.js'),
    flags.json ? null : import('../../adapters/output/colors.js'),
  ]);
  const colors = colorModule?.createColors(process.stdout, env, flags.color);
  const formatReport = flags.json ? null : (await import('../../adapters/output/format-text-report.js')).formatTextReport;
  // Commands in the report and the messages as the project runs them (`pnpm exec selfreview split`).
  const runner = (await import('../../adapters/fs/detect-package-runner.js')).detectPackageRunner((await repository).info.root);
  const printReport = formatReport
    ? (analysis: Parameters<typeof formatReport>[0], c: Parameters<typeof formatReport>[1]) => formatReport(analysis, c, runner)
    : null;
  // Progress on stderr only (never in --json's stdout); --quiet shows none.
  const progress = (await import('../../adapters/output/progress.js')).createProgress(process.stderr, {
    enabled: !flags.quiet,
    columns: process.stderr.columns,
    // How long a step runs before it is shown (default 1 s); a terminal test shows it at once.
    ...(/^\d+$/.test(env.SELFREVIEW_PROGRESS_AFTER_MS ?? '') && { delayMs: Number(env.SELFREVIEW_PROGRESS_AFTER_MS) }),
  });
  const answersPath = flags.answers ?? env.SELFREVIEW_ANSWERS;
  const outcome = await runReview(
    {
      cwd: process.cwd(),
      env,
      aiFlag: flags.ai,
      withImpact: flags.impact,
      mode: flags.dryRun || flags.json ? 'report' : 'ask',
      ...(flags.config !== undefined && { configPath: flags.config }),
      ...((flags.override ?? env.SELFREVIEW_OVERRIDE) !== undefined && { override: flags.override ?? env.SELFREVIEW_OVERRIDE }),
      ...(answersPath && { answersPath }),
      version: context.version,
      logger,
      repository,
    },
    {
      onAnalysed: (analysis: ReviewAnalysis) => {
        if (printReport && colors)
          process.stdout.write(flags.quiet ? keepVerdict(printReport(analysis, colors)) : printReport(analysis, colors));
      },
      step: (label) => progress.step(label),
      async openPrompter() {
        // The terminal first: without one, inquirer is never loaded and the hook fails fast.
        const { openTerminal } = await import('../../adapters/prompts/open-terminal.js');
        const terminal = openTerminal();
        if (terminal === null) return null;
        const [{ createTerminalPrompter }, { createColors }] = await Promise.all([
          import('../../adapters/prompts/terminal-prompter.js'),
          import('../../adapters/output/colors.js'),
        ]);
        const c = createColors(terminal.output, env, flags.color);
        return createTerminalPrompter(terminal, { dim: (t) => c.dim(t), bold: (t) => c.bold(t) });
      },
    },
  );
  if (flags.json) {
    const { formatJsonReport } = await import('../../adapters/output/format-json-report.js');
    process.stdout.write(formatJsonReport(outcome, context.version));
    return outcome.analysis.verdict === 'pass' ? EXIT.pass : EXIT.rejected;
  }
  if (outcome.questionnaire?.kind === 'agent-skipped') return reportQuestionnaire(outcome, runner);
  if (outcome.analysis.verdict !== 'pass') {
    // An agent over the budget is told the way on (the report above has the numbers).
    const policy = outcome.analysis.agentPolicy;
    if (policy !== undefined && !flags.dryRun) {
      if (env.SELFREVIEW_AGENT_SKIP !== undefined) process.stderr.write(`selfreview: ${MESSAGES.agentSkipRefused}\n`);
      process.stderr.write(`selfreview: ${MESSAGES.aiPolicy(policy)}\n`);
    }
    return EXIT.rejected;
  }
  if (flags.dryRun) {
    if (!flags.quiet && colors) printQuestions(outcome, colors);
    return EXIT.pass;
  }
  return reportQuestionnaire(outcome, runner);
}

function printQuestions(outcome: ReviewOutcome, c: ChalkInstance): void {
  if (outcome.questions.length === 0) return;
  process.stdout.write(`${c.bold('Questions the review would ask')} ${c.dim('(ids are the keys of an --answers file)')}:\n`);
  for (const q of outcome.questions) {
    const choices = q.choices
      ? c.dim(` [${q.choices.map((ch) => clean(ch.value)).join(' | ')}${q.needsReason ? ', with a reason' : ''}]`)
      : '';
    const quiz = q.isQuiz
      ? c.dim(
          ' (comprehension check, for AI-generated changes: asked until the right picks outweigh luck; a wrong pick gets one question of another kind)',
        )
      : '';
    process.stdout.write(`  ${c.dim(clean(q.id))}: ${clean(q.message)}${choices}${quiz}\n`);
  }
}

/** Each way the questionnaire can end: one message and one exit code. */
export function reportQuestionnaire(outcome: Pick<ReviewOutcome, 'questionnaire'>, runner: PackageRunner): number {
  const result = outcome.questionnaire;
  const say = (text: string) => process.stdout.write(`${text}\n`);
  const complain = (text: string) => process.stderr.write(`selfreview: ${text}\n`);
  switch (result?.kind) {
    case undefined:
      return EXIT.pass;
    case 'recorded':
      say(MESSAGES.recorded(result.record.tree));
      return EXIT.pass;
    case 'already-reviewed':
      say(MESSAGES.alreadyReviewed(result.record.tree, result.record.createdAt));
      return EXIT.pass;
    case 'nothing-to-ask':
      say(MESSAGES.nothingToAsk(result.reason));
      return EXIT.pass;
    case 'agent':
      if (result.skipRefused) complain(MESSAGES.agentSkipRefused);
      complain(MESSAGES.agent(clean(result.signal), result.policy?.runner ?? runner));
      // The gate passed (a change over the budget was refused above): nothing to split.
      if (result.policy) complain(MESSAGES.aiPolicyWithinBudget(result.policy));
      return EXIT.rejected;
    case 'agent-skipped':
      complain(MESSAGES.agentSkipped(clean(result.signal)));
      return EXIT.pass;
    case 'no-terminal':
      // In a hook (hooks/hook.sh says which) --answers cannot be passed: name the variable.
      complain(process.env.SELFREVIEW_HOOK ? MESSAGES.noTerminalInHook(runner) : MESSAGES.noTerminal(runner));
      return EXIT.rejected;
    case 'not-sure':
      complain(MESSAGES.notSure(clean(result.question)));
      return EXIT.rejected;
    case 'invalid-answers':
      complain(`${MESSAGES.invalidAnswers}\n${result.problems.map((p) => `  - ${clean(p)}`).join('\n')}`);
      return EXIT.rejected;
    case 'over-ai-budget':
      complain(MESSAGES.overAiBudget(result.reasons, runner));
      return EXIT.rejected;
    case 'quiz-failed':
      complain(clean(result.message));
      return EXIT.rejected;
    case 'interrupted':
      complain(MESSAGES.interrupted);
      return EXIT.interrupted;
  }
}
