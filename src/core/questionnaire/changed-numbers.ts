import type { ChangeVocabulary } from './change-vocabulary.js';

// Numbers an answer writes that the change's own lines add or remove: "the latter should map to
// `400`" of a change from `font: italic 900` to `400`, "Node 14 is no longer supported" of a CI
// matrix losing `14`. A value is what a small change alters, and no word or name carries it
// (identifiers start with a letter). Measured on the eleven tune splits: 5 of 91 refused own
// explanations write one of their change's numbers, none of 656 refused explanations of another
// commit (docs/questionnaire.md, "An eleventh corpus").

/** A number as a value: two digits or more (a single digit is in every change), not an issue or
 * pull request (`#1234`), not part of a version (`1.7.0`, matched as a name), a path, a URL or a word. */
const ANSWER_NUMBER = /(?<![#\w./:@$-])\d{2,}(?:\.\d+)?(?![\w./%-]*\w)/g;
/** A number of a changed line, not inside an identifier, a version or a hash. */
const LINE_NUMBER = /(?<![\w.$])\d{2,}(?:\.\d+)?(?![\w.])/g;
const URL = /\bhttps?:\/\/\S+/g;

/** Changed lines past which a number no longer says which change is meant: about one screen of a
 * diff. A value is what a small change alters; a larger one holds `10`, `20`, `80` of its own
 * (a test's counts, a CI matrix, a column width) that an explanation of any other change may write
 * ("Node 10 is required", "goes past 80 columns"). Own explanations that only a number connects are
 * of changes of 2, 6 and 20 lines on the tune splits; other changes' explanations sharing a number
 * were of 46 lines and more (docs/questionnaire.md, "Numbers and names under attack"). */
const MAX_NUMBER_LINES = 40;

const NUMBERS = new WeakMap<ChangeVocabulary, ReadonlySet<string>>();
/** The change's numbers, read once per vocabulary and only when an answer needs them; none for a
 * change of more than MAX_NUMBER_LINES lines. */
function numbersOf(change: ChangeVocabulary): ReadonlySet<string> {
  let numbers = NUMBERS.get(change);
  if (numbers === undefined) {
    numbers = change.lines.length > MAX_NUMBER_LINES ? new Set() : new Set(change.lines.flatMap((line) => line.match(LINE_NUMBER) ?? []));
    NUMBERS.set(change, numbers);
  }
  return numbers;
}

/** Whether the answer writes a number that the change's added or removed lines hold. */
export function writesChangedNumber(text: string, change: ChangeVocabulary): boolean {
  const written = text.replace(URL, ' ').match(ANSWER_NUMBER);
  const numbers = numbersOf(change);
  if (written?.some((number) => numbers.has(number)) === true) return true;
  return writesChangedDuration(text, numbers);
}

/** A duration as prose writes it, with its unit: "30s", "15 seconds", "2 min", "500ms", "1.5 s". */
const DURATION = /(?<![#\w./:@$-])(\d+(?:\.\d+)?)\s?(ms|milliseconds?|s|secs?|seconds?|mins?|minutes?)\b/gi;
const MS_PER = (unit: string) => (/^m(?:s|illi)/i.test(unit) ? 1 : /^m/i.test(unit) ? 60_000 : 1_000);

/** Whether the answer writes, with its unit, a duration the change's lines hold in milliseconds
 * ("We're manually setting the timeout to 30s" of pouchdb 3c36cfee's `this.timeout(30000)`): the
 * code writes the value in the unit of its timers, prose in the reader's. */
function writesChangedDuration(text: string, numbers: ReadonlySet<string>): boolean {
  if (numbers.size === 0) return false;
  for (const [, value, unit] of text.replace(URL, ' ').matchAll(DURATION)) {
    const ms = Math.round(Number(value) * MS_PER(unit!));
    if (numbers.has(String(ms))) return true;
  }
  return false;
}
