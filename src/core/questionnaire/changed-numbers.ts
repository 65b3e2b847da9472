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

const NUMBERS = new WeakMap<ChangeVocabulary, ReadonlySet<string>>();
/** The change's numbers, read once per vocabulary and only when an answer needs them. */
function numbersOf(change: ChangeVocabulary): ReadonlySet<string> {
  let numbers = NUMBERS.get(change);
  if (numbers === undefined) {
    numbers = new Set(change.lines.flatMap((line) => line.match(LINE_NUMBER) ?? []));
    NUMBERS.set(change, numbers);
  }
  return numbers;
}

/** Whether the answer writes a number that the change's added or removed lines hold. */
export function writesChangedNumber(text: string, change: ChangeVocabulary): boolean {
  const written = text.replace(URL, ' ').match(ANSWER_NUMBER);
  if (written === null) return false;
  const numbers = numbersOf(change);
  return written.some((number) => numbers.has(number));
}
