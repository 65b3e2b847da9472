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
  const manifest = readManifest(root);
  const packageManager = manifest?.packageManager;
  const scripts = manifest?.scripts;
  return choosePackageRunner({
    packageManager: typeof packageManager === 'string' ? packageManager : null,
    lockFiles: LOCK_FILES.filter((name) => fileExists(join(root, name))),
    scripts:
      typeof scripts === 'object' && scripts !== null
        ? Object.values(scripts).filter((script): script is string => typeof script === 'string')
        : [],
  });
}

/** Whether the root package.json lists selfreview among its dependencies or devDependencies. */
export function declaresSelfreview(root: string): boolean {
  const pkg = readManifest(root);
  return ['dependencies', 'devDependencies'].some((key) => {
    const deps = pkg?.[key];
    return typeof deps === 'object' && deps !== null && Object.hasOwn(deps, 'selfreview');
  });
}

function readManifest(root: string): Record<string, unknown> | null {
  const file = readBoundedFile(join(root, 'package.json'), { maxBytes: 16 * MIB });
  if (file.kind !== 'text') return null;
  try {
    const pkg = JSON.parse(file.text) as unknown;
    return typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>) : null;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return null;
  }
}
