import type { EntryKind, FileChange, FileStatus } from './staged-change.js';

// Parses `git diff-index -z --raw --numstat` output: the raw records (modes, blob ids, status)
// come first, then the numstat records. See git-diff-index(1), "Raw output format".

export type RawFileChange = Omit<FileChange, 'excluded'>;

const STATUS: Record<string, FileStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
  U: 'unmerged',
};

function kindOfMode(mode: string): EntryKind {
  switch (mode) {
    case '000000':
      return 'none';
    case '120000':
      return 'symlink';
    case '160000':
      return 'submodule';
    case '100755':
      return 'executable';
    default:
      return 'file';
  }
}

interface Counts {
  added: number;
  removed: number;
  binary: boolean;
}

/** Splits the NUL-separated output into raw records and a numstat map keyed by new path. */
export function parseDiffIndex(output: string): RawFileChange[] {
  const tokens = output.split('\0');
  const raws: Array<{ meta: string[]; path: string; oldPath?: string }> = [];
  const counts = new Map<string, Counts>();
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i++]!;
    if (token === '') continue;
    if (token.startsWith(':')) {
      const meta = token.slice(1).split(' ');
      const letter = meta[4]?.[0] ?? '';
      if (letter === 'R' || letter === 'C') {
        const oldPath = tokens[i++]!;
        raws.push({ meta, oldPath, path: tokens[i++]! });
      } else {
        raws.push({ meta, path: tokens[i++]! });
      }
      continue;
    }
    // numstat: "added\tremoved\tpath", or "added\tremoved\t" followed by old and new path.
    const [a = '', r = '', inlinePath = ''] = token.split('\t');
    let path = inlinePath;
    if (path === '') {
      i++; // old path
      path = tokens[i++] ?? '';
    }
    const binary = a === '-' && r === '-';
    counts.set(path, { added: binary ? 0 : Number(a), removed: binary ? 0 : Number(r), binary });
  }
  return raws.map(({ meta, path, oldPath }) => toFileChange(meta, path, oldPath, counts.get(path)));
}

function toFileChange(meta: string[], path: string, oldPath: string | undefined, counts: Counts | undefined): RawFileChange {
  const [oldMode = '', newMode = '', oldBlob = '', newBlob = '', statusField = ''] = meta;
  const letter = statusField[0] ?? '';
  const status = STATUS[letter];
  if (status === undefined) throw new Error(`unexpected diff status '${statusField}' for ${path}`);
  const similarity = statusField.length > 1 ? Number(statusField.slice(1)) : undefined;
  const oldKind = kindOfMode(oldMode);
  const newKind = kindOfMode(newMode);
  // NOTE: with --ignore-cr-at-eol git drops a file whose only change is line endings from
  // --numstat altogether; such a file changed no line a reader would see.
  const added = counts?.added ?? 0;
  const removed = counts?.removed ?? 0;
  // A submodule change is a pointer move: numstat shows its "Subproject commit" line, not code.
  const isSubmodule = oldKind === 'submodule' || newKind === 'submodule';
  return {
    path,
    ...(oldPath !== undefined && { oldPath }),
    status,
    ...(similarity !== undefined && { similarity }),
    oldKind,
    newKind,
    oldBlob,
    newBlob,
    added: isSubmodule ? 0 : added,
    removed: isSubmodule ? 0 : removed,
    binary: counts?.binary ?? false,
    modeOnly: status === 'modified' && oldBlob === newBlob && oldMode !== newMode,
  };
}
