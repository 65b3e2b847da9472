import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

// The real package managers, each from its npm package (the registry is the one network a
// developer's machine and CI share): pnpm, yarn classic, yarn berry (@yarnpkg/cli-dist), bun
// (its binary ships as an optional dependency). Installed once per test file into a temporary
// prefix; npm's cache makes the second time quick. Each one's own cache stays in the real HOME,
// so a second run downloads nothing.

/** yarn 1 on Node 20: the pins docs/install.md gives (the versions that declare Node 20). */
export const YARN1_NODE20_RESOLUTIONS = {
  '@inquirer/core': '12.0.6',
  '@inquirer/type': '4.2.1',
  '@inquirer/figures': '2.0.10',
  '@inquirer/ansi': '2.0.10',
};

export type PackageManagerName = 'npm' | 'yarn-classic' | 'yarn-berry' | 'pnpm' | 'bun';

export interface PackageManager {
  readonly name: PackageManagerName;
  /** Adds the tarball as a devDependency of the project in `cwd`. */
  addDev(cwd: string, tarball: string): void;
  /** The command that runs an installed binary of the project, as a user types it. */
  readonly exec: readonly string[];
}

/** The environment for installs: the real caches, no prompts, no CI immutability. */
export function installEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: process.env.HOME ?? homedir(),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_GLOBAL_CACHE: 'true',
    COREPACK_ENABLE_STRICT: '0',
    CI: '',
  };
}

const run = (cwd: string, command: string, args: readonly string[]) =>
  execFileSync(command, args, { cwd, env: installEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });

/**
 * Installs the package managers' npm packages; returns each one ready to use. The prefix they
 * live in (135 MB) is pushed onto `made`, for the caller's afterAll to remove.
 */
export function installPackageManagers(made: string[]): PackageManager[] {
  const prefix = mkdtempSync(join(tmpdir(), 'selfreview-pms-'));
  made.push(prefix);
  const berry = join(prefix, 'berry');
  mkdirSync(berry);
  writeFileSync(join(prefix, 'package.json'), '{"name":"pms","private":true}');
  writeFileSync(join(berry, 'package.json'), '{"name":"berry","private":true}');
  run(prefix, 'npm', ['install', '--prefer-offline', '--no-save', 'pnpm@10', 'yarn@1.22.22', 'bun@1']);
  run(berry, 'npm', ['install', '--prefer-offline', '--no-save', '@yarnpkg/cli-dist@4']);
  const bin = (name: string) => join(prefix, 'node_modules', '.bin', name);
  const berryJs = join(berry, 'node_modules', '@yarnpkg', 'cli-dist', 'bin', 'yarn.js');
  return [
    {
      name: 'npm',
      addDev: (cwd, tgz) => run(cwd, 'npm', ['install', '--prefer-offline', '--save-dev', tgz]),
      exec: ['npx', '--no-install', 'selfreview'],
    },
    // The latest @inquirer packages declare Node 22+ (ours run on Node 20), and yarn 1, unlike the
    // others, refuses to install them on Node 20: the project pins the four that docs/install.md names.
    {
      name: 'yarn-classic',
      addDev(cwd, tgz) {
        const manifest = join(cwd, 'package.json');
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
        writeFileSync(manifest, `${JSON.stringify({ ...pkg, resolutions: YARN1_NODE20_RESOLUTIONS }, null, 2)}\n`);
        run(cwd, bin('yarn'), ['add', '--dev', '--prefer-offline', '--non-interactive', `file:${tgz}`]);
      },
      exec: [bin('yarn'), '--silent', 'selfreview'],
    },
    {
      name: 'yarn-berry',
      addDev(cwd, tgz) {
        // Plug'n'Play has no node_modules for a git hook to call: the documented setting.
        writeFileSync(join(cwd, '.yarnrc.yml'), 'nodeLinker: node-modules\n');
        writeFileSync(join(cwd, 'yarn.lock'), '');
        run(cwd, process.execPath, [berryJs, 'add', '--dev', `selfreview@file:${tgz}`]);
      },
      exec: [process.execPath, berryJs, 'selfreview'],
    },
    {
      name: 'pnpm',
      addDev: (cwd, tgz) => run(cwd, bin('pnpm'), ['add', '--save-dev', '--prefer-offline', tgz]),
      exec: [bin('pnpm'), 'exec', 'selfreview'],
    },
    { name: 'bun', addDev: (cwd, tgz) => run(cwd, bin('bun'), ['add', '--dev', tgz]), exec: [bin('bun'), 'x', 'selfreview'] },
  ];
}
