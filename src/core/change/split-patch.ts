// Splits git's patch output (`diff-index -p`, `diff-tree --stdin -p`) into commits and files, so
// each file can get its own patch id (see patch-id-sum.ts) and its own line counts. Paths are read
// from the `diff --git a/<path> b/<path>` header as git wrote them (our diffs pin the prefixes).

export interface FilePatch {
  readonly path: string;
  readonly oldBlob: string;
  readonly newBlob: string;
  readonly added: number;
  readonly removed: number;
  /** The file's part of the patch, from its `diff --git` line. */
  readonly text: string;
}

const OBJECT_LINE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** `diff-tree --stdin -p` output: each commit id on its own line, then that commit's patch. */
export function splitPatchByCommit(output: string): Map<string, string> {
  const byCommit = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of output.split('\n')) {
    if (OBJECT_LINE.test(line)) {
      current = [];
      byCommit.set(line, current);
    } else current?.push(line);
  }
  return new Map([...byCommit].map(([commit, patchLines]) => [commit, patchLines.join('\n')]));
}

function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  // C-style quoting for unusual names: octal bytes are UTF-8.
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '\\') bytes.push(...Buffer.from(char, 'utf8'));
    else if (/[0-7]/.test(body[i + 1] ?? '')) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      const escaped = body[++i] ?? '';
      bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[escaped] ?? escaped.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function pathOf(header: string): string {
  const rest = header.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const second = rest.lastIndexOf(' "b/');
    return unquote(`"${rest.slice(second + 4)}`);
  }
  // a/<p> b/<p>, the same path twice (no renames): the second half after the middle.
  const half = (rest.length - 1) / 2;
  return rest.slice(half + 1 + 2);
}

/** One patch (of one commit, or of the staged change) into its files. */
export function splitPatchByFile(patch: string): FilePatch[] {
  const files: FilePatch[] = [];
  const lines = patch.split('\n');
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const chunk = lines.slice(start, end);
    const index = chunk.map((l) => /^index ([0-9a-f]+)\.\.([0-9a-f]+)/.exec(l)).find((m) => m !== null);
    let added = 0;
    let removed = 0;
    let inHunk = false;
    for (const line of chunk) {
      if (line.startsWith('@@')) inHunk = true;
      else if (inHunk && line.startsWith('+')) added++;
      else if (inHunk && line.startsWith('-')) removed++;
    }
    files.push({
      path: pathOf(chunk[0]!),
      oldBlob: index?.[1] ?? '',
      newBlob: index?.[2] ?? '',
      added,
      removed,
      text: `${chunk.join('\n')}\n`,
    });
  };
  lines.forEach((line, i) => {
    if (line.startsWith('diff --git ')) {
      flush(i);
      start = i;
    }
  });
  flush(lines.length);
  return files;
}
