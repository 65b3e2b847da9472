// An overloaded function's shape holds one signature a line (parse-module.ts joins its parts):
// neverthrow 17e6a6f gave `ok`, `err`, `okAsync` and `errAsync` an overload taking `void`, and
// 2d00330 two to `safeTry`. What changed is the overloads gained or lost, named by what a reader
// can tell them by; and one that only comes after every old one is tried last: no call that
// compiled before resolves to it.

import { closing, plain, splitList } from './bracket-lists.js';

const HEAD = /^(?:export )?(?:default )?(?:declare )?(?:async )?(?:function\*? ?[\w$]* ?|(?:const|let|var) [\w$]+ = (?:async )?)/;
/** Longer than this, a signature is no text a question can quote. */
const MAX_QUOTE = 40;

/** Blind to spacing around punctuation and trailing commas, as normalizeShape is. */
const keyOf = (text: string) => text.replace(/\s*([,;:(){}<>[\]=|&?])\s*/g, '$1').replace(/,([)\]}>])/g, '$1');

/** Each signature of a function's shape without its head (`export function f`), or null when a
 * line is no function's (an interface merged with a namespace is no overload). */
export function readOverloads(shape: string): string[] | null {
  const lines = shape.split('\n').map(plain).filter(Boolean);
  if (lines.some((line) => !HEAD.test(line))) return null;
  // Each line but the last ends with the `;` that joins them: no part of the signature.
  const signatures = lines.map((line) => line.replace(HEAD, '').replace(/;$/, '').trim());
  return signatures.every((s) => /^[<(]/.test(s)) ? signatures : null;
}

/** A signature's type parameters (`<T, E extends string = string>`) apart from the rest. */
function splitTypeParameters(signature: string): { names: string[]; items: string[]; rest: string } {
  const end = signature.startsWith('<') ? closing(signature, 0) : -1;
  if (end < 0) return { names: [], items: [], rest: signature };
  const items = splitList(signature.slice(1, end));
  return { names: items.map((t) => /^[\w$]+/.exec(t)?.[0] ?? t), items, rest: signature.slice(end + 1).trim() };
}

const quoted = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(' and ');

/** "a new overload `(value: void): ResultAsync<void, E>`", "a new overload with type parameter
 * `E extends string = string`" (the same parameters as an old one), "2 new overloads with type
 * parameters `YieldErr` and `GeneratorReturnResult`", "the overload `(a: string): A` removed". */
function describeOverloads(changed: readonly string[], others: readonly string[], isGained: boolean): string {
  const one = changed.length === 1;
  const [lead, tail] = isGained
    ? [one ? 'a new overload' : `${changed.length} new overloads`, '']
    : [one ? 'the overload' : `${changed.length} overloads`, ' removed'];
  const said = (middle: string) => `${lead}${middle}${tail}`;
  const parts = changed.map(splitTypeParameters);
  const otherParts = others.map(splitTypeParameters);
  const withTypes = (names: readonly string[]) => ` with type parameter${names.length > 1 ? 's' : ''} ${quoted(names)}`;
  if (one) {
    const twin = otherParts.find((o) => keyOf(o.rest) === keyOf(parts[0]!.rest));
    const differing = twin === undefined ? [] : parts[0]!.items.filter((t) => !twin.items.some((u) => keyOf(u) === keyOf(t)));
    if (differing.length > 0 && differing.length <= 2 && differing.every((t) => t.length <= MAX_QUOTE)) return said(withTypes(differing));
  }
  if (changed.length <= 2 && parts.every((p) => p.rest.length <= MAX_QUOTE)) return said(` ${quoted(parts.map((p) => p.rest))}`);
  const known = new Set(otherParts.flatMap((o) => o.names));
  const fresh = [...new Set(parts.flatMap((p) => p.names))].filter((n) => !known.has(n));
  return said(fresh.length > 0 && fresh.length <= 3 ? withTypes(fresh) : '');
}

/** What changed among a function's overloads, named; undefined where neither side has two
 * signatures, or the overloads are the same. `nameOne` names one signature's change. */
export function nameOverloads(
  oldShape: string,
  newShape: string,
  nameOne: (before: string, after: string) => string | undefined,
): string | undefined {
  const [before, after] = [readOverloads(oldShape), readOverloads(newShape)];
  if (before === null || after === null || (before.length < 2 && after.length < 2)) return undefined;
  const [was, is] = [new Set(before.map(keyOf)), new Set(after.map(keyOf))];
  const gained = [...new Map(after.filter((s) => !was.has(keyOf(s))).map((s) => [keyOf(s), s])).values()];
  const lost = [...new Map(before.filter((s) => !is.has(keyOf(s))).map((s) => [keyOf(s), s])).values()];
  if (gained.length === 0 && lost.length === 0) return undefined;
  if (lost.length === 0) return describeOverloads(gained, before, true);
  if (gained.length === 0) return describeOverloads(lost, after, false);
  if (gained.length !== lost.length) return undefined;
  // As many changed as before: each old one read against the new one in its place.
  const told = lost.map((s, k) => nameOne(`function f${s}`, `function f${gained[k]}`)).filter((t) => t !== undefined);
  if (told.length === 0) return undefined;
  // The same change in each (resolvers a21e723's `z4.$ZodType` → `Zod4Type`) is said once.
  if (lost.length === 1 || (told.length === lost.length && told.every((t) => t === told[0]))) return told[0];
  return `${lost.length} overloads changed, e.g. ${told[0]}`;
}

/** Whether the callable signatures gained overloads after every old one, in the old order: a call
 * that compiled before resolves as before (the implementation's, last outside a declaration
 * file, is not callable). */
export function isOverloadWidened(oldShape: string, newShape: string, hasImplementation: boolean): boolean {
  const [before, after] = [readOverloads(oldShape), readOverloads(newShape)];
  if (before === null || after === null) return false;
  const callable = (s: string[]) => (hasImplementation && s.length > 1 ? s.slice(0, -1) : s).map(keyOf);
  const [was, is] = [callable(before), callable(after)];
  return is.length > was.length && was.every((s, k) => is[k] === s);
}
