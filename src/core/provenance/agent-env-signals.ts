// Environment variables that AI coding agents set in the shells they run. A `git commit` run by an
// agent inherits them, so their presence means an agent is driving this commit. One table, each
// entry with where it comes from; add new agents here.

export interface AgentEnvSignal {
  /** The variable, or a prefix when `prefix` is true. */
  readonly name: string;
  readonly agent: string;
  /** Where the variable is documented or observed. */
  readonly source: string;
  /** Required value; any non-empty value when absent. */
  readonly value?: string;
  readonly prefix?: boolean;
}

export const AGENT_ENV_SIGNALS: readonly AgentEnvSignal[] = [
  { name: 'CLAUDECODE', agent: 'Claude Code', source: 'set to 1 in the shells Claude Code runs (Claude Code docs)' },
  { name: 'GEMINI_CLI', agent: 'Gemini CLI', source: 'set to 1 in shell commands run by Gemini CLI (gemini-cli docs)' },
  { name: 'CODEX_SANDBOX', agent: 'OpenAI Codex CLI', source: 'set in sandboxed commands by Codex CLI (codex README)' },
  { name: 'CURSOR_AGENT', agent: 'Cursor agent', source: 'set to 1 by the Cursor CLI agent' },
  {
    name: 'CURSOR_EXTENSION_HOST_ROLE',
    value: 'agent-exec',
    agent: 'Cursor agent',
    source: "Cursor's agent terminals (ordinary Cursor terminals have another role)",
  },
  { name: 'COPILOT_CLI', agent: 'GitHub Copilot CLI', source: 'set in commands run by GitHub Copilot CLI' },
  {
    name: 'COPILOT_AGENT_',
    prefix: true,
    agent: 'GitHub Copilot coding agent',
    source: "the Copilot coding agent's environment (COPILOT_AGENT_*)",
  },
  { name: 'AI_AGENT', agent: 'an AI agent', source: 'generic convention for agents to announce themselves' },
];
// NOTE: CURSOR_TRACE_ID is set in every Cursor terminal, typed into by a person or not: not a signal.

export interface DetectedSignal {
  /** e.g. "env CLAUDECODE=1", "--ai", "config provenance.assume". */
  readonly signal: string;
  readonly kind: 'human' | 'ai';
  readonly detail: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export function detectAgentEnv(env: Env): DetectedSignal[] {
  const found: DetectedSignal[] = [];
  for (const entry of AGENT_ENV_SIGNALS) {
    const names = entry.prefix
      ? Object.keys(env)
          .filter((key) => key.startsWith(entry.name))
          .sort()
      : [entry.name];
    for (const name of names) {
      const value = env[name];
      if (value === undefined || value === '') continue;
      if (entry.value !== undefined && value !== entry.value) continue;
      found.push({ signal: `env ${name}=${value}`, kind: 'ai', detail: `${entry.agent}: ${entry.source}` });
    }
  }
  return found;
}
