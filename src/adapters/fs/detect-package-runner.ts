import { join } from 'node:path';
import { choosePackageRunner, LOCK_FILES, type PackageRunner } from '../../core/config/package-runner.js';
import { fileExists, readTextFile } from './text-files.js';

/** The project's way to run selfreview (core/config/package-runner.ts), read from its root. */
export function detectPackageRunner(root: string): PackageRunner {
  let packageManager: string | null = null;
  try {
    const pkg = JSON.parse(readTextFile(join(root, 'package.json')) ?? '{}') as { packageManager?: unknown };
    if (typeof pkg.packageManager === 'string') packageManager = pkg.packageManager;
  } catch (error) {
    // A package.json that is not JSON names no package manager; the lock files still do.
    if (!(error instanceof SyntaxError)) throw error;
  }
  return choosePackageRunner({ packageManager, lockFiles: LOCK_FILES.filter((file) => fileExists(join(root, file))) });
}
