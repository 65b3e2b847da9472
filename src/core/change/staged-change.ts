// The staged change: what `git commit` is about to record, as plain data.

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unmerged';

export type EntryKind = 'file' | 'executable' | 'symlink' | 'submodule' | 'none';

export interface FileChange {
  /** Path on the new side (the old one for a deletion), relative to the repository root. */
  readonly path: string;
  /** Path on the old side, for renames and copies. */
  readonly oldPath?: string;
  readonly status: FileStatus;
  /** Rename or copy similarity, 0-100. */
  readonly similarity?: number;
  readonly oldKind: EntryKind;
  readonly newKind: EntryKind;
  /** Full blob ids; the all-zero id where a side does not exist. */
  readonly oldBlob: string;
  readonly newBlob: string;
  readonly added: number;
  readonly removed: number;
  readonly binary: boolean;
  /** Only the mode changed (e.g. chmod +x). */
  readonly modeOnly: boolean;
  /** Why the file does not count toward the budget, or null when it counts. */
  readonly excluded: string | null;
}

/** What the index is compared with. */
export type ChangeBase =
  | { readonly kind: 'head'; readonly rev: string }
  | { readonly kind: 'empty-tree'; readonly rev: string }
  | { readonly kind: 'merge'; readonly rev: string; readonly mergeHeads: readonly string[] };

export interface StagedChange {
  readonly base: ChangeBase;
  readonly files: readonly FileChange[];
  /** Total hunks, when they were counted (only if a hunk budget is set). */
  readonly hunks?: number;
}
