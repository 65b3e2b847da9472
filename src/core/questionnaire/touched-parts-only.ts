import type { Connection } from './connect-to-change.js';
import type { WordCounts } from './classify-words.js';
import { stemWord, type ChangeVocabulary } from './change-vocabulary.js';

// "Improved error handling in the execution loop.", "Updated the OAuth configuration and how the
// client is created.": every word is the change's own (its names, the words of its lines) or
// improvement vocabulary, so the answer connects to the change, yet a reader of the summary could
// have written it: it names the parts the change touches and nothing it does to them. What says
// something is what the change does not print: a word of the author's own ("a deep link", "stale"),
// a name of other code, a value, or the grammar of behaviour — a condition, a contrast with before,
// a negation, a cause. A real body that lists the parts it touches over several lines or sentences
// (a squashed pull request's steps) is a list a reader checks item by item: only one line is judged,
// one sentence or a few short ones ("Refactored the viewers to handle fullscreen. It works better now.":
// the second sentence adds only improvement vocabulary, and the whole is judged as one).

/** Whether the answer is one line of one sentence. */
export const isOneSentence = (text: string) => !/\n|[.!?;]\s+\S/.test(text.trim());

/** Words a line of several sentences may have to be judged as one: a summary's length (the squashed
 * step lists and two-sentence docs notes of real bodies are longer). */
const MAX_SHORT_LINE_WORDS = 15;
/** Whether the answer is one line of one sentence, or of a few sentences in few words. */
const isOneShortLine = (text: string) =>
  isOneSentence(text) || (!/\n/.test(text.trim()) && text.trim().split(/\s+/).length <= MAX_SHORT_LINE_WORDS);

/** Conditions, contrasts with before, negations and causes: the grammar of what the change does. */
const BEHAVIOUR =
  /\b(?:when|whenever|unless|until|if|once|while|instead|rather|than|anymore|before|after|otherwise|not|never|no|without|cannot|because|since|due|therefore|thus)\b|n't\b/i;

/** A quality claimed at the end of a sentence ("… to make it more reliable.", "… is more accurate
 * now."): what the author says of the result, as improvement vocabulary does, not a word of what the change does. */
const CLAIMED_QUALITY = /\b(?:more|less)\s+([\p{L}-]+)(?:\s+now)?\s*(?=[.!?;]|$)/giu;

/** How many of the answer's words the change does not hold are only a quality claimed of the result. */
function countClaimedQualities(text: string, counts: WordCounts, change: ChangeVocabulary): number {
  let claimed = 0;
  for (const match of text.matchAll(CLAIMED_QUALITY)) {
    const word = match[1]!.toLowerCase();
    if (counts.content.has(word) && !change.words.has(stemWord(word)) && !change.names.has(word)) claimed++;
  }
  return claimed;
}

/** Whether a one-line answer names only what the change touches (its own words and names, with
 * improvement vocabulary) and says nothing of what the change does to it. */
export function namesOnlyTouchedParts(text: string, counts: WordCounts, link: Connection, change: ChangeVocabulary): boolean {
  if (!isOneShortLine(text) || link.shared === 0) return false;
  // Prose a change cannot be compared with (another language, CJK) is judged by the other rules.
  if (link.unjudged > 0 || counts.cjkUnits > 0) return false;
  const ownWords = link.total - link.names - (link.shared - link.sharedNames) - countClaimedQualities(text, counts, change);
  const otherNames = link.names - link.sharedNames;
  return ownWords === 0 && otherNames === 0 && link.reasoning === 0 && !/\d/.test(text) && !BEHAVIOUR.test(text);
}
