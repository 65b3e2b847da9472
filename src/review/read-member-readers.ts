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
  const textOf = (path: string) => {
    const text = texts.get(blobs.get(path) ?? '');
    return text === undefined || text.length > MAX_FILE_BYTES ? undefined : text;
  };
  for (const symbol of wanted) {
    const naming = new Set<string>();
    const keys = embeddingKeys(symbol, textOf);
    for (const path of readersOf(symbol)) {
      const text = textOf(path);
      // A user whose text is not at hand is counted.
      if (
        text === undefined ||
        symbol.changedMembers!.some((m) => (keys === null ? hasWord(text, m) : keys.some((k) => readsThrough(text, k, m))))
      )
        naming.add(path);
    }
    readers.set(`${symbol.path}#${symbol.name}`, naming);
  }
  return readers;
}

const escape = (text: string) => text.replace(/[$]/g, '\\$&');
// `dotenv?: boolean | DotenvOptions`: the property a type is declared under, up to the type's name.
const PROPERTY_TYPE = /(?:^|[\s{;,])(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*:\s*[^;=(){}:]*$/;

/** The properties under which the changed type's users declare it, when that is all they do with
 * it (unjs/c12 41ee9e0: `LoadConfigOptions.dotenv?: boolean | DotenvOptions`); null when a user
 * names it otherwise (a parameter, a base, a value) or a text is not at hand: then every word counts. */
function embeddingKeys(symbol: ChangedSymbol, textOf: (path: string) => string | undefined): string[] | null {
  if (!/^[A-Za-z_$][\w$]*$/.test(symbol.name)) return null;
  const keys = new Set<string>();
  for (const path of new Set([...symbol.valueUsers, ...symbol.typeUsers].map((u) => u.path))) {
    const text = textOf(path);
    if (text === undefined) return null;
    // Its imports, on one line or many, name it as nothing yet.
    for (const line of text.replace(/^\s*import\s[^;]*?\bfrom\s*['"][^'"]*['"]/gm, '').split('\n')) {
      for (const m of line.matchAll(new RegExp(`(?<![\\w$.])${escape(symbol.name)}(?![\\w$])`, 'g'))) {
        const key = PROPERTY_TYPE.exec(line.slice(0, m.index))?.[1];
        if (key === undefined) return null;
        keys.add(key);
      }
    }
  }
  return keys.size === 0 ? null : [...keys];
}

/** Whether a text reads or writes member `m` through property `key`: `options.dotenv.cwd`,
 * `dotenv?.cwd`, or an object given for it, `dotenv: { cwd: … }` (c12's test/loader.test.ts). */
const readsThrough = (text: string, key: string, m: string) =>
  new RegExp(
    `(?<![\\w$])${escape(key)}\\s*\\??\\.\\s*${escape(m)}(?![\\w$])|(?<![\\w$])${escape(key)}\\??\\s*:\\s*\\{[^{}]*(?<![\\w$])${escape(m)}(?![\\w$])`,
  ).test(text);
