// How the project runs its installed binaries, so every command selfreview prints works when
// pasted: `npx selfreview split` is "command not found" for nobody, but in a yarn or pnpm project
// it fetches a second copy, and the project's own form is what its README and CI use. Decided
// from the package.json "packageManager" field (corepack's, the project's explicit choice), then
// from the lock file present; npm otherwise. Where lock files of two managers sit at the root (one
// is often a stray: appwrite/console had a pnpm-lock.yaml beside its bun.lock for months while every
// script said `bun run`), the manager its package.json scripts run decides.

export type PackageRunner = 'npx' | 'yarn' | 'pnpm exec' | 'bunx';

export interface RunnerEvidence {
  /** package.json's "packageManager" ("pnpm@9.1.0"), when set. */
  readonly packageManager?: string | null;
  /** The lock files at the project's root. */
  readonly lockFiles: readonly string[];
  /** The commands of package.json's "scripts", when any. */
  readonly scripts?: readonly string[];
}

const BY_NAME: Record<string, PackageRunner> = { npm: 'npx', yarn: 'yarn', pnpm: 'pnpm exec', bun: 'bunx' };

const BY_LOCK: ReadonlyArray<readonly [string, PackageRunner]> = [
  ['pnpm-lock.yaml', 'pnpm exec'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bunx'],
  ['bun.lockb', 'bunx'],
  ['package-lock.json', 'npx'],
  ['npm-shrinkwrap.json', 'npx'],
];

/** The lock files choosePackageRunner reads, for the adapter that looks for them. */
export const LOCK_FILES = BY_LOCK.map(([file]) => file);

export function choosePackageRunner(evidence: RunnerEvidence): PackageRunner {
  const named = /^([a-z]+)@/.exec(evidence.packageManager ?? '')?.[1];
  if (named !== undefined && BY_NAME[named] !== undefined) return BY_NAME[named];
  const locked = [...new Set(BY_LOCK.filter(([file]) => evidence.lockFiles.includes(file)).map(([, runner]) => runner))];
  if (locked.length < 2) return locked[0] ?? 'npx';
  const uses = locked.map((runner) => (evidence.scripts ?? []).filter((script) => SCRIPT_WORD[runner].test(script)).length);
  const most = Math.max(...uses);
  return most > 0 && uses.indexOf(most) === uses.lastIndexOf(most) ? locked[uses.indexOf(most)]! : locked[0]!;
}

/** A script that runs the manager itself: "bun run build.js", "pnpm -r build", "yarn lint", "npm run x && npx y". */
const SCRIPT_WORD: Record<PackageRunner, RegExp> = {
  npx: /(?:^|[\s;&|(])(?:npm|npx)\s/,
  yarn: /(?:^|[\s;&|(])yarn(?:\s|$)/,
  'pnpm exec': /(?:^|[\s;&|(])(?:pnpm|pnpx)(?:\s|$)/,
  bunx: /(?:^|[\s;&|(])(?:bun|bunx)(?:\s|$)/,
};

/** A binary the project installed, as the project runs it: "pnpm exec husky", "yarn lefthook install". */
export function runnerCommand(runner: PackageRunner, bin: string, args = ''): string {
  return `${runner} ${bin}${args === '' ? '' : ` ${args}`}`;
}

/** `selfreview <args>` as the project runs it: "pnpm exec selfreview split". */
export function selfreviewCommand(runner: PackageRunner, args = ''): string {
  return `${runner} selfreview${args === '' ? '' : ` ${args}`}`;
}

const ADD_DEV: Record<PackageRunner, string> = {
  npx: 'npm i -D',
  yarn: 'yarn add -D',
  'pnpm exec': 'pnpm add -D',
  bunx: 'bun add -d',
};

const INSTALL: Record<PackageRunner, string> = {
  npx: 'npm install',
  yarn: 'yarn install',
  'pnpm exec': 'pnpm install',
  bunx: 'bun install',
};

/**
 * What to do when node_modules lacks selfreview's hook script: install the dependencies when
 * package.json already lists selfreview, else add it ("add selfreview to the project's
 * devDependencies (`pnpm add -D -w selfreview`)"). Lower case: init and doctor both use it.
 */
export function hookScriptAdvice(runner: PackageRunner, declared: boolean, pnpmWorkspaceRoot: boolean): string {
  return declared
    ? `install the project's dependencies (\`${INSTALL[runner]}\`): package.json lists selfreview`
    : `add selfreview to the project's devDependencies (\`${addDevDependencyCommand(runner, pnpmWorkspaceRoot)}\`)`;
}

/** How the project adds a dev dependency: "pnpm add -D -w selfreview" at a pnpm workspace's root (pnpm refuses it there without -w). */
export function addDevDependencyCommand(runner: PackageRunner, pnpmWorkspaceRoot: boolean, name = 'selfreview'): string {
  return `${ADD_DEV[runner]}${runner === 'pnpm exec' && pnpmWorkspaceRoot ? ' -w' : ''} ${name}`;
}
