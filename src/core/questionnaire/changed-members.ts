import { branchesOf, describeBranches } from './branch-phrases.js';
import { describeCallOrder } from './call-order.js';
import { describeElements, moreTags } from './element-tags.js';
import { isKeyGained, isLocalPassedOn } from './gained-keys.js';
import { listReceiverSwaps } from './receiver-swaps.js';
import { describeReturnedValues, diffReturnedValues } from './returned-values.js';
// Which named pieces of a changed declaration the change touches: "`flush` and `constructor`
// changed, `_attachAbortListener` added" says what "changed its implementation" alone does not
// (got's `Request`; msw's `defineNetwork` and the `configure`, `enable`, `disable` it returns).
// The records come from both sides of a file (adapters/typescript/list-members.ts); this is pure.

/** A named piece of a top-level declaration (`owner`): a class member, a local function or
 * variable of a function's body, a property of the object it returns; `hash` is its syntax's. */
export interface MemberRecord {
  readonly owner: string;
  readonly name: string;
  readonly hash: string;
  /** A member of a class or an object (`Actor._send`), not a local of a function's body. */
  readonly isProperty: boolean;
  /** A key of an object a function's statement passes to a call (`statements.push({ namedImports })`):
   * neither a member of the declaration nor a local. */
  readonly isKey?: boolean;
  /** A local or member a hunk touches: its declaration's text (`width = Math.max(…)`). */
  readonly text?: string;
  /** The declaration itself (`name` is ''): the conditions of its `if` statements where a hunk
   * touches it. */
  readonly conditions?: readonly string[];
  /** Each condition without its type assertions, to tell two sides' conditions apart: a cast
   * dropped from one (vue language-tools 26ceb0c3a) is no new branch. */
  readonly conditionKeys?: readonly string[];
  /** A class member's fields of `this` set on the lines a hunk touches, and those its return
   * statements give back. */
  readonly writes?: readonly string[];
  readonly returns?: readonly string[];
  /** The declaration itself: what the calls on the lines a hunk touches call (`withTimeout`, `Math.min`). */
  readonly calls?: readonly string[];
  /** What every call of the declaration calls, touched or not: a callee a kept line still calls
   * is not one the change stops calling. */
  readonly everyCall?: readonly string[];
  /** The declaration itself: the values its own return statements give on the lines a hunk touches. */
  readonly values?: readonly string[];
  /** The declaration is another's name (`const Item = SelectItem`): it changes as that one does. */
  readonly aliasOf?: string;
  /** The declaration itself: the tags of the JSX elements opening on the lines a hunk touches. */
  readonly tags?: readonly string[];
}

export interface MemberChanges {
  readonly changed: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** The pieces are the declaration's properties: one may be named `Owner.piece`. */
  readonly areProperties: boolean;
  /** Conditions of `if` statements the new side has and the old one lacks (xstate's
   * `if (stateNode.parent!.type === 'parallel')`). */
  readonly branches: readonly string[];
  /** Conditions the old side has and the new one lacks (mobx-state-tree's `resolveNodeByPathParts`
   * no longer tests `if (failIfResolveFails)` after its loop). */
  readonly lostBranches?: readonly string[];
  /** Members not changed themselves that give back a field the change now sets (TanStack query's
   * `promise` getter returns `this.#retryer?.promise`; `fetch` now clears `#retryer`). */
  readonly altered?: readonly string[];
  /** Callees the touched lines call on the new side and not on the old (wevm/wagmi 18e94210c's
   * `waitForTransactionReceipt` now calls `withTimeout`), and the reverse. */
  readonly calls?: readonly string[];
  readonly lostCalls?: readonly string[];
  /** A method now called on another receiver, old callee first (receiver-swaps.ts). */
  readonly swaps?: readonly (readonly [before: string, after: string])[];
  /** The callees of the lines a hunk touches on each side, in the order the code calls them. */
  readonly callOrder?: readonly [before: readonly string[], after: readonly string[]];
  /** Locals of a function's body that the new side declares and the old lacks: named only where
   * nothing else is (motion 32c2d7157's `assignViewTransitionNames` gains `currentNames`). */
  readonly newLocals?: readonly string[];
  /** Values the touched return statements now give, and no longer give (returned-values.ts). */
  readonly returned?: readonly [gained: readonly string[], lost: readonly string[]];
  /** A changed local's text on each side (c12 08a87fc's `environment`, whose initializer's
   * `expandFileReferences ?? true` became `?? false`, in one of the file's three hunks). */
  readonly localTexts?: ReadonlyMap<string, readonly [before: string, after: string]>;
  /** The text of each local the old side declares and the new one lacks (an inlined helper). */
  readonly goneTexts?: ReadonlyMap<string, string>;
  /** JSX elements the touched lines render on the new side and not the old, and the reverse, by
   * tag, counted (hatchet 86315c1565's `DemoTemplate` no longer wraps its page in
   * `<RequireManagedComputeWriteAccess>`). */
  readonly elements?: readonly [gained: readonly string[], lost: readonly string[]];
}

/** By path, then by the declaration's local name. */
export type ChangedMembers = ReadonlyMap<string, ReadonlyMap<string, MemberChanges>>;

function byOwner(records: readonly MemberRecord[]): Map<string, Map<string, string>> {
  const owners = new Map<string, Map<string, string>>();
  for (const r of records) {
    if (r.name === '') {
      if (!owners.has(r.owner)) owners.set(r.owner, new Map());
      continue;
    }
    const members = owners.get(r.owner) ?? new Map<string, string>();
    // A getter and its setter, or a method's overloads, are one name.
    members.set(r.name, `${members.get(r.name) ?? ''}${r.hash}`);
    owners.set(r.owner, members);
  }
  return owners;
}

/** The pieces of each declaration that differ between the two sides, in file order. */
export function diffMembers(oldRecords: readonly MemberRecord[], newRecords: readonly MemberRecord[]): Map<string, MemberChanges> {
  const before = byOwner(oldRecords);
  const after = byOwner(newRecords);
  const out = new Map<string, MemberChanges>();
  for (const [owner, members] of after) {
    const old = before.get(owner);
    // A declaration the change adds has no pieces to tell: it is new as a whole.
    if (old === undefined) continue;
    const changed = [...members]
      .filter(([name, hash]) => old.has(name) && old.get(name) !== hash && !isKeyGained(oldRecords, newRecords, owner, name))
      .map(([name]) => name);
    // A method's overloads are one name: its texts, joined (arktype 11e2e49's `BaseScope.export`).
    const textOf = (records: readonly MemberRecord[], name: string) => {
      const texts = records.filter((r) => r.owner === owner && r.name === name && r.text !== undefined).map((r) => r.text!);
      return texts.length === 0 ? undefined : texts.join('\n');
    };
    const localTexts = new Map(
      changed.flatMap((name) => {
        const [was, now] = [textOf(oldRecords, name), textOf(newRecords, name)];
        return was === undefined || now === undefined ? [] : [[name, [was, now] as const]];
      }),
    );
    const gone = [...old.keys()].filter((name) => !members.has(name) && !isProperty(oldRecords, owner, name));
    const goneTexts = new Map(gone.flatMap((name) => (textOf(oldRecords, name) === undefined ? [] : [[name, textOf(oldRecords, name)!]])));
    const side = (records: readonly MemberRecord[]) => ({ touched: touchedCallsOf(records, owner), every: everyCallOf(records, owner) });
    const swaps = listReceiverSwaps(side(oldRecords), side(newRecords));
    const calls = { calls: moreCalls(oldRecords, newRecords, owner), lostCalls: moreCalls(newRecords, oldRecords, owner), swaps };
    const changes = {
      ...(localTexts.size > 0 && { localTexts }),
      ...(goneTexts.size > 0 && { goneTexts }),
      changed,
      // A local a function gains or loses is how it is written, not what it offers (format-price's
      // `symbol`, `units`, `rest`): only members are named as added or removed.
      added: [...members.keys()].filter(
        (name) => (!old.has(name) && isProperty(newRecords, owner, name)) || isLocalPassedOn(oldRecords, newRecords, owner, name),
      ),
      removed: [...old.keys()].filter((name) => !members.has(name) && isProperty(oldRecords, owner, name)),
      areProperties: newRecords.every((r) => r.owner !== owner || r.name === '' || r.isProperty),
      ...branchesNamed(newBranches(oldRecords, newRecords, owner), newBranches(newRecords, oldRecords, owner), calls),
      altered: alteredMembers(oldRecords, newRecords, owner, changed),
      callOrder: [touchedCallsOf(oldRecords, owner), touchedCallsOf(newRecords, owner)] as const,
      returned: diffReturnedValues(oldRecords, newRecords, owner),
      elements: [
        moreTags(tagsOf(oldRecords, owner), tagsOf(newRecords, owner)),
        moreTags(tagsOf(newRecords, owner), tagsOf(oldRecords, owner)),
      ] as const,
      ...calls,
      newLocals: [...members.keys()].filter(
        (name) => !old.has(name) && newRecords.some((r) => r.owner === owner && r.name === name && !r.isProperty && r.isKey !== true),
      ),
    };
    const pieces = changes.changed.length + changes.added.length + changes.removed.length + changes.newLocals.length;
    const named = [changes.branches, changes.lostBranches, changes.calls, changes.lostCalls, swaps, ...changes.elements].reduce(
      (count, list) => count + list.length,
      pieces,
    );
    if (named > 0 || describeCallOrder(...changes.callOrder) !== '' || describeReturnedValues(changes.returned) !== '')
      out.set(owner, changes);
  }
  // radix-ui's `const Item = SelectItem`: the export `Item` changed in `SelectItem`'s pieces
  // (a06624085 asked "`Item` changed its implementation" and named none of them).
  for (const r of newRecords) {
    const target = r.aliasOf === undefined ? undefined : out.get(r.aliasOf);
    if (target !== undefined && !out.has(r.owner)) out.set(r.owner, target);
  }
  return out;
}

/** Members of `owner` that return a field a changed member sets where the change touches it. */
function alteredMembers(
  oldRecords: readonly MemberRecord[],
  newRecords: readonly MemberRecord[],
  owner: string,
  changed: readonly string[],
) {
  const isChanged = new Set(changed);
  const set = new Set(
    [...oldRecords, ...newRecords].filter((r) => r.owner === owner && isChanged.has(r.name)).flatMap((r) => r.writes ?? []),
  );
  if (set.size === 0) return [];
  const altered = newRecords.filter((r) => r.owner === owner && !isChanged.has(r.name) && (r.returns ?? []).some((f) => set.has(f)));
  return [...new Set(altered.map((r) => r.name))];
}

// NOTE: a key handed to a call is named when changed, never as gained or lost: one that moves into
// a local's initializer (`const answer = await select({ … }); return answer`) is out of sight, not
// gone (the same rule first named jose 3a918336's `alphabet` "removed" where a `try` wrapped it).
const isProperty = (records: readonly MemberRecord[], owner: string, name: string) =>
  records.some((r) => r.owner === owner && r.name === name && r.isProperty);

/** The records of a declaration itself: one per overload (jose's `importJWK` declares two
 * signatures before its body, whose branches the first record, bodiless, does not hold). */
const declarationsOf = (records: readonly MemberRecord[], owner: string) => records.filter((r) => r.owner === owner && r.name === '');

/** A conditional expression (`a ? b : c`) is a branch named only where no `if` changed and no
 * call is gained or lost: most choose a value (wagmi 18e94210c's `timeout > 0 ? … : 10_000` beside
 * `withTimeout`); where nothing else changed it is the change (superjson faf164b's `'cause' in v ? …`). */
function branchesNamed(gained: string[], lost: string[], calls: { calls: string[]; lostCalls: string[] }) {
  const isIf = (c: string) => !c.endsWith(' ?');
  // One rewritten as the other keeps both: hatchet 86315c1565's `canWrite ? <Link>… : <p>…` become
  // `{canWrite && …}`, told only as "new branches `canWrite && …`", the `canWrite ? …` it replaced lost.
  const names = (c: string) => new Set(c.match(/[A-Za-z_$][\w$.]*/g) ?? []);
  const rewritten = (c: string, others: readonly string[]) =>
    !isIf(c) && others.some((o) => isIf(o) && [...names(c)].some((n) => names(o).has(n)));
  if ([...gained, ...lost].some(isIf) || calls.calls.length + calls.lostCalls.length > 0)
    return {
      branches: gained.filter((c) => isIf(c) || rewritten(c, lost)),
      lostBranches: lost.filter((c) => isIf(c) || rewritten(c, gained)),
    };
  return { branches: gained, lostBranches: lost };
}

/** The calls on the lines a hunk touches, in order: a local function declared above them calls
 * what it calls when it is called, not where it is written (pnpm's `applyChange`). */
const touchedCallsOf = (records: readonly MemberRecord[], owner: string) => declarationsOf(records, owner).flatMap((r) => r.calls ?? []);
const everyCallOf = (records: readonly MemberRecord[], owner: string) => declarationsOf(records, owner).flatMap((r) => r.everyCall ?? []);
const tagsOf = (records: readonly MemberRecord[], owner: string) => declarationsOf(records, owner).flatMap((r) => r.tags ?? []);

/** The conditions the new side adds, counted: a second `if (x)` beside a kept one is new too. */
function newBranches(oldRecords: readonly MemberRecord[], newRecords: readonly MemberRecord[], owner: string): string[] {
  const keysOf = (r: MemberRecord) => r.conditionKeys ?? r.conditions ?? [];
  const left = declarationsOf(oldRecords, owner).flatMap(keysOf);
  const now = declarationsOf(newRecords, owner);
  const keys = now.flatMap(keysOf);
  return now
    .flatMap((r) => r.conditions ?? [])
    .filter((_, i) => {
      const c = keys[i]!;
      const at = left.indexOf(c);
      if (at < 0) return true;
      left.splice(at, 1);
      return false;
    });
}

/** The callees the new side's touched lines call and the old side's do not, each once: one called
 * twice where it was called once is no new call (jose 31e4bafc's `normalizeTyp` lowercases in
 * two branches where it lowercased once: not "now calls `value.toLowerCase`"). A method is one
 * callee on any receiver: `channel.postMessage` and `getChannel().postMessage` (next-auth
 * f39867a06), `Impl.install` and `CameraControlsImpl.install` (an import renamed) call the same. */
function moreCalls(oldRecords: readonly MemberRecord[], newRecords: readonly MemberRecord[], owner: string): string[] {
  const callsOf = (records: readonly MemberRecord[]) => declarationsOf(records, owner).flatMap((r) => r.calls ?? []);
  // `throw TypeError` and `new TypeError` (list-calls.ts) make the same error.
  const method = (callee: string) => callee.replace(/^(?:throw|new) /, '').replace(/^.*\./, '');
  // A callee the other side calls anywhere, on a line no hunk touches too (react-hook-form
  // resolvers 5e5b610's `isNameInFieldArray` still calls `escapeBrackets` on a kept line).
  // Called as written, receiver and all: another `.delete` elsewhere (a set's, not
  // `scriptSnapshots.delete`) is another callee.
  const callee = (call: string) => call.replace(/^(?:throw|new) /, '');
  const kept = new Set(everyCallOf(oldRecords, owner).map(callee));
  const before = new Set(callsOf(oldRecords).map(method));
  return [...new Set(callsOf(newRecords).filter((call) => !before.has(method(call)) && !kept.has(callee(call))))];
}

const MAX_NAMES = 3;
const THROW = 'throw ';
const quoted = (names: readonly string[]) => {
  const shown = names.slice(0, MAX_NAMES).map((n) => `\`${n}\``);
  if (names.length > MAX_NAMES) return `${shown.join(', ')} and ${names.length - MAX_NAMES} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
};

/** Methods of arrays, strings and promises: `errors.push`, `ids.join` say how, not what. */
const LIST_METHODS = new Set(
  'push pop shift unshift splice slice concat join map filter reduce forEach some every find findIndex includes indexOf toString then catch finally'.split(
    ' ',
  ),
);

/** "now calls `withTimeout`", "no longer calls `retry`": one or two callees a question can quote
 * (`.forEach` on another call's result is not one, nor a piece the question names already:
 * `_attachAbortListener` added and `this._attachAbortListener` called); more are a rewrite. */
export function describeCalls(changes: MemberChanges): string {
  const pieces = new Set([...changes.changed, ...changes.added, ...changes.removed]);
  const isQuoted = (callee: string) => {
    const method = callee.slice(callee.lastIndexOf('.') + 1);
    return !/^(?:\.|new )/.test(callee) && !pieces.has(method) && !(callee.includes('.') && LIST_METHODS.has(method));
  };
  // Arithmetic (`Math.min`, `Math.floor`) is how, where more than two callees would make a rewrite:
  // openai-node d8c4409f17's `encode` now calls `string.codePointAt`, with two of them to find where.
  const fewer = (callees: string[]) =>
    callees.filter((c) => !c.startsWith(THROW)).length > 2 ? callees.filter((c) => !c.startsWith('Math.')) : callees;
  const [gained, lost] = [changes.calls ?? [], changes.lostCalls ?? []].map((callees) => fewer(callees.filter(isQuoted)));
  const swapped = (changes.swaps ?? []).map(([was, now]) => `\`${was}\` → \`${now}\``);
  // An error thrown is recorded as `throw TypeError` (list-calls.ts): "now throws `TypeError`".
  const [calls, throws] = [(c: string) => !c.startsWith(THROW), (c: string) => c.startsWith(THROW)];
  const named = (callees: readonly string[]) => callees.map((c) => `\`${c.startsWith(THROW) ? c.slice(THROW.length) : c}\``).join(' and ');
  if (
    gained!.length + lost!.length + swapped.length === 0 ||
    [gained!, lost!].some((side) => side.filter(calls).length > 2 || side.filter(throws).length > 2)
  )
    return '';
  const parts: [readonly string[], string][] = [
    [gained!.filter(calls), 'now calls'],
    [gained!.filter(throws), 'now throws'],
    [lost!.filter(calls), 'no longer calls'],
    [lost!.filter(throws), 'no longer throws'],
  ];
  return [...swapped, ...parts.filter(([callees]) => callees.length > 0).map(([callees, verb]) => `${verb} ${named(callees)}`)].join(', ');
}

/** "`configure`, `enable` and `disable` changed, `disposable` added, `listenersController`
 * removed"; empty when nothing named changed. */
export function describeMemberChanges(changes: MemberChanges | undefined, withLocals = true): string {
  if (changes === undefined) return '';
  const said = [
    changes.changed.length > 0 ? `${quoted(changes.changed)} changed` : '',
    changes.added.length > 0 ? `${quoted(changes.added)} added` : '',
    changes.removed.length > 0 ? `${quoted(changes.removed)} removed` : '',
    ...describeBranches(changes),
  ].filter((part) => part !== '');
  // A local gained is how the function is written: said only where no piece or branch is (the calls
  // it now makes follow it: motion 32c2d7157's `currentNames`, then `registry.has`).
  // A "local" that is a key of the objects it now returns is what it returns (plane d3c6e5ec94's
  // `handleCoverImageChange` returns `{ cover_image: newImage }` where it returned `null`, and was
  // told by "a new local `cover_image`").
  const returns = describeReturnedValues(changes.returned);
  const gave = (changes.returned?.[0] ?? []).join(' ');
  const locals = (changes.newLocals ?? []).filter(
    (name) => returns === '' || !new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*:`).test(gave),
  );
  if (withLocals && said.length === 0 && locals.length > 0)
    said.push(`${locals.length === 1 ? 'a new local' : 'new locals'} ${quoted(locals)}`);
  const told = [...said, describeElements(changes), describeCalls(changes)].filter((part) => part !== '');
  // Where nothing else is named, calls made in another order are (pnpm 7bee7dace4's `applyPatch`).
  if (told.length === 0 && changes.callOrder !== undefined && locals.length === 0) told.push(describeCallOrder(...changes.callOrder));
  // And where nothing else is, the values it gives back: after its new locals too, where they are
  // all that is said (webstudio 1c043a870a's `collectExclusiveInstanceIds` rewritten with new locals
  // `candidateIds`, `preservedIds` and `preserve`, now giving back `candidateIds`).
  const onlyLocals = said.length === 1 && locals.length > 0 && told.length === 1;
  if ((told.join('') === '' && locals.length === 0) || onlyLocals) told.push(returns);
  return told.filter((part) => part !== '').join(', ');
}

/** What an export changed in, for its question: " (`send` changed)" of its own declaration, or,
 * changed through a helper, "`Actor.send`" (one member of a class or object) or "`Actor` (`send`
 * changed, …)" (a function's local is no `helper.local`). */
export function describeChangeSite(
  members: ChangedMembers | undefined,
  path: string,
  name: string,
  via: string | undefined,
  withLocals = true,
): { readonly own: string; readonly through: string | undefined } {
  const inFile = members?.get(path);
  if (via !== undefined) {
    const changes = inFile?.get(via);
    const only = changes?.areProperties === true && changes.added.length + changes.removed.length === 0 && changes.changed.length === 1;
    if (only) {
      const branches = branchesOf(changes);
      return { own: '', through: `\`${via}.${changes.changed[0]}\`${branches === '' ? '' : ` (${branches})`}` };
    }
    const what = describeMemberChanges(changes);
    return { own: '', through: what === '' ? `\`${via}\`` : `\`${via}\` (${what})` };
  }
  const what = describeMemberChanges(inFile?.get(name), withLocals);
  return { own: what === '' ? '' : ` (${what})`, through: undefined };
}
