import { splitIdentifier, stemWord, type ChangeVocabulary } from './change-vocabulary.js';
import { STOP_WORDS } from './answer-vocabulary.js';

// Names an answer may use that the repository does not hold, because they are made of this
// change's own names: a piece or shorthand of one (`OrEqual` of `moreThanOrEqual`), or one of the
// names on its lines with one word inserted, dropped or replaced (`requestActionId` for
// `requestAsyncId`): the interim or misremembered name of THIS change. Any other name found
// nowhere is still refused by name (docs/questionnaire.md).

/** Shortest piece of a changed name that an answer may name alone (`OrEqual` of `lessThanOrEqual`). */
export const MIN_PIECE = 5;

/** Whether a name is a piece or a shorthand of a name of the change: `OrEqual` of
 * `moreThanOrEqual`, `ClosureEntityMetadataBuilder` of `ClosureJunctionEntityMetadataBuilder`
 * (every word of it, in order, in one changed name), `findOneAndX` of `findOneAndUpdate`. */
export function isShorthandOf(name: string, change: ChangeVocabulary): boolean {
  // A family written with a placeholder (`findOneAndX`, `angular_vXX`): its fixed part.
  const family = /^(.*[a-z\d_])X{1,3}$/.exec(name)?.[1];
  const lower = (family ?? name).toLowerCase();
  const words = splitIdentifier(family ?? name);
  if (lower.length < MIN_PIECE) return false;
  for (const known of change.names) {
    if (known.length < lower.length || (known.length === lower.length && family === undefined) || /[/.]/.test(known)) continue;
    if (known.includes(lower)) return true;
    if (words.length >= 3 && isSubsequence(words, known)) return true;
  }
  return false;
}

/** Whether `words` appear in `text` in order. */
function isSubsequence(words: readonly string[], text: string): boolean {
  let at = 0;
  for (const word of words) {
    const found = text.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return true;
}

/** Whether a name is one word away from a name on the change's lines (a word inserted, dropped or
 * replaced) and keeps two of its words at least: `ConnectableObservableSubscriber` of
 * `ConnectableSubscriber`, `requestActionId` of `requestAsyncId` — the name misremembered. */
export function isOneWordFromLines(name: string, change: ChangeVocabulary): boolean {
  const words = splitIdentifier(name);
  if (words.length < 2) return false;
  for (const parts of change.lineNames) {
    const [short, longer] = parts.length <= words.length ? [parts, words] : [words, parts];
    if (longer.length - short.length > 1) continue;
    let head = 0;
    while (head < short.length && short[head] === longer[head]) head++;
    let tail = 0;
    while (tail < short.length - head && short[short.length - 1 - tail] === longer[longer.length - 1 - tail]) tail++;
    const kept = head + tail;
    // One word inserted or dropped: the rest equal; replaced: all but one equal.
    const isOneAway = longer.length !== short.length ? kept === short.length : kept === short.length - 1;
    if (isOneAway && kept >= 2) return true;
  }
  return false;
}

/** Whether every word of a name of two words or more is a word of the change's lines, written there
 * in a row (ChangeVocabulary.pairs): `pg_connection_string` for the `"pg-connection-string"`
 * dependency its package.json adds, `connection_string` for `connectionString`: this change's name
 * in another case. Each word as written (a misspelt `CalExpresion` is no `CallExpression`). */
export function isWrittenInRow(name: string, change: ChangeVocabulary): boolean {
  const words = splitIdentifier(name);
  if (words.length < 2 || words.some((word) => word.length < 2 || STOP_WORDS.has(word))) return false;
  const stems = words.map(stemWord);
  for (let i = 0; i + 1 < stems.length; i++)
    if (stems[i] !== stems[i + 1] && !change.pairs.has(`${stems[i]} ${stems[i + 1]}`)) return false;
  const lineWords = new Set(change.lineNames.flat());
  return words.every((word) => lineWords.has(word));
}

/** A name this short may be one letter from another by chance: it is not read as a misspelling. */
const MIN_MISSPELT = 8;

/** Whether a name is a name of the change misspelt by one letter (prettier c085aeb152's
 * `CallExpresion`): one dropped, added or replaced, or two neighbours swapped. */
export function isMisspeltFrom(name: string, change: ChangeVocabulary): boolean {
  const lower = name.toLowerCase();
  if (lower.length < MIN_MISSPELT) return false;
  for (const known of change.names) {
    if (Math.abs(known.length - lower.length) > 1 || /[/.]/.test(known)) continue;
    if (isOneEditApart(lower, known)) return true;
  }
  return false;
}

/** Whether two different texts are one edit apart (an insertion, a deletion, a substitution, or
 * two neighbours swapped). */
function isOneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const [restA, restB] = [a.length - head - tail, b.length - head - tail];
  if (restA + restB <= 2 && Math.max(restA, restB) <= 1) return true;
  // Two neighbours swapped: `ab` against `ba` in the middle.
  return restA === 2 && restB === 2 && a[head] === b[head + 1] && a[head + 1] === b[head];
}
