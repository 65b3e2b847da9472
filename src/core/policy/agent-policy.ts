import type { Budget } from '../config/defaults.js';

// What an AI agent is told when selfreview stops it, as data: the hook's text (cli/messages.ts)
// and the --json report an agent's harness reads say the same. It names the way on, never a way
// around: no override, no answers file, no skip switch.

export interface AgentPolicy {
  readonly stop: true;
  /** The command that runs selfreview in this project: npx, pnpm exec, yarn, bunx. */
  readonly runner: string;
  /** What the agent must not retry with. */
  readonly doNotRetryWith: readonly string[];
  readonly aiBudget: { readonly lines: number; readonly files: number };
  /** Commands that make the change fit, in order. */
  readonly fit: readonly string[];
  /** Who reviews, and where. */
  readonly review: string;
}

/** `runner`: the command that runs selfreview in this project (npx, pnpm exec, yarn, bunx). */
export function buildAgentPolicy(runner: string, aiBudget: Budget): AgentPolicy {
  return {
    stop: true,
    runner,
    doNotRetryWith: ['git commit --no-verify', 'SELFREVIEW=0', 'editing or removing the commit trailers'],
    aiBudget: { lines: aiBudget.lines, files: aiBudget.files },
    fit: [
      `${runner} selfreview split --ai --stage 1`,
      'git commit',
      `${runner} selfreview split --ai --stage 2 (and so on: each step names the next)`,
    ],
    review: `A person must run \`${runner} selfreview\` in their own terminal to review each part; the commit is then accepted for the same staged content.`,
  };
}

/** The section `selfreview init --agents` prints for a project's AGENTS.md or CLAUDE.md. */
export function formatAgentInstructions(policy: AgentPolicy, runner: string): string {
  return [
    '## Commits and selfreview',
    '',
    'This repository reviews every commit with selfreview (a git hook). As an AI agent:',
    '',
    `- Keep each commit within the AI budget: ${policy.aiBudget.lines} changed lines and ${policy.aiBudget.files} files.`,
    `- Before committing, check the staged change: \`${runner} selfreview --dry-run --json\` (its \`verdict\` and \`agentPolicy\`).`,
    `- Too large: \`${runner} selfreview split --ai\` shows the parts; \`${runner} selfreview split --ai --stage 1\` stages the first; commit it, then \`--stage 2\`, and so on.`,
    `- The hook does not let an agent answer its questions. When it stops the commit, stop and ask a person to run \`${runner} selfreview\` in their own terminal; then commit the same staged content.`,
    '- Never retry with `git commit --no-verify` or `SELFREVIEW=0`, and never edit or remove the `Self-Review` trailers or `Co-authored-by` lines of a commit.',
    '',
  ].join('\n');
}
