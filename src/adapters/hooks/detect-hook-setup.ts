import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { readTextFile } from '../fs/text-files.js';
import { LEFTHOOK_FILES, SIMPLE_GIT_HOOKS_FILES } from '../../core/setup/tool-lines.js';
import { runnerCommand, type PackageRunner } from '../../core/config/package-runner.js';

// Who runs this repository's git hooks today. init integrates with that tool, or prints the
// exact lines for its config; doctor reports it. Read from the files each tool leaves, the same
// way a person would tell: husky's .husky folder and version, lefthook's and pre-commit's config
// files, simple-git-hooks' package.json key, and git's own core.hooksPath (local or global).

export type HookSetup =
  /** husky 9: user hooks in .husky/<hook>, run by `sh -e` from .husky/_ (hooksPath .husky/_). */
  | { readonly kind: 'husky'; readonly major: number; readonly dir: string }
  /** husky 4: hooks in package.json "husky": { "hooks": … }. */
  | { readonly kind: 'husky4' }
  | { readonly kind: 'lefthook'; readonly config: string }
  | { readonly kind: 'simple-git-hooks'; readonly config: string }
  | { readonly kind: 'pre-commit'; readonly config: string }
  /** Hook scripts in a folder git runs directly: .git/hooks, or a local core.hooksPath. */
  | { readonly kind: 'hooks-dir'; readonly dir: string; readonly origin: 'git' | 'local-hooks-path' }
  /** A hooks path from the user's global config: serves every repository. */
  | { readonly kind: 'global-hooks-path'; readonly globalDir: string; readonly dir: string };

export interface RepoPaths {
  readonly root: string;
  readonly gitDir: string;
  readonly commonDir: string;
  readonly localHooksPath: string;
  readonly globalHooksPath: string;
}

interface PackageJson {
  readonly scripts?: Record<string, unknown>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly husky?: { readonly hooks?: unknown };
  readonly 'simple-git-hooks'?: unknown;
}

export function readPackageJson(root: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8').replace(/^\uFEFF/, '')) as PackageJson;
  } catch {
    return null;
  }
}

/** Why package.json cannot be read as JSON, or null when it reads or there is none. */
export function readPackageJsonProblem(root: string): string | null {
  try {
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8').replace(/^\uFEFF/, ''));
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : (error as Error).message;
  }
}

/** The package.json script that sets husky up on install ("prepare": "husky"), or null when none does. */
export const huskyInstallScript = (root: string): string | null => installScriptRunning(root, /\bhusky\b/);

/** How a work tree gets husky's hooks, as its version and the project's scripts say: "Install the
 * dependencies (its "postinstall" script runs husky), or run `pnpm exec husky install`" (husky 8,
 * FlowiseAI/Flowise); with no such script, each clone runs husky itself. */
export function huskySetupAdvice(root: string, major: number, runner: PackageRunner): string {
  const husky = runnerCommand(runner, 'husky', major >= 9 ? '' : 'install');
  const script = huskyInstallScript(root);
  return script !== null
    ? `Install the dependencies (its "${script}" script runs husky), or run \`${husky}\``
    : `package.json has no script that runs husky, so installing the dependencies will not: run \`${husky}\` in each clone, or add "prepare": "${major >= 9 ? 'husky' : 'husky install'}" to its scripts`;
}

/** Whether a script that installing the dependencies runs also runs `selfreview init`. */
export const initRunsOnInstall = (root: string): boolean => installScriptRunning(root, /\bselfreview\s+init\b/) !== null;

function installScriptRunning(root: string, command: RegExp): string | null {
  const scripts = readPackageJson(root)?.scripts ?? {};
  const lifecycle = ['prepare', 'postinstall', 'preinstall', 'install', 'prepublish'];
  return lifecycle.find((name) => typeof scripts[name] === 'string' && command.test(scripts[name])) ?? null;
}

/**
 * husky's major version when the project uses husky (package.json asks for it, or there is a
 * .husky folder): the installed one, else the one package.json asks for. A husky that some other
 * package pulled into node_modules is not the project's hook manager.
 */
function huskyMajor(root: string, pkg: PackageJson | null): number | null {
  const declared = pkg?.devDependencies?.husky ?? pkg?.dependencies?.husky;
  if (declared === undefined && !existsSync(join(root, '.husky'))) return null;
  try {
    const installed = JSON.parse(readFileSync(join(root, 'node_modules', 'husky', 'package.json'), 'utf8')) as { version: string };
    return Number(installed.version.split('.')[0]);
  } catch {
    if (declared === undefined) return null;
    const major = /(\d+)/.exec(declared)?.[1];
    if (major) return Number(major);
    // A version kept elsewhere (pnpm's `catalog:`, `workspace:*`, a tag such as `latest`).
    return majorFromLayout(root);
  }
}

/** husky 9 writes its runner `.husky/_/h` (and a `husky.sh` that only warns); 5-8 only `_/husky.sh`. */
function majorFromLayout(root: string, hooksPath = ''): number {
  if (existsSync(join(root, '.husky', '_', 'h'))) return 9;
  return hooksPath === '.husky' || existsSync(join(root, '.husky', '_', 'husky.sh')) ? 8 : 9;
}

const firstExisting = (root: string, names: readonly string[]) => names.find((n) => existsSync(join(root, n))) ?? null;

export function expandHome(path: string): string {
  return path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
}

/** Whether git's own hooks folder holds a hook script (anything but git's *.sample files). */
function hasGitHooks(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => !name.endsWith('.sample') && !name.startsWith('.'));
  } catch {
    return false;
  }
}

export function detectHookSetup(paths: RepoPaths): HookSetup {
  const { root } = paths;
  const pkg = readPackageJson(root);
  const local = paths.localHooksPath.replace(/\/+$/, '');
  const gitHooks = join(paths.commonDir, 'hooks');
  const installedHook = (() => {
    try {
      return readTextFile(join(local === '' ? gitHooks : resolve(root, local), 'pre-commit')) ?? '';
    } catch {
      return '';
    }
  })();

  const husky = huskyMajor(root, pkg);
  // husky 4's own hook scripts end in its runner, which exits: a block added after it never runs.
  // Its config is where those hooks are set (a package.json that does not parse, a .huskyrc).
  const isHusky4Script = /^# husky\b/m.test(installedHook) && /Created by Husky v[1-4]\./.test(installedHook);
  if (pkg?.husky?.hooks !== undefined || (husky !== null && husky < 5) || isHusky4Script) return { kind: 'husky4' };
  const isHuskyActive = local === '.husky/_' || local === '.husky' || existsSync(join(root, '.husky', '_'));
  // husky declared but never set up here, while hooks already run (the project's own .git/hooks,
  // another hooks path, a global one): switching core.hooksPath to .husky/_ would silently stop
  // them. Those hooks get our block instead, and keep running.
  const global = paths.globalHooksPath.replace(/\/+$/, '');
  const isDeclaredOnly = husky !== null && !isHuskyActive && (global !== '' || local !== '' || hasGitHooks(gitHooks));
  if ((husky !== null && !isDeclaredOnly) || isHuskyActive) {
    const major = husky ?? majorFromLayout(root, local);
    return { kind: 'husky', major, dir: join(root, '.husky') };
  }
  const lefthook = firstExisting(root, LEFTHOOK_FILES);
  if (lefthook !== null || /lefthook/i.test(installedHook)) return { kind: 'lefthook', config: lefthook ?? 'lefthook.yml' };
  const simple = firstExisting(root, SIMPLE_GIT_HOOKS_FILES);
  if (simple !== null || pkg?.['simple-git-hooks'] !== undefined) return { kind: 'simple-git-hooks', config: simple ?? 'package.json' };
  if (existsSync(join(root, '.pre-commit-config.yaml')) || /pre-commit\.com|File generated by pre-commit/.test(installedHook)) {
    return { kind: 'pre-commit', config: '.pre-commit-config.yaml' };
  }
  // Our own chaining folder, set by an earlier init: still the global setup.
  if (global !== '' && (local === '' || resolve(root, local) === gitHooks)) {
    return { kind: 'global-hooks-path', globalDir: resolve(root, expandHome(global)), dir: gitHooks };
  }
  if (local !== '') return { kind: 'hooks-dir', dir: isAbsolute(local) ? local : resolve(root, local), origin: 'local-hooks-path' };
  return { kind: 'hooks-dir', dir: gitHooks, origin: 'git' };
}

export function describeHookSetup(setup: HookSetup): string {
  switch (setup.kind) {
    case 'husky':
      return `husky ${setup.major} (.husky)`;
    case 'husky4':
      return 'husky 4 (hooks in package.json)';
    case 'lefthook':
      return `lefthook (${setup.config})`;
    case 'simple-git-hooks':
      return `simple-git-hooks (${setup.config})`;
    case 'pre-commit':
      return `the pre-commit framework (${setup.config})`;
    case 'hooks-dir':
      return setup.origin === 'git' ? "git's hooks folder (.git/hooks)" : `core.hooksPath ${setup.dir}`;
    case 'global-hooks-path':
      return `a global core.hooksPath (${setup.globalDir}), chained from ${setup.dir}`;
  }
}
