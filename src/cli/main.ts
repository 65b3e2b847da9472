import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { createLogger } from '../adapters/log/logger.js';
import { registerCiCommand } from './commands/ci.js';
import { registerImpactCommand } from './commands/impact.js';
import { registerRecordCommands } from './commands/record-commands.js';
import { registerReviewCommitCommand } from './commands/review-commit.js';
import type { ReviewFlags } from './commands/review.js';
import { registerSplitCommand } from './commands/split.js';
import { EXIT } from './exit-codes.js';
import { describeFailure, MESSAGES } from './messages.js';
import type { RunContext } from './run-context.js';

// commander -> one options object per command; the only place that maps outcomes to exit codes.
// Commands import their pipeline lazily: `selfreview --help` does not load git or TypeScript.

const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const isDebugEnv = (env: NodeJS.ProcessEnv) => env.SELFREVIEW_DEBUG === '1' || env.SELFREVIEW_DEBUG === 'true';

export function buildProgram(context: RunContext): Command {
  const program = new Command('selfreview')
    .description('Review the staged change before it becomes a commit: size, provenance, verdict.')
    .version(VERSION, '-V, --version')
    .option('--dry-run', 'analyse and report; prompt nothing, write nothing', false)
    .option('--json', 'print one JSON document instead of the report', false)
    .option('--ai', 'declare the change AI-assisted or AI-generated (the AI budget applies)', false)
    .option('--config <path>', 'use this config file instead of searching the repository')
    .option('--no-impact', 'skip the blast-radius analysis (size gate only)')
    .option('--answers <file>', 'answer the questionnaire from a JSON or YAML file (also SELFREVIEW_ANSWERS)')
    .addOption(new Option('--override <reason>', 'emergency: let an oversized change through, recording why').env('SELFREVIEW_OVERRIDE'))
    .option('--debug', 'log each git command and stage with timings to stderr; stack traces on errors', false)
    .option('--no-color', 'plain output')
    .option('-q, --quiet', 'print only the verdict and problems (no report, no progress)', false)
    .showHelpAfterError('(run selfreview --help for usage)')
    // Options after a subcommand's name belong to it (`selfreview impact --json`).
    .enablePositionalOptions()
    .exitOverride()
    .action(async (flags: ReviewFlags) => {
      context.exitCode = await (await import('./commands/review.js')).runReviewCommand(flags, context);
    });
  // Subcommands live in cli/commands/<name>.ts, each registering itself here (one line each).
  registerImpactCommand(program, context);
  registerRecordCommands(program, context);
  registerCiCommand(program, context);
  registerReviewCommitCommand(program, context);
  registerSplitCommand(program, context);
  return program;
}

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
  try {
    await buildProgram(context).parseAsync([...argv]);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; unknown flags and missing arguments are usage errors.
      return error.exitCode === 0 ? EXIT.pass : EXIT.usage;
    }
    const { text, code } = describeFailure(error, context.isDebug);
    process.stderr.write(`${text}\n`);
    return code;
  }
}
