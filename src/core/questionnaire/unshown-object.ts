import type { Connection } from './connect-to-change.js';
import type { WordCounts } from './classify-words.js';
import { stemWord, type ChangeVocabulary } from './change-vocabulary.js';
import { BEHAVIOUR, DOES_NOW, hasNumber, isForeignLine } from './touched-parts-only.js';
import { CODE_VALUE, PURPOSE } from './names-only-link.js';

// "Fixed the hollow reply loop in the assistant chat.", "Added some breadcrumbs flavour to the error
// boundary logs.", "Gave the channels settings some visual spit and shine.": a line that says the change
// fixed, added or gave something, and names where (the change's own words: "assistant chat", "error
// boundary"), while the thing it claims ("loop", "flavour", "shine") is a word the change has nowhere.
// What a change fixes or adds is in its lines (the `toggle` and `shortcut` of "Adds a fullscreen toggle
// and keyboard shortcut to image and page viewers."); a claim whose object the change never writes, with
// no condition, cause, value or "now <verb>" beside it, tells a reader nothing to check in the diff.
// touched-parts-only.ts refuses the line made of the change's words alone; names-only-link.ts the line
// joined by a name alone; this, the line whose location is the change's and whose claim is not.

/** A line's first verb: the author claims to have done something to a part (or "This change fixes …"). */
const CLAIM =
  /^(?:this\s+(?:change|commit|pr|patch|update)\s+)?(?:fix(?:es|ed)?|repair(?:s|ed)?|resolve[sd]?|address(?:es|ed)?|sort(?:s|ed)\s+out|clean(?:s|ed)\s+up|tid(?:y|ies|ied)\s+up|smooth(?:s|ed)\s+out|add(?:s|ed)?|gave|gives?|change[sd]?|update[sd]?|improve[sd]?|tweak(?:s|ed)?|adjust(?:s|ed)?|polish(?:es|ed)?|rework(?:s|ed)?|patch(?:es|ed)?)\s+(.+)$/iu;
/** Where the claimed object ends: a preposition of place or purpose, or a clause. */
const OBJECT_END =
  /\s(?:in|on|to|for|with|across|from|at|inside|within|under|around|between|by|via|of|so|that|which|and\s+(?:made|makes?|improved?|fixed|updated?|cleaned|gave))\s/iu;
/** Words that end a noun phrase without being its head. */
const NOT_HEADS = new Set('a an the some any all few more bit lot its their our this these those'.split(' '));

/** The words of the claimed object, and the head word of each of its conjuncts ("the hollow reply loop" -> loop;
 * "a toggle and keyboard shortcut" -> toggle, shortcut; "the date picker's thumb reach" -> reach). */
function readClaimedObject(object: string): { readonly words: string[]; readonly heads: string[] } {
  const end = OBJECT_END.exec(` ${object} `);
  const phrase = (end === null ? object : ` ${object} `.slice(0, end.index)).replace(/[.!?]+\s*$/, '');
  const heads: string[] = [];
  const all: string[] = [];
  for (const conjunct of phrase.split(/\s*(?:,|\band\b|&)\s*/iu)) {
    const words = (conjunct.match(/[\p{L}\p{N}_$`'’.-]+/gu) ?? [])
      .map((w) => w.replace(/['’]s$/u, '').replace(/^[`'.]+|[`'.]+$/g, ''))
      .filter((w) => w !== '' && !NOT_HEADS.has(w.toLowerCase()));
    const head = words.at(-1);
    if (head !== undefined) heads.push(head);
    all.push(...words);
  }
  return { words: all, heads };
}

/** The object's words the change does not write that a claim needs: a defect told with one word of the
 * author's ("Fix crash for single rest on class declaration", "Add color to Mocha test reporting": real
 * subjects, tune split) names what to look for; two or more ("the hollow reply loop", "some breadcrumbs
 * flavour", "the flaky e2e gremlins") describe it in words the diff cannot confirm. */
const MIN_UNSHOWN_WORDS = 2;
/** The means told ("by obfuscating anchor hrefs", "via the cache", "using a map"): what the change does. */
const MEANS = /\b(?:by\s+\p{L}+ing|via|using|through)\b/iu;

/** Words of a reason or a contrast with before that BEHAVIOUR does not hold ("to prevent a double send",
 * "previously kept", "no longer needed" is BEHAVIOUR's "no"). */
const REASON =
  /\b(?:prevent\p{L}*|avoid\p{L}*|caus(?:e|es|ed|ing)|previously|already|incorrect\p{L}*|unnecessar\p{L}*|anymore|however|currently|originally|explicit\p{L}*|allow\p{L}*|whether|(?:un)?able|instead)\b/iu;

/** Whether a word or name is the change's (a word of its lines, by stem, or one of its names). */
function isChangeWord(word: string, change: ChangeVocabulary): boolean {
  const lower = word.toLowerCase();
  return (
    change.names.has(word) ||
    change.names.has(lower) ||
    change.words.has(stemWord(lower)) ||
    change.words.has(stemWord(lower.replace(/(?<=[^s])s$/, '')))
  );
}

/** An effect claimed with no cause: "The page looks good now.", "Works better on phones now.", "The clamp effect
 * now works better with the data of the queries.": a part (a few words) said to work, look or be better, with at
 * most where ("on phones", "with the data"). A reader has nothing to check in the diff. */
const EFFECT =
  /^(?:[\p{L}\p{N}`'’_.-]+\s+){0,6}?(?:now\s+)?(?:works?|looks?|feels?|behaves?|runs?|performs?|loads?|reads?|renders?|scrolls?|is|are)\s+(?:now\s+)?(?:\p{L}+ed\s+)?(?:much\s+|way\s+|a\s+lot\s+|a\s+bit\s+|far\s+)?(?:better|fine|good|great|nicer|nice|properly|correct(?:ly)?|right|smoother|smoothly|faster|cleaner|clean|stable|reliable|reliably|solid|tidier|calmer|easier|clearer|simpler|as\s+expected|as\s+intended|again|(?:more|less)\s+\p{L}+)(?:\s+to\s+\p{L}+)?(?:\s+(?:on|in|with|for|across|at|now|again|everywhere)\b[^.!?;,]*)?[.!?]?$/iu;
/** An effect claimed as the purpose of an edit ("Changed the list pages so that the titles look right for users.",
 * "Changed the events query to make it work properly with the schema."): the edit, and the effect apart. */
const PURPOSE_EFFECT = /^(.+?),?\s+(?:so(?:\s+that)?|to\s+make)\s+(.+)$/iu;
/** The sentences of an answer, an effect claimed as an edit's purpose split from it. */
function splitEffects(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?])\s+(?=\S)/u)
    .filter((sentence) => sentence !== '')
    .flatMap((sentence) => {
      const purpose = PURPOSE_EFFECT.exec(sentence);
      return purpose !== null && EFFECT.test(purpose[2]!) ? [`${purpose[1]!}.`, purpose[2]!] : [sentence];
    });
}
/** Claims that name an edit without its kind ("Updated the BlogLayout and the landing footer."): beside an
 * effect claimed with no cause, nothing of the answer says what was done. */
const VAGUE_CLAIM =
  /^(?:this\s+(?:change|commit|pr|patch|update)\s+)?(?:fix|repair|resolve|address|sort|clean|tid|smooth|change|update|improve|tweak|adjust|polish|rework|patch|refactor)/iu;

/** Whether a one-line English answer claims to have fixed, added or given its parts something the change
 * never writes, and says nothing else of what the change does. */
export function claimsUnshownObject(text: string, counts: WordCounts, link: Connection, change: ChangeVocabulary): boolean {
  const sentences = splitEffects(text);
  const claims = sentences.filter((sentence) => !EFFECT.test(sentence));
  const line = claims.join(' ');
  if (/\n/.test(text.trim()) || claims.length > 1 || counts.cjkUnits > 0 || link.unjudged > 0 || isForeignLine(line)) return false;
  if (link.shared === 0 || link.names !== link.sharedNames) return false;
  if (
    hasNumber(text) ||
    CODE_VALUE.test(line) ||
    PURPOSE.test(text) ||
    REASON.test(text) ||
    MEANS.test(text) ||
    BEHAVIOUR.test(text) ||
    DOES_NOW.test(text)
  )
    return false;
  // Only effects claimed ("The page looks good now."), or an edit named without its kind beside one.
  if (claims.length < sentences.length && (claims.length === 0 || VAGUE_CLAIM.test(line))) return true;
  const claim = CLAIM.exec(line);
  if (claim === null) return false;
  const object = readClaimedObject(claim[1]!);
  // A name of the change in the object ("Fix teamInfo guards and Skeleton key props …") says which code the claim is of.
  const names = new Set([...counts.names].map((name) => name.toLowerCase()));
  // So does a word written as code, a mark inside it (`N-args`, `property-*list`).
  if (object.words.some((word) => names.has(word.toLowerCase()) || /\p{L}[^\p{L}]+\p{L}/u.test(word))) return false;
  const unshown = new Set(object.words.filter((word) => !isChangeWord(word, change)).map((word) => word.toLowerCase()));
  return object.heads.length > 0 && object.heads.every((head) => !isChangeWord(head, change)) && unshown.size >= MIN_UNSHOWN_WORDS;
}
