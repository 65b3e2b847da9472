import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from './temp-repo.js';

// The package as a user gets it: `npm pack`, then the tarball installed into a project from the
// local npm cache (no network), once per test file. Repositories link its node_modules.

const npmEnv = () => ({
  ...process.env,
  npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'),
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
});

/** `npm pack` of the project into a new temporary folder; the tarball's path. */
export function packTarball(): string {
  const dir = mkdtempSync(join(tmpdir(), 'selfreview-packed-'));
  // --ignore-scripts: the tests built dist/ already (prepack would build it again).
  execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], {
    cwd: PROJECT_ROOT,
    env: npmEnv(),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  return join(dir, tarball);
}

export function installPackedTarball(): string {
  const dir = mkdtempSync(join(tmpdir(), 'selfreview-installed-'));
  const env = npmEnv();
  const tarball = packTarball();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-save', '--ignore-scripts', tarball], {
    cwd: dir,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  rmSync(dirname(tarball), { recursive: true, force: true });
  if (!existsSync(join(dir, 'node_modules', '.bin', 'selfreview'))) throw new Error('the installed package has no selfreview binary');
  return join(dir, 'node_modules');
}
