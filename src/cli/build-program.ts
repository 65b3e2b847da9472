import { Command, Option } from 'commander';
import { registerCiCommand } from './commands/ci.js';
import { registerImpactCommand } from './commands/impact.js';
import { registerRecordCommands } from './commands/record-commands.js';
import { registerReviewCommitCommand } from './commands/review-commit.js';
import type { ReviewFlags } from './commands/review.js';
import { registerSplitCommand } from './commands/split.js';
import { addHelpExamples } from './help-examples.js';
import type { RunContext } from './run-context.js';

// The command line: commander, one options object per command. Commands import their pipeline
// lazily: `selfreview --help` does not load git or TypeScript. main.ts loads this module only for
// a command line; the hook's review skips it (main.ts).

export function buildProgram(context: RunContext): Command {
  const program = new Command('selfreview')
    .description('Review the staged change before it becomes a commit: size, provenance, verdict.')
    .version(context.version, '-V, --version')
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
  addHelpExamples(program);
  return program;
}
