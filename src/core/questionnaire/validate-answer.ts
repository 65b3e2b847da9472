import { stemWord, type ChangeVocabulary } from './change-vocabulary.js';
import { arePairsAboveChance, enclosingPairsHold, isAboveChance, isOneWordOfOne, isOneWordRare } from './chance-links.js';
import { classifyWords, type WordCounts } from './classify-words.js';
import { isNearCopy } from './compare-answers.js';
import { connectToChange } from './connect-to-change.js';
import { isAdmission } from './detect-admission.js';
import { isUnansweredTemplate } from './detect-template.js';
import type { CodeName } from './detect-code-names.js';
import { proseOf } from './example-code.js';
import { detectFiller } from './detect-filler.js';
import { isPastedCode } from './detect-pasted-code.js';
import { hasReference } from './detect-reference.js';
import { quotesChangedCode } from './verbatim-code.js';
import { writesChangedNumber } from './changed-numbers.js';
import { namesChangeKind, saysMoreThanKind } from './change-kinds.js';
import { namesUndoneCommit, type ReadCommitPatch } from './reverted-commit.js';
import { surveyCodeNames, type CodeNameSurvey } from './survey-code-names.js';
import { isOneSentence, namesOnlyTouchedParts } from './touched-parts-only.js';
import { linksOnlyByName } from './names-only-link.js';
import { linksByRareNearWord, type NearHunkContext } from './near-hunk-words.js';
import { isTestPath } from '../change/test-path.js';

// An answer must say something about THIS change: after generic vocabulary ("updates the code
// to improve things"), the question's own words and filler are set aside, enough specific
// content must remain — ordinary words, names (`parseConfig`, src/a.ts, --dry-run) or CJK text
// counted by characters. Each refusal says in one line what is missing.
// Given the change (its vocabulary, and a lookup of names in the repository), an answer must
// also connect to it: share names or words with it, and name nothing that exists nowhere in
// the repository. An admission of not knowing is refused here; the questionnaire treats it as
// "I am not sure" before it gets here.

const PLACEHOLDERS = new Set([
  'fix',
  'fixes',
  'fixed',
  'wip',
  'asdf',
  'n/a',
  'na',
  'none',
  'nothing',
  'todo',
  'tbd',
  'see code',
  'see diff',
  'see above',
  'same',
  'same as above',
  'done',
  'ok',
  'yes',
  'no',
  'lgtm',
  'update',
  'updates',
  'changes',
  'stuff',
  'misc',
  'test',
  'tests',
  'works',
  'it works',
  '.',
  '-',
  '...',
]);

export interface AnswerRules {
  readonly minWords: number;
  /** Answers already given, which this one must not copy. */
  readonly otherAnswers: readonly string[];
  readonly fileNames: readonly string[];
  /** The question being answered: echoing it back is not an answer. */
  readonly question?: string;
  /** The words and names of this change: without it, only the change-independent rules apply. */
  readonly change?: ChangeVocabulary;
  /** Whether a name the change does not contain exists in the repository or its dependencies. */
  /** `qualifier`: what a member is written after (`React` of `React.renderToString`). */
  readonly nameExists?: (name: string, kind: CodeName['kind'], qualifier?: string) => boolean;
  /** The repository's name a refused one is most likely a typo of (suggest-name-sync.ts), for the message. */
  readonly suggestName?: (name: string, kind: CodeName['kind']) => string | undefined;
  /** A commit's patch, for an answer that names the commit this change reverts (reverted-commit.ts). */
  readonly readCommitPatch?: ReadCommitPatch;
  /** The question asks what the change does (intent, unit): the answer must name something it
   * alters, not only what it keeps (an impact answer may rightly speak of unchanged callers). */
  readonly asksWhatChanged?: boolean;
  /** The question asks how the change was checked: a test file it stages is what an answer names. */
  readonly asksHowChecked?: boolean;
  /** The words beside the change's hunks and how common each is in the repository (near-hunk-words.ts),
   * read when an answer would otherwise be refused as loose. */
  readonly nearHunk?: () => NearHunkContext | undefined;
}

/** Specific units an answer needs, and how many of them must be more than names. */
const MIN_SPECIFIC = 3;
const MIN_CONTENT = 2;
/** The part of an answer's names and words that must be found in the change (tuned on the tune
 * split of grounded.tune.jsonl: real explanations against their own commits and against others). */
const MIN_SHARED_PART = 0.25;
/** Or the part of its names (`code`, camelCase, paths) found in the change. */
const MIN_SHARED_NAMES = 0.5;
/** The names that are not numbers (`40`, `2.5`, `30s`, `500ms`): a value written in filler is no subject. */
function countNonNumbers(names: ReadonlySet<string>): number {
  let count = 0;
  for (const name of names) if (!/^\d[\d.]*(?:ms|s|secs?|mins?)?$/.test(name)) count++;
  return count;
}

/** An answer this short names what it is about; a longer one (a pull request's description) also
 * names its context: the callers, the option beside it, the error it quotes (tune splits: own
 * explanations refused by the rule below were all longer). */
const MAX_WORDS_NAMING_SUBJECT = 40;
/** Names found elsewhere in the repository that outnumber the change's names this many times over. */
const ELSEWHERE_RATIO = 2;

/** Whether a short answer's code names are mostly found elsewhere in the repository, not in the
 * change: two or more, over twice as many as the change's (an explanation of another commit). */
function isAboutOtherCode(survey: CodeNameSurvey, text: string): boolean {
  return (
    survey.elsewhere >= 2 &&
    survey.elsewhere > ELSEWHERE_RATIO * survey.inChange &&
    text.trim().split(/\s+/).length <= MAX_WORDS_NAMING_SUBJECT
  );
}

/** An answer that shares no name with the change needs a word of what it alters (ChangeVocabulary.delta). */
const MIN_ALTERED = 1;

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

const MESSAGES = {
  empty: 'An answer is needed (or "I am not sure", which stops the commit).',
  code: 'That looks like pasted code or a diff: explain the change in words (names in `backticks` are fine).',
  fileName: 'That is a file name: say what the change to it does.',
  copy: 'That repeats another answer: this question asks something else.',
  echo: 'That repeats the question: answer it with what this change does and why.',
  lorem: 'That is placeholder text (lorem ipsum): say what changed and why, in your own words.',
  mashed: 'That looks like keys typed at random: say what changed and why, in your own words.',
  repeated: 'That repeats the same word: say what changed and why, in your own words.',
  reference: 'A reference is not a reason: say here why the change is made (a PR or ticket can add to it).',
  generic: 'That would fit any change: name what this one touches (a function, file, behaviour) and why.',
  admission: 'That says you do not know what the change does: answer "I am not sure", read the staged diff, then commit again.',
  template: 'That is a pull-request template with its blanks unfilled: say in your own words what this change does and why.',
  loose: 'That says little of this change: most of it names nothing the change touches. Explain this change with its own names and why.',
  touched:
    'That names what the change touches, not what it does to it: say how it behaves now (when, instead of what, which value) and why.',
  elsewhere: 'The names it gives are elsewhere in the repository, not in this change: explain this change with its own names and why.',
  unconnected:
    'That connects to nothing in this change: explain it with its own names (the functions, files or behaviour it touches) and why.',
};

/** A name found nowhere, and the repository's name it is one typo of, when there is one. */
function unknownNameMessage(survey: CodeNameSurvey): string {
  return survey.suggestion === null
    ? `${survey.unknown} is not in this repository: explain this change with its own names.`
    : `${survey.unknown} is not in this repository: did you mean \`${survey.suggestion}\`?`;
}

/** Questions about how the author checked or would undo the change: their answers name a process
 * ("ran the unit tests against staging"), not the change's words, so they are not held to them. */
const PROCESS_QUESTIONS = new Set(['verification', 'rollback']);

/** The rules' change, unless the question asks about a process rather than the change. */
export type AnswerGroundingRules = Pick<AnswerRules, 'change' | 'nameExists' | 'readCommitPatch' | 'suggestName' | 'nearHunk'>;

export function groundingFor(
  questionId: string,
  grounding: AnswerGroundingRules,
): AnswerGroundingRules & Pick<AnswerRules, 'asksWhatChanged' | 'asksHowChecked'> {
  if (PROCESS_QUESTIONS.has(questionId))
    return {
      asksHowChecked: questionId === 'verification',
      ...(grounding.nameExists !== undefined && { nameExists: grounding.nameExists }),
      ...(grounding.suggestName !== undefined && { suggestName: grounding.suggestName }),
    };
  return { ...grounding, asksWhatChanged: questionId === 'intent' || questionId.startsWith('unit:') };
}

const FILE_NAMES = new WeakMap<readonly string[], Set<string>>();
/** The changed paths and their base names, normalized once per list (a change may have thousands:
 * each keystroke's validation would read them all again). */
function fileNamesOf(paths: readonly string[]): Set<string> {
  let names = FILE_NAMES.get(paths);
  if (names === undefined) {
    names = new Set(paths.flatMap((path) => [normalize(path), normalize(path.split('/').pop() ?? '')]));
    FILE_NAMES.set(paths, names);
  }
  return names;
}

/** Words a verification answer naming a staged test needs: "Ran foo.test.ts" says which, not how. */
const MIN_CHECK_WORDS = 4;
/** Whether the answer names a test file the change stages, by path or base name (fileNamesOf). */
function namesStagedTest(text: string, paths: readonly string[]): boolean {
  const staged = fileNamesOf(paths);
  return text.split(/[\s,;:()`'"]+/).some((word) => {
    const name = normalize(word.replace(/[.!?]+$/, ''));
    return staged.has(name) && isTestPath(name);
  });
}

/** The last question's words: every answer to it (each keystroke's validation) reuses them. */
let lastQuestion: { readonly text: string; readonly counts: WordCounts } | undefined;
function classifyQuestion(text: string): WordCounts {
  if (lastQuestion?.text !== text) lastQuestion = { text, counts: classifyWords(text) };
  return lastQuestion.counts;
}

/** Keywords a change may add or remove around lines it keeps (`if (x[i]) { … }`, `else`, `return`):
 * a delta of these alone, or of one-letter tokens (the `n` of a `"\n"` it adds), names nothing an
 * answer could repeat ("checks if the position exists"). */
const KEYWORD_DELTA = new Set(
  'if else for while do switch case break continue return await async try catch finally throw new'
    .split(' ')
    .flatMap((word) => [word, stemWord(word)]),
);
function hasNameableDelta(change: ChangeVocabulary): boolean {
  for (const unit of change.delta) if (unit.length > 1 && !KEYWORD_DELTA.has(unit)) return true;
  return false;
}

/** Null when the answer is acceptable, else what is wrong with it, in one line. */
export function validateAnswer(text: string, rules: AnswerRules): string | null {
  const answer = normalize(text);
  if (answer === '') return MESSAGES.empty;
  if (PLACEHOLDERS.has(answer.replace(/[.!]+$/, '')) || /^(.)\1*$/.test(answer.replace(/\s/g, ''))) {
    return `"${text.trim().slice(0, 40)}" is a placeholder: say what changed and why, in your own words.`;
  }
  const prose = proseOf(text);
  if (isPastedCode(prose)) return MESSAGES.code;
  if (fileNamesOf(rules.fileNames).has(answer)) return MESSAGES.fileName;
  if (rules.otherAnswers.some((other) => isNearCopy(other, text))) return MESSAGES.copy;
  if (rules.question !== undefined && isNearCopy(rules.question, text)) return MESSAGES.echo;
  if (isAdmission(text)) return MESSAGES.admission;
  if (isUnansweredTemplate(text)) return MESSAGES.template;
  const survey = surveyCodeNames(text, prose, rules);
  if (survey.unknown !== null) return unknownNameMessage(survey);

  const question = rules.question === undefined ? undefined : classifyQuestion(rules.question);
  const questionWords = new Set(question?.words ?? []);
  // What the question names in code (the demo's "a new parameter `defaults`") is what a real answer
  // names too ("total.ts now passes the defaults"): only its prose is set aside, and an answer that
  // repeats the question is still refused as an echo below.
  const questionNames = new Set(question?.names ?? []);
  const counts = classifyWords(text, new Set([...questionWords].filter((w) => !questionNames.has(w))));
  const content = counts.content.size + counts.cjkUnits;
  let isSpecific = content + counts.names.size >= MIN_SPECIFIC && content >= MIN_CONTENT;
  let touchesOnly = false;
  if (rules.change !== undefined) {
    // Prose in a script the change has no text in cannot be compared: such an answer must still
    // name something of the change (a name, a path, a word of its code).
    // The question's own names (the file it asks about) still connect the answer to the change.
    const linkCounts = classifyWords(text);
    const link = connectToChange(linkCounts, text, rules.change, question?.names);
    // Code the answer quotes that the change's lines hold verbatim is the change itself (looked
    // for only when the words alone do not connect: a search of the changed lines).
    const change = rules.change;
    let quotes: boolean | undefined;
    let numbers: boolean | undefined;
    // A number alone (changed-numbers.ts) is weaker than quoted code: when it is what connects the
    // answer, the answer must be specific without it ("Set the limit to 40 so things work better").
    let leansOnNumber = false;
    const quotesCode = () => {
      if ((quotes ??= quotesChangedCode(text, change))) return true;
      if ((numbers ??= writesChangedNumber(text, change))) leansOnNumber = true;
      return numbers;
    };
    // Naming the kind of change its shape shows ("left behind" of a change that only deletes,
    // "wording" of one that only edits comments: change-kinds.ts) connects a sentence that says
    // more than the kind; "Cleaned up unused code." says nothing else. So does naming, by hash,
    // the commit the change undoes ("This reverts commit 3483827a…": git compares the patches).
    let kind: boolean | undefined;
    const namesKind = () =>
      (kind ??=
        (namesChangeKind(text, change.kinds) && saysMoreThanKind(text, questionWords)) ||
        namesUndoneCommit(text, change, rules.readCommitPatch));
    if (link.total + link.unjudged > 0 && link.shared === 0 && !quotesCode() && !namesKind()) return MESSAGES.unconnected;
    // Names are the same in every language: an answer in Spanish about an English change
    // connects through them, its prose words cannot.
    const namesHold = link.names > 0 && link.sharedNames >= link.names * MIN_SHARED_NAMES;
    // Words in a row as the change's lines have them: a phrase of the change, not a word it happens to use.
    const pairsHold =
      arePairsAboveChance(link.sharedPairs, link.pairs, rules.change.pairs.size) || enclosingPairsHold(text, link, rules.change);
    // One shared word in a short answer is what chance gives ("next", "line" of a large change):
    // the quarter needs two, or a name of the change ("average", the function it declares),
    // unless the change is so small that an answer about anything else seldom meets one of its
    // words ("deploys" for a one-line docs change "A new section on deploying.").
    const isOneWordEnough = isOneWordRare(link.total, rules.change.words.size);
    const partHolds =
      link.shared >= link.total * MIN_SHARED_PART &&
      (link.shared >= 2 || link.sharedNames > 0 || link.sharedDeclared > 0 || isOneWordEnough);
    // Naming, as code, the function, class or file the change is inside of: an explanation of
    // another change of the same repository names its own (tune splits: 2 of 656 refused ones do).
    const focusHolds = link.sharedFocus > 0;
    // A long explanation writing a rare word of the code beside the hunks (near-hunk-words.ts).
    let near: boolean | undefined;
    const nearHolds = () => (near ??= linksByRareNearWord(text, linkCounts, link.shared, change, rules.nearHunk?.()));
    if (
      !partHolds &&
      !namesHold &&
      !pairsHold &&
      !focusHolds &&
      !(isAboveChance(link.shared, link.total, rules.change.words.size) && !isOneWordOfOne(link, rules.change.words.size)) &&
      !quotesCode() &&
      !namesKind() &&
      !nearHolds()
    )
      return MESSAGES.loose;
    // Code names found elsewhere in the repository and not in the change name another change's
    // code: when they outnumber this change's names, the shared words are what any text of the repository shares.
    if (isAboutOtherCode(survey, text) && !focusHolds && !pairsHold && !quotesCode() && !namesKind()) return MESSAGES.elsewhere;
    // Words the change only keeps (a hunk's context, an untouched argument) are not what it does.
    if (
      rules.asksWhatChanged === true &&
      link.altered < MIN_ALTERED &&
      link.sharedNames === 0 &&
      !pairsHold &&
      hasNameableDelta(rules.change) &&
      !quotesCode() &&
      !namesKind() &&
      !nearHolds()
    )
      return MESSAGES.loose;
    // Judged last (an answer refused for another reason keeps that reason's message).
    // So is a line joined to the change by a name alone, its words the change's nowhere (names-only-link.ts).
    touchesOnly =
      rules.asksWhatChanged === true &&
      (namesOnlyTouchedParts(text, counts, link, rules.change) || linksOnlyByName(text, counts, link)) &&
      !quotesCode();
    // A short answer that names the thing ("`average` is too trivial to need a test") says enough.
    if (leansOnNumber) isSpecific = content >= MIN_CONTENT && content + countNonNumbers(counts.names) >= MIN_SPECIFIC;
    // A name alone is no explanation: "Refactored `needsParens` a bit" names the function the change
    // is in and says nothing of it; a one-sentence answer holds when a word of it is the change's too.
    else if (link.shared > link.sharedNames || !isOneSentence(text)) isSpecific = content >= 1 && content + counts.names.size >= 2;
    else if (link.shared > 0) isSpecific = content >= MIN_CONTENT && content + counts.names.size >= 2;
  }
  // "Added tests for blockNumber 0n in getBalance.test.ts and getTransactionCount.test.ts" (wevm/wagmi
  // 0a8eb518): names and generic words only, yet the check it names is a test file this change stages.
  if (!isSpecific && rules.asksHowChecked === true && counts.words.length >= MIN_CHECK_WORDS && namesStagedTest(text, rules.fileNames))
    isSpecific = true;
  if (!isSpecific && hasReference(text)) return MESSAGES.reference;
  const meaningful = counts.words.length + counts.cjkTotal;
  if (meaningful < rules.minWords) {
    return `Too short: at least ${rules.minWords} meaningful words (you wrote ${Math.floor(meaningful)}).`;
  }
  const filler = detectFiller(text, counts.words, counts.cjkTotal);
  if (filler !== null) return MESSAGES[filler];
  const echoes = counts.words.filter((w) => questionWords.has(w)).length * 2 >= counts.words.length;
  // Specific through the question's own names, and half of it the question's words: a repetition.
  if (isSpecific && !(echoes && counts.words.some((w) => questionNames.has(w)))) return touchesOnly ? MESSAGES.touched : null;
  if (echoes) return MESSAGES.echo;
  return MESSAGES.generic;
}
