// Parses `git ls-files -s -z` and `git ls-tree -r -z` output: NUL-separated records of
// "<mode> <blob> <stage>\t<path>" (ls-files) or "<mode> blob <id>\t<path>" (ls-tree). The one
// walk over git's -z entry output (git-ls-files(1), git-ls-tree(1)).

export interface TreeEntry {
  readonly mode: string;
  readonly blob: string;
  readonly path: string;
}

const DIGITS = /^\d+$/;
const HEX = /^[0-9a-f]+$/;
const TREE_BLOB = /^(\d+) blob ([0-9a-f]+)\t/;

/** Index entries at stage 0: an unmerged path's other stages are not what a commit records. */
export function parseIndexEntries(output: string): TreeEntry[] {
  // By position, not a pattern per record: the review lists the whole index on every commit.
  // "<mode> <blob> <stage>\t<path>": the stage is the one character before the tab.
  const entries: TreeEntry[] = [];
  for (let at = 0; at < output.length;) {
    const end = output.indexOf('\0', at);
    const stop = end < 0 ? output.length : end;
    const tab = output.indexOf('\t', at);
    const space = output.indexOf(' ', at);
    if (tab > 0 && tab < stop && space > at && space < tab - 3 && output.charCodeAt(tab - 2) === 32 && output.charCodeAt(tab - 1) === 48) {
      const mode = output.slice(at, space);
      const blob = output.slice(space + 1, tab - 2);
      if (DIGITS.test(mode) && HEX.test(blob)) entries.push({ mode, blob, path: output.slice(tab + 1, stop) });
    }
    at = stop + 1;
  }
  return entries;
}

/** Blob entries of a tree (submodules and nested trees are not files to read). */
export function parseTreeEntries(output: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.split('\0')) {
    const match = TREE_BLOB.exec(record);
    if (match) entries.push({ mode: match[1]!, blob: match[2]!, path: record.slice(match[0].length) });
  }
  return entries;
}
