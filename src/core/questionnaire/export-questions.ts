import type { ChangedSymbol, SymbolUse } from '../impact/impact-report.js';
import type { ChangeUnit } from './change-units.js';
import { describeChange } from './describe-change.js';
import { union } from './impact-question.js';
import { CHANGE_WORDS } from './changed-exports.js';
import { shownName } from '../impact/shown-name.js';
import { isProductPath, nearestUsers, packageOf } from '../impact/nearest-users.js';
import { plural } from '../text/plural.js';
import type { ChangedMembers } from './changed-members.js';
import { listNames } from '../text/list-names.js';
import type { MemberRead } from './member-reads.js';

// The question of a piece that changes or adds exports: what the export does differently and
// what changes for the user that tells most, or who will use the new ones.

const at = (use: { path: string; line: number }) => `${use.path}:${use.line}`;

/** "In src/format.ts, `formatPrice` changed its signature: what does it do differently now, and
 * what changes for src/invoice.ts:9, which uses it?": the behaviour that changed and its reader. */
export function behaviourQuestion(
  symbol: ChangedSymbol,
  paths: ReadonlySet<string>,
  where: string,
  members?: ChangedMembers,
  reads?: ReadonlyMap<string, MemberRead>,
  added: readonly string[] = [],
  edit?: string,
  ownEdit?: string,
): string {
  // An anonymous default export (react-hook-form's `logic/validateField.ts`) has no name to show.
  const subject =
    symbol.name === 'default' ? 'the default export' : `\`${shownName(symbol)}\`${symbol.isDefault ? ' (default export)' : ''}`;
  // Exports the piece adds beside it are what it now works with (unbuild's `build` through
  // `_build`, with the new `inferPkgExternals` of utils.ts).
  const beside = added.length > 0 ? `, with the new ${listNames(added, 3)}` : '';
  // The pieces that changed, by name ("changed its implementation through `Actor.send`"), or a
  // short shape's old and new text.
  const head = `In ${where}, ${subject} ${CHANGE_WORDS[symbol.change]}${describeChange(symbol, members, edit, ownEdit)}${beside}`;
  // The reader that tells most: outside the change, in the product (not a test or a script),
  // nearest the changed file.
  // A file that only names its type sees no difference when the implementation alone changed
  // (socket.io's `Server`: "what changes for lib/client.ts:37, which uses its type?"): any
  // runtime reader comes first.
  const home = packageOf(symbol.path);
  const isTypeOnly = (u: SymbolUse) => symbol.change === 'body-changed' && !symbol.valueUsers.includes(u);
  // Among those, a file that reads the member the change altered (TanStack query's hydration.ts:84
  // reads `query.promise`, which `fetch` now empties) runs it, though it imports `Query` as a type.
  const tier = (u: SymbolUse) => {
    const read = reads?.get(u.path);
    return read === undefined ? 2 : read.isAltered ? 0 : 1;
  };
  const rank = (u: SymbolUse) =>
    Number(isTypeOnly(u) && tier(u) === 2) * 64 +
    Number(paths.has(u.path)) * 32 +
    Number(!isProductPath(u.path)) * 16 +
    tier(u) * 4 +
    Number(packageOf(u.path) !== home);
  const reader = nearestUsers(symbol.path, [...symbol.valueUsers, ...symbol.typeUsers]).sort((a, b) => rank(a) - rank(b))[0];
  const updated = reader !== undefined && paths.has(reader.path) ? ' (updated here)' : '';
  const how = reader !== undefined && symbol.valueUsers.includes(reader) ? 'used it' : 'used its type';
  const read = reader === undefined ? undefined : reads?.get(reader.path);
  if (read !== undefined && symbol.change !== 'removed' && symbol.change !== 'renamed')
    return `${head}: what does it do differently now, and what changes for ${reader!.path}:${read.line}, which ${read.isCall ? 'calls' : 'reads'} \`${read.expression}\`${updated}?`;
  if (symbol.change === 'removed' || symbol.change === 'renamed')
    return reader === undefined
      ? `${head}: what takes its place, and why is it no longer needed?`
      : `${head}: what takes its place for ${at(reader)}, which ${how}${updated}?`;
  // A reshaped type (only ever named in types: ajv's `CurrentOptions`) does nothing; it allows.
  const does =
    symbol.change === 'shape-changed' && symbol.valueUsers.length === 0 && symbol.typeUsers.length > 0
      ? 'what does it allow or require differently now'
      : 'what does it do differently now';
  if (reader === undefined) return `${head}: ${does}, and who sees the difference?`;
  return `${head}: ${does}, and what changes for ${at(reader)}, which ${how.replace('used', 'uses')}${updated}?`;
}

/** Exports a piece only adds, by name and where they are: "`shouldHydrate` is now exported" (pinia
 * made a private function public; a barrel passing it on names it again), "is new" in a new file. */
export function addedQuestion(unit: ChangeUnit, symbols: readonly ChangedSymbol[], rest: string): string | null {
  const paths = new Set(unit.files.map((f) => f.path));
  const adds = symbols.filter((s) => paths.has(s.path) && s.change === 'added');
  const named = adds.filter((s) => !['*', 'default', 'export='].includes(s.name));
  // An anonymous default export (react-hook-form's new `utils/has.ts`) is named as what it is.
  const added = named.length > 0 ? named : adds.filter((s) => s.name === 'default');
  if (added.length === 0) return null;
  const home = added.some((s) => s.path === unit.label) ? unit.label : added[0]!.path;
  const shown = [...new Set(added.map((s) => (s.name === 'default' ? 'the default export' : `\`${s.name}\``)))];
  const list = listNames(shown, 3);
  const one = shown.length === 1;
  const isNew = unit.files.find((f) => f.path === home)?.status === 'added';
  const where = home === unit.label ? `${unit.label}${rest}` : `${home} (with ${unit.label})`;
  const what = `In ${where}, ${list} ${one ? 'is' : 'are'} ${isNew || named.length === 0 ? 'new' : 'now exported'}`;
  // Used already, by the change itself (execa's new kill-descendants.js, called from main-async.js).
  const uses = added.flatMap((s) => [...s.valueUsers, ...s.typeUsers]).sort((a, b) => a.line - b.line);
  const users = nearestUsers(home, union([uses]));
  if (users.length > 0) {
    const updated = paths.has(users[0]!.path) ? ' (updated here)' : '';
    const more = users.length > 1 ? ` and ${plural(users.length - 1, 'more file')}` : '';
    return `${what}, used by ${at(users[0]!)}${updated}${more}: what ${one ? 'does it' : 'do they'} do there, and what may ${users.length === 1 ? 'it' : 'they'} rely on?`;
  }
  // No file names them, but one takes the whole module (react-three-fiber's demo list loads a new
  // demo by `lazy(() => import('./ShaderMaterial'))`): that file is where they are used.
  const holders = nearestUsers(home, union(added.map((s) => s.wholeModuleUsers)));
  if (holders.length > 0) {
    const updated = paths.has(holders[0]!.path) ? ' (updated here)' : '';
    const more = holders.length > 1 ? ` (and ${plural(holders.length - 1, 'more file')})` : '';
    return `${what}, and ${at(holders[0]!)}${updated}${more} holds ${one ? 'its' : 'their'} whole module: what ${one ? 'does it' : 'do they'} do there, and what may that file rely on?`;
  }
  return `${what}: who will use ${one ? 'it' : 'them'} outside ${one ? 'its' : 'their'} file, and what may they rely on?`;
}

/** The piece's own file is new (lucide 59978cecf's icons/midi-port.json, beside its SVG). */
export const isNewFile = (unit: ChangeUnit) => unit.files.find((f) => f.path === unit.label)?.status === 'added';

/** The piece is a new file with exports of its own: they are what it is about. */
export const isNewModule = (unit: ChangeUnit, symbols: readonly ChangedSymbol[]) =>
  isNewFile(unit) && symbols.some((s) => s.path === unit.label && s.change === 'added' && !['*', 'default', 'export='].includes(s.name));
