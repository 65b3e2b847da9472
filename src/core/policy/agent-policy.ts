import type { Budget } from '../config/defaults.js';

// What an AI agent is told when selfreview stops it, as data: the hook's text (cli/messages.ts)
// and the --json report an agent's harness reads say the same. It names the way on, never a way
// around: no override, no answers file, no skip switch.

export interface AgentPolicy {
  readonly stop: true;
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
    doNotRetryWith: ['git commit --no-verify', 'SELFREVIEW=0', 'editing or removing the commit trailers'],
    aiBudget: { lines: aiBudget.lines, files: aiBudget.files },
    fit: [`${runner} selfreview split --stage 1`, 'git commit', `${runner} selfreview split --stage 1 (again, for the next part)`],
    review: `A person must run \`${runner} selfreview\` in their own terminal to review each part; the commit is then accepted for the same staged content.`,
  };
}
