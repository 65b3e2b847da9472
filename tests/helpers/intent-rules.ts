import { buildChangeVocabulary } from '../../src/core/questionnaire/change-vocabulary.js';
import type { AnswerRules } from '../../src/core/questionnaire/validate-answer.js';

/** The rules the intent question's answer is held to, for a change given as its patch and paths;
 * `repository` holds the (lower-cased) names that exist anywhere in the repository. */
export const intentRulesFor = (patch: string, paths: string[], repository: ReadonlySet<string> = new Set()): AnswerRules => ({
  minWords: 4,
  otherAnswers: [],
  fileNames: paths,
  question: 'What problem does this change solve, and why this way?',
  change: buildChangeVocabulary({ patch, paths }),
  asksWhatChanged: true,
  nameExists: (name) => repository.has(name.toLowerCase()),
});
