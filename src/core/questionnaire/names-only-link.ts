import type { Connection } from './connect-to-change.js';
import type { WordCounts } from './classify-words.js';
import { BEHAVIOUR, DOES_NOW, hasNumber, isForeignLine, isOneShortLine } from './touched-parts-only.js';

/** A value written as code: an empty list or object, `null`, `undefined`, `true`, `false` ("remove(): collapse an
 * all-undefined array to []" says what the part now holds). */
export const CODE_VALUE = /\[\]|\{\}|\b(?:null|undefined|true|false|NaN)\b/;
/** A purpose told as what a part can now do or hold: "… so the report has room for the new totals"
 * (ci-workflows' review-commit answer, refused as naming the parts alone when this rule came in);
 * "so the experience is inclusive", "so the status shows properly", "so the dialog can be tested
 * better" (saleor's generic answers, held out) tell no such thing. */
export const PURPOSE =
  /\bso\s+(?:that\s+)?(?:the|its?|their|our|each|every)\s+\p{L}+\s+(?:has|have|can|gets?|shows?|keeps?|fits?|reads?|holds?|finds?|stays?|knows?|sees?|returns?|prints?)\b(?![^.]*\b(?:properly|better|correctly|well|fine|nicely|smoothly|expected|intended|improved?)\b)/iu;

// "This update to `AuthLoadingBlocker.tsx` improves accessibility and follows best practices for an
// inclusive experience.", "Small improvements to `command.js`, nothing special.": the answer's only
// link to the change is a name it repeats (the changed file, the function the question names); not
// one of its words is the change's, and it says nothing of what the change does to that part — no
// condition, contrast with before, negation or cause, no value (a number, `[]`, `null`), not what the part does now. Filler
// with a name put in, which a reader of the file list could write for any change to that file.
// touched-parts-only.ts refuses the summary made of the change's own words; this, the one made of
// words the change has nowhere ("accessibility", "layout", "intuitive"), joined to it by a name alone.
// Only an English line of a summary's length is judged: prose the change cannot be compared with
// (CJK, another language) and a longer body are left to the other rules.

/** Whether the answer connects to the change only through names it repeats and says nothing of what the change does. */
export function linksOnlyByName(text: string, counts: WordCounts, link: Connection): boolean {
  if (!isOneShortLine(text) || counts.cjkUnits > 0 || link.unjudged > 0 || isForeignLine(text)) return false;
  return (
    link.sharedNames > 0 &&
    link.shared === link.sharedNames &&
    link.names === link.sharedNames &&
    link.sharedPairs === 0 &&
    link.reasoning === 0 &&
    !hasNumber(text) &&
    !CODE_VALUE.test(text) &&
    !PURPOSE.test(text) &&
    !BEHAVIOUR.test(text) &&
    !DOES_NOW.test(text)
  );
}
