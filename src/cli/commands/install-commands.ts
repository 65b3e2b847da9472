import type { Command } from 'commander';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import { EXIT } from '../exit-codes.js';
import type { RunContext } from '../run-context.js';

// The commands around the installation: init, uninstall, doctor, and the hook step that moves a
// review to the committed tree when a later hook changed the content (hooks/hook.sh calls it).

interface Flags {
  readonly debug?: boolean;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`selfreview: ${line}\n`);

export function registerInstallCommands(program: Command, context: RunContext): void {
  program
    .command('init')
    .description('install the hooks beside the ones this repository has (husky, .git/hooks, a hooks path), and a default config')
    .option('--debug', 'log git commands', false)
    .option('--agents', 'also print a section for AGENTS.md / CLAUDE.md: the policy for AI agents and the commands', false)
    .action(async (flags: Flags & { agents?: boolean }) => {
      const { runInit } = await import('../../review/run-init.js');
      const { describeHookSetup } = await import('../../adapters/hooks/detect-hook-setup.js');
      const result = await runInit(process.cwd(), context.logger(flags));
      const shown = (path: string) => (path.startsWith(`${result.root}/`) ? path.slice(result.root.length + 1) : path);
      say(`Hooks: ${clean(describeHookSetup(result.setup))}.`);
      for (const change of result.hooks?.changes ?? []) {
        if (change.action === 'unchanged') continue;
        const where = change.before
          ? `, placed before line ${change.before.line} (\`${clean(change.before.text)}\`), which would have ended the script first`
          : '';
        say(`  ${change.action === 'created' ? 'created' : 'added to'} ${clean(shown(change.path))}${where}`);
      }
      if (result.hooks && result.hooks.changes.every((c) => c.action === 'unchanged') && result.problems.length === 0)
        say('  already set up.');
      for (const note of result.notes) say(clean(note));
      if (result.config !== null) say(`Wrote ${result.config} with the default budgets.`);
      for (const problem of result.problems) complain(clean(problem));
      if (result.manual && result.manual.missing.length > 0) say(`\n${result.manual.lines}\n`);
      say(clean(result.adoption));
      if (result.problems.length === 0) {
        const { selfreviewCommand } = await import('../../core/config/package-runner.js');
        say(`Done: the next \`git commit\` runs the review. \`${selfreviewCommand(result.runner, 'doctor')}\` checks the setup.`);
      }
      if (flags.agents === true) {
        const { describeAgentSection } = await import('../../review/run-init.js');
        say(
          `\nFor AGENTS.md or CLAUDE.md (copy it there; selfreview does not edit them):\n\n${await describeAgentSection(result.root, context.logger(flags))}`,
        );
      }
      context.exitCode = result.problems.length === 0 ? EXIT.pass : EXIT.rejected;
    });

  program
    .command('uninstall')
    .description('remove exactly what init added: its hook lines and files, the hooks path it set, its unchanged config')
    .action(async () => {
      const { runUninstall } = await import('../../review/run-uninstall.js');
      const result = await runUninstall(process.cwd(), context.logger({}));
      const shown = (path: string) => (path.startsWith(`${result.root}/`) ? path.slice(result.root.length + 1) : path);
      for (const change of result.changes)
        say(`${change.action === 'file removed' ? 'removed' : 'removed the selfreview block from'} ${clean(shown(change.path))}`);
      if (result.hooksPath)
        say(
          result.hooksPath.restored === ''
            ? 'unset core.hooksPath (init had set it)'
            : `core.hooksPath back to ${clean(result.hooksPath.restored)}`,
        );
      if (result.config)
        say(result.config.removed ? `removed ${result.config.path}` : `kept ${result.config.path}: it was edited after init`);
      if (result.notes && result.notes.fetch.length > 0)
        say(`removed the review notes fetch of ${result.notes.fetch.map((r) => clean(r)).join(', ')} (init had added it)`);
      if (result.notes?.mergeStrategy) say('unset notes.selfreview.mergeStrategy (init had set it)');
      if (result.manual) say(`Remove the selfreview entries (${result.manual.hooks.join(', ')}) from ${result.manual.file} yourself.`);
      if (result.changes.length === 0 && !result.hooksPath && !result.config && !result.notes && !result.manual)
        say('Nothing to remove: selfreview is not installed here.');
      else say('Recorded reviews stay (trailers, notes). Drafts and the cache are in .git/selfreview.');
      context.exitCode = EXIT.pass;
    });

  program
    .command('doctor')
    .description('check the installation: node, git, hooks and who runs them, config, terminal, notes')
    .option('--fix', 'attach reviews left pending (a hook was killed) to their commits as notes', false)
    .action(async (flags: { fix: boolean }) => {
      if (flags.fix) {
        const { fixPendingRecords } = await import('../../review/attach-pending.js');
        const fixed = await fixPendingRecords(process.cwd(), context.logger({}));
        const n = fixed.attached.length;
        process.stdout.write(
          `Attached ${n} pending review${n === 1 ? '' : 's'} to ${n === 1 ? 'its commit' : 'their commits'}; ${fixed.pending} wait for a commit.\n`,
        );
      }
      const { runDoctor } = await import('../../review/run-doctor.js');
      const checks = await runDoctor(process.cwd(), context.logger({}));
      for (const check of checks) {
        process.stdout.write(`${check.ok ? '✔' : '✖'} ${clean(check.label)}\n`);
        // A fix may be lines to paste (a hook manager's config): each line cleaned on its own.
        if (!check.ok && check.fix)
          process.stdout.write(
            `${check.fix
              .split('\n')
              .map((line) => `    ${clean(line)}`)
              .join('\n')}\n`,
          );
      }
      context.exitCode = checks.every((c) => c.ok) ? EXIT.pass : EXIT.rejected;
    });
}

/** `selfreview hook restaged <reviewed> <committed>`: registered beside the other hook steps. */
export function registerRestagedHook(hook: Command, context: RunContext): void {
  hook
    .command('restaged <reviewed> <committed>')
    .description('a later hook changed the staged content: move the review to the committed tree, recording the difference')
    .action(async (reviewed: string, committed: string) => {
      const { restageRecord } = await import('../../review/restage-record.js');
      try {
        const restaged = await restageRecord(process.cwd(), reviewed, committed, context.logger({}));
        if (restaged) {
          const names =
            restaged.files
              .slice(0, 3)
              .map((f) => clean(f.path))
              .join(', ') + (restaged.files.length > 3 ? `, +${restaged.files.length - 3} more` : '');
          complain(
            `a hook after the review changed the staged content (${names}; +${restaged.added}/-${restaged.removed}): the commit's review records it.`,
          );
        }
      } catch (error) {
        complain(`could not move the review to the committed content: ${clean((error as Error).message.split('\n')[0] ?? '')}`);
      }
      context.exitCode = EXIT.pass;
    });
}
