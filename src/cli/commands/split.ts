import { type Command, InvalidArgumentError } from 'commander';
import { EXIT } from '../exit-codes.js';
import type { RunContext } from '../run-context.js';

// `selfreview split`: the staged change as commits by meaning; `--stage N` puts one group in the
// index, `--restore` puts the original index back, `-i` edits the groups first, `--check` says
// whether the code type-checks after each group.

interface SplitFlags {
  readonly json: boolean;
  readonly check: boolean;
  readonly stage?: number;
  readonly restore: boolean;
  readonly interactive: boolean;
  readonly ai: boolean;
  readonly config?: string;
  readonly debug: boolean;
  readonly color: boolean;
}

const parseGroup = (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('a group number, as `selfreview split` lists them.');
  return Number(value);
};

async function runSplitCommand(flags: SplitFlags, context: RunContext): Promise<number> {
  const logger = context.logger(flags);
  const [{ createColors }, { INTERRUPTED_SPLIT, isInterruption }] = await Promise.all([
    import('../../adapters/output/colors.js'),
    import('./split-messages.js'),
  ]);
  const colors = createColors(process.stdout, process.env, flags.color);
  try {
    if (flags.restore) {
      const { restoreSplit } = await import('../../review/restore-split.js');
      const { backup, committedDuringSplit } = await restoreSplit({ cwd: process.cwd(), logger });
      process.stdout.write(`Restored the index saved before \`selfreview split --stage\`; the index it replaced is kept at ${backup}.\n`);
      if (committedDuringSplit)
        process.stdout.write('Groups committed since then stay committed; the rest of the change is staged again.\n');
      return EXIT.pass;
    }
    const { runSplit } = await import('../../review/run-split.js');
    const edit = flags.interactive ? (await import('../../adapters/prompts/edit-split-plan.js')).createPlanEditor(colors) : undefined;
    const outcome = await runSplit({
      cwd: process.cwd(),
      env: process.env,
      aiFlag: flags.ai,
      logger,
      ...(flags.config !== undefined && { configPath: flags.config }),
      ...(flags.stage !== undefined && { stage: flags.stage }),
      ...(edit !== undefined && { edit }),
    });
    const checks = flags.check ? await (await import('../../review/check-split.js')).checkSplit(outcome, logger) : undefined;
    const view = { ...outcome, ...(checks !== undefined && { checks }) };
    const [{ formatSplitJson, formatSplitText }, { detectPackageRunner }] = await Promise.all([
      import('../../adapters/output/format-split.js'),
      import('../../adapters/fs/detect-package-runner.js'),
    ]);
    process.stdout.write(
      flags.json ? formatSplitJson(view, context.version) : formatSplitText(view, colors, detectPackageRunner(outcome.git.info.root)),
    );
    return EXIT.pass;
  } catch (error) {
    if (!isInterruption(error)) throw error;
    process.stderr.write(`${INTERRUPTED_SPLIT}\n`);
    return EXIT.interrupted;
  }
}

export function registerSplitCommand(program: Command, context: RunContext): void {
  program
    .command('split')
    .description('split the staged change into commits a person can review, ordered by what builds on what')
    .option('--json', 'print one JSON document', false)
    .option('--check', 'say whether the code type-checks after each group (TypeScript, without touching the working tree)', false)
    .option('--stage <n>', 'put exactly group n in the index (the rest stays in the working tree)', parseGroup)
    .option('--restore', 'put back the index saved before the first --stage', false)
    .option('-i, --interactive', 'move files between groups, merge and rename them, then stage the first', false)
    .option('--ai', 'the change is AI-assisted or AI-generated: plan for the AI budget', false)
    .option('--config <path>', 'use this config file')
    .option('--debug', 'log git commands and stages to stderr; stack traces on errors', false)
    .option('--no-color', 'plain output')
    .action(async (flags: SplitFlags) => {
      context.exitCode = await runSplitCommand(flags, context);
    });
}
