import { addPatchIds, labelOf } from './patch-id-sum.js';
import type { FilePatch } from './split-patch.js';

// A change as its patch, which survives a rebase or a cherry-pick where its tree does not: the
// patch id of the whole and of each file, with the blob ids and line counts that let CI say what
// changed when the ids differ. Recorded in the review (the hook) and computed per commit (CI).

export interface PatchFileSummary {
  readonly path: string;
  /** `git patch-id --stable` of this file's part of the patch. */
  readonly patchId: string;
  /** Blob ids before and after (all zeros where the file is added or deleted). */
  readonly oldBlob: string;
  readonly newBlob: string;
  readonly added: number;
  readonly removed: number;
}

export interface PatchSummary {
  /** The per-file ids added up (patch-id-sum.ts). */
  readonly id: string;
  readonly files: readonly PatchFileSummary[];
}

/**
 * Files labelled from `first` in the patch-id input, with their ids from `ids`. A file git gives
 * no id for (a mode-only change has no hunk to hash) counts as zero in the sum; its blob ids still
 * tell it apart.
 */
export function summarizePatch(files: readonly FilePatch[], ids: ReadonlyMap<string, string>, width = 40, first = 0): PatchSummary {
  const zero = '0'.repeat(width);
  const summaries = files.map((file, i) => ({
    path: file.path,
    patchId: ids.get(labelOf(first + i, width)) ?? zero,
    oldBlob: file.oldBlob,
    newBlob: file.newBlob,
    added: file.added,
    removed: file.removed,
  }));
  return {
    id: addPatchIds(
      summaries.map((f) => f.patchId),
      width,
    ),
    files: summaries,
  };
}
