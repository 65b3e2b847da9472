import type { Connection } from './connect-to-change.js';
import type { WordCounts } from './classify-words.js';

// "Improved error handling in the execution loop.", "Updated the OAuth configuration and how the
// client is created.": every word is the change's own (its names, the words of its lines) or
// improvement vocabulary, so the answer connects to the change, yet a reader of the summary could
// have written it: it names the parts the change touches and nothing it does to them. What says
// something is what the change does not print: a word of the author's own ("a deep link", "stale"),
// a name of other code, a value, or the grammar of behaviour — a condition, a contrast with before,
// a negation, a cause. A real body that lists the parts it touches over several lines or sentences
// (a squashed pull request's steps) is a list a reader checks item by item: only one sentence is judged.

/** Whether the answer is one line of one sentence. */
export const isOneSentence = (text: string) => !/\n|[.!?;]\s+\S/.test(text.trim());

/** Conditions, contrasts with before, negations and causes: the grammar of what the change does. */
const BEHAVIOUR =
  /\b(?:when|whenever|unless|until|if|once|while|instead|rather|than|anymore|before|after|otherwise|not|never|no|without|cannot|because|since|due|therefore|thus)\b|n't\b/i;

/** Whether a one-sentence answer names only what the change touches (its own words and names, with
 * improvement vocabulary) and says nothing of what the change does to it. */
export function namesOnlyTouchedParts(text: string, counts: WordCounts, link: Connection): boolean {
  if (!isOneSentence(text) || link.shared === 0) return false;
  // Prose a change cannot be compared with (another language, CJK) is judged by the other rules.
  if (link.unjudged > 0 || counts.cjkUnits > 0) return false;
  const ownWords = link.total - link.names - (link.shared - link.sharedNames);
  const otherNames = link.names - link.sharedNames;
  return ownWords === 0 && otherNames === 0 && link.reasoning === 0 && !/\d/.test(text) && !BEHAVIOUR.test(text);
}
