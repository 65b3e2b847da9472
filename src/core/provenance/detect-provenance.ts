import { detectAgentEnv, type DetectedSignal } from './agent-env-signals.js';

export type ProvenanceKind = 'human' | 'ai' | 'unknown';

export interface Provenance {
  readonly kind: ProvenanceKind;
  /** Every signal seen, strongest first; `decidedBy` names the one that set the kind. */
  readonly signals: readonly DetectedSignal[];
  readonly decidedBy: string | null;
  /** An agent's environment is present: never prompt, a person must review. */
  readonly isAgentDriven: boolean;
}

export interface ProvenanceInputs {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--ai` given on the command line. */
  readonly aiFlag: boolean;
  /** Config `provenance.assume`. */
  readonly assume: 'detect' | 'human' | 'ai';
}

/**
 * Decides human / AI / unknown. Signals are collected strongest first: an agent's environment (an
 * agent that sets SELFREVIEW_AI=0 is still an agent), then `--ai`, then SELFREVIEW_AI, then the
 * config's team default.
 */
export function detectProvenance({ env, aiFlag, assume }: ProvenanceInputs): Provenance {
  const signals: DetectedSignal[] = detectAgentEnv(env);
  const isAgentDriven = signals.length > 0;
  if (aiFlag) signals.push({ signal: '--ai', kind: 'ai', detail: 'declared on the command line' });
  const declared = env.SELFREVIEW_AI;
  if (declared === '1' || declared === 'true') {
    signals.push({ signal: `env SELFREVIEW_AI=${declared}`, kind: 'ai', detail: 'declared in the environment' });
  } else if (declared === '0' || declared === 'false') {
    signals.push({ signal: `env SELFREVIEW_AI=${declared}`, kind: 'human', detail: 'declared in the environment' });
  }
  if (assume !== 'detect') {
    signals.push({ signal: `config provenance.assume=${assume}`, kind: assume, detail: 'team default in the config file' });
  }
  // Signals are in order of strength, so the first one decides.
  const deciding = signals[0];
  if (deciding === undefined) return { kind: 'unknown', signals, decidedBy: null, isAgentDriven };
  return { kind: deciding.kind, signals, decidedBy: deciding.signal, isAgentDriven };
}
