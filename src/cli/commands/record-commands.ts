import type { Command } from 'commander';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import { EXIT } from '../exit-codes.js';
import type { RunContext } from '../run-context.js';
import { registerInstallCommands, registerRestagedHook } from './install-commands.js';

// The commands around the review record: hook (what the hooks run), show, log; and, from
// install-commands.ts, init, uninstall and doctor.

const STATUS_WORDS = {
  reviewed: 'reviewed',
  override: 'override',
  setup: 'setup commit (nothing to review)',
  missing: 'missing',
  'changed-after-review': 'content changed after review',
  unverified: 'unverified (record not in notes)',
  invalid: 'invalid review',
  unreadable: 'unreadable',
} as const;

/** Never break a commit over our own bookkeeping; say what is missing and why. */
async function withoutBreakingTheCommit(what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.stderr.write(`selfreview: could not ${what}: ${clean((error as Error).message.split('\n')[0] ?? '')}\n`);
  }
}

export function registerRecordCommands(program: Command, context: RunContext): void {
  registerInstallCommands(program, context);
  const hook = program.command('hook').description('what the installed git hooks run (not for direct use)');
  registerRestagedHook(hook, context);
  for (const name of ['prepare-commit-msg', 'commit-msg'] as const) {
    hook
      .command(`${name} <file> [source] [sha]`)
      .description('append the review trailers to the commit message')
      .action(async (file: string, source: string | undefined) => {
        const { addTrailersFromHook } = await import('../../review/attach-record.js');
        await withoutBreakingTheCommit('add the review trailers', () =>
          addTrailersFromHook(process.cwd(), name, file, source, context.logger({})),
        );
        context.exitCode = EXIT.pass;
      });
  }
  hook
    .command('gate <tree> <file>')
    .description('decide the commit as CI will, from its message, author and environment (commit-msg)')
    .action(async (tree: string, file: string) => {
      const [{ gateCommitMessage }, { MESSAGES }] = await Promise.all([
        import('../../review/gate-commit-message.js'),
        import('../messages.js'),
      ]);
      const gate = await gateCommitMessage(process.cwd(), tree, file, process.env, context.logger({}));
      context.exitCode = EXIT.pass;
      if (gate.kind === 'recorded-as-ai') process.stderr.write(`${MESSAGES.recordedAsAi(clean(gate.source))}\n`);
      if (gate.kind !== 'refused') return;
      const errors = gate.decision.check.findings.filter((f) => f.level === 'error');
      process.stderr.write(
        `selfreview: ${MESSAGES.refusedByMessage(clean(gate.decision.provenance.source))}\n` +
          errors.map((f) => `  ${clean(f.message)}\n`).join('') +
          `${MESSAGES.aiPolicy(gate.policy)}\n`,
      );
      context.exitCode = EXIT.rejected;
    });
  hook
    .command('post-commit')
    .alias('post-merge')
    .description('store the review as a git note on the new commit (post-merge: after `git merge`)')
    .action(async () => {
      const { storeNote } = await import('../../review/attach-record.js');
      await withoutBreakingTheCommit('store the review note', () => storeNote(process.cwd(), context.logger({})));
      context.exitCode = EXIT.pass;
    });

  program
    .command('show [commit]')
    .description("print a commit's recorded review")
    .option('--json', 'print one JSON document', false)
    .action(async (commit: string | undefined, flags: { json: boolean }) => {
      const { readCommitReview } = await import('../../review/read-reviews.js');
      const found = await readCommitReview(process.cwd(), commit ?? 'HEAD', context.logger({}));
      const say = (line: string) => process.stdout.write(`${line}\n`);
      if (!found) return;
      const { review, note } = found;
      context.exitCode = review.status === 'reviewed' || review.status === 'override' ? EXIT.pass : EXIT.rejected;
      if (flags.json) {
        process.stdout.write(
          (await import('../../adapters/output/format-json-documents.js')).formatShowJson(review, note, context.version),
        );
        return;
      }
      say(`${review.commit.slice(0, 10)} ${clean(review.subject)}`);
      say(`Review: ${STATUS_WORDS[review.status]}${review.how !== null && review.how !== 'same tree' ? ` (${clean(review.how)})` : ''}`);
      for (const problem of review.problems) say(`  - ${clean(problem)}`);
      if (review.trailer)
        say(
          `  ${review.trailer.tree !== undefined ? `tree ${review.trailer.tree.slice(0, 10)}, ` : ''}risk ${review.trailer.risk}, +${review.trailer.added}/-${review.trailer.removed} in ${review.trailer.files} file${review.trailer.files === 1 ? '' : 's'}, provenance ${review.trailer.provenance}`,
        );
      if (review.override) say(`  override: ${clean(review.override)}`);
      say(`CI: ${review.ci.verdict}, provenance ${review.ci.provenance} (${clean(review.ci.provenanceSource)})`);
      for (const finding of review.ci.findings) say(`  ${finding.level}: ${clean(finding.message)}`);
      if (note) {
        const quiz = (await import('../../core/questionnaire/describe-quiz-attempts.js')).describeQuizAttempts(note.answers);
        if (quiz !== null) say(`  ${quiz}`);
        for (const answer of note.answers) {
          say(`\n${clean(answer.question)}`);
          say(`  ${answer.choice ? `[${clean(answer.choice)}] ` : ''}${clean(answer.answer)}`);
        }
      } else if (review.trailer) {
        say('  (no note here: fetch them with `git fetch origin refs/notes/selfreview:refs/notes/selfreview`)');
      }
    });

  program
    .command('log [range]')
    .description('list commits with their review status')
    .option('-n, --max-count <n>', 'how many commits', '30')
    .option('--json', 'print one JSON document', false)
    .action(async (range: string | undefined, flags: { maxCount: string; json: boolean }) => {
      const { listCommitReviews } = await import('../../review/read-reviews.js');
      const reviews = await listCommitReviews(process.cwd(), range ?? 'HEAD', context.logger({}), Number(flags.maxCount) || 30);
      context.exitCode = EXIT.pass;
      if (flags.json) {
        process.stdout.write((await import('../../adapters/output/format-json-documents.js')).formatLogJson(reviews, context.version));
        return;
      }
      for (const r of reviews) {
        process.stdout.write(`${r.commit.slice(0, 10)}  ${STATUS_WORDS[r.status].padEnd(29)} ${clean(r.subject)}\n`);
        // CI's verdict on the size for the commit's provenance, which the review status does not show.
        for (const f of r.ci.findings.filter((x) => x.level === 'error' && (x.code.endsWith('-over-budget') || x.code === 'unreadable')))
          process.stdout.write(`            fails CI: ${clean(f.message)}\n`);
      }
      context.exitCode = EXIT.pass;
    });
}
