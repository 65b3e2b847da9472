import { stemWord, type ChangeVocabulary } from './change-vocabulary.js';

// What a change's code does, in the words an explanation uses for it and its lines do not hold:
// `self.emit('stateChanged', …)` fires an event ("more accurate assessments of when certain events
// have completed", mongodb 462d2f9a), `<a href={url}>` makes a link one clicks ("lets the user view
// them by clicking on the title", jest 508f789a), `out/` added to `.gitignore` is a path git ignores
// ("This tells both ESLint and Git to ignore the directory", mocha 1ded82fb). Only constructs whose
// behaviour has one name in every code base: a loop, a sort or an `await` is in most changes, and
// "iterating", "order", "async" in explanations of other commits of the same repository (tune
// splits: each let more of those through than own ones; docs/questionnaire.md, round 51).

/** A construct of a changed line, and the word stems of what it does. */
const LINE_BEHAVIOURS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\.emit\(|\bemit\(|\b(?:add|remove)EventListener\(|\bdispatchEvent\(/, ['event', 'listener', 'emit', 'fire']],
  [/<a\s[^>]*\bhref=/, ['link', 'click', 'clickable']],
];
/** A changed path, and the word stems of what the file does: an ignore file's lines are paths a tool skips. */
const PATH_BEHAVIOURS: readonly (readonly [RegExp, readonly string[]])[] = [[/(?:^|\/)\.[a-z]*ignore$/, ['ignore']]];

const BEHAVIOURS = new WeakMap<ChangeVocabulary, ReadonlySet<string>>();

/** The stems of what the change's constructs do (LINE_BEHAVIOURS, PATH_BEHAVIOURS), read once per vocabulary. */
export function behaviourStemsOf(change: ChangeVocabulary): ReadonlySet<string> {
  let stems = BEHAVIOURS.get(change);
  if (stems === undefined) {
    const found = new Set<string>();
    const add = (words: readonly string[]) => {
      for (const word of words) found.add(stemWord(word));
    };
    for (const [construct, words] of LINE_BEHAVIOURS) if (change.lines.some((line) => construct.test(line))) add(words);
    for (const [path, words] of PATH_BEHAVIOURS) for (const name of change.names) if (path.test(name)) add(words);
    stems = found;
    BEHAVIOURS.set(change, stems);
  }
  return stems;
}
