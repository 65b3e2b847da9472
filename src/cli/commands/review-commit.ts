import type { Command } from 'commander';
import { selfreviewCommand } from '../../core/config/package-runner.js';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import { EXIT } from '../exit-codes.js';
import type { RunContext } from '../run-context.js';

// `selfreview review-commit <rev>`: review a commit that already exists, at a terminal, and keep
// the record as a note on it (CI accepts it without the commit being rewritten).
// `selfreview push-notes [remote]`: share the notes CI verifies reviews from.

interface ReviewCommitFlags {
  readonly answers?: string;
  readonly config?: string;
  readonly color: boolean;
  readonly debug: boolean;
}

export function registerReviewCommitCommand(program: Command, context: RunContext): void {
  program
    .command('push-notes [remote]')
    .description("push the review notes (refs/notes/selfreview), merged with the remote's, so CI can verify the reviews")
    .option('--debug', 'log git commands to stderr', false)
    .action(async (remote: string | undefined, flags: { debug: boolean }) => {
      const { runPushNotes } = await import('../../review/run-push-notes.js');
      const result = await runPushNotes(process.cwd(), remote ?? 'origin', context.logger(flags));
      process.stdout.write(
        result.pushed
          ? `Review notes pushed to ${clean(result.remote)}${result.merged ? " (merged with the remote's)" : ''}.\n`
          : 'No review notes to push yet.\n',
      );
      context.exitCode = EXIT.pass;
    });

  program
    .command('review-commit <rev>')
    .description('review an existing commit (changed after its review, or made without the hooks) and record it as a note on it')
    .option('--answers <file>', 'answer from a JSON or YAML file (CI reports such reviews: ci.answersFromFile)')
    .option('--config <path>', 'use this config file')
    .option('--no-color', 'plain output')
    .option('--debug', 'log git commands and stages to stderr', false)
    .action(async (rev: string, flags: ReviewCommitFlags) => {
      const [{ runReviewCommit }, { createColors }, { reportQuestionnaire }] = await Promise.all([
        import('../../review/run-review-commit.js'),
        import('../../adapters/output/colors.js'),
        import('./review.js'),
      ]);
      const done = await runReviewCommit({
        cwd: process.cwd(),
        rev,
        ...(flags.config !== undefined && { configPath: flags.config }),
        ...(flags.answers !== undefined && { answersPath: flags.answers }),
        version: context.version,
        logger: context.logger(flags),
        async openPrompter() {
          const { openTerminal } = await import('../../adapters/prompts/open-terminal.js');
          const terminal = openTerminal();
          if (terminal === null) return null;
          const { createTerminalPrompter } = await import('../../adapters/prompts/terminal-prompter.js');
          const c = createColors(terminal.output, process.env, flags.color);
          return createTerminalPrompter(terminal, { dim: (t) => c.dim(t), bold: (t) => c.bold(t) });
        },
      });
      if (done.result === null) {
        process.stderr.write(
          `selfreview: ${done.commit.slice(0, 10)} is over its budget; nothing to review until it is split:\n${done.reasons.map((r) => `  ${clean(r)}`).join('\n')}\n`,
        );
        context.exitCode = EXIT.rejected;
        return;
      }
      if (done.digest === null) {
        context.exitCode = reportQuestionnaire({ questionnaire: done.result }, done.runner);
        return;
      }
      process.stdout.write(
        `Review of ${done.commit.slice(0, 10)} recorded as a note (refs/notes/selfreview, record ${done.digest.slice(0, 17)}…).\n` +
          `Share it for CI: ${selfreviewCommand(done.runner, 'push-notes')}\n`,
      );
      context.exitCode = EXIT.pass;
    });
}
