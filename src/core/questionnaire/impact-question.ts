import { describeCap, type ChangedSymbol, type SymbolUse } from '../impact/impact-report.js';
import { NOT_SURE, type Question } from './question.js';
import { plural } from '../text/plural.js';
import { shownName } from '../impact/shown-name.js';
import { describePublicApi } from '../impact/public-api.js';
import type { ChangedMembers } from './changed-members.js';
import { nearestUsers } from '../impact/nearest-users.js';
import { listNames } from '../text/list-names.js';
import { describeChange, MAX_DETAIL } from './describe-change.js';

// "Why do the users of `X` keep working?", naming the symbol by its real name, its old and new
// shape, and the files that call it at runtime with `path:line`. Files that only use its type
// are counted apart: "N files use it" means N files run it.

const CHANGE_PHRASE: Record<ChangedSymbol['change'], string> = {
  added: 'was added',
  removed: 'was removed',
  renamed: 'was renamed',
  'shape-changed': 'changed its signature',
  'body-changed': 'changed its implementation',
  unknown: 'may have changed (its file does not parse)',
};

const at = (use: SymbolUse) => `${use.path}:${use.line}`;
const list = (uses: readonly SymbolUse[], max: number) => `${uses.slice(0, max).map(at).join(', ')}${uses.length > max ? ', …' : ''}`;

export function describeSymbol(symbol: ChangedSymbol, members?: ChangedMembers, edit?: string, ownEdit?: string): string {
  const name =
    symbol.name === '*'
      ? symbol.path
      : symbol.name === 'default'
        ? `The default export of ${symbol.path}`
        : `\`${shownName(symbol)}\`${symbol.isDefault ? ' (default export)' : ''} in ${symbol.path}`;
  return `${name} ${CHANGE_PHRASE[symbol.change]}${describeChange(symbol, members, edit, ownEdit)}`;
}

function describeUsers(symbol: ChangedSymbol): string {
  const parts: string[] = [];
  // The few named are the nearest (the summary's ranking): TanStack table's `createSortedRowModel`
  // named three examples/alpine apps before the adapters in packages/.
  symbol = { ...symbol, valueUsers: nearestUsers(symbol.path, symbol.valueUsers), typeUsers: nearestUsers(symbol.path, symbol.typeUsers) };
  const uses = (n: number) => (n === 1 ? 'uses' : 'use');
  // A published export: its users outside the repository are told, never counted.
  const outside = symbol.publicApi === undefined ? '' : describePublicApi(symbol.publicApi);
  if (outside !== '' && symbol.valueUsers.length + symbol.typeUsers.length === 0) return `${outside}, none in it`;
  if (symbol.valueUsers.length === 0)
    parts.push(`${plural(symbol.typeUsers.length, 'file')} ${uses(symbol.typeUsers.length)} its type (${list(symbol.typeUsers, 3)})`);
  else parts.push(`${plural(symbol.valueUsers.length, 'file')} ${uses(symbol.valueUsers.length)} it (${list(symbol.valueUsers, 3)})`);
  if (symbol.valueUsers.length > 0 && symbol.typeUsers.length > 0)
    parts.push(`${plural(symbol.typeUsers.length, 'more file')} ${uses(symbol.typeUsers.length)} its type only`);
  // Files that hold the whole module may reach it; they are not counted as files that use it.
  const whole = symbol.wholeModuleUsers.length;
  if (whole > 0) parts.push(`and ${plural(whole, 'more file')} ${whole === 1 ? 'holds' : 'hold'} the whole module`);
  if (outside !== '') parts.push(`${outside} too`);
  return parts.join('; ');
}

/** Compatible, updated here (saying when none is staged), or not sure. */
const impactChoices = (usersInChange: readonly string[]) => [
  { value: 'compatible', label: 'The change is compatible: they need no update' },
  {
    value: 'callers-updated',
    label: `The users are updated in this change${usersInChange.length === 0 ? ' (none of them is staged)' : ''}`,
  },
  { value: NOT_SURE, label: 'I am not sure' },
];

/** What the exports that change through `symbol` (`carriers`) add to its users: "; 28 more
 * files use theirs (…)". */
function describeCarried(symbol: ChangedSymbol, carriers: readonly ChangedSymbol[]) {
  if (carriers.length === 0) return { named: '', users: '', extra: [] as SymbolUse[] };
  const own = new Set([...symbol.valueUsers, ...symbol.typeUsers].map((u) => u.path));
  const extra = nearestUsers(
    symbol.path,
    union(
      carriers.flatMap((c) => [c.valueUsers, c.typeUsers]),
      own,
    ),
  );
  const shown = names(carriers.map((c) => `\`${shownName(c)}\``));
  // "4 more files use `IsDefined`": a lone "its" names nothing.
  const theirs = carriers.length === 1 ? shown : 'theirs';
  // Through the same helper as `symbol`, or through `symbol` itself.
  const isSibling = symbol.via !== undefined && carriers.every((c) => c.via === symbol.via);
  return {
    named: isSibling ? `, as ${carriers.length === 1 ? 'does' : 'do'} ${shown}` : `, and ${shown} with it`,
    users:
      extra.length > 0 ? `; ${plural(extra.length, 'more file')} ${extra.length === 1 ? 'uses' : 'use'} ${theirs} (${list(extra, 2)})` : '',
    extra,
  };
}

/** The question on `symbol`'s users, and on those of the exports of its file that change through
 * it (execa's `Options`, `SyncOptions` and `StricterOptions` through `CommonOptions`: one question). */
export function buildImpactQuestion(
  symbol: ChangedSymbol,
  changedPaths: ReadonlySet<string>,
  members?: ChangedMembers,
  carriers: readonly ChangedSymbol[] = [],
  edits?: ReadonlyMap<string, string>,
  ownEdit?: string,
): Question {
  const carried = describeCarried(symbol, carriers);
  const valueUsers = union([symbol.valueUsers, ...carriers.map((c) => c.valueUsers)]);
  // A new shape reaches the files that use only the type as well (ts-node's `TSInternal`: its one
  // staged user, src/ts-internals.ts, holds it as a type): they are users a change can update.
  const affected =
    symbol.change === 'body-changed' ? valueUsers : union([valueUsers, symbol.typeUsers, ...carriers.map((c) => c.typeUsers)]);
  const users = affected.map(at);
  const usersInChange = affected.filter((u) => changedPaths.has(u.path)).map(at);
  const furtherAway =
    symbol.transitive.count > 0
      ? [
          `  and ${plural(symbol.transitive.count, 'file')} further away${symbol.capped === undefined ? '' : ` (${describeCap(symbol.capped)})`}, e.g. ${symbol.transitive.chains[0]?.join(' → ') ?? ''}`,
        ]
      : [];
  return {
    id: `impact:${symbol.path}#${symbol.name}`,
    kind: 'choice',
    message: `${describeSymbol(symbol, members, edits?.get(symbol.path), ownEdit)}${carried.named}; ${describeUsers(symbol)}${carried.users}: why do they keep working?`,
    context: [
      ...(symbol.detail && symbol.detail.length > MAX_DETAIL ? [`  ${symbol.detail}`] : []),
      ...nearestUsers(symbol.path, symbol.valueUsers)
        .slice(0, 8)
        .map((u) => `  ${at(u)}${changedPaths.has(u.path) ? '  (in this change)' : ''}`),
      ...nearestUsers(symbol.path, symbol.typeUsers)
        .slice(0, 4)
        .map((u) => `  ${at(u)}  (type only${changedPaths.has(u.path) ? ', in this change' : ''})`),
      ...(symbol.wholeModuleUsers.length > 0 ? [`  holding the whole module: ${list(symbol.wholeModuleUsers, 3)}`] : []),
      ...carried.extra.slice(0, 4).map((u) => `  ${at(u)}  (through ${names(carriers.map((c) => `\`${shownName(c)}\``))})`),
      ...furtherAway,
    ],
    choices: impactChoices(usersInChange),
    needsReason: true,
    claimCheck: {
      symbol: symbol.name,
      ...(carriers.length > 0 && { others: carriers.map((c) => c.name) }),
      users,
      usersInChange,
      ...(symbol.change !== 'body-changed' && { isShape: true }),
    },
    contentKey: [symbol, ...carriers].map((s) => `${s.path}#${s.name}:${s.change}:${s.detail ?? ''}`).join(','),
  };
}

const SHARED_PHRASE: Record<ChangedSymbol['change'], string> = {
  added: 'were added',
  removed: 'were removed',
  renamed: 'were renamed',
  'shape-changed': 'changed their signatures',
  'body-changed': 'changed their implementations',
  unknown: 'may have changed',
};
/** The uses of every list, the first of each file only (and none of the files in `but`). */
export const union = (lists: ReadonlyArray<readonly SymbolUse[]>, but = new Set<string>()) => {
  const seen = new Set(but);
  return lists.flat().filter((u) => !seen.has(u.path) && seen.add(u.path));
};
const names = (list: readonly string[]) => listNames(list, 4);

/** One question for the exports of files that make one edit (drizzle-orm's five dialects:
 * `PgDialect`, `MySqlDialect` …): their users, together. */
/** `how` is the one edit, as the pattern question names it (" (`values` → `Object.assign({}, values)`)"),
 * or empty: react-hook-form resolvers 7807f95's four resolvers were "changed their implementations
 * the same way (one edit in 4 files: …)" with the edit named nowhere. */
export function buildSharedImpactQuestion(symbols: readonly ChangedSymbol[], changedPaths: ReadonlySet<string>, how = ''): Question {
  const first = symbols[0]!;
  const shown = symbols.map((s) => `\`${shownName(s)}\``);
  const valueUsers = nearestUsers(first.path, union(symbols.map((s) => s.valueUsers)));
  const typeUsers = union(
    symbols.map((s) => s.typeUsers),
    new Set(valueUsers.map((u) => u.path)),
  );
  const paths = [...new Set(symbols.map((s) => s.path))];
  const users =
    valueUsers.length > 0
      ? `${plural(valueUsers.length, 'file')} ${valueUsers.length === 1 ? 'uses' : 'use'} them (${list(valueUsers, 3)})${typeUsers.length > 0 ? `; ${plural(typeUsers.length, 'more file')} ${typeUsers.length === 1 ? 'uses' : 'use'} their types only` : ''}`
      : `${plural(typeUsers.length, 'file')} ${typeUsers.length === 1 ? 'uses' : 'use'} their types (${list(typeUsers, 3)})`;
  const affected = first.change === 'body-changed' ? valueUsers : [...valueUsers, ...typeUsers];
  const usersInChange = affected.filter((u) => changedPaths.has(u.path)).map(at);
  const further = symbols.reduce((sum, s) => sum + s.transitive.count, 0);
  return {
    id: `impact:${first.path}#${first.name}`,
    kind: 'choice',
    message: `${names(shown)} ${SHARED_PHRASE[first.change]} the same way (${how === '' ? 'one edit' : `${how.slice(2, -1)},`} in ${paths.length} files: ${paths.slice(0, 2).join(', ')}${paths.length > 2 ? ', …' : ''}); ${users}: why do they keep working?`,
    context: [
      ...valueUsers.slice(0, 8).map((u) => `  ${at(u)}${changedPaths.has(u.path) ? '  (in this change)' : ''}`),
      ...typeUsers.slice(0, 4).map((u) => `  ${at(u)}  (type only)`),
      ...(further > 0 ? [`  and up to ${plural(further, 'file')} further away`] : []),
    ],
    choices: impactChoices(usersInChange),
    needsReason: true,
    claimCheck: {
      symbol: first.name,
      others: symbols.slice(1).map((s) => s.name),
      users: affected.map(at),
      usersInChange,
      ...(first.change !== 'body-changed' && { isShape: true }),
    },
    contentKey: symbols.map((s) => `${s.path}#${s.name}:${s.change}:${s.detail ?? ''}`).join(','),
  };
}
