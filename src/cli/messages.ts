import type { PackageRunner } from '../core/config/package-runner.js';
import type { AgentPolicy } from '../core/policy/agent-policy.js';
import { ConfigError, GitError, InternalError, UsageError } from '../core/errors.js';
import { sanitizeForTerminal as clean } from '../core/text/sanitize.js';
import { EXIT } from './exit-codes.js';

// Every message a user reads when something went wrong, in one place: what happened, what to do.

export const MESSAGES = {
  skipped: 'selfreview: skipped (SELFREVIEW=0).',
  debugHint: 'Run again with --debug for details.',
  recorded: (tree: string) => `Review recorded for this staged content (tree ${tree.slice(0, 10)}): the commit will carry it.`,
  alreadyReviewed: (tree: string, when: string) => `Already reviewed (tree ${tree.slice(0, 10)}, ${when}): nothing to ask.`,
  nothingToAsk: (reason: string) => `No questions: ${reason}.`,
  agent: (signal: string, runner: string) =>
    `An AI agent is running this commit (${signal}): selfreview does not prompt an agent, which would answer for you. ` +
    `A person must run \`${runner} selfreview\` in their own terminal; the commit is then accepted for the same staged content.`,
  noTerminal: (runner: PackageRunner) =>
    `No terminal for the questionnaire: run \`${runner} selfreview\` in a terminal first (the review of the same staged content is then accepted), or pass --answers <file>.`,
  noTerminalInHook: (runner: PackageRunner) =>
    `No terminal for the questionnaire (a GUI client, CI, setsid): run \`${runner} selfreview\` in a terminal first (the commit then accepts that review), or commit with the answers in a file: \`SELFREVIEW_ANSWERS=answers.json git commit ...\` (\`${runner} selfreview --dry-run --json\` lists the question ids).`,
  notSure: (question: string) =>
    `Not sure about "${question}": that is the right place to stop. Find out (read the dependents, run the tests, ask), then commit again; your answers are kept.`,
  invalidAnswers: 'The answers file is incomplete or has answers that say too little:',
  overAiBudget: (reasons: readonly string[], runner: PackageRunner) =>
    `Declared as AI work: the AI budget applies and the change is over it.\n${reasons.map((r) => `  ${r}`).join('\n')}\n` +
    `Split it: \`${runner} selfreview split --ai\` shows parts that fit the AI budget, \`${runner} selfreview split --ai --stage 1\` stages the first (\`--restore\` undoes it); commit each part on its own.`,
  interrupted: 'Interrupted: nothing was committed; your answers are kept and offered next time.',
  agentSkipRefused:
    'SELFREVIEW=0 does not apply to an AI agent (a team can allow it with provenance.agentsMaySkip in the config): the review runs.',
  agentSkipped: (signal: string) =>
    `skipped (SELFREVIEW=0) for an AI agent (${signal}), as provenance.agentsMaySkip allows: the commit is marked Self-Review-Skipped and CI reports it as an agent's unreviewed commit.`,
  /** The commit-msg gate: the message or author names an agent, and CI would fail the commit. */
  refusedByMessage: (source: string) => `This commit is AI work (${source}), and CI would fail it for what follows; nothing was committed.`,
  recordedAsAi: (source: string) => `selfreview: AI work (${source}): the review is recorded with provenance=ai and the AI budget.`,
  /** What an agent (and a person) must do with a change that does not fit: no bypass named. */
  aiPolicy: (policy: AgentPolicy) =>
    'Stop here: do not retry with --no-verify or SELFREVIEW=0, and do not edit the trailers. ' +
    `AI work has a budget of ${policy.aiBudget.lines} changed lines and ${policy.aiBudget.files} files per commit. ` +
    `Make the change fit: \`${policy.fit[0]}\` stages the first part; commit it, then stage the next the same way (\`--stage 2\`, …). ${policy.review}`,
  /** The same to an agent whose change is within the AI budget: nothing to split, only to wait. */
  aiPolicyWithinBudget: (policy: AgentPolicy) =>
    'Stop here: do not retry with --no-verify or SELFREVIEW=0, and do not edit the trailers. ' +
    `The change fits the AI budget (${policy.aiBudget.lines} changed lines and ${policy.aiBudget.files} files per commit): leave it staged as it is and tell the person it waits for their review.`,
} as const;

/** Turns a failure into one or a few lines and an exit code; a stack only with --debug. */
export function describeFailure(error: unknown, isDebug: boolean): { text: string; code: number } {
  const stack = isDebug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (error instanceof ConfigError) {
    const problems = error.problems.map((p) => `\n  - ${clean(p)}`).join('');
    return { text: `selfreview: config error: ${clean(error.message)}${problems}${stack}`, code: EXIT.usage };
  }
  if (error instanceof UsageError || error instanceof GitError) {
    return { text: `selfreview: ${clean(error.message)}${stack}`, code: EXIT.usage };
  }
  const message = error instanceof Error ? error.message : String(error);
  const kind = error instanceof InternalError ? 'internal error' : 'unexpected error';
  const hint = isDebug ? '' : ` ${MESSAGES.debugHint}`;
  return { text: `selfreview: ${kind}: ${clean(message.split('\n')[0] ?? '')}.${hint}${stack}`, code: EXIT.usage };
}
