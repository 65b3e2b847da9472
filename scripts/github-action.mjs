// The logic of the GitHub Action (action.yml at the repository's root): which package manager the
// project uses, the range to check, the history and review notes to fetch, then `selfreview ci`
// through the project's own runner. Plain Node, no dependencies: it runs before the project's
// install. tests/integration/github-action.test.ts drives it in a simulated GITHUB_* environment.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** npm, yarn, pnpm or bun: package.json's packageManager first, then the lock file (as src/core/config/package-runner.ts). */
export function detectPackageManager(root) {
  let named = null;
  try {
    named = /^([a-z]+)@/.exec(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager ?? '')?.[1] ?? null;
  } catch {
    // No package.json, or not JSON: the lock files decide.
  }
  if (['npm', 'yarn', 'pnpm', 'bun'].includes(named)) return named;
  if (existsSync(join(root, 'pnpm-lock.yaml'))) return 'pnpm';
  if (existsSync(join(root, 'yarn.lock'))) return 'yarn';
  if (existsSync(join(root, 'bun.lock')) || existsSync(join(root, 'bun.lockb'))) return 'bun';
  return 'npm';
}

const INSTALL = {
  npm: ['npm', 'ci', '--no-audit', '--no-fund'],
  yarn: ['yarn', 'install', '--frozen-lockfile'],
  pnpm: ['pnpm', 'install', '--frozen-lockfile'],
  bun: ['bun', 'install', '--frozen-lockfile'],
};
// --no-install: the project's own selfreview, never a download of another version.
const RUN = {
  npm: ['npx', '--no-install', 'selfreview'],
  yarn: ['yarn', 'selfreview'],
  pnpm: ['pnpm', 'exec', 'selfreview'],
  bun: ['bunx', 'selfreview'],
};

const ZERO = /^0+$/;

/**
 * The base of the range: the input; on a pull request the target branch; on a push the commit
 * before it (none for a new branch: then the default branch).
 */
export function chooseBase(env) {
  if (env.INPUT_BASE) return env.INPUT_BASE;
  if (env.GITHUB_BASE_REF) return `origin/${env.GITHUB_BASE_REF}`;
  if (env.GITHUB_EVENT_PATH && existsSync(env.GITHUB_EVENT_PATH)) {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    if (typeof event.before === 'string' && !ZERO.test(event.before)) return event.before;
    if (event.repository?.default_branch) return `origin/${event.repository.default_branch}`;
  }
  return 'origin/main';
}

/** Everything the Action runs, in order: data, so the test reads the plan. */
export function planAction(env, root) {
  const manager = detectPackageManager(root);
  const base = chooseBase(env);
  const steps = [];
  // The whole history of the range (actions/checkout fetches one commit by default) and the notes.
  const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: root, encoding: 'utf8' }).trim() === 'true';
  if (shallow) steps.push(['git', 'fetch', '--quiet', '--unshallow', 'origin']);
  if (base.startsWith('origin/'))
    steps.push(['git', 'fetch', '--quiet', '--no-tags', 'origin', `+refs/heads/${base.slice(7)}:refs/remotes/${base}`]);
  steps.push({
    optional: true,
    command: ['git', 'fetch', '--quiet', '--no-tags', 'origin', '+refs/notes/selfreview:refs/notes/selfreview'],
  });
  if (env.INPUT_INSTALL !== 'false' && !existsSync(join(root, 'node_modules', '.bin', 'selfreview'))) steps.push(INSTALL[manager]);
  const ci = [...RUN[manager], 'ci', '--base', base, '--format', env.INPUT_FORMAT || 'github'];
  if (env.INPUT_CONFIG) ci.push('--config', env.INPUT_CONFIG);
  steps.push({ last: true, command: ci });
  return { manager, base, steps };
}

function main() {
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  const plan = planAction(process.env, root);
  console.log(`selfreview: ${plan.manager} project, checking ${plan.base}..HEAD`);
  for (const step of plan.steps) {
    const command = Array.isArray(step) ? step : step.command;
    const result = spawnSync(command[0], command.slice(1), { cwd: root, stdio: 'inherit' });
    if (result.error) throw result.error;
    if (step.last) process.exit(result.status ?? 1);
    // A repository without review notes yet: nothing to fetch, CI then says what is missing.
    if (result.status !== 0 && !step.optional) process.exit(result.status ?? 1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
