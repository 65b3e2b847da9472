import { readFileSync } from 'node:fs';
import { createLogger } from '../adapters/log/logger.js';
import { EXIT } from './exit-codes.js';
import { describeFailure, MESSAGES } from './messages.js';
import { readImpactSwitches, readReviewSwitches } from './review-flags.js';
import type { RunContext } from './run-context.js';

// The entry point: the only place that maps outcomes to exit codes. A command line goes through
// commander (build-program.ts). The hook's review (hooks/hook.sh runs `selfreview` with no
// arguments) and a review asked for with switches alone (`selfreview --dry-run --json`) have
// nothing to parse: they go straight to the review, without loading commander and every
// command's module (review-flags.ts, docs/speed.md); so does `impact` with switches alone.

const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const isDebugEnv = (env: NodeJS.ProcessEnv) => env.SELFREVIEW_DEBUG === '1' || env.SELFREVIEW_DEBUG === 'true';

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  // `selfreview log | head`: a closed pipe is the reader saying it has enough.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.pass);
  });
  if (process.env.SELFREVIEW === '0') {
    process.stdout.write(`${MESSAGES.skipped}\n`);
    return EXIT.pass;
  }
  const context: RunContext = {
    version: VERSION,
    exitCode: EXIT.pass,
    isDebug: isDebugEnv(process.env),
    logger(flags) {
      this.isDebug = this.isDebug || flags.debug === true;
      return createLogger(this.isDebug);
    },
  };
  const switches = readReviewSwitches(argv.slice(2));
  const impactSwitches = switches === null ? readImpactSwitches(argv.slice(2)) : null;
  try {
    if (switches !== null) {
      return await (await import('./commands/review.js')).runReviewCommand(switches, context);
    }
    if (impactSwitches !== null) {
      return await (await import('./commands/impact.js')).runImpactCommand(impactSwitches, context);
    }
    const { buildProgram } = await import('./build-program.js');
    await buildProgram(context).parseAsync([...argv]);
    return context.exitCode;
  } catch (error) {
    // commander is loaded already when one of its errors (help, version, usage) is thrown.
    if (switches === null && impactSwitches === null && error instanceof (await import('commander')).CommanderError) {
      // help and version exit 0; unknown flags and missing arguments are usage errors.
      return error.exitCode === 0 ? EXIT.pass : EXIT.usage;
    }
    const { text, code } = describeFailure(error, context.isDebug);
    process.stderr.write(`${text}\n`);
    return code;
  }
}
