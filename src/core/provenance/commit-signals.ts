import type { DetectedSignal } from './agent-env-signals.js';

// What only exists once a commit does: AI trailers and identities in its message and author.
// One table, each entry with where it comes from; add new agents here.

interface CommitSignal {
  readonly pattern: RegExp;
  readonly agent: string;
  readonly source: string;
  readonly in: 'message' | 'author';
}

export const COMMIT_SIGNALS: readonly CommitSignal[] = [
  {
    in: 'message',
    pattern: /^Co-authored-by:.*<noreply@anthropic\.com>/im,
    agent: 'Claude',
    source: 'Claude Code adds this trailer to the commits it makes (Claude Code docs)',
  },
  {
    in: 'message',
    pattern: /Generated with \[?Claude Code\]?/i,
    agent: 'Claude Code',
    source: "Claude Code's default commit message footer",
  },
  {
    in: 'message',
    pattern: /^Co-authored-by:.*(Copilot|copilot-swe-agent)[^<]*<[^>]*users\.noreply\.github\.com>/im,
    agent: 'GitHub Copilot',
    source: 'the Copilot coding agent co-authors the commits it pushes (GitHub docs)',
  },
  { in: 'message', pattern: /^Co-authored-by:.*<[^>]*(codex|openai)[^>]*>/im, agent: 'OpenAI Codex', source: "Codex's co-author trailer" },
  {
    in: 'message',
    pattern: /^Co-authored-by:.*<cursoragent@cursor\.com>/im,
    agent: 'Cursor agent',
    source: "Cursor's background agent co-author trailer",
  },
  { in: 'message', pattern: /^Made-with: Cursor/im, agent: 'Cursor', source: "Cursor's commit trailer" },
  {
    in: 'message',
    pattern: /^Co-authored-by:.*<aider@aider\.chat>/im,
    agent: 'aider',
    source: "aider's --attribute-co-authored-by trailer (aider docs)",
  },
  {
    in: 'message',
    pattern: /^Assisted-by:\s*\S/im,
    agent: 'an AI assistant',
    source: 'the Assisted-by trailer convention (e.g. the Linux kernel guidance on AI tools)',
  },
  {
    in: 'author',
    pattern: /\(aider\)\s*</i,
    agent: 'aider',
    source: 'aider appends "(aider)" to the author name of its commits (aider docs)',
  },
  {
    in: 'author',
    pattern: /^(Copilot|copilot-swe-agent(\[bot\])?)\s*</i,
    agent: 'GitHub Copilot',
    source: 'the Copilot coding agent authors its own commits',
  },
];

/** AI signals in a commit's message and author ("Name <email>"). */
export function detectCommitSignals(message: string, author: string): DetectedSignal[] {
  return COMMIT_SIGNALS.filter((s) => s.pattern.test(s.in === 'message' ? message : author)).map((s) => ({
    signal: `${s.in === 'message' ? 'trailer' : 'author'}: ${s.agent}`,
    kind: 'ai' as const,
    detail: s.source,
  }));
}
