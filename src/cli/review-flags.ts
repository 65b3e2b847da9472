import type { ImpactFlags } from './commands/impact.js';
import type { ReviewFlags } from './commands/review.js';

// A review asked for with switches only (`selfreview --dry-run --json`, `selfreview -q`), and
// `selfreview impact` with switches only (`impact --json`), need nothing of commander (~20 ms of
// a start: docs/speed.md, round 44): these are their defaults and what each switch sets, as
// build-program.ts and commands/impact.ts declare them. Anything else (a value, another
// subcommand, --help, an unknown or combined flag) returns null and goes through commander, which
// owns every message about a command line. tests/unit/cli/review-flags.test.ts checks each
// combination against commander's own parse.

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

/** `impact`'s flags with no option given (commander fills `--head`'s default even without `--base`). */
const DEFAULT_IMPACT_FLAGS: ImpactFlags = { head: 'HEAD', json: false, all: false, debug: false, color: true };

const IMPACT_SWITCHES: Readonly<Record<string, Partial<ImpactFlags>>> = {
  '--json': { json: true },
  '--all': { all: true },
  '--debug': { debug: true },
  '--no-color': { color: false },
};

function readSwitches<T>(args: readonly string[], defaults: T, switches: Readonly<Record<string, Partial<T>>>): T | null {
  let flags = defaults;
  for (const arg of args) {
    const set = Object.hasOwn(switches, arg) ? switches[arg] : undefined;
    if (set === undefined) return null;
    flags = { ...flags, ...set };
  }
  return flags;
}

/** `args`: the command line after node and the script. The flags, or null when commander must parse it. */
export function readReviewSwitches(args: readonly string[]): ReviewFlags | null {
  return readSwitches(args, DEFAULT_REVIEW_FLAGS, SWITCHES);
}

/** `args` as above: `impact`'s flags when it is the command and only switches follow, or null. */
export function readImpactSwitches(args: readonly string[]): ImpactFlags | null {
  return args[0] === 'impact' ? readSwitches(args.slice(1), DEFAULT_IMPACT_FLAGS, IMPACT_SWITCHES) : null;
}
