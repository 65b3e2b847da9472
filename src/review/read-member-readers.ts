import type { ChangedSymbol } from '../core/impact/impact-report.js';
import { hasWord } from '../core/impact/may-use-names.js';

// The files that name one of the changed members of a type whose change is only to some members,
// among its users and the files further away, from their text on the new side: the risk weighs the
// change by them (assess-risk.ts). A word in a comment counts too: the reading errs toward more
// readers, never fewer.

const MAX_FILES = 200;

/** The users and the files further away: a type embedded in another (unbuild 31c7901's
 * `RollupBuildOptions` as `BuildOptions.rollup`) is read through it (`ctx.options.rollup.inlineDependencies`). */
const readersOf = (s: ChangedSymbol) => [...new Set([...s.valueUsers, ...s.typeUsers, ...s.dependents].map((u) => u.path))];
const MAX_FILE_BYTES = 512 * 1024;

export async function readMemberReaders(
  symbols: readonly ChangedSymbol[],
  blobOf: (path: string) => string | undefined,
  readBlobs: (ids: readonly string[]) => Promise<Map<string, string>>,
): Promise<Map<string, Set<string>> | undefined> {
  const wanted = symbols.filter((s) => s.changedMembers !== undefined && s.valueUsers.length + s.typeUsers.length > 0);
  const paths = [...new Set(wanted.flatMap(readersOf))];
  // Too many to read on a commit's path: every user counts, as before.
  if (wanted.length === 0 || paths.length > MAX_FILES) return undefined;
  const blobs = new Map(paths.flatMap((path) => (blobOf(path) === undefined ? [] : [[path, blobOf(path)!] as const])));
  const texts = await readBlobs([...new Set(blobs.values())]);
  const readers = new Map<string, Set<string>>();
  for (const symbol of wanted) {
    const naming = new Set<string>();
    for (const path of readersOf(symbol)) {
      const text = texts.get(blobs.get(path) ?? '');
      // A user whose text is not at hand is counted.
      if (text === undefined || text.length > MAX_FILE_BYTES || symbol.changedMembers!.some((m) => hasWord(text, m))) naming.add(path);
    }
    readers.set(`${symbol.path}#${symbol.name}`, naming);
  }
  return readers;
}
