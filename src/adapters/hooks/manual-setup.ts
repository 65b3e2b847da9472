import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOOK_NAMES, HOOK_SCRIPT, type HookName } from '../../core/setup/hook-block.js';
import {
  husky4Command,
  husky4Lines,
  isHookCommand,
  lefthookLines,
  PRE_COMMIT_STAGES,
  preCommitLines,
  simpleGitHooksCommand,
  withoutAppendedHook,
} from '../../core/setup/tool-lines.js';
import type { HookSetup } from './detect-hook-setup.js';
import { runnerCommand, type PackageRunner } from '../../core/config/package-runner.js';
import { detectPackageRunner } from '../fs/detect-package-runner.js';
import { husky4ConfigFile, readHusky4Hooks, readSimpleGitHooks, type SimpleGitHooksEntry } from './read-simple-git-hooks.js';

// For the tools whose hooks live in their own config (lefthook, simple-git-hooks, the pre-commit
// framework, husky 4), init does not edit that config: it prints the exact lines to add (for
// simple-git-hooks, the whole object with the commands already there kept first), and
// init and doctor then check that the config calls our hook script for each hook.

export interface ManualSetup {
  /** Where the lines go. */
  readonly file: string;
  readonly lines: string;
  /** What to run after adding them, so that the tool writes its hooks. */
  readonly then: string | null;
  /** The hooks the config calls us from, among those it should. */
  readonly configured: readonly HookName[];
  readonly missing: readonly HookName[];
}

/**
 * The installed pre-commit's version, or null. Its stage names follow the hook names from 3.2.0
 * on (`pre-commit`); 3.0 and 3.1 (Debian 12's) know the first one only as `commit` and refuse
 * the whole config otherwise.
 */
function readPreCommitVersion(root: string): [number, number] | null {
  try {
    const out = execFileSync('pre-commit', ['--version'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const match = /(\d+)\.(\d+)/.exec(out);
    return match ? [Number(match[1]), Number(match[2])] : null;
  } catch {
    return null;
  }
}

function preCommitStage(root: string, name: HookName): string {
  if (name !== 'pre-commit') return name;
  const version = readPreCommitVersion(root);
  return version !== null && (version[0] < 3 || (version[0] === 3 && version[1] < 2)) ? 'commit' : name;
}

function hooksFor(kind: HookSetup['kind']): readonly HookName[] {
  return kind === 'pre-commit' ? PRE_COMMIT_STAGES : HOOK_NAMES;
}

/** The whole object, each hook's own command first and ours after it (joined by &&), the
 * entries that are no hook of ours (simple-git-hooks' `preserveUnused`, husky's pre-push) as written. */
function mergeEntries(existing: readonly SimpleGitHooksEntry[], ours: (name: HookName) => string): (readonly [string, string])[] {
  const own = new Map(existing.map((entry) => [entry.name, entry.command === null ? null : withoutAppendedHook(entry.command)]));
  return [
    ...HOOK_NAMES.map((name) => {
      const command = own.get(name);
      return [name, JSON.stringify(command && !isHookCommand(command) ? `${command} && ${ours(name)}` : ours(name))] as const;
    }),
    ...existing.filter((entry) => !(HOOK_NAMES as readonly string[]).includes(entry.name)).map((e) => [e.name, e.source] as const),
  ];
}

function linesFor(root: string, setup: HookSetup, runner: PackageRunner): Pick<ManualSetup, 'lines' | 'then'> {
  switch (setup.kind) {
    case 'lefthook':
      return { lines: lefthookLines(), then: runnerCommand(runner, 'lefthook', 'install') };
    case 'simple-git-hooks': {
      const existing = readSimpleGitHooks(root, setup.config);
      const entries = mergeEntries(existing ?? [], simpleGitHooksCommand);
      const body = entries.map(([name, value]) => `  ${JSON.stringify(name)}: ${value}`).join(',\n');
      const unread =
        existing === null ? `// ${setup.config} is built when it runs: keep each hook's own command first, then && and ours\n` : '';
      return {
        lines: setup.config === 'package.json' ? `"simple-git-hooks": {\n${body}\n}` : `${unread}{\n${body}\n}`,
        then: runnerCommand(runner, 'simple-git-hooks'),
      };
    }
    case 'husky4': {
      // A project's own commands stay (webiny's `yarn lint-staged …`, `commitlint -E
      // HUSKY_GIT_PARAMS`): printed alone, ours would replace them. In the file husky reads: a
      // `husky` key added to package.json would hide a .huskyrc.
      const file = husky4ConfigFile(root);
      const existing = readHusky4Hooks(root, file);
      const lines = husky4Lines(mergeEntries(existing ?? [], husky4Command), file === 'package.json');
      const unread = existing === null ? `// ${file} is read when it runs: keep each hook's own command first, then && and ours\n` : '';
      return { lines: `${unread}${lines}`, then: null };
    }
    case 'pre-commit':
      return { lines: preCommitLines((name) => preCommitStage(root, name)), then: 'pre-commit install' };
    default:
      return { lines: '', then: null };
  }
}

export function describeManualSetup(root: string, setup: HookSetup): ManualSetup | null {
  if (!['lefthook', 'simple-git-hooks', 'husky4', 'pre-commit'].includes(setup.kind)) return null;
  const file = setup.kind === 'husky4' ? husky4ConfigFile(root) : (setup as { config: string }).config;
  let text = '';
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    // Not written yet: every hook is missing.
  }
  const wanted = hooksFor(setup.kind);
  // The lines init prints, or (pre-commit) a `repo:` pointing at selfreview's .pre-commit-hooks.yaml by its ids.
  const configured = wanted.filter(
    (name) =>
      text.includes(`${HOOK_SCRIPT} ${name}`) || (setup.kind === 'pre-commit' && new RegExp(`id:\\s*selfreview-${name}\\b`).test(text)),
  );
  return {
    file,
    ...linesFor(root, setup, detectPackageRunner(root)),
    configured,
    missing: wanted.filter((name) => !configured.includes(name)),
  };
}

/** What each tool writes into git's hooks folder once it applies its config. */
const WRITTEN_BY: Record<string, (name: HookName) => string> = {
  'simple-git-hooks': (name) => `${HOOK_SCRIPT} ${name}`,
  lefthook: () => 'lefthook',
  'pre-commit': () => 'pre-commit',
  husky4: () => 'husky',
};

/**
 * The hooks the config calls us from that git does not run yet: the config was edited, the tool's
 * apply command (`simple-git-hooks`, `lefthook install`, `pre-commit install`) not run since.
 * `hooksDir`: the folder git runs hooks from here (`git rev-parse --git-path hooks`).
 */
export function findUnappliedHooks(manual: ManualSetup, setup: HookSetup, hooksDir: string): readonly HookName[] {
  const written = WRITTEN_BY[setup.kind];
  if (written === undefined) return [];
  return manual.configured.filter((name) => {
    try {
      return !readFileSync(join(hooksDir, name), 'utf8').includes(written(name));
    } catch {
      return true;
    }
  });
}
