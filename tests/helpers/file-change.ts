import type { FileChange } from '../../src/core/change/staged-change.js';

/** A modified file of `lines` added lines, for tests of the pure stages; `extra` overrides any field. */
export function fileChange(path: string, lines: number, extra: Partial<FileChange> = {}): FileChange {
  return {
    path,
    status: 'modified',
    oldKind: 'file',
    newKind: 'file',
    oldBlob: 'a',
    newBlob: 'b',
    added: lines,
    removed: 0,
    binary: false,
    modeOnly: false,
    excluded: null,
    ...extra,
  };
}
