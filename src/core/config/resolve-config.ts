import { DEFAULT_CONFIG, type Budget, type ResolvedConfig } from './defaults.js';
import type { ConfigFile } from './schema.js';

const list = (value: string | readonly string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : [...value];

function mergeBudget(base: Budget, patch: Partial<Budget> | undefined): Budget {
  return { ...base, ...Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== undefined)) };
}

/** Merges a validated config file over the defaults, once, before any work starts. */
export function resolveConfig(file: ConfigFile | null, source: string | null): ResolvedConfig {
  if (file === null) return DEFAULT_CONFIG;
  const human = mergeBudget(DEFAULT_CONFIG.budgets.human, file.budgets?.human);
  const ai = mergeBudget(DEFAULT_CONFIG.budgets.ai, file.budgets?.ai);
  return {
    budgets: {
      human,
      ai,
      paths: (file.budgets?.paths ?? []).map((entry) => ({
        match: list(entry.match),
        human: mergeBudget(human, entry.human),
        ai: mergeBudget(ai, entry.ai),
      })),
    },
    exclude: list(file.exclude),
    provenance: {
      assume: file.provenance?.assume ?? DEFAULT_CONFIG.provenance.assume,
      agentsMaySkip: file.provenance?.agentsMaySkip ?? DEFAULT_CONFIG.provenance.agentsMaySkip,
    },
    impact: {
      sensitivePaths: file.impact?.sensitivePaths !== undefined ? list(file.impact.sensitivePaths) : DEFAULT_CONFIG.impact.sensitivePaths,
      mediumDependents: file.impact?.mediumDependents ?? DEFAULT_CONFIG.impact.mediumDependents,
      highDependents: file.impact?.highDependents ?? DEFAULT_CONFIG.impact.highDependents,
      maxFurther: file.impact?.maxFurther ?? DEFAULT_CONFIG.impact.maxFurther,
    },
    questionnaire: {
      minWords: file.questionnaire?.minWords ?? DEFAULT_CONFIG.questionnaire.minWords,
      quiz: file.questionnaire?.quiz ?? DEFAULT_CONFIG.questionnaire.quiz,
    },
    ci: { ...DEFAULT_CONFIG.ci, ...Object.fromEntries(Object.entries(file.ci ?? {}).filter(([, v]) => v !== undefined)) },
    source,
  };
}
