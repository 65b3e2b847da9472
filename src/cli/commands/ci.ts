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
    .argument('[range]', 'the commits to check as git writes them: origin/main..HEAD (--base and --head)')
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
    .action(async (range: string | undefined, given: CiFlags) => {
      const logger = context.logger(given);
      const { UsageError } = await import('../../core/errors.js');
      const flags = range === undefined ? given : { ...given, ...readRange(range, given, UsageError) };
      if (!flags.staged && flags.base === undefined)
        throw new UsageError('ci needs --base <rev> (for example origin/main) or a range (origin/main..HEAD), or --staged.');
      const { runCi, runCiStaged } = await import('../../review/run-ci.js');
      const options = {
        cwd: process.cwd(),
        withImpact: flags.impact,
        logger,
        ...(flags.config !== undefined && { configPath: flags.config }),
      };
      const step = flags.staged ? null : await rangeProgress();
      const report = step
        ? await runCi({ ...options, base: flags.base!, head: flags.head, policyFrom: flags.policyFrom, onCommit: step.commit }).finally(
            step.done,
          )
        : await runCiStaged({ ...options, env: process.env });
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

/** `origin/main..HEAD` (or `origin/main..`: up to HEAD), as a user types it after `git log`. */
function readRange(range: string, flags: CiFlags, UsageError: new (message: string) => Error): Pick<CiFlags, 'base' | 'head'> {
  const match = /^([^.]+(?:\.[^.]+)*)\.\.([^.]+(?:\.[^.]+)*)?$/.exec(range);
  if (match === null) throw new UsageError(`ci takes a range as <base>..<head> (for example origin/main..HEAD), not "${range}".`);
  if (flags.base !== undefined || flags.staged)
    throw new UsageError(`ci takes a range or --base${flags.staged ? ' (or --staged)' : ''}, not both.`);
  return { base: match[1]!, head: match[2] ?? flags.head };
}

/** How far a range's check is, on stderr (its output stays on stdout): on a terminal one line
 * updated in place; in a CI log a line every few seconds, so 100 commits of a large repository
 * (umami: minutes on a loaded runner) never look like a hang. */
async function rangeProgress(): Promise<{ commit: (done: number, total: number) => void; done: () => void }> {
  const { createProgress } = await import('../../adapters/output/progress.js');
  const env = process.env.SELFREVIEW_PROGRESS_AFTER_MS ?? '';
  const step = createProgress(process.stderr, {
    enabled: true,
    columns: process.stderr.columns,
    ...(/^\d+$/.test(env) && { delayMs: Number(env) }),
  }).step('checking the commits');
  let said = 0;
  return {
    commit(done, total) {
      const text = `${done} of ${total}`;
      if (process.stderr.isTTY === true) step.update(text);
      else if (Date.now() - said >= LOG_EVERY_MS) {
        said = Date.now();
        step.note(`${text} commits checked`);
      }
    },
    done: () => step.done(),
  };
}

const LOG_EVERY_MS = 5000;
