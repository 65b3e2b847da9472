// `a.localeCompare(b)`, the order of paths and names in every report, without its price when it
// can: the first localeCompare of a run builds ICU's collator, ~10 ms of the hook's start-up
// (docs/speed.md). For printable ASCII under an English (or root) default locale the collator's
// answer is known: CLDR root order, non-ignorable punctuation, letters compared without case
// first and lowercase first only when nothing else differs. Anything else (another locale, a
// character outside printable ASCII) asks localeCompare itself.
// tests/unit/text/compare-text.test.ts holds the table to ICU's own answers.

/** Printable ASCII in CLDR root collation order (a letter's capital right after it). */
export const ROOT_ASCII_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';

// Primary weight by code unit (0: not in the table); a capital shares its letter's weight.
const PRIMARY = new Uint8Array(128);
let weight = 0;
for (const char of ROOT_ASCII_ORDER) {
  const code = char.charCodeAt(0);
  PRIMARY[code] = code >= 65 && code <= 90 ? PRIMARY[code + 32]! : ++weight;
}

// The table holds every printable ASCII character. A regular expression reads a text natively:
// a loop over its characters ran in V8's interpreter in a run this short, ~10 ms for a walk's
// 950 paths on sentry-javascript (docs/speed.md, round 51).
const TABLE_TEXT = /^[ -~]*$/;
const isTableText = (text: string) => TABLE_TEXT.test(text);

/** The root collation's order of two printable-ASCII strings: -1, 0 or 1. */
export function compareRootAscii(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let caseOrder = 0;
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const px = PRIMARY[x]!;
    const py = PRIMARY[y]!;
    if (px !== py) return px < py ? -1 : 1;
    // Same letter, other case: decides only when no primary difference follows.
    if (caseOrder === 0) caseOrder = x > y ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return caseOrder;
}

// Texts' primary keys: their code units compare (natively) as the texts' primary weights do, a
// shorter key first where one is the other's start, as compareRootAscii. Digits and lowercase
// letters already stand in root order, and a capital takes its letter's weight; the punctuation,
// which root order puts before the digits, becomes code units 1-33 in its order. Built by native
// string calls over all texts at once: a loop per character ran interpreted in a run this short,
// 6-10 ms for a walk's 950 paths, now ~3 (docs/speed.md, round 51).
const PUNCTUATION_KEY: Readonly<Record<string, string>> = Object.fromEntries(
  [...ROOT_ASCII_ORDER.slice(0, ROOT_ASCII_ORDER.indexOf('0'))].map((char, i) => [char, String.fromCharCode(1 + i)]),
);
// NUL parts the texts (no key's code unit, no table text's).
const PUNCTUATION = /[^a-z0-9\0]/g;

function primaryKeys(texts: readonly string[]): string[] {
  if (texts.length === 0) return [];
  return texts
    .join('\0')
    .toLowerCase()
    .replace(PUNCTUATION, (char) => PUNCTUATION_KEY[char]!)
    .split('\0');
}

/** Printable-ASCII texts (distinct) in compareRootAscii's order: by their primary keys, then, for
 * texts differing in case alone, lowercase first at the first difference (the greater code unit). */
function sortRootAscii(texts: string[]): string[] {
  const keys = primaryKeys(texts);
  const keyed = texts.map((text, i) => ({ key: keys[i]!, text }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.text > b.text ? -1 : a.text < b.text ? 1 : 0));
  return keyed.map((k) => k.text);
}

/** Whether a default locale collates printable ASCII in root order (English has no tailoring of it). */
export const isRootAsciiLocale = (locale: string) => locale === 'und' || /^en(?:-[A-Z]{2})?$/.test(locale);

let isRootDefault: boolean | undefined;
// PluralRules tells the default locale for ~1 ms, where a Collator would cost what we avoid.
const hasRootDefault = () => (isRootDefault ??= isRootAsciiLocale(new Intl.PluralRules().resolvedOptions().locale));

/** The same sign as `a.localeCompare(b)`. */
export function compareText(a: string, b: string): number {
  if (isTableText(a) && isTableText(b) && hasRootDefault()) return compareRootAscii(a, b);
  return a.localeCompare(b);
}

/** compareText for many sorts of the same texts (a walk's thousands of paths, sorted once per
 * changed symbol): the texts sorted once, then compared by place. Texts compareText takes as
 * equal share a place, so a stable sort keeps them in the order it was given, as before. */
export function compareByRank(texts: Iterable<string>): (a: string, b: string) => number {
  const unique = [...new Set(texts)];
  // Each text looked at once: printable ASCII throughout needs no check per comparison.
  const isAscii = unique.every(isTableText) && hasRootDefault();
  const sorted = isAscii ? sortRootAscii(unique) : unique.sort(compareText);
  const rank = new Map<string, number>();
  let place = 0;
  for (let i = 0; i < sorted.length; i++) {
    // Distinct printable-ASCII texts never compare equal: each has a place of its own.
    if (i > 0 && (isAscii || compareText(sorted[i - 1]!, sorted[i]!) !== 0)) place++;
    rank.set(sorted[i]!, place);
  }
  // NOTE: no `[x, y] = [...]`: a sort calls this ~60,000 times on sentry's core change, before
  // V8 optimizes it, and each call allocated an array (docs/speed.md, round 51).
  return (a, b) => {
    const x = rank.get(a);
    const y = rank.get(b);
    return x === undefined || y === undefined ? compareText(a, b) : x - y;
  };
}
