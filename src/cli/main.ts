import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { createLogger, type Logger } from '../adapters/log/logger.js';
import { registerCiCommand } from './commands/ci.js';
import { registerImpactCommand } from './commands/impact.js';
import { registerRecordCommands } from './commands/record-commands.js';
import { registerReviewCommitCommand } from './commands/review-commit.js';
import { EXIT } from './exit-codes.js';
import { describeFailure, MESSAGES } from './messages.js';

// commander -> one options object per command; the only place that maps outcomes to exit codes.
// Commands import their pipeline lazily: `selfreview --help` does not load git or TypeScript.

const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

interface ReviewFlags {
  readonly debug: boolean;
  readonly color: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly ai: boolean;
  readonly config?: string;
  readonly override?: string;
  readonly impact: boolean;
  readonly answers?: string;
}

const isDebugEnv = (env: NodeJS.ProcessEnv) => env.SELFREVIEW_DEBUG === '1' || env.SELFREVIEW_DEBUG === 'true';

async function runReviewCommand(flags: ReviewFlags, logger: Logger): Promise<number> {
  // git starts first and runs on another core while the review's modules load (the hook's
  // start-up). A failure is reported when the review awaits it, not as an unhandled rejection.
  const repository = (await import('../adapters/git/git-client.js')).openRepository(process.cwd(), logger, { prefetchStagedDiff: true });
  repository.catch(() => undefined);
  const { analyseStagedChange } = await import('../review/run-review.js');
  const env = process.env;
  const { outcome, git, config } = await analyseStagedChange({
    repository,
    cwd: process.cwd(),
    env,
    aiFlag: flags.ai,
    withImpact: flags.impact,
    ...(flags.config !== undefined && { configPath: flags.config }),
    ...((flags.override ?? env.SELFREVIEW_OVERRIDE) !== undefined && { override: flags.override ?? env.SELFREVIEW_OVERRIDE }),
    logger,
  });
  if (flags.json) {
    const { formatJsonReport } = await import('../adapters/output/format-json-report.js');
    // The questions it would ask, when it would ask any (ids are the keys of --answers files).
    const questions = outcome.verdict === 'pass' && outcome.totals.files > 0 && !outcome.isReplay
      ? (await import('../review/run-questionnaire.js')).listQuestions(outcome)
      : undefined;
    process.stdout.write(formatJsonReport(outcome, VERSION, questions));
    return outcome.verdict === 'pass' ? EXIT.pass : EXIT.rejected;
  }
  const [{ formatTextReport }, { createColors }] = await Promise.all([
    import('../adapters/output/format-text-report.js'),
    import('../adapters/output/colors.js'),
  ]);
  const colors = createColors(process.stdout, env, flags.color);
  process.stdout.write(formatTextReport(outcome, colors));
  if (outcome.verdict !== 'pass') return EXIT.rejected;
  const { askQuestions, printQuestions } = await import('./questionnaire-step.js');
  if (flags.dryRun) return printQuestions(outcome, colors);
  const answersPath = flags.answers ?? env.SELFREVIEW_ANSWERS;
  return askQuestions({ outcome, git, config, version: VERSION, ...(answersPath && { answersPath }), color: flags.color });
}

/** State one run shares between commander's actions and main(). */
export interface RunContext {
  readonly version: string;
  exitCode: number;
  isDebug: boolean;
  logger(flags: { debug?: boolean }): Logger;
}

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
    .showHelpAfterError('(run selfreview --help for usage)')
    // Options after a subcommand's name belong to it (`selfreview impact --json`).
    .enablePositionalOptions()
    .exitOverride()
    .action(async (flags: ReviewFlags) => {
      context.exitCode = await runReviewCommand(flags, context.logger(flags));
    });
  // Subcommands live in cli/commands/<name>.ts, each registering itself here (one line each).
  registerImpactCommand(program, context);
  registerRecordCommands(program, context);
  registerCiCommand(program, context);
  registerReviewCommitCommand(program, context);
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
