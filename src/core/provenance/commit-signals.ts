import type { DetectedSignal } from './agent-env-signals.js';

// What only exists once a commit does: AI trailers and identities in its message and author.
// One table, each entry with where it comes from; add new agents here.

interface CommitSignal {
  readonly pattern: RegExp;
  readonly agent: string;
  readonly source: string;
  readonly in: 'message' | 'author';
  /** A message line or an author ("Name <email>") as the agent writes it; the tests match it. */
  readonly example: string;
}

/** The agent named by selfreview's own marker on a commit an agent made with SELFREVIEW=0. */
export const AGENT_SKIP = 'an AI agent that skipped the review';
export const AGENT_SKIP_SIGNAL = `trailer: ${AGENT_SKIP}`;

export const COMMIT_SIGNALS: readonly CommitSignal[] = [
  {
    in: 'message',
    pattern: /^Self-Review-Skipped:.*\bAI agent\b/im,
    agent: AGENT_SKIP,
    source:
      "selfreview's marker: committed with SELFREVIEW=0 in an AI agent's environment, as provenance.agentsMaySkip allows (hooks/hook.sh)",
    example: 'Self-Review-Skipped: SELFREVIEW=0 by an AI agent (env CLAUDECODE)',
  },
  {
    in: 'message',
    pattern: /^Co-authored-by:.*<noreply@anthropic\.com>/im,
    example: 'Co-authored-by: Claude <noreply@anthropic.com>',
    agent: 'Claude',
    source: 'Claude Code adds this trailer to the commits it makes (Claude Code docs)',
  },
  {
    in: 'message',
    pattern: /Generated with \[?Claude Code\]?/i,
    example: '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
    agent: 'Claude Code',
    source: "Claude Code's default commit message footer",
  },
  {
    in: 'message',
    pattern: /^Co-authored-by:.*(Copilot|copilot-swe-agent)[^<]*<[^>]*users\.noreply\.github\.com>/im,
    example: 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>',
    agent: 'GitHub Copilot',
    source: 'the Copilot coding agent co-authors the commits it pushes (GitHub docs)',
  },
  {
    in: 'message',
    pattern: /^Co-authored-by:.*<[^>]*(codex|openai)[^>]*>/im,
    example: 'Co-authored-by: Codex <codex@openai.com>',
    agent: 'OpenAI Codex',
    source: "Codex's co-author trailer",
  },
  {
    in: 'message',
    pattern: /^Co-authored-by:.*<cursoragent@cursor\.com>/im,
    example: 'Co-authored-by: Cursor Agent <cursoragent@cursor.com>',
    agent: 'Cursor agent',
    source: "Cursor's background agent co-author trailer",
  },
  { in: 'message', pattern: /^Made-with: Cursor/im, example: 'Made-with: Cursor', agent: 'Cursor', source: "Cursor's commit trailer" },
  {
    in: 'message',
    pattern: /^Co-authored-by:.*<aider@aider\.chat>/im,
    example: 'Co-authored-by: aider (gpt-4o) <aider@aider.chat>',
    agent: 'aider',
    source: "aider's --attribute-co-authored-by trailer (aider docs)",
  },
  {
    in: 'message',
    pattern: /^Assisted-by:\s*\S/im,
    example: 'Assisted-by: Claude:claude-sonnet-4',
    agent: 'an AI assistant',
    source: 'the Assisted-by trailer convention (e.g. the Linux kernel guidance on AI tools)',
  },
  {
    in: 'author',
    pattern: /\(aider\)\s*</i,
    example: 'Nina Newcomer (aider) <nina@example.com>',
    agent: 'aider',
    source: 'aider appends "(aider)" to the author name of its commits (aider docs)',
  },
  {
    in: 'author',
    pattern: /^(Copilot|copilot-swe-agent(\[bot\])?)\s*</i,
    example: 'Copilot <198982749+Copilot@users.noreply.github.com>',
    agent: 'GitHub Copilot',
    source: 'the Copilot coding agent authors its own commits',
  },
  // Agents that author their own commits, by email: git-ai's table of known agent authors
  // (git-ai-project/git-ai, src/authorship/agent_detection.rs, AGENT_EMAIL_MAPPINGS).
  ...(
    [
      ['cursoragent@cursor\\.com', 'Cursor background agent', 'Cursor Agent <cursoragent@cursor.com>'],
      [
        '\\d*\\+devin-ai-integration\\[bot\\]@users\\.noreply\\.github\\.com',
        'Devin',
        'devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>',
      ],
      ['noreply@anthropic\\.com', 'Claude (web)', 'Claude <noreply@anthropic.com>'],
      ['noreply@openai\\.com', 'OpenAI Codex (cloud)', 'Codex <noreply@openai.com>'],
      ['roomote@roocode\\.com', 'Roo Code background agent', 'Roomote <roomote@roocode.com>'],
    ] as const
  ).map(([email, agent, example]) => ({
    in: 'author' as const,
    pattern: new RegExp(`<${email}>$`, 'i'),
    agent,
    source: 'the agent authors its commits with this email (git-ai, src/authorship/agent_detection.rs)',
    example,
  })),
];

/** AI signals in a commit's message and author ("Name <email>"). */
export function detectCommitSignals(message: string, author: string): DetectedSignal[] {
  return COMMIT_SIGNALS.filter((s) => s.pattern.test(s.in === 'message' ? message : author)).map((s) => ({
    signal: `${s.in === 'message' ? 'trailer' : 'author'}: ${s.agent}`,
    kind: 'ai' as const,
    detail: s.source,
  }));
}
