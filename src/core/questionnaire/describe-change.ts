import type { ChangedSymbol } from '../impact/impact-report.js';
import { componentKindOf } from '../impact/component-script.js';
import { describeCalls, describeChangeSite, type ChangedMembers, type MemberChanges } from './changed-members.js';
import { describeAddedEntry, describeAddedEntryOfEdit, describeGuardedMove, describeLocalMove } from './local-moves.js';
import { describeMove } from './moved-lines.js';
import { describeNewLocalUse } from './new-local-use.js';
import { describeOverloadEdit } from './overload-edits.js';
import {
  describeCutLiterals,
  describeLiteralWords,
  describeTextLines,
  describeNamedPieces,
  describeTokenUses,
  isCutOpen,
  NAMES_ATTRIBUTE,
} from './piece-uses.js';
import { describeComponentEdit } from './private-changes.js';
import { describeInsertion, describeReplacement } from './replaced-words.js';
import { editOfTexts, editShape, formatTokenEdit } from './same-edit.js';

// How an export changed, after its verb ("changed its implementation"): the pieces named (changed-members),
// its old and new shape where short, else the edit of its file told by a rule that reads it:
// a replacement, an insertion, a move, the names and literals it gains and loses.

/** Longer than this, a shape goes to the question's context lines. */
export const MAX_DETAIL = 100;

/** How an export changed, after its verb: " from `old`", " through `Actor._send`", " (`send`
 * changed)", " (old shape → new shape)" where it is short enough to read in a question. */
export function describeChange(symbol: ChangedSymbol, members?: ChangedMembers, edit?: string, ownEdit?: string): string {
  const renamed = symbol.change === 'renamed' && symbol.previousName ? ` from \`${symbol.previousName}\`` : '';
  // A reshaped export is told by its shape: the locals its body gains say nothing of it (the
  // demo's `parseConfig` "changed its signature (new locals `parsed`, `currency` and `taxRate`)").
  const site = describeChangeSite(members, symbol.path, symbol.name, symbol.via, symbol.change !== 'shape-changed');
  const through = site.through && !symbol.detail?.includes(symbol.via!) ? ` through ${site.through}` : '';
  // "implementation changed through `Actor`" names the piece of it that changed: `Actor._send`,
  // with its branches however long (each is short, two at most: changed-members.ts).
  if (
    symbol.change === 'body-changed' &&
    symbol.via &&
    site.through &&
    symbol.detail === `implementation changed through \`${symbol.via}\``
  )
    return withEdit(`${renamed} through ${site.through}`, symbol, edit, members, ownEdit);
  // A variable's shape without a written type ("const createRequire (type inferred)") tells nothing,
  // nor a rename's "renamed from X" after " from `X`" (ts-pattern 99aa90e said it twice).
  const isSaid = symbol.detail?.endsWith('(type inferred)') || (renamed !== '' && symbol.detail === `renamed from ${symbol.previousName}`);
  const said = isSaid ? undefined : symbol.detail;
  const told = symbol.via && site.through ? said?.replace(`\`${symbol.via}\``, site.through) : said;
  // A long shape goes to the context lines; the question stays readable.
  const shown = [told, said].find((d) => d !== undefined && d.length <= MAX_DETAIL);
  // "changed its implementation (implementation changed through `x`)" says it twice.
  const restated = symbol.change === 'body-changed' ? /^implementation changed (through .*)$/.exec(shown ?? '') : null;
  const detail = restated ? ` ${restated[1]}` : shown ? ` (${shown})` : '';
  // A reshaped type's members by name ("`killDescendants` added") say more than its text, unless
  // the export became another kind of thing (ts-node's `const REPL_FILENAME: string` → `function
  // REPL_FILENAME(tsVersion: string)`): the two shapes say that, the calls its body makes do not.
  // Named by what its shape changed in ("`alg`: `string` → `unknown`"): a function's locals say
  // nothing of its signature (jose 714f8704's `jweEncryption` "changed its signature (`entry` changed)").
  const isOwnShape = symbol.change === 'shape-changed' && symbol.via === undefined;
  // Named across kinds only where it stayed a function (an arrow's const turned overloads).
  const isNewKind = symbol.previousKind !== undefined && shown !== undefined && symbol.reshaped === undefined;
  const reshaped = isOwnShape && symbol.reshaped && !isNewKind ? ` (${symbol.reshaped})` : '';
  const byMembers = isOwnShape && site.own !== '' && !isNewKind;
  const ownTold = reshaped || (byMembers ? site.own : detail || site.own);
  // Overloads rewritten or reordered: each one named (overload-edits.ts).
  const own = ownTold === '' && symbol.change === 'shape-changed' ? describeOverloadEdit(symbol.name, edit) : ownTold;
  const described = withEdit(`${renamed}${through}${own}`, symbol, edit, members, ownEdit);
  const also = alsoThrough(symbol, members);
  // Nothing of its own named, or only what the helper's part names again (nuxt/ui 0ceafe1d54's
  // `InputMenu` "(`item` changed) and through `displayValue` (`item` changed, …)"): "changed its
  // implementation through `crawl` (…)".
  const ownNames = /^ \([^()]*\)$/.test(described) ? (described.match(/`[^`]+`/g) ?? []) : [];
  const isRepeated = also !== '' && ownNames.length > 0 && ownNames.every((name) => also.includes(name));
  return described === '' || isRepeated ? also.replace(/^ and /, ' ') : described + also;
}

/** " and through `BaseClass` (`indexesToRemove` added)": the helper an export changed through beside
 * its own change, where what changed there is named and short. */
function alsoThrough(symbol: ChangedSymbol, members?: ChangedMembers): string {
  if (symbol.alsoVia === undefined) return '';
  const { through } = describeChangeSite(members, symbol.path, symbol.name, symbol.alsoVia);
  return through !== undefined && through !== `\`${symbol.alsoVia}\`` && through.length <= MAX_DETAIL ? ` and through ${through}` : '';
}

/** A body change that names no piece, in a file changed in one hunk, is told by that hunk's short
 * token edit: ts-node 7025abf8's `main` "changed its implementation (`process.execArgv.unshift` →
 * `process.execArgv.push`)", where the calls rule names no array method. */
function withEdit(
  told: string,
  symbol: ChangedSymbol,
  wholeEdit: string | undefined,
  members?: ChangedMembers,
  /** The file's edit where it changes this export alone (no other changed export shares the file). */
  ownEdit?: string,
): string {
  const fileEdit = wholeEdit === undefined ? undefined : withoutImportHunks(wholeEdit);
  // A type reshaped through a private one is told by that one's edit, where it is the file's one
  // short change: instantsearch 5895688's `Chat` "(type changed through `UserMessagesProps`:
  // `| 'onClose' | 'onReload'` added)", its props' `Omit` now leaving out two callbacks.
  const throughType = ` (type changed through \`${symbol.via}\`)`;
  const typeEdit =
    symbol.change === 'shape-changed' && told === throughType && fileEdit !== undefined ? editShape(fileEdit)?.shown : undefined;
  if (typeEdit !== undefined) return `${throughType.slice(0, -1)}: ${formatTokenEdit(typeEdit).slice(2, -1)})`;
  // A local named alone says where, not what: effector bc33f3fac's `createNode` "(`owners`
  // changed)" is told by its edit, "(`owners = [...new Set(…)]` → `owners = arrifyNodes(…)`)":
  // the local's own two texts where they were read, else the file's one hunk.
  // A helper's pieces named alone (botpress 9cc7e562c7's `getFreshchatClient` "through
  // `FreshchatClient` (`_client` and `constructor` changed)"): told by the helper's texts.
  const helper = / through `([\w$]+)` \([^()]* changed\)$/.exec(told);
  const helperTexts = helper === null ? undefined : members?.get(symbol.path)?.get(helper[1]!)?.localTexts;
  const helped = symbol.change === 'body-changed' ? describeNamedPieces(told, helperTexts, 1) : undefined;
  if (helped !== undefined) return helped;
  const changes = members?.get(symbol.path)?.get(symbol.name);
  // A JSX attribute named alone (rallly's `<FadeIn className>` changed): told by its two texts, a
  // class list by the class names it gains and loses.
  const attribute =
    symbol.change === 'body-changed' && NAMES_ATTRIBUTE.test(told) ? describeNamedPieces(told, changes?.localTexts, 1) : undefined;
  if (attribute !== undefined) return attribute;
  const local = / \(`([\w$]+)` changed\)$/.exec(told);
  const bare = local === null ? told : told.slice(0, local.index);
  const texts = local === null ? undefined : changes?.localTexts?.get(local[1]!);
  const edit = texts === undefined ? fileEdit : editOfTexts(...texts);
  const pieces = local === null && symbol.change === 'body-changed' ? describeNamedPieces(told, changes?.localTexts) : undefined;
  if (pieces !== undefined) return pieces;
  // A helper's one member named alone says where: io-ts 4edbeb35f2's `type` "through
  // `AnyDictionaryType.constructor`" is told by that member's edit, or the calls it gains and loses.
  const piece = / through `([\w$]+)\.([\w$#]+|<[^`]+>)`$/.exec(told);
  if (piece !== null && symbol.change === 'body-changed')
    return `${told}${describePieceEdit(members?.get(symbol.path)?.get(piece[1]!), piece[2]!)}`;
  // A type's one member named alone is told by its own two texts: shiki 585b5e614f's
  // `TokenizeWithThemeOptions` "(`includeExplanation`: `boolean | 'scopeName'` → `… | 'tokenType'`)".
  const isMemberShape = symbol.change === 'shape-changed' && texts !== undefined;
  if ((symbol.change !== 'body-changed' && !isMemberShape) || bare.includes('(') || edit === undefined) return told;
  const shown = editShape(edit)?.shown;
  // Lines taken out and put back elsewhere: pnpm dfdf7745d3's `getConfig` "(moves the lines from …)".
  // A component's default export is its whole file: what the edit declares and calls tells it.
  const component = told === '' && componentKindOf(symbol.path) !== null ? describeComponentEdit(edit) : '';
  if (shown === undefined && local === null)
    return `${told}${describeMove(edit) ?? describeAddedEntryOfEdit(symbol.name, edit) ?? (describeLiteralWords(edit) || replaced(edit) || component || inserted(edit) || describeTextLines(edit) || (told === '' && ownEdit === wholeEdit ? usesOfEdit(edit) : ''))}`;
  // Too long to quote, and still one move: qwik 240c3d5's helper inlined into `codeSplitting`.
  const moved =
    texts === undefined
      ? undefined
      : (describeLocalMove(local![1]!, texts, changes?.goneTexts) ??
        describeAddedEntry(local![1]!, texts) ??
        describeGuardedMove(local![1]!, texts) ??
        describeNewLocalUse(local![1]!, texts));
  // Its edit too long to quote: the names and literals it gains and loses.
  const uses = moved === undefined && texts !== undefined ? describeTokenUses(...texts) : undefined;
  // Cut inside a call (`'a') || b.includes(`), the edit is no code to quote either.
  if (shown === undefined || (uses !== undefined && isCutOpen(shown)))
    return moved !== undefined ? `${bare}${moved}` : uses !== undefined ? `${bare} (\`${local![1]}\` ${uses})` : told;
  // One hunk is where the local (or member) changed, its name on the edit's lines or not: consola
  // c5c1534's `box` "(`width`: `line) => line.length` → `line) => stripAnsi(line).length`)", its initializer's edit.
  if (local !== null && !shown.some((side) => side.includes(local[1]!)))
    return `${bare} (\`${local[1]}\`: ${formatTokenEdit(shown).slice(2, -1)}${describeCutLiterals(edit, shown)})`;
  return `${bare}${formatTokenEdit(shown).slice(0, -1)}${describeCutLiterals(edit, shown)})`;
}

/** The file's edit where every hunk of code is inside this export (git heads each with its
 * declaration's line): the names another declaration's hunk gains are none of its own
 * (token-edit-named's `main` beside `other`; also-through-helper's `nodeClass` beside its helper). */
export function ownEditOf(symbol: ChangedSymbol, sites?: ReadonlyMap<string, readonly string[]>, edits?: ReadonlyMap<string, string>) {
  const headings = sites?.get(symbol.path);
  // Every mark escaped: a removed `export * from` is a change named `*` (react-email ff0591dbb8).
  const names = new RegExp(`(?<![\\w$])${symbol.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`);
  return headings !== undefined && headings.length > 0 && headings.every((heading) => names.test(heading))
    ? edits?.get(symbol.path)
    : undefined;
}

/** Changed lines of an edit told by the names and literals they gain and lose, at most. */
const MAX_USES_LINES = 12;
/** A line of comment only. */
const COMMENT_ONLY = /^[-+]\s*(?:\/\/|\/\*|\*)/;

/** " (now uses `"Already a member of this workspace."`, no longer `email`)": a short edit nothing
 * else tells, by the names and literals its lines gain and lose (webstudio 09c89376fb's `addMember`
 * drops the e-mail from two error messages, and was asked "changed its implementation" alone). */
function usesOfEdit(edit: string): string {
  const changed = edit.split('\n').filter((line) => /^[-+]/.test(line) && !COMMENT_ONLY.test(line));
  if (changed.length === 0 || changed.length > MAX_USES_LINES) return '';
  const side = (mark: string) =>
    changed
      .filter((line) => line.startsWith(mark))
      .map((line) => line.slice(1))
      .join('\n');
  const uses = describeTokenUses(side('-'), side('+'));
  return uses === undefined ? '' : ` (${uses})`;
}

/** " (`&utm_source=…` inserted)": one piece of text every changed line gains or loses. */
/** " (`lineColor` → `branchColor`)": the one replacement every changed line of the file makes
 * (gitbutler a27b9b8ff8's BranchHeader.svelte renames its prop in three hunks, and was asked
 * "changed its implementation" alone). */
const replaced = (edit: string) => {
  const said = describeReplacement(edit);
  return said === null ? '' : ` (${said})`;
};
const inserted = (edit: string) => {
  const said = describeInsertion(edit);
  return said === null ? '' : ` (${said})`;
};

/** A file's edit without its hunks of import lines alone, where other hunks remain: a name the
 * change imports is how it is written (arktype f067dbf imports `Out` for `finalizePreinferred`'s
 * `=> preinferred` → `=> Out<preinferred>`, and its type-through edit had two hunks to tell). */
function withoutImportHunks(edit: string): string {
  const hunks = edit.split('\n@@\n');
  const code = hunks.filter((hunk) => !hunk.split('\n').every((line) => /^[-+]import\b/.test(line)));
  return code.length === 0 || code.length === hunks.length ? edit : code.join('\n@@\n');
}

/** " (`a` → `b`)" of a member's two texts where short, else " (now calls `x`)"; empty when neither says anything. */
function describePieceEdit(changes: MemberChanges | undefined, name: string): string {
  const texts = changes?.localTexts?.get(name);
  const shown = texts === undefined ? undefined : editShape(editOfTexts(...texts))?.shown;
  if (shown !== undefined) return formatTokenEdit(shown);
  const calls = changes === undefined ? '' : describeCalls(changes);
  const uses = calls === '' && texts !== undefined ? describeTokenUses(...texts) : undefined;
  return calls !== '' ? ` (${calls})` : uses !== undefined ? ` (${uses})` : '';
}
