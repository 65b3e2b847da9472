import type { Connection } from './connect-to-change.js';
import type { WordCounts } from './classify-words.js';
import { stemWord, type ChangeVocabulary } from './change-vocabulary.js';
import { FOREIGN_FUNCTION_WORDS } from './connect-to-change.js';
import { STOP_WORDS, VAGUE_DEFECT_WORDS } from './answer-vocabulary.js';

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
// A line in another Latin-script language (es, pt, fr, de, it, nl) is judged the same way: its words
// the change does not spell alike cannot be compared, so they are taken for the change's parts told
// in that language ("el cliente del worker" of `workerDb`), and what says something is the grammar of
// behaviour in that language (a condition, a negation, a contrast, a cause), as in English.

/** Whether the answer is one line of one sentence. */
export const isOneSentence = (text: string) => !/\n|[.!?;]\s+\S/.test(text.trim());

/** Words a line of several sentences may have to be judged as one: a summary's length (the squashed
 * step lists and two-sentence docs notes of real bodies are longer). */
const MAX_SHORT_LINE_WORDS = 15;
/** Whether the answer is one line of one sentence, or of a few sentences in few words. */
export const isOneShortLine = (text: string) =>
  isOneSentence(text) || (!/\n/.test(text.trim()) && text.trim().split(/\s+/).length <= MAX_SHORT_LINE_WORDS);

/** Conditions, contrasts with before, negations and causes: the grammar of what the change does; and a
 * judgement with its consequence ("`average` is too trivial to need a test", "small enough to inline"). */
export const BEHAVIOUR =
  /\b(?:when|whenever|unless|until|if|once|while|instead|rather|than|anymore|before|after|otherwise|not|never|no|without|cannot|because|since|due|therefore|thus)\b|n't\b|\btoo\s+\p{L}+\s+to\b|\b\p{L}+\s+enough\s+to\b/iu;

/** The same grammar in es, pt, fr, de, it and nl, word by word (the reflexive "se"/"si" of es, pt and
 * it, and German "als", "da", "nach", "vor", are left out: they are as often something else). */
const FOREIGN_BEHAVIOUR = new Set(
  `cuando mientras aunque salvo excepto hasta antes después nunca sin ningún ninguna ningun porque debido lugar vez
  quando enquanto embora até depois antes nunca sem nenhum nenhuma porque pois devido invés senão caso não
  quand lorsque lorsqu pendant tandis sauf jusqu avant après jamais sans aucun aucune parce car puisque sinon plutôt lieu
  wenn wann sobald falls während außer sofern bis bevor nachdem vorher nachher nie niemals kein keine keinen keinem
  keiner nicht ohne weil deshalb daher sonst andernfalls statt anstatt stattdessen
  mentre salvo finché prima dopo mai senza nessun nessuno nessuna perché poiché invece anziché altrimenti non qualora
  wanneer terwijl tenzij totdat voordat nadat eerder nooit geen niet zonder omdat doordat daarom anders plaats indien`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
/** Short function words of those languages (articles, "and", "of", "in"): a one-line answer has few
 * of the longer ones connect-to-change.ts counts ("Corrigido o cliente do worker para que …"). */
const SHORT_FOREIGN_WORDS = new Set('el la le les lo il di da de del en et un y e o os um em ao na het een van zu im à é è'.split(' '));
/** Function words an answer needs, and more of them than English ones, to be a line in another language. */
const MIN_FOREIGN_WORDS = 3;
/** Whether the text is prose in another Latin-script language (its function words, short ones included). */
export function isForeignLine(text: string): boolean {
  let foreign = 0;
  let english = 0;
  for (const word of text.toLowerCase().match(/[\p{L}']+/gu) ?? []) {
    if (FOREIGN_FUNCTION_WORDS.has(word) || SHORT_FOREIGN_WORDS.has(word)) foreign++;
    else if (STOP_WORDS.has(word)) english++;
  }
  return foreign >= MIN_FOREIGN_WORDS && foreign > english;
}

/** Improvement vocabulary of those languages (improved, updated, cleaned up, adjusted, works, correctly,
 * better, simpler): the verbs of a summary that names parts. A line without one of them (a fix verb, a
 * verb of what the code does: "arregla `dot-notation` en las funciones flecha que devuelven objetos")
 * may say what the change does in words that cannot be compared, and is left to the other rules. */
const FOREIGN_IMPROVEMENT =
  /(?<!\p{L})(?:mejor\p{L}*|melhor\p{L}*|amélior\p{L}*|verbesser\p{L}*|miglior\p{L}*|verbeter\p{L}*|optimi[sz]\p{L}*|otimiz\p{L}*|ottimizz\p{L}*|optimier\p{L}*|geoptimaliseerd|refactori\p{L}*|refator\p{L}*|überarbeit\p{L}*|actualiz\p{L}*|atualiz\p{L}*|aktualisier\p{L}*|aggiorn\p{L}*|bijgewerkt|mis(?:e|es)?\s+à\s+jour|limpi\p{L}*|nettoy\p{L}*|bereinig\p{L}*|opgeschoond|ripulit\p{L}*|ajust\p{L}*|angepasst|aangepast|correctament\p{L}*|corretament\p{L}*|correctement|correttament\p{L}*|richtig\p{L}*|funcion(?:a|e|en|an|ar)|fonctionn(?:e|ent|er)|funktionier\p{L}*|funzion(?:a|ano|are)|werkt|mieux|besser|meglio|beter|sencill\p{L}*|semplic\p{L}*|simplifi\p{L}*|affidabil\p{L}*|fiabl\p{L}*|zuverlässig\p{L}*)(?!\p{L})/iu;

/** Fix verbs of those languages (solved, corrected, fixed): improvement vocabulary in a line that names no
 * code ("Il problema degli anchor nella pagina Notion è stato risolto."); beside a name of the change
 * ("arregla `dot-notation` en las funciones flecha que devuelven objetos") they say what was fixed. */
const FOREIGN_FIX =
  /(?<!\p{L})(?:risolt\p{L}*|resuelt\p{L}*|resolvid\p{L}*|résolu\p{L}*|behoben|gelöst|opgelost|corrigid\p{L}*|corregid\p{L}*|corrig[ée]e?s?|korrigiert|corrett[oaie]|gecorrigeerd|arreglad\p{L}*|repariert|gerepareerd|sistemat\p{L}*)(?!\p{L})/iu;

/** Whether a line in another language writes the grammar of behaviour: one of FOREIGN_BEHAVIOUR, or
 * French "ne"/"n'" (the negation "ne … pas" / "n'est plus"). */
const hasForeignBehaviour = (text: string) =>
  (text.toLowerCase().match(/[\p{L}']+/gu) ?? []).some((word) => FOREIGN_BEHAVIOUR.has(word) || word === 'ne' || word.startsWith("n'"));

/** A quality claimed at the end of a sentence ("… to make it more reliable.", "… is more accurate
 * now."): what the author says of the result, as improvement vocabulary does, not a word of what the change does. */
const CLAIMED_QUALITY = /\b(?:more|less)\s+([\p{L}-]+)(?:\s+now)?\s*(?=[.!?;]|$)/giu;
/** The same claim made with a comparative ("The assistant is smarter now.", "… so it loads faster."):
 * a word in -er after a verb of being or working, at a sentence's end. */
const CLAIMED_COMPARATIVE =
  /\b(?:is|are|was|were|be|been|looks?|feels?|works?|runs?|loads?|seems?|gets?)\s+(?:now\s+)?(?:much\s+|way\s+|far\s+|a\s+lot\s+|a\s+bit\s+)?(\p{L}{3,}er)(?:\s+now)?\s*(?=[.!?;]|$)/giu;

/** A result claimed at a sentence's end with a verb of any kind ("… so the checkboxes look right.", "…
 * so it reads correctly.", "The sync behaves better now."): the verb and its quality say the part now does
 * what it should, not what it does. */
const CLAIMED_RESULT =
  /\b(\p{L}{3,})\s+(?:now\s+)?(correctly|properly|right|fine|better|well|reliably|nicely|cleanly|smoothly|as\s+expected|as\s+intended)(?:\s+now|\s+again)?\s*(?=[.!?;]|$)/giu;

/** Verbs that claim an improvement without saying which ("Patched the worker client.", "Hardened the
 * teams router."): improvement vocabulary as "improved" and "refactored" are, unless the change spells them. */
const IMPROVEMENT_VERB =
  /^(?:patch(?:ed|es|ing)?|simplif(?:y|ied|ies|ying)|harden(?:ed|s|ing)?|tighten(?:ed|s|ing)?|polish(?:ed|es|ing)?|tid(?:y|ied|ies|ying)|declutter(?:ed|s|ing)?|tuned|revamp(?:ed|s|ing)?|overhaul(?:ed|s|ing)?|saniti[sz](?:e|ed|es|ing)|spruced|moderni[sz](?:e|ed|es|ing))$/;

/** How many of the answer's words the change does not hold are only a quality claimed of the result. */
function countClaimedQualities(text: string, counts: WordCounts, change: ChangeVocabulary): number {
  const words = new Set<string>();
  for (const match of [...text.matchAll(CLAIMED_QUALITY), ...text.matchAll(CLAIMED_COMPARATIVE)]) words.add(match[1]!.toLowerCase());
  for (const match of text.matchAll(CLAIMED_RESULT))
    for (const word of match.slice(1)) words.add(word!.toLowerCase().replace(/(?<=[^s])s$/, ''));
  let claimed = 0;
  for (const word of words) if (counts.content.has(word) && !change.words.has(stemWord(word)) && !change.names.has(word)) claimed++;
  for (const word of counts.content)
    if ((IMPROVEMENT_VERB.test(word) || VAGUE_DEFECT_WORDS.has(word)) && !change.words.has(stemWord(word)) && !change.names.has(word))
      claimed++;
  return claimed;
}

/** Words of the author's own a short summary of the touched parts may carry and still say nothing of what
 * the change does to them: one ("Fixed the warehouse picker weirdness.", "Streamlined the worker client
 * plumbing.", "Corrected the billing arithmetic of the pause feature.") names a part or a problem
 * without telling which; what a change does takes a word for what happens and one for what it happens to.
 * A longer line (more than MAX_SHORT_SUMMARY_WORDS content words: "Adds a fullscreen toggle and keyboard
 * shortcut to image and page viewers.") lists what the change added, item by item, and is judged as before; so is
 * a line that says what a part does now, in contrast with before ("`reduce` now imports `ReduceOperator` and
 * declares that it returns one."): its one word is what that part now does. */
const MAX_OWN_WORDS = 1;
/** "now" before a verb of what the part does ("now imports", "now returns"), not before a claimed result
 * ("now works better", "is fine now": CLAIMED_RESULT, CLAIMED_COMPARATIVE). */
export const DOES_NOW =
  /\bnow\s+(?!(?:works?|worked|is|are|was|were|looks?|feels?|seems?|behaves?|runs?|reads?|gets?|has|have|had|more|less|much|better|faster|fine|good|great|nicer|cleaner|simpler|correct\p{L}*|proper\p{L}*|reliabl\p{L}*)\b)\p{L}{3,}/iu;
const MAX_SHORT_SUMMARY_WORDS = 5;
/** A summary that claims an improvement ("Improved …", "… to improve the layout.", "streamlines", "Decluttered",
 * "works better"): its own words are what it improved, named without saying how ("Improved the presentation
 * mode of the page and image viewers.", "The clamp effect now works better with the data of the queries."):
 * two of them, in a line of up to seven content words. A line that adds or changes something without such a
 * claim ("Adds a fullscreen toggle and keyboard shortcut to image and page viewers.") keeps the bounds above
 * (tune splits, session 52: generic 351 -> 354/358, filler +1, no own body lost; with these bounds for every line,
 * "Adds a fullscreen toggle …" and one more own body were refused). */
const MAX_OWN_WORDS_CLAIMED = 2;
const MAX_CLAIMED_SUMMARY_WORDS = 7;
const CLAIMS_IMPROVEMENT =
  /\b(?:improv\p{L}*|enhanc\p{L}*|updat\p{L}*|refactor\p{L}*|rework\p{L}*|tweak\p{L}*|clean(?:ed|s|ing)?\s+up|streamlin\p{L}*|optimi[sz]\p{L}*)\b/iu;

/** A value written in the answer (a number standing alone: "40", "3.2", "v2" is a name): "e2e", "i18n" and
 * "oauth2" are names that hold a digit, not values. */
export const hasNumber = (text: string) => /(?<![\p{L}_])\d/u.test(text);

/** Whether a one-line answer names only what the change touches (its own words and names, with
 * improvement vocabulary) and says nothing of what the change does to it. */
export function namesOnlyTouchedParts(text: string, counts: WordCounts, link: Connection, change: ChangeVocabulary): boolean {
  if (!isOneShortLine(text) || link.shared === 0) return false;
  // Prose a change cannot be compared with (CJK, another script) is judged by the other rules.
  if (counts.cjkUnits > 0) return false;
  const isForeign = isForeignLine(text);
  if (link.unjudged > 0 && !isForeign) return false;
  // Its words cannot be told from the change's parts in that language: only its grammar is judged,
  // and only in a summary's length (a longer sentence says more than the parts it names).
  if (isForeign)
    return (
      text.trim().split(/\s+/).length <= MAX_SHORT_LINE_WORDS &&
      (FOREIGN_IMPROVEMENT.test(text) || (FOREIGN_FIX.test(text) && link.names === 0)) &&
      link.names === link.sharedNames &&
      link.reasoning === 0 &&
      !hasNumber(text) &&
      !hasForeignBehaviour(text)
    );
  const claimed = countClaimedQualities(text, counts, change);
  const ownWords = link.total - link.names - (link.shared - link.sharedNames) - claimed;
  const otherNames = link.names - link.sharedNames;
  const claims = claimed > 0 || CLAIMS_IMPROVEMENT.test(text);
  const saysNothingOwn =
    ownWords === 0 ||
    (ownWords <= (claims ? MAX_OWN_WORDS_CLAIMED : MAX_OWN_WORDS) &&
      link.total <= (claims ? MAX_CLAIMED_SUMMARY_WORDS : MAX_SHORT_SUMMARY_WORDS) &&
      !DOES_NOW.test(text));
  return saysNothingOwn && otherNames === 0 && link.reasoning === 0 && !hasNumber(text) && !BEHAVIOUR.test(text);
}
