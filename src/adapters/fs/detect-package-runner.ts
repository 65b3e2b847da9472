import { join } from 'node:path';
import { choosePackageRunner, LOCK_FILES, type PackageRunner } from '../../core/config/package-runner.js';
import { MIB, readBoundedFile } from './read-bounded-file.js';
import { fileExists } from './text-files.js';

/**
 * The project's way to run selfreview (core/config/package-runner.ts), read from its root. Only
 * a hint for the commands we print: a package.json that cannot be read (a FIFO, too large) or is
 * not JSON names no package manager here; the readers that need it say what is wrong with it.
 */
export function detectPackageRunner(root: string): PackageRunner {
  let packageManager: string | null = null;
  const file = readBoundedFile(join(root, 'package.json'), { maxBytes: 16 * MIB });
  if (file.kind === 'text') {
    try {
      const pkg = JSON.parse(file.text) as { packageManager?: unknown } | null;
      if (typeof pkg?.packageManager === 'string') packageManager = pkg.packageManager;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  return choosePackageRunner({ packageManager, lockFiles: LOCK_FILES.filter((name) => fileExists(join(root, name))) });
}
