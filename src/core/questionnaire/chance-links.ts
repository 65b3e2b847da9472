import { wordPairsOf, type ChangeVocabulary } from './change-vocabulary.js';
import type { Connection } from './connect-to-change.js';

// Whether the words an answer shares with the change are more than any text would share by chance:
// a small change shares few words with anything, a large one many (validate-answer.ts's rules).

/** A change of this many word stems holds about half of the words of a text about anything else.
 * Estimated at 500 on the tune splits (explanations against other commits share a part v / (v + 500)
 * of their words with a change of v stems, from 4% at 8 stems to 70% at 1,000); set looser, with
 * CHANCE_LEVEL, where own explanations sharing a few words with their change gained most for the
 * refusals lost on the ten corpora's tune splits (docs/questionnaire.md, "A tenth corpus"). */
const CHANCE_HALF_STEMS = 700;
/** How unlikely by chance the shared words (or words in a row) must be to count as about this change. */
const CHANCE_LEVEL = 0.1;

/** Whether `shared` of `total` words found in a change of `stems` word stems is more than chance:
 * a small change shares few words with any text, so two or three of them say much; a large one
 * shares many with anything, and the fixed part (MIN_SHARED_PART) is the rule. */
export function isAboveChance(shared: number, total: number, stems: number): boolean {
  return isUnlikelyByChance(shared, total, stems / (stems + CHANCE_HALF_STEMS));
}

/** Whether the answer's words shared with the change are one word alone, the only one of its words that
 * could be looked for (the rest improvement vocabulary and grammar: "This change streamlines the overall
 * approach, resulting in cleaner code and a more robust experience for everyone.", "Changes requested
 * during review have been applied here."): one of one is "all of them", yet a change of v stems holds a
 * word of any text with chance v / (v + CHANCE_HALF_STEMS), above CHANCE_LEVEL past ~80 stems. Where other
 * words could not be compared (prose in another language or script: `unjudged`), that one word still counts. */
export function isOneWordOfOne(link: Connection, stems: number): boolean {
  return (
    link.total === 1 &&
    link.shared === 1 &&
    link.sharedNames === 0 &&
    link.unjudged === 0 &&
    stems / (stems + CHANCE_HALF_STEMS) >= CHANCE_LEVEL
  );
}

/** How often an answer about anything else may share one word with the change for that one word
 * to count (with the quarter rule): less than one answer in ten. A change of v stems holds a part
 * v / (v + CHANCE_HALF_STEMS) of any text's words: a one-line change (~7 stems) lets one word of
 * a six-word answer count, a 25-stem one ("next" of rxjs's WebSocketSubject docs) does not. */
const ONE_WORD_CHANCE = 0.1;

/** Whether an answer of `total` words about anything else shares a word with a change of `stems`
 * word stems less often than ONE_WORD_CHANCE. */
export function isOneWordRare(total: number, stems: number): boolean {
  return 1 - (1 - stems / (stems + CHANCE_HALF_STEMS)) ** total < ONE_WORD_CHANCE;
}

/** A change of P word pairs holds about PAIR_CHANCE * sqrt(P) of the pairs of a text about anything
 * else, or less (tune splits of the three grounded corpora, explanations against other commits:
 * 0.25% at 40 pairs, 1.2% at 230, 14% at 23,000, where this gives 0.75%, 1.8%, 18%). */
const PAIR_CHANCE = 0.0012;

/** Whether the answer's adjacent word pairs found in a row in the change are more than chance:
 * "kitchen sink", "trailing newline", "hard error" of the change's own lines name what it does. */
export function arePairsAboveChance(shared: number, total: number, changePairs: number): boolean {
  return isUnlikelyByChance(shared, total, Math.min(0.5, PAIR_CHANCE * Math.sqrt(changePairs)));
}

/** Whether the answer's word pairs, with those found in the declarations enclosing the change
 * (enclosing-pairs.ts), are more than chance against the change's and those pairs together: a
 * weaker ground, judged at the chance of the larger set ("progress bar" of `renderProgressBar`). */
export function enclosingPairsHold(text: string, link: Connection, change: ChangeVocabulary): boolean {
  if (change.enclosingPairs.size === 0) return false;
  let found = 0;
  for (const pair of wordPairsOf(text)) if (!change.pairs.has(pair) && change.enclosingPairs.has(pair)) found++;
  return found > 0 && arePairsAboveChance(link.sharedPairs + found, link.pairs, change.pairs.size + change.enclosingPairs.size);
}

/** Whether `shared` successes of `total` draws are unlikely (< CHANCE_LEVEL) with success rate p. */
function isUnlikelyByChance(shared: number, total: number, p: number): boolean {
  if (shared === 0 || p === 0) return false;
  if (shared >= total) return true;
  // P(X < shared) for X ~ Binomial(total, p), its terms in logarithms (no underflow on long answers).
  let logTerm = total * Math.log(1 - p);
  let below = 0;
  for (let k = 0; k < shared; k++) {
    below += Math.exp(logTerm);
    logTerm += Math.log((total - k) / (k + 1)) + Math.log(p / (1 - p));
  }
  const tail = 1 - below;
  return tail < CHANCE_LEVEL;
}
