import type { FileChange } from '../change/staged-change.js';
import { sharedDepth } from './pair-tests.js';
import { compareText } from '../text/compare-text.js';

// Excluded files (lock files, snapshots, generated code) do not count toward the budget, but a
// commit without them is wrong: the lock file belongs with the package.json it resolves, a
// snapshot with its test, generated code with what imports it or what sits beside it.

const dir = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
const name = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function nearest(path: string, candidates: readonly string[]): string | undefined {
  return [...candidates].sort((a, b) => sharedDepth(path, b) - sharedDepth(path, a) || compareText(a, b))[0];
}

/** For each excluded file, the counted file it rides with, when one fits. */
export function attachRiders(files: readonly FileChange[], importers: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const counted = files.filter((f) => f.excluded === null).map((f) => f.path);
  const isCounted = new Set(counted);
  const manifests = files.filter((f) => name(f.path) === 'package.json').map((f) => f.path);
  const riders = new Map<string, string>();
  for (const file of files) {
    if (file.excluded === null) continue;
    let host: string | undefined;
    if (file.excluded === 'lock file') {
      // The manifest in the same folder, else the nearest one up the tree, else any.
      host =
        manifests.find((m) => dir(m) === dir(file.path)) ??
        nearest(
          file.path,
          manifests.filter((m) => file.path.startsWith(dir(m))),
        ) ??
        manifests[0];
    } else if (file.excluded === 'snapshot') {
      // __snapshots__/total.test.ts.snap belongs to ../total.test.ts.
      const parent = dir(file.path).replace(/__snapshots__\/$/, '');
      const tested = `${parent}${name(file.path).replace(/\.snap$/, '')}`;
      host = isCounted.has(tested) ? tested : counted.find((p) => dir(p) === parent);
    } else {
      host =
        (importers.get(file.path) ?? []).find((p) => isCounted.has(p)) ??
        nearest(
          file.path,
          counted.filter((p) => dir(p) === dir(file.path)),
        );
    }
    if (host !== undefined) riders.set(file.path, host);
  }
  return riders;
}
