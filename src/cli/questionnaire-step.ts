import type { ChalkInstance } from '../adapters/output/colors.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import { sanitizeForTerminal as clean } from '../core/text/sanitize.js';
import { readAnswersFile } from '../adapters/config/read-answers-file.js';
import type { GitClient } from '../adapters/git/git-client.js';
import { createColors } from '../adapters/output/colors.js';
import { createTerminalPrompter, openTerminal } from '../adapters/prompts/terminal-prompter.js';
import { listQuestions, runQuestionnaire, type QuestionnaireResult } from '../review/run-questionnaire.js';
import type { ReviewOutcome } from '../review/review-outcome.js';
import { EXIT } from './exit-codes.js';
import { MESSAGES } from './messages.js';

// The questionnaire step of the review command: maps each way it can end to a message and an
// exit code (cli/ is the only place that does).

export function printQuestions(outcome: ReviewOutcome, c: ChalkInstance): number {
  const questions = listQuestions(outcome);
  if (questions.length === 0 || outcome.totals.files === 0) return EXIT.pass;
  process.stdout.write(`${c.bold('Questions the review would ask')} ${c.dim('(ids are the keys of an --answers file)')}:\n`);
  for (const q of questions) {
    const choices = q.choices ? c.dim(` [${q.choices.map((ch) => ch.value).join(' | ')}${q.needsReason ? ', with a reason' : ''}]`) : '';
    process.stdout.write(`  ${c.dim(clean(q.id))}: ${clean(q.message)}${choices}\n`);
  }
  return EXIT.pass;
}

export interface AskOptions {
  readonly outcome: ReviewOutcome;
  readonly git: GitClient;
  readonly config: ResolvedConfig;
  readonly version: string;
  readonly answersPath?: string;
  readonly color: boolean;
}

export async function askQuestions(options: AskOptions): Promise<number> {
  const answersFile = options.answersPath !== undefined ? await readAnswersFile(options.answersPath) : undefined;
  const result = await runQuestionnaire({
    outcome: options.outcome,
    git: options.git,
    config: options.config,
    version: options.version,
    ...(answersFile && { answersFile }),
    openPrompter() {
      const terminal = openTerminal();
      if (terminal === null) return null;
      const c = createColors(terminal.output, process.env, options.color);
      return createTerminalPrompter(terminal, { dim: (t) => c.dim(t), bold: (t) => c.bold(t) });
    },
  });
  return reportQuestionnaire(result);
}

/** The message and exit code for each way the questionnaire can end (also review-commit's). */
export function reportQuestionnaire(result: QuestionnaireResult): number {
  const say = (text: string) => process.stdout.write(`${text}\n`);
  const complain = (text: string) => process.stderr.write(`selfreview: ${text}\n`);
  switch (result.kind) {
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
      complain(MESSAGES.agent(clean(result.signal)));
      return EXIT.rejected;
    case 'no-terminal':
      complain(MESSAGES.noTerminal);
      return EXIT.rejected;
    case 'not-sure':
      complain(MESSAGES.notSure(clean(result.question)));
      return EXIT.rejected;
    case 'invalid-answers':
      complain(`${MESSAGES.invalidAnswers}\n${result.problems.map((p) => `  - ${clean(p)}`).join('\n')}`);
      return EXIT.rejected;
    case 'over-ai-budget':
      complain(`${MESSAGES.overAiBudget}\n${result.reasons.map((r) => `  ${r}`).join('\n')}`);
      return EXIT.rejected;
    case 'interrupted':
      complain(MESSAGES.interrupted);
      return EXIT.interrupted;
  }
}
