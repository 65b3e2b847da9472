import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOOK_NAMES, hookCommand, HOOK_SCRIPT, type HookName } from '../../core/setup/hook-block.js';
import type { HookSetup } from './detect-hook-setup.js';
import { runnerCommand, type PackageRunner } from '../../core/config/package-runner.js';
import { detectPackageRunner } from '../fs/detect-package-runner.js';

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

/** The pre-commit framework passes the message file to commit-msg; it has no prepare-commit-msg source. */
const PRE_COMMIT_STAGES: readonly HookName[] = ['pre-commit', 'commit-msg', 'post-commit', 'post-merge'];

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

/** simple-git-hooks' existing commands (package.json or its JSON file): ours go after them, joined by &&. */
function readSimpleGitHooks(root: string, file: string): Record<string, string> {
  try {
    const json = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
    const config = (file === 'package.json' ? json['simple-git-hooks'] : json) as Record<string, unknown> | undefined;
    return Object.fromEntries(Object.entries(config ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

function linesFor(root: string, setup: HookSetup, runner: PackageRunner): Pick<ManualSetup, 'lines' | 'then'> {
  switch (setup.kind) {
    case 'lefthook':
      return {
        lines: HOOK_NAMES.map((name) =>
          [
            `${name}:`,
            '  commands:',
            '    selfreview:',
            `      run: ${hookCommand(name, name === 'pre-commit' || name.startsWith('post') ? '' : ' {0}')}`,
            ...(name === 'pre-commit' ? ['      interactive: true'] : []),
          ].join('\n'),
        ).join('\n'),
        then: runnerCommand(runner, 'lefthook', 'install'),
      };
    case 'simple-git-hooks': {
      const existing = readSimpleGitHooks(root, setup.config);
      const ours = (name: HookName) => hookCommand(name, name === 'pre-commit' || name.startsWith('post') ? '' : ' "$@"');
      const entries = [
        ...HOOK_NAMES.map((name) => [name, existing[name] ? `${existing[name]} && ${ours(name)}` : ours(name)] as const),
        ...Object.entries(existing).filter(([name]) => !(HOOK_NAMES as readonly string[]).includes(name)),
      ];
      const body = entries.map(([name, command]) => `  ${JSON.stringify(name)}: ${JSON.stringify(command)}`).join(',\n');
      return {
        lines: setup.config === 'package.json' ? `"simple-git-hooks": {\n${body}\n}` : `{\n${body}\n}`,
        then: runnerCommand(runner, 'simple-git-hooks'),
      };
    }
    case 'husky4':
      return {
        lines: `"husky": {\n  "hooks": {\n${HOOK_NAMES.map((name) => `    "${name}": "${hookCommand(name, name === 'pre-commit' || name.startsWith('post') ? '' : ' $HUSKY_GIT_PARAMS')}"`).join(',\n')}\n  }\n}`,
        then: null,
      };
    case 'pre-commit':
      return {
        lines: [
          // default_install_hook_types: 2.18 and later.
          "minimum_pre_commit_version: '2.18.0'",
          'default_install_hook_types: [pre-commit, commit-msg, post-commit, post-merge]',
          'repos:',
          '  - repo: local',
          '    hooks:',
          ...PRE_COMMIT_STAGES.flatMap((name) => [
            `      - id: selfreview-${name}`,
            `        name: selfreview ${name}`,
            `        entry: sh ${HOOK_SCRIPT} ${name}`,
            '        language: system',
            `        pass_filenames: ${name === 'commit-msg' ? 'true' : 'false'}`,
            '        always_run: true',
            `        stages: [${preCommitStage(root, name)}]`,
          ]),
        ].join('\n'),
        then: 'pre-commit install',
      };
    default:
      return { lines: '', then: null };
  }
}

export function describeManualSetup(root: string, setup: HookSetup): ManualSetup | null {
  if (!['lefthook', 'simple-git-hooks', 'husky4', 'pre-commit'].includes(setup.kind)) return null;
  const file = setup.kind === 'husky4' ? 'package.json' : (setup as { config: string }).config;
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
