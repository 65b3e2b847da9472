import input from '@inquirer/input';
import select from '@inquirer/select';
import { UsageError } from '../../core/errors.js';
import { mergeGroups, moveFile, renameGroup } from '../../core/split/edit-plan.js';
import type { SplitPlan } from '../../core/split/split-plan.js';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import { openTerminal } from './open-terminal.js';
import { onFreshTerminal, type Styles } from './terminal-prompter.js';

// `selfreview split -i`: the author reshapes the plan on the terminal (move a file, merge or
// rename groups), then group 1 is staged. Prompts read /dev/tty like the questionnaire, so it
// works from any shell; Ctrl-C at any prompt stops with the index untouched.

type Action = 'stage' | 'move' | 'merge' | 'rename' | 'quit';

/**
 * One prompt on its own terminal streams (inquirer ends its output stream when done), the
 * questionnaire's: a signal at the prompt (SIGINT, SIGTERM, SIGHUP) shows the cursor again and
 * leaves raw mode before the process exits.
 */
const ask = onFreshTerminal;

const groupChoices = (plan: SplitPlan) =>
  plan.groups.map((g, i) => ({ value: i + 1, name: `${i + 1}. ${clean(g.reason)} (${g.countedFiles} files, ${g.lines} lines)` }));

function describePlan(plan: SplitPlan, styles: Styles): string {
  const lines = plan.groups.flatMap((g, i) => [
    `${styles.bold(`${i + 1}.`)} ${clean(g.reason)}  (${g.countedFiles} files, ${g.lines} lines${g.isOverBudget ? ', over budget' : ''})`,
    ...g.files.map((f) => styles.dim(`     ${clean(f.path)}`)),
  ]);
  return `\n${lines.join('\n')}\n`;
}

async function editOnce(plan: SplitPlan, action: Exclude<Action, 'stage' | 'quit'>): Promise<SplitPlan> {
  if (action === 'move') {
    const files = plan.groups.flatMap((g, i) => g.files.map((f) => ({ value: f.path, name: `${clean(f.path)}  (group ${i + 1})` })));
    const path = await ask((context) => select({ message: 'Which file?', choices: files, pageSize: 15 }, context));
    const to = await ask((context) =>
      select(
        { message: 'Into which group?', choices: [...groupChoices(plan), { value: plan.groups.length + 1, name: 'a new group' }] },
        context,
      ),
    );
    return moveFile(plan, path, to);
  }
  if (action === 'merge') {
    const into = await ask((context) => select({ message: 'Merge into which group?', choices: groupChoices(plan) }, context));
    const from = await ask((context) =>
      select({ message: `Which group goes into group ${into}?`, choices: groupChoices(plan).filter((c) => c.value !== into) }, context),
    );
    return mergeGroups(plan, into, from);
  }
  const group = await ask((context) => select({ message: 'Rename which group?', choices: groupChoices(plan) }, context));
  const reason = await ask((context) =>
    input(
      {
        message: 'New name (the commit it will be):',
        default: plan.groups[group - 1]!.reason,
        validate: (t) => (t.trim() === '' ? 'Say what the group is.' : true),
      },
      context,
    ),
  );
  return renameGroup(plan, group, reason);
}

export function createPlanEditor(styles: Styles): (plan: SplitPlan) => Promise<SplitPlan | null> {
  return async (initial) => {
    const terminal = openTerminal();
    if (terminal === null)
      throw new UsageError('`selfreview split -i` needs a terminal: run it in one, or use `selfreview split --stage N`.');
    terminal.input.destroy(); // each prompt opens its own; this pair only writes the plan
    const write = (text: string) => terminal.output.write(text);
    try {
      let plan = initial;
      for (;;) {
        write(describePlan(plan, styles));
        const action = await ask((context) =>
          select<Action>(
            {
              message: 'What next?',
              choices: [
                { value: 'stage', name: 'Stage group 1 now' },
                { value: 'move', name: 'Move a file to another group' },
                ...(plan.groups.length > 1 ? [{ value: 'merge' as const, name: 'Merge two groups' }] : []),
                { value: 'rename', name: 'Rename a group' },
                { value: 'quit', name: 'Quit without staging' },
              ],
            },
            context,
          ),
        );
        if (action === 'stage') return plan;
        if (action === 'quit') return null;
        plan = await editOnce(plan, action);
      }
    } finally {
      terminal.output.destroy();
    }
  };
}
