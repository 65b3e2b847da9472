import { describeNamedPieces } from './piece-uses.js';
import type { ChangedSymbol } from '../impact/impact-report.js';
import { isTestPath } from '../change/test-path.js';
import type { ChangeUnit } from './change-units.js';
import { CHANGE_WORDS, changedExports } from './changed-exports.js';
import { describeChangeSite, type ChangedMembers } from './changed-members.js';
import type { Question } from './question.js';
import { shownName } from '../impact/shown-name.js';
import { editShape, formatTokenEdit } from './same-edit.js';
import { describeLocalsEdit } from './component-locals.js';
import { describeInsertion, describeReplacement } from './replaced-words.js';
import { describeEnvKeys, isDotenv } from './data-keys.js';

// The same edit in several places is one question, not one per place: pieces that change the
// same exports the same way (one fix in five adapters), or files whose removed and added lines
// are the same (same-edit.ts: five dialects' `buildUpdateSet`).

const stemOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** What makes two pieces the same edit: the same exports changed the same way, or, without
 * exports, files of the same name changed by the same counts. Null for pieces never merged. */
function patternKey(unit: ChangeUnit, symbols: readonly ChangedSymbol[]): string | null {
  if (unit.kind !== 'source' || unit.files.every((f) => isTestPath(f.path))) return null;
  const changed = changedExports(new Set(unit.files.map((f) => f.path)), symbols);
  // `module.exports` and an anonymous default name no API: two files' are the same export only
  // when the files have the same name (one fix in five adapters' index.ts), not pino.d.ts beside
  // lib/multistream.js.
  const nameOf = (s: ChangedSymbol) =>
    s.name === 'export=' || (s.name === 'default' && s.isDefault) ? `${s.name}@${stemOf(s.path)}` : s.name;
  if (changed.length > 0)
    return changed
      .map((s) => `${nameOf(s)}:${s.change}:${s.detail ?? ''}`)
      .sort()
      .join(',');
  return unit.files
    .filter((f) => !isTestPath(f.path))
    .map((f) => `${stemOf(f.path)}:+${f.added}-${f.removed}`)
    .sort()
    .join(',');
}

/** Without exports of one name, the pieces whose source files all make the same edits (the same
 * tokens changed, however the lines are laid out: same-edit.ts). */
function editKey(unit: ChangeUnit, edits: ReadonlyMap<string, string> | undefined): string | null {
  const sources = unit.files.filter((f) => !isTestPath(f.path));
  const keys = sources.map((f) => shapeOf(edits, f.path)?.key);
  if (unit.kind !== 'source' || sources.length === 0 || keys.some((k) => k === undefined)) return null;
  return `edit\0${[...new Set(keys)].sort().join('\0')}`;
}

const shapeOf = (edits: ReadonlyMap<string, string> | undefined, path: string) => {
  const edit = edits?.get(path);
  return edit === undefined ? undefined : editShape(edit);
};

/** The one short edit every file makes, in a few words (" (`blockNumber` → `blockNumber !== undefined`)"). */
function sharedEdit(paths: readonly string[], edits: ReadonlyMap<string, string> | undefined): string {
  const shown = paths.map((path) => shapeOf(edits, path)?.shown);
  const [first] = shown;
  if (first === undefined || shown.some((s) => s?.[0] !== first[0] || s[1] !== first[1])) return '';
  return formatTokenEdit(first);
}

/** The pieces each piece is the same edit as (itself alone when none). */
export function findPatterns(
  units: readonly ChangeUnit[],
  symbols: readonly ChangedSymbol[],
  edits: ReadonlyMap<string, string> | undefined,
) {
  const byKey = new Map<string, ChangeUnit[]>();
  const keyOf = new Map<ChangeUnit, string>();
  const group = (unit: ChangeUnit, key: string | null) => {
    if (key === null) return;
    byKey.set(key, [...(byKey.get(key) ?? []), unit]);
    keyOf.set(unit, key);
  };
  for (const unit of units) group(unit, patternKey(unit, symbols));
  for (const unit of units) if ((byKey.get(keyOf.get(unit) ?? '')?.length ?? 0) < 2) group(unit, editKey(unit, edits));
  return (unit: ChangeUnit) => ({ key: keyOf.get(unit) ?? null, same: byKey.get(keyOf.get(unit) ?? '') ?? [unit] });
}

/** What the one edit changes in each file's export, when it is the same piece in all of them
 * (" (`buildUpdateSet` changed)" in five dialects); empty otherwise. */
function sharedSite(paths: readonly string[], symbols: readonly ChangedSymbol[], members: ChangedMembers | undefined): string {
  const sites = paths.map((path) => {
    const changed = symbols.find((s) => s.path === path && s.change !== 'added');
    if (changed === undefined) return '';
    const site = describeChangeSite(members, path, changed.name, changed.via);
    // Through `SQLiteDialect.buildUpdateSet` (a class the export extends): the member is the piece.
    const member = /^`[^`.]+\.([^`]+)`$/.exec(site.through ?? '')?.[1];
    return site.through === undefined ? site.own : member === undefined ? '' : ` (\`${member}\` changed)`;
  });
  return sites.every((site) => site !== '' && site === sites[0]) ? sites[0]! : '';
}

/** The export's piece the edit changes in every file, or else the one replacement it makes
 * (" (`new` → `enter`)": motion 1946162db's playwright pages, which export nothing), or else the
 * one short edit of its tokens (wevm/wagmi's `blockNumber` → `blockNumber !== undefined`). */
export function editSite(
  paths: readonly string[],
  symbols: readonly ChangedSymbol[],
  members: ChangedMembers | undefined,
  edits: ReadonlyMap<string, string> | undefined,
): string {
  const site = sharedSite(paths, symbols, members);
  // Pieces named alone (botpress 9cc7e562c7's clients "(`constructor` changed)") by the first file's texts.
  const texts = symbols.map((s) => (s.path === paths[0] ? members?.get(s.path)?.get(s.name)?.localTexts : undefined)).find(Boolean);
  if (site !== '') return describeNamedPieces(site, texts, 1) ?? site;
  const replaced = describeReplacement(edits?.get(paths[0]!));
  if (replaced !== null) return ` (${replaced})`;
  // The same text put in every file (Flowise 9181ae2879 gives four request tools' `this.baseClasses`
  // a last entry, `'Tool'`, after each class's own `getBaseClasses(…)`).
  const inserted = paths.map((path) => describeInsertion(edits?.get(path)));
  if (inserted[0] !== null && inserted.every((said) => said === inserted[0])) return ` (${inserted[0]})`;
  return dotenvEdit(paths, edits) || sharedEdit(paths, edits) || sharedLocalsEdit(paths, edits);
}

/** The keys, members and locals every file's edit puts in and changes alike (appwrite/console
 * 6a1edd5092: two `updateLogging.svelte` give `update` a `deploymentRetention` and turn `enabled`'s
 * and `providerSilentMode`'s `|| undefined` into `?? undefined`, in hunks of several edits each). */
function sharedLocalsEdit(paths: readonly string[], edits: ReadonlyMap<string, string> | undefined): string {
  const told = paths.map((path) => describeLocalsEdit(edits?.get(path) ?? '', true));
  return told[0] !== '' && told.every((said) => said === told[0]) ? told[0]! : '';
}

/** Dotenv files gaining the same variables: " (`A` and `B` added)"; empty otherwise. */
function dotenvEdit(paths: readonly string[], edits: ReadonlyMap<string, string> | undefined): string {
  const env = paths.length > 0 && paths.every(isDotenv) ? paths.map((path) => describeEnvKeys(edits?.get(path) ?? '')) : [];
  return env.length > 0 && env[0] !== '' && env.every((said) => said === env[0]) ? ` (${env[0]})` : '';
}

/** What an export changed the same way in every file changes: its pieces, or a reshaped type its
 * members by name (" (`limitSelectionToProject` added)"), not its tokens: a member appended on a
 * line of its own is "`string` → `string limitSelectionToProject : boolean`" to them. */
function exportEdit(
  changed: ChangedSymbol,
  exports: readonly ChangedSymbol[],
  sources: readonly string[],
  symbols: readonly ChangedSymbol[],
  members: ChangedMembers | undefined,
  edits: ReadonlyMap<string, string> | undefined,
): string {
  if (changed.change !== 'shape-changed') return editSite(sources, symbols, members, edits);
  const site = sharedSite(sources, symbols, members);
  const reshaped = exports.filter((s) => s.name === changed.name).map((s) => s.reshaped);
  return site !== '' ? site : reshaped[0] !== undefined && reshaped.every((r) => r === reshaped[0]) ? ` (${reshaped[0]})` : '';
}

export function patternQuestion(
  same: readonly ChangeUnit[],
  symbols: readonly ChangedSymbol[],
  byEdit: boolean,
  members?: ChangedMembers,
  edits?: ReadonlyMap<string, string>,
): Question {
  const sources = same.flatMap((u) => u.files.filter((f) => !isTestPath(f.path)).map((f) => f.path));
  const labels = byEdit ? sources : same.map((u) => u.label);
  const shown = `${labels.slice(0, 3).join(', ')}${labels.length > 3 ? `, … (${labels.length} in all)` : ''}`;
  // The export the edit touched names it, before one that carries it (amplication 2eb1e527f's
  // generated models.ts: "`Entity` changed its signature the same way", where `BlueprintRelation` gained two fields).
  const exports = byEdit ? [] : changedExports(new Set(same.flatMap((u) => u.files.map((f) => f.path))), symbols);
  const changed = exports.find((s) => s.via === undefined) ?? exports[0];
  const what = changed
    ? `\`${shownName(changed)}\` ${CHANGE_WORDS[changed.change]} the same way${exportEdit(changed, exports, sources, symbols, members, edits)} in ${shown}`
    : `The same edit${byEdit ? editSite(sources, symbols, members, edits) : dotenvEdit(sources, edits)} is made in ${shown}`;
  return {
    id: `pattern:${same[0]!.label}`,
    kind: 'text',
    message: `${what}: what does the edit do, and why does each of them need it?`,
    // The files that make the edit (a piece's tests make edits of their own).
    context: same
      .flatMap((u) =>
        (byEdit ? u.files.filter((f) => !isTestPath(f.path)) : u.files.slice(0, 3)).map((f) => `  ${f.path}  +${f.added} -${f.removed}`),
      )
      .slice(0, 10),
    contentKey: same.flatMap((u) => u.files.map((f) => `${f.path}:${f.newBlob}`)).join(','),
  };
}

/** The exports in order, those whose files make one edit in several files (and change the same
 * way) gathered at the first of them. */
export function groupSameEdit(symbols: readonly ChangedSymbol[], edits: ReadonlyMap<string, string> | undefined): ChangedSymbol[][] {
  const keyOf = (symbol: ChangedSymbol) => {
    const shape = shapeOf(edits, symbol.path);
    return shape === undefined ? undefined : `${symbol.change}\0${shape.key}`;
  };
  const byEdit = new Map<string, ChangedSymbol[]>();
  for (const symbol of symbols) {
    const key = keyOf(symbol);
    if (key !== undefined) byEdit.set(key, [...(byEdit.get(key) ?? []), symbol]);
  }
  const groups: ChangedSymbol[][] = [];
  const placed = new Set<string>();
  for (const symbol of symbols) {
    const key = keyOf(symbol);
    const same = key === undefined ? [] : byEdit.get(key)!;
    if (new Set(same.map((s) => s.path)).size < 2) groups.push([symbol]);
    else if (!placed.has(key!)) {
      placed.add(key!);
      groups.push(same);
    }
  }
  return groups;
}

/**
 * Exports that change through another asked export of their file are asked with it; those that
 * change through one private helper of their file, with the first of them (luxon 90a6edae's
 * `TokenParser`, `explainFromTokens` and `parseFromTokens`, all through `fixListRegex`).
 */
export function groupCarried(asked: readonly ChangedSymbol[]): {
  heads: ChangedSymbol[];
  carried: Map<ChangedSymbol, ChangedSymbol[]>;
} {
  const carrierOf = (s: ChangedSymbol) => {
    if (s.via === undefined) return undefined;
    const owner = asked.find((t) => t !== s && t.path === s.path && t.name === s.via && t.via === undefined);
    if (owner !== undefined || asked.some((t) => t.path === s.path && t.name === s.via)) return owner;
    const first = asked.find((t) => t.path === s.path && t.via === s.via && t.change === s.change);
    return first === s ? undefined : first;
  };
  const carried = new Map<ChangedSymbol, ChangedSymbol[]>();
  for (const s of asked) {
    const carrier = carrierOf(s);
    if (carrier !== undefined) carried.set(carrier, [...(carried.get(carrier) ?? []), s]);
  }
  return { heads: asked.filter((s) => carrierOf(s) === undefined), carried };
}
