import type { ChangedMembers } from './changed-members.js';
import { readImportStatements } from './import-statements.js';

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

/** The names a file takes from the changed module (`import DateTime, { Info } from './datetime.js'`,
 * `const X = require('./datetime')`): its specifier ends in the module's file name. */
function namesFrom(text: string, modulePath: string): Set<string> {
  const base = modulePath.slice(modulePath.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  const fileOf = (specifier: string) => specifier.slice(specifier.lastIndexOf('/') + 1).replace(/\.[cm]?[jt]sx?$/, '');
  return new Set(readImportStatements(text).flatMap((s) => (fileOf(s.specifier) === base ? s.locals : [])));
}

/** A capitalised receiver names a class or a namespace: the changed one as imported, or another
 * (luxon's duration.js calls its own `Duration.fromObject` and `Locale.fromObject`, not
 * `DateTime.fromObject`). */
const isOtherClass = (receiver: string, own: ReadonlySet<string>) => /^[A-Z]/.test(receiver) && !own.has(receiver);

/** Names of the built-in objects' methods (`set` of a Map, `map` of an Array): `cache.set(…)` is no
 * read of a class's changed `set` (luxon 765f90bf's locale.js `intlDTCache.set`). */
const BUILT_IN_MEMBERS = new Set(
  [Object, Array, Map, Set, WeakMap, String, Number, Promise, Date, RegExp, Function, Error].flatMap((type) => [
    ...Object.getOwnPropertyNames(type.prototype),
    ...Object.getOwnPropertyNames(type),
  ]),
);

/** A name read as `x.name`: a computed one (`[Symbol.species]`) is read by no dot, and its
 * brackets made a character class of the pattern (arktype 10e4ce3's `ArkErrors` "reads `parsedParts.m`"). */
const isDotName = (name: string) => /^#?[A-Za-z_$][\w$]*$/.test(name);

function firstRead(lines: readonly string[], all: readonly string[], isAltered: boolean, own: ReadonlySet<string>): MemberRead | null {
  const names = all.filter(isDotName);
  if (names.length === 0) return null;
  // `x.member` or `x?.member` off anything but `this`, not assigned to.
  const read = new RegExp(`([A-Za-z_$][\\w$]*)\\??\\.(${names.map(escape).join('|')})(?![\\w$])(?!\\s*=[^=])(\\s*\\()?`, 'g');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (COMMENT.test(line)) continue;
    for (const match of line.matchAll(read)) {
      if (match[1] === 'this' || isOtherClass(match[1]!, own)) continue;
      if (BUILT_IN_MEMBERS.has(match[2]!) && !own.has(match[1]!)) continue;
      // `coreTemplates.builtWithWebstudio.template` reads another member's `template`, not the changed
      // one's (webstudio 68b745872 changes `blockMeta.template`, kept under `[blockComponent]`).
      const off = /([A-Za-z_$][\w$]*)\??\.$/.exec(line.slice(0, match.index));
      if (off !== null && own.has(off[1]!) && !names.includes(match[1]!)) continue;
      return { member: match[2]!, line: i + 1, expression: `${match[1]}.${match[2]}`, isCall: match[3] !== undefined, isAltered };
    }
  }
  return null;
}

/** The first read in `text` of an altered member, else of a changed one; null when it reads none. */
export function findMemberRead(
  text: string,
  members: { readonly altered: readonly string[]; readonly changed: readonly string[] },
  /** The changed export's name and file: a capitalised receiver must be it, as imported. */
  owner: { readonly name: string; readonly path: string },
) {
  const lines = text.split('\n');
  const own = namesFrom(text, owner.path).add(owner.name);
  return firstRead(lines, members.altered, true, own) ?? firstRead(lines, members.changed, false, own);
}
