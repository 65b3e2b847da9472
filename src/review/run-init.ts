import { join } from 'node:path';
import { hookScriptAdvice, selfreviewCommand, type PackageRunner } from '../core/config/package-runner.js';
import { fileExists, writeTextFile } from '../adapters/fs/text-files.js';
import { CONFIG_FILES } from '../adapters/config/load-config.js';
import { configureReviewNotes } from '../adapters/git/configure-review-notes.js';
import { openRepository } from '../adapters/git/git-client.js';
import {
  describeHookSetup,
  detectHookSetup,
  huskySetupAdvice,
  initRunsOnInstall,
  readPackageJsonProblem,
  type HookSetup,
} from '../adapters/hooks/detect-hook-setup.js';
import { ConfigError } from '../core/errors.js';
import { HOOK_SCRIPT } from '../core/setup/hook-block.js';
import { installHooks, type InstallResult } from '../adapters/hooks/install-hooks.js';
import { recordInstall } from '../adapters/hooks/install-manifest.js';
import { describeManualSetup, findUnappliedHooks, type ManualSetup } from '../adapters/hooks/manual-setup.js';
import { readHookPaths } from '../adapters/hooks/read-hook-paths.js';
import { runProjectHusky } from '../adapters/hooks/run-project-husky.js';
import type { Logger } from '../adapters/log/logger.js';
import { buildAgentPolicy, formatAgentInstructions } from '../core/policy/agent-policy.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { declaresSelfreview, detectPackageRunner } from '../adapters/fs/detect-package-runner.js';

// `selfreview init`: the hooks, beside whatever runs this repository's hooks today, and a default
// config. Idempotent. It never reports success for a hook our line cannot run in: those are
// `problems`, and the command exits 1 until they are fixed.

export interface InitResult {
  /** The work tree's root (paths below are absolute). */
  readonly root: string;
  readonly setup: HookSetup;
  readonly hooks: InstallResult | null;
  readonly manual: ManualSetup | null;
  readonly config: string | null;
  /** Done for the user, said once (husky installed here, the hooks path set). */
  readonly notes: readonly string[];
  readonly problems: readonly string[];
  /** How the project runs selfreview (`npx`, `yarn`, `pnpm exec`, `bunx`), for every command printed. */
  readonly runner: PackageRunner;
  /** How to adopt on a branch with history: the ci.since line for today. */
  readonly adoption: string;
}

export const DEFAULT_CONFIG_TEXT = `${JSON.stringify(
  {
    $schema: './node_modules/selfreview/schema/selfreview.schema.json',
    budgets: { human: { lines: 400, files: 25 }, ai: { lines: 200, files: 10 } },
    provenance: { assume: 'detect' },
  },
  null,
  2,
)}\n`;

/** husky writes its runner (.husky/_) per work tree and git-ignores it: a new clone or a linked worktree has none. */
function ensureHuskyRunner(
  root: string,
  setup: Extract<HookSetup, { kind: 'husky' }>,
  packageRunner: PackageRunner,
  notes: string[],
  problems: string[],
): void {
  const runner = setup.major >= 9 ? join(root, '.husky', '_', 'h') : join(root, '.husky', '_', 'husky.sh');
  if (fileExists(runner)) return;
  if (runProjectHusky(root, setup.major) && fileExists(runner)) {
    notes.push(`Ran the project's husky ${setup.major} here: this work tree had no .husky/_, so git ran no hooks in it.`);
    return;
  }
  problems.push(
    `husky is not set up in this work tree (no ${setup.major >= 9 ? '.husky/_/h' : '.husky/_/husky.sh'}): git runs none of its hooks here. ${huskySetupAdvice(root, setup.major, packageRunner)}.`,
  );
}

export async function runInit(cwd: string, logger: Logger): Promise<InitResult> {
  const git = await openRepository(cwd, logger);
  const { root, commonDir } = git.info;
  const paths = await readHookPaths(git);
  // Its hook manager is read from package.json: unread, init would set up the wrong one.
  const unreadable = readPackageJsonProblem(root);
  if (unreadable !== null)
    throw new ConfigError(
      `package.json is not valid JSON (${unreadable}): init reads the project's hook manager from it. Fix it, then run init again.`,
    );
  const setup = detectHookSetup(paths);
  const notes: string[] = [];
  const problems: string[] = [];
  const runner = detectPackageRunner(root);

  const manual = describeManualSetup(root, setup);
  let hooks: InstallResult | null = null;
  if (manual === null) {
    hooks = installHooks(root, setup);
    problems.push(...hooks.problems);
    const created = hooks.changes.filter((c) => c.action === 'created').map((c) => c.path);
    if (setup.kind === 'husky') ensureHuskyRunner(root, setup, runner, notes, problems);
    // git's own hooks folder is no file of the project: a teammate's clone has none of them.
    if (setup.kind === 'hooks-dir' && setup.origin === 'git' && created.length > 0 && !initRunsOnInstall(root))
      notes.push(
        `These hooks are in .git/hooks, which no clone shares: each clone runs \`${selfreviewCommand(runner, 'init')}\` once, or add "prepare": "selfreview init" to package.json's scripts so that installing the dependencies does it.`,
      );
    if (setup.kind === 'global-hooks-path' && paths.localHooksPath !== setup.dir) {
      // A local hooks path hides the global one: our folder chains to each global hook.
      await git.writeLocalConfig('core.hooksPath', setup.dir);
      notes.push(`Set this repository's core.hooksPath to ${setup.dir}; each hook there runs your global hook (${setup.globalDir}) first.`);
      recordInstall(commonDir, { createdFiles: created, hooksPath: { previous: paths.localHooksPath, value: setup.dir } });
    } else {
      recordInstall(commonDir, { createdFiles: created });
    }
  } else if (manual.missing.length > 0) {
    problems.push(
      `${manual.file} does not call selfreview from: ${manual.missing.join(', ')}. Add the lines below${manual.then ? `, then run \`${manual.then}\`` : ''}.`,
    );
  } else {
    const unapplied = findUnappliedHooks(manual, setup, await git.readHooksDir());
    if (unapplied.length > 0) {
      problems.push(
        `${manual.file} calls selfreview, but git's ${unapplied.join(', ')} hook${unapplied.length > 1 ? 's do' : ' does'} not yet: ${manual.then ? `run \`${manual.then}\`` : `reinstall ${describeHookSetup(setup)}`}.`,
      );
    }
  }
  if (fileExists(join(root, '.pnp.cjs'))) {
    problems.push(
      "Yarn Plug'n'Play has no node_modules for the hooks to call: add `nodeLinker: node-modules` to .yarnrc.yml and run `yarn install`.",
    );
  } else if (!fileExists(join(root, HOOK_SCRIPT))) {
    problems.push(
      `${HOOK_SCRIPT} is missing: ${hookScriptAdvice(runner, declaresSelfreview(root), fileExists(join(root, 'pnpm-workspace.yaml')))}.`,
    );
  }

  let config: string | null = null;
  if (!CONFIG_FILES.some((name) => fileExists(join(root, name)))) {
    config = '.selfreviewrc.json';
    writeTextFile(join(root, config), DEFAULT_CONFIG_TEXT);
    recordInstall(commonDir, { config: { path: config, text: DEFAULT_CONFIG_TEXT } });
  }
  // Each remote's review notes are fetched beside ours (never over them): CI and review-commit read them.
  const reviewNotes = await configureReviewNotes(git);
  if (reviewNotes.fetchAdded.length > 0 || reviewNotes.mergeStrategySet)
    recordInstall(commonDir, { notes: { fetch: reviewNotes.fetchAdded, mergeStrategy: reviewNotes.mergeStrategySet } });
  if (reviewNotes.fetchAdded.length > 0) {
    notes.push(
      `Review notes: \`git fetch\` now brings ${reviewNotes.fetchAdded.join(', ')}'s into refs/notes/remotes/<remote>/selfreview; share yours with \`${selfreviewCommand(runner, 'push-notes')}\`.`,
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  const adoption =
    `Existing history: add "since": "${today}" under "ci" in ${config ?? 'the config'} and CI reports the commits before it ` +
    'without judging them (a commit id works too; docs/ci.md "Adopting on a branch with history").';
  return { root, setup, hooks, manual, config, notes, problems, runner, adoption };
}

/** `init --agents`: the agent instructions for this project, with its AI budget and its package runner. */
export async function describeAgentSection(root: string, logger: Logger): Promise<string> {
  const config = await loadConfig(root, undefined, logger);
  const runner = detectPackageRunner(root);
  return formatAgentInstructions(buildAgentPolicy(runner, config.budgets.ai), runner);
}
