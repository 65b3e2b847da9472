import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import type { RunContext } from '../run-context.js';

// `selfreview impact`: the blast-radius report alone, for the staged change or a commit range.

export interface ImpactFlags {
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
      context.exitCode = await runImpactCommand(flags, context);
    });
}

/** `selfreview impact` once its flags are known (from commander, or main.ts's switches alone). */
export async function runImpactCommand(flags: ImpactFlags, context: RunContext): Promise<number> {
  const logger = context.logger(flags);
  // git starts first and runs on another core while the blast radius's modules load; a failure
  // is reported when runImpact awaits it, not as an unhandled rejection.
  const isStaged = flags.base === undefined;
  const repository = (await import('../../adapters/git/git-client.js')).openRepository(
    process.cwd(),
    logger,
    // One cat-file for every blob read of the run (the change's manifests, then the blast
    // radius's): each git spawn costs a warm run ~4 ms of CPU (docs/speed.md, round 52).
    { keepReadsOpen: true, ...(isStaged && { prefetchStagedDiff: 'records' as const }) },
  );
  repository.catch(() => undefined);
  const { runImpact } = await import('../../review/run-impact.js');
  const { heading, impact } = await runImpact({
    cwd: process.cwd(),
    env: process.env,
    ...(!isStaged && { range: { base: flags.base, head: flags.head ?? 'HEAD' } }),
    ...(flags.config !== undefined && { configPath: flags.config }),
    isWholeWalk: flags.all,
    logger,
    repository,
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
  return EXIT.pass;
}
