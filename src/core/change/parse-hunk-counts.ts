// Hunks per file from `git diff-index -p -U0 --src-prefix=a/ --dst-prefix=b/` output, so the hunk
// budget counts only the files that count (a lock file's hundred hunks are not the reader's).
// Files are told apart by their `---`/`+++` header lines, not by order: with --ignore-cr-at-eol
// git prints no section at all for a line-ending-only change, so sections do not line up with
// the raw records. See git-diff(1), "Generating patch text with -p".

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Decodes a C-quoted name as git writes it ("a/\303\274.txt"): octal escapes are UTF-8 bytes. */
function unquote(quoted: string): string {
  // By code point: with core.quotePath=false a name may hold characters outside the BMP.
  const chars = Array.from(quoted.slice(1, -1));
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch !== '\\') {
      bytes.push(...encoder.encode(ch));
      continue;
    }
    const next = chars[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(chars.slice(i, i + 3).join(''), 8));
      i += 2;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** The path of a `--- ` / `+++ ` header line without its prefix, or null for /dev/null. */
export function readHeaderPath(rest: string, prefix: string): string | null {
  if (rest === '/dev/null') return null;
  // NOTE: git ends the line with a TAB when an unquoted name holds a space (for patch(1)); a
  // name that holds a real TAB is always quoted, so the TAB is never part of the name.
  const name = rest.startsWith('"') ? unquote(rest) : rest.replace(/\t$/, '');
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

export interface PatchVisitor {
  /** A hunk header (`@@ … @@`) of the file at `path` (the new path; the old one for a deletion). */
  hunk(path: string, header: string): void;
  /** A line of the current hunk's body. */
  line?(line: string): void;
}

/** The one walk over a patch's file headers and hunks (hunk counts here, hunk texts for split). */
export function walkPatch(patch: string, visitor: PatchVisitor): void {
  let isHeader = false;
  let isInHunk = false;
  let oldPath: string | null = null;
  let path: string | null = null;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      isHeader = true;
      isInHunk = false;
      oldPath = null;
      path = null;
    } else if (isHeader && line.startsWith('--- ')) {
      oldPath = readHeaderPath(line.slice(4), 'a/');
    } else if (isHeader && line.startsWith('+++ ')) {
      path = readHeaderPath(line.slice(4), 'b/') ?? oldPath;
    } else if (line.startsWith('@@ ')) {
      // Past the header: a removed line "-- a/x" reads "--- a/x" and must not be taken for one.
      isHeader = false;
      isInHunk = path !== null;
      if (path !== null) visitor.hunk(path, line);
    } else if (isInHunk) {
      visitor.line?.(line);
    }
  }
}

/** Counts hunks per path (the new path; the old one for a deletion). */
export function parseHunkCounts(patch: string): Map<string, number> {
  const counts = new Map<string, number>();
  walkPatch(patch, { hunk: (path) => counts.set(path, (counts.get(path) ?? 0) + 1) });
  return counts;
}
