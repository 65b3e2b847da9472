import { appendFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import type { RunContext } from '../run-context.js';

// `selfreview ci`: the non-interactive check of a branch or pull request.

interface CiFlags {
  readonly base?: string;
  readonly head: string;
  readonly staged: boolean;
  readonly format: 'text' | 'json' | 'markdown' | 'github' | 'sarif';
  readonly warnOnly: boolean;
  readonly impact: boolean;
  readonly config?: string;
  readonly policyFrom: 'base' | 'head';
  readonly debug: boolean;
}

export function registerCiCommand(program: Command, context: RunContext): void {
  program
    .command('ci')
    .description('check every commit of a range (or the staged change) without prompting: budgets, AI policy, review records')
    .option('--base <rev>', 'the commit the branch starts from (e.g. origin/main)')
    .option('--head <rev>', 'the last commit to check', 'HEAD')
    .option('--staged', 'check the staged change instead of a range (a dry run of the hook)', false)
    .addOption(new Option('--format <format>', 'output').choices(['text', 'json', 'markdown', 'github', 'sarif']).default('text'))
    .option('--warn-only', 'report, but exit 0', false)
    .option('--no-impact', 'skip the blast radius of each commit')
    .option('--config <path>', 'use this config file')
    .addOption(
      new Option(
        '--policy-from <where>',
        "without --config, read the config from the range's base (a pull request cannot relax it) or the work tree",
      )
        .choices(['base', 'head'])
        .default('base'),
    )
    .option('--debug', 'log git commands and stages to stderr', false)
    .action(async (flags: CiFlags) => {
      const logger = context.logger(flags);
      if (!flags.staged && flags.base === undefined) {
        throw new (await import('../../core/errors.js')).UsageError(
          'selfreview ci needs --base <rev> (for example origin/main), or --staged.',
        );
      }
      const { runCi, runCiStaged } = await import('../../review/run-ci.js');
      const options = {
        cwd: process.cwd(),
        withImpact: flags.impact,
        logger,
        ...(flags.config !== undefined && { configPath: flags.config }),
      };
      const report = flags.staged
        ? await runCiStaged({ ...options, env: process.env })
        : await runCi({ ...options, base: flags.base!, head: flags.head, policyFrom: flags.policyFrom });
      const output = await import('../../adapters/output/format-ci.js');
      if (flags.format === 'json')
        process.stdout.write((await import('../../adapters/output/format-json-documents.js')).formatCiJson(report, context.version));
      else if (flags.format === 'markdown') process.stdout.write(output.formatCiMarkdown(report));
      else if (flags.format === 'github') process.stdout.write(output.formatCiGithub(report));
      else if (flags.format === 'sarif') process.stdout.write(output.formatCiSarif(report, context.version));
      else process.stdout.write(output.formatCiText(report));
      const summary = process.env.GITHUB_STEP_SUMMARY;
      if (summary) appendFileSync(summary, output.formatCiMarkdown(report));
      context.exitCode = report.verdict === 'pass' || flags.warnOnly ? EXIT.pass : EXIT.rejected;
    });
}
