import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import type { RunContext } from '../run-context.js';

// `selfreview impact`: the blast-radius report alone, for the staged change or a commit range.

interface ImpactFlags {
  readonly base?: string;
  readonly head?: string;
  readonly json: boolean;
  readonly all: boolean;
  readonly debug: boolean;
  readonly color: boolean;
  readonly config?: string;
}

export function registerImpactCommand(program: Command, context: RunContext): void {
  program
    .command('impact')
    .description('the blast radius alone: changed exported symbols and the files that depend on them')
    .option('--base <rev>', 'compare a commit range from this revision (default: HEAD against the index)')
    .option('--head <rev>', 'with --base: the end of the range', 'HEAD')
    .option('--json', 'print one JSON document', false)
    .option('--all', 'follow the dependents as far as they go (default: stop past impact.maxFurther of them)', false)
    .option('--config <path>', 'use this config file')
    .option('--debug', 'log git commands, stages and unresolved imports to stderr', false)
    .option('--no-color', 'plain output')
    .action(async (flags: ImpactFlags) => {
      const logger = context.logger(flags);
      const { runImpact } = await import('../../review/run-impact.js');
      const { heading, impact } = await runImpact({
        cwd: process.cwd(),
        env: process.env,
        ...(flags.base !== undefined && { range: { base: flags.base, head: flags.head ?? 'HEAD' } }),
        ...(flags.config !== undefined && { configPath: flags.config }),
        isWholeWalk: flags.all,
        logger,
      });
      if (flags.json) {
        const { formatImpactJson } = await import('../../adapters/output/format-json-documents.js');
        process.stdout.write(formatImpactJson(impact, context.version));
      } else {
        const [{ formatImpactReport }, { createColors }] = await Promise.all([
          import('../../adapters/output/format-impact.js'),
          import('../../adapters/output/colors.js'),
        ]);
        process.stdout.write(formatImpactReport(impact, createColors(process.stdout, process.env, flags.color), heading));
      }
      context.exitCode = EXIT.pass;
    });
}
