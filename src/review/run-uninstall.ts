import { join, resolve } from 'node:path';
import { fileExists, readTextFile, removeFile } from '../adapters/fs/text-files.js';
import { openRepository } from '../adapters/git/git-client.js';
import { detectHookSetup } from '../adapters/hooks/detect-hook-setup.js';
import { readInstallManifest, removeInstallManifest } from '../adapters/hooks/install-manifest.js';
import { describeManualSetup } from '../adapters/hooks/manual-setup.js';
import { readHookPaths } from '../adapters/hooks/read-hook-paths.js';
import { removeHookBlocks, type UninstallChange } from '../adapters/hooks/uninstall-hooks.js';
import { removeReviewNotes, type NotesRemoved } from '../adapters/git/remove-review-notes.js';
import type { Logger } from '../adapters/log/logger.js';

// `selfreview uninstall`: exactly what init added, out again. Our blocks leave every hook script
// (husky's .husky, git's hooks folder, a local hooks path); files init created go when nothing
// else is left in them; the hooks path init set goes back to what it was; the config file init
// wrote goes only while it is as init wrote it; the notes fetch refspecs and merge strategy init
// added go. Reviews already recorded (notes, trailers) stay.

export interface UninstallResult {
  readonly root: string;
  readonly changes: readonly UninstallChange[];
  readonly hooksPath: { readonly restored: string } | null;
  readonly config: { readonly path: string; readonly removed: boolean } | null;
  /** The notes settings init had added, taken out of the git config. */
  readonly notes: NotesRemoved | null;
  /** Lines to take out of another tool's config by hand (lefthook & co.). */
  readonly manual: { readonly file: string; readonly hooks: readonly string[] } | null;
}

export async function runUninstall(cwd: string, logger: Logger): Promise<UninstallResult> {
  const git = await openRepository(cwd, logger);
  const { root, commonDir } = git.info;
  const paths = await readHookPaths(git);
  const manifestFile = join(commonDir, 'selfreview', 'install.json');
  const hasManifest = fileExists(manifestFile);
  const manifest = readInstallManifest(commonDir);
  const dirs = [
    join(root, '.husky'),
    join(commonDir, 'hooks'),
    ...(paths.localHooksPath !== '' ? [resolve(root, paths.localHooksPath)] : []),
  ];
  const changes = removeHookBlocks(dirs, hasManifest ? manifest.createdFiles : null);

  let hooksPath: UninstallResult['hooksPath'] = null;
  if (manifest.hooksPath && paths.localHooksPath === manifest.hooksPath.value) {
    const { previous } = manifest.hooksPath;
    await git.writeLocalConfig('core.hooksPath', previous === '' ? null : previous);
    hooksPath = { restored: previous };
  }
  let config: UninstallResult['config'] = null;
  if (manifest.config) {
    const path = join(root, manifest.config.path);
    const unchanged = readTextFile(path) === manifest.config.text;
    if (unchanged) removeFile(path);
    config = { path: manifest.config.path, removed: unchanged };
  }
  const notes = manifest.notes ? await removeReviewNotes(git, manifest.notes) : null;
  removeInstallManifest(commonDir);
  const manualSetup = describeManualSetup(root, detectHookSetup(paths));
  const manual = manualSetup && manualSetup.configured.length > 0 ? { file: manualSetup.file, hooks: manualSetup.configured } : null;
  return { root, changes, hooksPath, config, notes, manual };
}
