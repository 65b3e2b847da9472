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

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * The one walk over git's `-z --raw --numstat` output: raw records (modes, blob ids, status, one
 * path or two for a rename or copy), then numstat records ("added\tremoved\tpath", or an empty
 * path followed by the old and new paths). `diff-tree --stdin` puts a commit id before each
 * commit's records: those go to `onCommit`. A path that looks like an id is still a path: paths
 * are consumed with the record they belong to.
 */
function walkDiffOutput(output: string, onCommit: (id: string) => void): RawFileChange[][] {
  const tokens = output.split('\0');
  // groups[0] holds what comes before any commit id (all of a diff-index output).
  const groups: Array<{ raws: Array<{ meta: string[]; path: string; oldPath?: string }>; counts: Map<string, Counts> }> = [
    { raws: [], counts: new Map() },
  ];
  let { raws, counts } = groups[0]!;
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
    if (!token.includes('\t') && OBJECT_ID.test(token)) {
      ({ raws, counts } = groups[groups.push({ raws: [], counts: new Map() }) - 1]!);
      onCommit(token);
      continue;
    }
    const [a = '', r = '', inlinePath = ''] = token.split('\t');
    let path = inlinePath;
    if (path === '') {
      i++; // old path
      path = tokens[i++] ?? '';
    }
    const binary = a === '-' && r === '-';
    counts.set(path, { added: binary ? 0 : Number(a), removed: binary ? 0 : Number(r), binary });
  }
  return groups.map((group) => group.raws.map(({ meta, path, oldPath }) => toFileChange(meta, path, oldPath, group.counts.get(path))));
}

/** Parses `git diff-index -z --raw --numstat` (or `diff-tree` of two trees) output. */
export function parseDiffIndex(output: string): RawFileChange[] {
  return walkDiffOutput(output, () => undefined).flat();
}

/** Parses `git diff-tree --stdin -z --raw --numstat` output: each commit's files, by commit id. */
export function parseDiffTreesByCommit(output: string): Map<string, RawFileChange[]> {
  const ids: string[] = [];
  const groups = walkDiffOutput(output, (id) => ids.push(id));
  return new Map(ids.map((id, k) => [id, groups[k + 1]!]));
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
