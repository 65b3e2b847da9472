// Default budgets. Reviewers' defect finding falls off past a few hundred changed lines: the
// SmartBear/Cisco study of 2,500 reviews (Cohen, "Best Kept Secrets of Peer Code Review", 2006)
// found 200-400 lines per review the most effective, and Google's engineering practices ask for
// small CLs for the same reason. AI-written changes get half: the author did not write every line,
// so there is more to understand per line. See README "Budgets".

export interface Budget {
  readonly lines: number;
  readonly files: number;
  /** Optional: only gated (and only counted) when set. */
  readonly hunks?: number;
}

export interface PathBudget {
  /** Globs, relative to the repository root; a glob without '/' matches the file name anywhere. */
  readonly match: readonly string[];
  readonly human: Budget;
  readonly ai: Budget;
}

export interface ImpactConfig {
  /** Globs of paths where any change is high risk. */
  readonly sensitivePaths: readonly string[];
  /** Dependents of changed exports from which the risk is medium, and high. */
  readonly mediumDependents: number;
  readonly highDependents: number;
  /** Past the users, the walk stops after the first depth that brings this many files (0: never). */
  readonly maxFurther: number;
}

export interface ResolvedConfig {
  readonly budgets: { readonly human: Budget; readonly ai: Budget; readonly paths: readonly PathBudget[] };
  readonly exclude: readonly string[];
  readonly provenance: { readonly assume: 'detect' | 'human' | 'ai'; readonly agentsMaySkip: boolean };
  readonly impact: ImpactConfig;
  readonly questionnaire: { readonly minWords: number; readonly quiz: 'ai' | 'ai-generated' | 'always' | 'never' };
  readonly ci: {
    readonly requireReview: boolean;
    readonly allowOverride: boolean;
    readonly aiWithoutReview: 'fail' | 'warn';
    /** A review whose record is not in the fetched notes (docs/ci.md). */
    readonly unverifiedReviews: 'fail' | 'warn';
    /** Answers read from a file rather than typed at a terminal. */
    readonly answersFromFile: 'fail' | 'warn' | 'allow';
    readonly requireSignedReviews: boolean;
    /** ssh allowed signers, relative to the repository root; null: git's gpg.ssh.allowedSignersFile. */
    readonly allowedSignersFile: string | null;
    /** The policy's start (a commit or a date): earlier commits of a range are reported, not judged. */
    readonly since: string | null;
  };
  /** The file the config came from, or null for the defaults. */
  readonly source: string | null;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  budgets: {
    human: { lines: 400, files: 25 },
    ai: { lines: 200, files: 10 },
    paths: [],
  },
  exclude: [],
  provenance: { assume: 'detect', agentsMaySkip: false },
  impact: {
    sensitivePaths: [
      '**/auth/**',
      '**/authn/**',
      '**/authz/**',
      '**/crypto/**',
      '**/security/**',
      '**/payment/**',
      '**/payments/**',
      '**/billing/**',
      '**/secrets/**',
    ],
    mediumDependents: 5,
    highDependents: 25,
    maxFurther: 500,
  },
  questionnaire: { minWords: 4, quiz: 'ai' },
  ci: {
    requireReview: true,
    allowOverride: true,
    aiWithoutReview: 'fail',
    unverifiedReviews: 'fail',
    answersFromFile: 'fail',
    requireSignedReviews: false,
    allowedSignersFile: null,
    since: null,
  },
  source: null,
};
