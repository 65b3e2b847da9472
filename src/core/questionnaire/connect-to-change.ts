import { behaviourStemsOf } from './behaviour-words.js';
import { isMisspeltFrom } from './name-pieces.js';
import { CJK_GENERIC, GENERIC_WORDS, STOP_WORDS } from './answer-vocabulary.js';
import { cjkPairsOf, splitIdentifier, stemWord, wordPairsOf, type ChangeVocabulary } from './change-vocabulary.js';
import type { WordCounts } from './classify-words.js';

// How much of an answer is about THIS change: its names, words and CJK pairs found in the
// change's vocabulary (change-vocabulary.ts). Code names are the same in every language; prose
// is compared word by word (stems, so "formatting" meets `formatPrice`). Prose in a script the
// change does not contain at all (a Chinese answer to a change with no Chinese text) cannot be
// compared: it is counted apart as `unjudged`, and the caller keeps the older rule for it.

export interface Connection {
  /** Distinct units of the answer found in the change. */
  readonly shared: number;
  /** Distinct names and words of the answer that could be looked for (CJK pairs are not counted:
   * a CJK answer shares few of its pairs with any change, its own included). */
  readonly total: number;
  /** Units in a script that the change has no text in. */
  readonly unjudged: number;
  /** Of `shared` and `total`, the names (`code`, camelCase, paths, numbers): the same in every language. */
  readonly sharedNames: number;
  readonly names: number;
  /** Units found among what the change alters (ChangeVocabulary.delta), CJK pairs included. */
  readonly altered: number;
  /** Words of the answer that name what the change declares (ChangeVocabulary.declared). */
  readonly sharedDeclared: number;
  /** Pairs of adjacent words of the answer (wordPairsOf), and how many of them the change's lines hold. */
  readonly pairs: number;
  readonly sharedPairs: number;
  /** Names of the answer that are what the change is inside of (ChangeVocabulary.focus). */
  readonly sharedFocus: number;
  /** Words of reasoning the answer writes (REASONING: "instead", "prevents", "until"), not looked for. */
  readonly reasoning: number;
}

/** Words that carry an explanation's reasoning but name nothing (from the most frequent words of
 * real explanations absent from their own change, tune split of grounded.tune.jsonl): they are
 * not looked for. */
export const REASONING = new Set(
  `within during previously previous before after instead cause caused causes causing avoid avoids avoided prevent
  prevents prevented preventing already explicitly explicit implicitly incorrect incorrectly unnecessary unnecessarily
  longer lead leads led through directly following available mechanism require requires reduce reduces reduced
  result results resulting therefore thus however currently originally otherwise rather unless until able unable
  allow allowed allowing due usage usual usually instead whether order longer anymore altogether entire entirely`
    .split(/\s+/)
    .filter((w) => w !== '')
    // As classifyWords writes a content word: "previous" -> previou, "causes" -> cause.
    .flatMap((w) => [w, w.replace(/(?<=[^s])s$/, '')]),
);
/** Function words of the other Latin-script languages an answer is written in (es, pt, fr, de, it):
 * grammar, as the English ones classifyWords sets aside, so a translation is compared on the same
 * words as its English original (the words of three letters or more: shorter ones are not looked for). */
export const FOREIGN_FUNCTION_WORDS = new Set(
  `los las una unos unas del para por con sin que como más pero sus esta este esto estos estas ese esa eso cuando donde
  entre sobre también muy todo todos toda todas otro otra otros otras así sea son está están fue ser hay mismo misma
  cada porque desde hasta uma umas uns dos das com sem mais mas seu sua seus suas isso isto quando onde muito
  assim seja são foi mesmo mesma até pelo pela pelos pelas nos nas aos num numa não les des une pour par est sont
  qui dans sur avec sans aux ces cette ses leur leurs mais donc car pas tout tous toute toutes comme ainsi afin même
  autre autres être avoir fait été lors vers chez puis déjà aussi très encore quand dont elle ils elles nous vous
  cela ceci celui celle der die das den dem ein eine einen einem einer eines und oder aber für mit ohne von vom zum
  zur auf aus bei nach über unter vor durch gegen ist sind war wird werden wurde wurden hat haben sein nicht auch
  noch nur schon sehr wie als wenn dass damit weil sich sie wir ihr ihre ihren diese dieser dieses jeder jede alle
  kein keine beim dann denn doch man gli uno della dei delle degli per senza che più anche sono essere questo questa
  quello quella ogni tutto tutti stesso stessa nel nella nei sul sulla dal dalla alla allo agli alle`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
/** Function words of another Latin-script language an answer needs, and more of them than English
 * ones, to be prose in that language ("Y marca todas las propiedades de olx con @api"). */
const MIN_FOREIGN_FUNCTION_WORDS = 3;
/** The stems of the generic words: a word of another language spelt as one of them ("correctamente",
 * "existente", "robusto") is a cognate of filler, not of the change. */
const GENERIC_STEMS = new Set([...GENERIC_WORDS].map(stemWord));
/** Whether the text is prose in another Latin-script language than English (its function words). */
function isInAnotherLanguage(text: string): boolean {
  let foreign = 0;
  let english = 0;
  for (const word of text.toLowerCase().match(/[\p{L}']+/gu) ?? []) {
    if (FOREIGN_FUNCTION_WORDS.has(word)) foreign++;
    else if (STOP_WORDS.has(word)) english++;
  }
  return foreign >= MIN_FOREIGN_FUNCTION_WORDS && foreign > english;
}
const KEBAB = /(?<![\w$./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w$/-])/g;
const BARE_FILE =
  /^[\w@-]+(\.[\w-]+)*\.(ts|tsx|js|jsx|mjs|cjs|mts|cts|json|md|mdx|yml|yaml|css|scss|html|vue|svelte|astro|py|go|rs|java|rb|php|sh|toml|lock|txt)$/;
const LATIN = /^[\p{Script=Latin}\p{N}_$'-]+$/u;
const scriptOf = (word: string) => (LATIN.test(word) ? 'latin' : /\p{Script=Hangul}/u.test(word) ? 'hangul' : 'other');

const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$]*/gu;
/** The identifiers of a text made of several words (`leadingComment`, `max_retries`), lower-cased. */
function compoundNamesOf(text: string): Set<string> {
  const compounds = new Set<string>();
  for (const identifier of text.match(IDENTIFIER) ?? [])
    if (splitIdentifier(identifier).length > 1) compounds.add(identifier.toLowerCase());
  return compounds;
}

/** A version as prose writes it: `v0.8`, `v0.8.x`, `3.6+` (a series, at least major.minor). */
const WRITTEN_VERSION = /^v?(\d+\.\d+(?:\.\d+)*)(?:\.x|\+)?$/;
const VERSIONS = new WeakMap<ChangeVocabulary, Set<string>>();
/** Whether the answer's name is a version series of the change's (`node v0.8.x` of `"node": ">=0.8.0"`):
 * each version of the change stands for its series (`0.8.0` for `0.8`). */
function isVersionOf(name: string, vocabulary: ChangeVocabulary): boolean {
  const series = WRITTEN_VERSION.exec(name)?.[1];
  if (series === undefined) return false;
  let versions = VERSIONS.get(vocabulary);
  if (versions === undefined) {
    versions = new Set();
    for (const version of vocabulary.names) {
      if (!/^\d+(?:\.\d+)+$/.test(version)) continue;
      const parts = version.split('.');
      for (let end = 2; end <= parts.length; end++) versions.add(parts.slice(0, end).join('.'));
    }
    VERSIONS.set(vocabulary, versions);
  }
  return versions.has(series);
}

const SCRIPTS = new WeakMap<ChangeVocabulary, Set<string>>();
/** The scripts the change's words are written in, computed once per vocabulary. */
function scriptsOf(vocabulary: ChangeVocabulary): Set<string> {
  let scripts = SCRIPTS.get(vocabulary);
  if (scripts === undefined) {
    scripts = new Set([...vocabulary.words].map(scriptOf));
    SCRIPTS.set(vocabulary, scripts);
  }
  return scripts;
}

/**
 * `questionNames`: the names the question itself gives (the export it asks about, the user it
 * names, `receipt.ts:3`): facts of this change's analysis, so an answer naming them is about it.
 */
/** A name of the change misspelt by a letter ("FindOptionUtils" of `FindOptionsUtils`): the survey
 * takes it for the change's name (it exists), and so does the connection (it names the change). */
const isMisspeltName = (name: string, change: ChangeVocabulary) =>
  name.length > 5 && /^[a-z_$][\w$]*$/i.test(name) && isMisspeltFrom(name, change);

export function connectToChange(
  counts: WordCounts,
  text: string,
  vocabulary: ChangeVocabulary,
  questionNames: ReadonlySet<string> = new Set(),
): Connection {
  let total = 0;
  let unjudged = 0;
  let names = 0;
  let sharedNames = 0;
  let altered = 0;
  let sharedDeclared = 0;
  let sharedFocus = 0;
  const isAltered = (word: string) => vocabulary.delta.has(word) || vocabulary.delta.has(stemWord(word));
  // Prose names a change's `leadingComments` as "`leadingComment`" and its `BlockString` as
  // "BlockStrings": one name, in the singular or the plural. Only a name of several words: a
  // plain word's plural ("result" of `results`) is what any text about the code may say.
  const compounds = compoundNamesOf(text);
  const hasName = (set: ReadonlySet<string>, name: string) =>
    set.has(name) || (compounds.has(name) && (set.has(`${name}s`) || (/[^s]s$/.test(name) && set.has(name.slice(0, -1)))));
  const changeHas = (script: string) => script === 'latin' || scriptsOf(vocabulary).has(script);
  const isInQuestion = (name: string) =>
    questionNames.has(name) || [...questionNames].some((q) => q.split(/[:#]/)[0]!.endsWith(`/${name}`));
  for (const name of counts.names) {
    if (isInQuestion(name)) {
      total++;
      names++;
      sharedNames++;
      continue;
    }
    // A bare file name the change does not touch (`app.ts`: a caller, the reader's config) is
    // neither for nor against it.
    if (
      BARE_FILE.test(name) &&
      !name
        .split('.')
        .slice(0, -1)
        .some((part) => vocabulary.names.has(part))
    )
      continue;
    total++;
    names++;
    const whole = name.replace(/\(\)$/, '');
    if (vocabulary.focus.has(whole) || vocabulary.focus.has(whole.split('.').pop()!)) sharedFocus++;
    if (
      hasName(vocabulary.delta, whole) ||
      whole.split(/[./:#@-]+/).some(isAltered) ||
      splitIdentifier(whole).some((w) => w.length > 2 && isAltered(w))
    )
      altered++;
    if (
      hasName(vocabulary.names, whole) ||
      isVersionOf(whole, vocabulary) ||
      whole.split(/[./:#@-]+/).some((part) => part.length > 2 && vocabulary.names.has(part)) ||
      splitIdentifier(whole).filter((w) => w.length > 2 && vocabulary.words.has(stemWord(w))).length >= 2 ||
      isMisspeltName(whole, vocabulary)
    )
      sharedNames++;
  }
  // A name of the change written as prose writes a file's or a package's name (`dot-notation` of
  // lib/rules/dot-notation.js, in any language's sentence) is that name.
  for (const compound of new Set(text.toLowerCase().match(KEBAB) ?? []))
    if (compound.length > 5 && !counts.names.has(compound) && vocabulary.names.has(compound)) {
      total++;
      names++;
      sharedNames++;
    }
  let shared = sharedNames;
  // Prose in another language than the change's English meets it only where a word happens to be
  // spelt alike: a word it does not share is unjudged, as CJK prose is, not a word about something
  // else. What such an answer shares (names, numbers, cognates) is what connects it.
  const isForeign = isInAnotherLanguage(text);
  let reasoning = 0;
  const behaviours = behaviourStemsOf(vocabulary);
  for (const word of counts.content) {
    // A reasoning word the change declares is its name ("reduce" of rxjs's `function reduce`).
    if (REASONING.has(word) && !vocabulary.declared.has(word)) reasoning++;
    if ((REASONING.has(word) && !vocabulary.declared.has(word)) || [...word].length < 3 || FOREIGN_FUNCTION_WORDS.has(word)) continue;
    const script = scriptOf(word);
    if (!changeHas(script)) {
      unjudged++;
      continue;
    }
    if (isForeign && GENERIC_STEMS.has(stemWord(word)) && !vocabulary.names.has(word)) {
      unjudged++;
      continue;
    }
    // Or a word for what the code its lines add or remove does (behaviour-words.ts: "events" of
    // `emit(…)`): what it alters.
    const isBehaviour = !isForeign && !vocabulary.words.has(stemWord(word)) && behaviours.has(stemWord(word));
    if (vocabulary.words.has(stemWord(word)) || vocabulary.names.has(word) || isBehaviour) shared++;
    else if (isForeign) {
      unjudged++;
      continue;
    }
    total++;
    if (vocabulary.declared.has(word)) sharedDeclared++;
    if (isAltered(word) || isBehaviour) altered++;
  }
  if (counts.cjkUnits > 0) {
    let rest = text;
    for (const phrase of CJK_GENERIC) if (phrase.length > 1) rest = rest.split(phrase).join(' ');
    const pairs = cjkPairsOf(rest);
    if (vocabulary.cjkPairs.size === 0) unjudged += pairs.size;
    else
      for (const pair of pairs)
        if (vocabulary.cjkPairs.has(pair)) {
          shared++;
          altered++;
        }
  }
  const answerPairs = wordPairsOf(text);
  let sharedPairs = 0;
  for (const pair of answerPairs) if (vocabulary.pairs.has(pair)) sharedPairs++;
  return {
    shared,
    total,
    unjudged,
    sharedNames,
    names,
    altered,
    sharedDeclared,
    pairs: answerPairs.size,
    sharedPairs,
    sharedFocus,
    reasoning,
  };
}
