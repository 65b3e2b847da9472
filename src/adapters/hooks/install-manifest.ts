import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NotesAdded } from '../git/remove-review-notes.js';

// What `selfreview init` changed in this clone, so that `selfreview uninstall` undoes exactly
// that: the hook files it created (others only lose our block), the git config it set and what
// was there before, the config file it wrote. Kept under the git directory, never committed: a
// teammate's clone has no manifest, and uninstall there falls back to removing our blocks.

export interface InstallManifest {
  readonly createdFiles: readonly string[];
  /** core.hooksPath as init found it ('' when unset) and as it set it. */
  readonly hooksPath?: { readonly previous: string; readonly value: string };
  /** The config file init wrote, with its exact text (removed only while unchanged). */
  readonly config?: { readonly path: string; readonly text: string };
  /** The notes settings init added to the git config (remote-notes fetch refspecs, merge strategy). */
  readonly notes?: NotesAdded;
}

const EMPTY: InstallManifest = { createdFiles: [] };

const manifestPath = (commonDir: string) => join(commonDir, 'selfreview', 'install.json');

export function readInstallManifest(commonDir: string): InstallManifest {
  try {
    return { ...EMPTY, ...(JSON.parse(readFileSync(manifestPath(commonDir), 'utf8')) as Partial<InstallManifest>) };
  } catch {
    return EMPTY;
  }
}

/** Adds to what an earlier init recorded: running init twice must not forget the first run. */
export function recordInstall(commonDir: string, added: Partial<InstallManifest>): void {
  const current = readInstallManifest(commonDir);
  const next: InstallManifest = {
    createdFiles: [...new Set([...current.createdFiles, ...(added.createdFiles ?? [])])],
    ...((current.hooksPath ?? added.hooksPath) && { hooksPath: current.hooksPath ?? added.hooksPath }),
    ...((current.config ?? added.config) && { config: current.config ?? added.config }),
    ...((current.notes ?? added.notes) && {
      notes: {
        fetch: [...new Set([...(current.notes?.fetch ?? []), ...(added.notes?.fetch ?? [])])],
        mergeStrategy: (current.notes?.mergeStrategy ?? false) || (added.notes?.mergeStrategy ?? false),
      },
    }),
  };
  const path = manifestPath(commonDir);
  mkdirSync(join(commonDir, 'selfreview'), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

export function removeInstallManifest(commonDir: string): void {
  rmSync(manifestPath(commonDir), { force: true });
}
