import { detectAgentEnv, type DetectedSignal } from './agent-env-signals.js';
import type { LineSplit } from './lines/line-owners.js';

export type ProvenanceKind = 'human' | 'ai' | 'unknown';

export interface Provenance {
  readonly kind: ProvenanceKind;
  /** Every signal seen, strongest first; `decidedBy` names the one that set the kind. */
  readonly signals: readonly DetectedSignal[];
  readonly decidedBy: string | null;
  /** An agent's environment is present: never prompt, a person must review. */
  readonly isAgentDriven: boolean;
  /** Set when line-level records alone make the change AI: the gate measures line by line. */
  readonly lines?: LineSplit;
}

export interface ProvenanceInputs {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--ai` given on the command line. */
  readonly aiFlag: boolean;
  /** Config `provenance.assume`. */
  readonly assume: 'detect' | 'human' | 'ai';
  /** AI-written lines of the staged change from git-ai working logs or Agent Trace records. */
  readonly lines?: LineSplit | null;
}

/**
 * Decides human / AI / unknown. Signals are collected strongest first: an agent's environment (an
 * agent that sets SELFREVIEW_AI=0 is still an agent), then `--ai`, then SELFREVIEW_AI, then the
 * config's team default.
 */
export function detectProvenance({ env, aiFlag, assume, lines }: ProvenanceInputs): Provenance {
  const signals: DetectedSignal[] = detectAgentEnv(env);
  const isAgentDriven = signals.length > 0;
  if (aiFlag) signals.push({ signal: '--ai', kind: 'ai', detail: 'declared on the command line' });
  const declared = env.SELFREVIEW_AI;
  if (declared === '1' || declared === 'true') {
    signals.push({ signal: `env SELFREVIEW_AI=${declared}`, kind: 'ai', detail: 'declared in the environment' });
  }
  // Line-level records: AI evidence, so a declaration of human work does not outvote it; without
  // a whole-change signal before it (or `assume: ai`), only the AI lines meet the AI budget.
  const wholeChange = signals.length > 0 || assume === 'ai';
  const byLines = lines != null && lines.ai > 0 ? lines : null;
  if (byLines !== null)
    signals.push({
      signal: byLines.source,
      kind: 'ai',
      detail: `${byLines.ai} of ${byLines.ai + byLines.human} changed lines written by AI`,
    });
  if (declared === '0' || declared === 'false') {
    signals.push({ signal: `env SELFREVIEW_AI=${declared}`, kind: 'human', detail: 'declared in the environment' });
  }
  if (assume !== 'detect') {
    signals.push({ signal: `config provenance.assume=${assume}`, kind: assume, detail: 'team default in the config file' });
  }
  // Signals are in order of strength, so the first one decides.
  const deciding = signals[0];
  if (deciding === undefined) return { kind: 'unknown', signals, decidedBy: null, isAgentDriven };
  const split = byLines !== null && !wholeChange ? { lines: byLines } : {};
  return { kind: deciding.kind, signals, decidedBy: deciding.signal, isAgentDriven, ...split };
}
