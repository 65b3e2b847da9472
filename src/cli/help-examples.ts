import type { Command } from 'commander';

// Two examples and the doc of each command, under its --help: what a new user copies first.

// The docs live in the repository (docs/), not in the package: named by their path there.
const DOCS = 'docs';

const HELP: Record<string, { readonly examples: readonly [string, string]; readonly doc: string }> = {
  selfreview: {
    examples: [
      'selfreview                 # review the staged change, then commit',
      'selfreview --dry-run --json  # the report and the questions, nothing asked',
    ],
    doc: 'review.md',
  },
  init: {
    examples: [
      'npx selfreview init        # hooks beside husky, lefthook, .git/hooks',
      'yarn selfreview init       # the same in a yarn project',
    ],
    doc: 'install.md',
  },
  uninstall: { examples: ['selfreview uninstall', 'selfreview uninstall && npm uninstall selfreview'], doc: 'install.md#uninstall' },
  doctor: { examples: ['selfreview doctor', 'selfreview doctor --fix    # attach reviews a killed hook left pending'], doc: 'install.md' },
  show: { examples: ['selfreview show', 'selfreview show HEAD~2 --json'], doc: 'review.md' },
  log: { examples: ['selfreview log', 'selfreview log origin/main..HEAD -n 20 --json'], doc: 'review.md' },
  ci: { examples: ['selfreview ci --base origin/main', 'selfreview ci --base origin/main --format markdown > summary.md'], doc: 'ci.md' },
  'push-notes': { examples: ['selfreview push-notes', 'selfreview push-notes upstream'], doc: 'ci.md#sharing-the-notes' },
  'review-commit': {
    examples: ['selfreview review-commit HEAD~1', 'selfreview review-commit 1a2b3c4d5e --answers answers.json'],
    doc: 'ci.md',
  },
  split: { examples: ['selfreview split', 'selfreview split --stage 1 && git commit'], doc: 'split.md' },
  impact: { examples: ['selfreview impact', 'selfreview impact --base origin/main --json'], doc: 'impact.md' },
};

/** Adds "Examples" and "Docs" after the help of the program and each of its commands. */
export function addHelpExamples(program: Command): void {
  for (const command of [program, ...program.commands]) {
    const help = HELP[command.name()];
    if (help === undefined) continue;
    command.addHelpText(
      'after',
      `\nExamples:\n${help.examples.map((e) => `  $ ${e}`).join('\n')}\n\nDocs: ${DOCS}/${help.doc} in the selfreview repository`,
    );
  }
}
