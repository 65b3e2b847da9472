import type { ReviewFlags } from './commands/review.js';

// A review asked for with switches only (`selfreview --dry-run --json`, `selfreview -q`) needs
// nothing of commander: these are its defaults and what each switch sets, as build-program.ts
// declares them. Anything else (a value, a subcommand, --help, an unknown or combined flag)
// returns null and goes through commander, which owns every message about a command line.
// tests/unit/cli/review-flags.test.ts checks each combination against commander's own parse.

/** The review's flags for a bare `selfreview` (SELFREVIEW_OVERRIDE and the rest come from the environment). */
export const DEFAULT_REVIEW_FLAGS: ReviewFlags = {
  debug: false,
  color: true,
  dryRun: false,
  json: false,
  ai: false,
  impact: true,
  quiet: false,
};

const SWITCHES: Readonly<Record<string, Partial<ReviewFlags>>> = {
  '--dry-run': { dryRun: true },
  '--json': { json: true },
  '--ai': { ai: true },
  '--no-impact': { impact: false },
  '--debug': { debug: true },
  '--no-color': { color: false },
  '--quiet': { quiet: true },
  '-q': { quiet: true },
};

/** `args`: the command line after node and the script. The flags, or null when commander must parse it. */
export function readReviewSwitches(args: readonly string[]): ReviewFlags | null {
  let flags: ReviewFlags = DEFAULT_REVIEW_FLAGS;
  for (const arg of args) {
    const set = Object.hasOwn(SWITCHES, arg) ? SWITCHES[arg] : undefined;
    if (set === undefined) return null;
    flags = { ...flags, ...set };
  }
  return flags;
}
