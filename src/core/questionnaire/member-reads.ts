import type { ChangedMembers } from './changed-members.js';

// Which user of a changed class reads the piece the change altered: TanStack query's `Query.fetch`
// now clears `#retryer`, so the `promise` getter gives undefined once a fetch settles, and
// hydration.ts:84 reads `query.promise`. That reader is the one a question should name, even where
// the file imports `Query` as a type only. Pure: the users' texts are given.

export interface MemberRead {
  readonly member: string;
  /** 1-based line of the first read. */
  readonly line: number;
  /** As written: `query.promise`. */
  readonly expression: string;
  readonly isCall: boolean;
  /** The member gives back a field the change now sets (not changed itself). */
  readonly isAltered: boolean;
}

/** By `path#name` of a changed export, then by the user's path. */
export type MemberReads = ReadonlyMap<string, ReadonlyMap<string, MemberRead>>;

/** The members of a changed export whose reads a question should name: the altered ones, then the
 * changed, added and removed ones (of a class or an object: a function's locals are read by nobody). */
export function listReadMembers(
  members: ChangedMembers | undefined,
  symbol: { readonly path: string; readonly name: string; readonly via?: string | undefined },
): { readonly altered: readonly string[]; readonly changed: readonly string[] } | null {
  const changes = members?.get(symbol.path)?.get(symbol.via ?? symbol.name);
  if (changes === undefined || !changes.areProperties) return null;
  const altered = changes.altered ?? [];
  const changed = [...changes.changed, ...changes.added, ...changes.removed].filter((m) => m !== 'constructor');
  return altered.length + changed.length === 0 ? null : { altered, changed };
}

const escape = (name: string) => name.replace(/[$]/g, '\\$');
const COMMENT = /^\s*(?:\/\/|\/\*|\*)/;

function firstRead(lines: readonly string[], names: readonly string[], isAltered: boolean): MemberRead | null {
  if (names.length === 0) return null;
  // `x.member` or `x?.member` off anything but `this`, not assigned to.
  const read = new RegExp(`([A-Za-z_$][\\w$]*)\\??\\.(${names.map(escape).join('|')})(?![\\w$])(?!\\s*=[^=])(\\s*\\()?`, 'g');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (COMMENT.test(line)) continue;
    for (const match of line.matchAll(read)) {
      if (match[1] === 'this') continue;
      return { member: match[2]!, line: i + 1, expression: `${match[1]}.${match[2]}`, isCall: match[3] !== undefined, isAltered };
    }
  }
  return null;
}

/** The first read in `text` of an altered member, else of a changed one; null when it reads none. */
export function findMemberRead(text: string, members: { readonly altered: readonly string[]; readonly changed: readonly string[] }) {
  const lines = text.split('\n');
  return firstRead(lines, members.altered, true) ?? firstRead(lines, members.changed, false);
}
