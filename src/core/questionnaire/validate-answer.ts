import { classifyWords } from './classify-words.js';
import { isNearCopy } from './compare-answers.js';
import { detectFiller } from './detect-filler.js';
import { isPastedCode } from './detect-pasted-code.js';
import { hasReference } from './detect-reference.js';

// An answer must say something about THIS change: after generic vocabulary ("updates the code
// to improve things"), the question's own words and filler are set aside, enough specific
// content must remain — ordinary words, names (`parseConfig`, src/a.ts, --dry-run) or CJK text
// counted by characters. Each refusal says in one line what is missing.

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
}

/** Specific units an answer needs, and how many of them must be more than names. */
const MIN_SPECIFIC = 3;
const MIN_CONTENT = 2;

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
};

/** Null when the answer is acceptable, else what is wrong with it, in one line. */
export function validateAnswer(text: string, rules: AnswerRules): string | null {
  const answer = normalize(text);
  if (answer === '') return MESSAGES.empty;
  if (PLACEHOLDERS.has(answer.replace(/[.!]+$/, '')) || /^(.)\1*$/.test(answer.replace(/\s/g, ''))) {
    return `"${text.trim().slice(0, 40)}" is a placeholder: say what changed and why, in your own words.`;
  }
  if (isPastedCode(text)) return MESSAGES.code;
  if (rules.fileNames.some((name) => normalize(name) === answer || normalize(name.split('/').pop() ?? '') === answer))
    return MESSAGES.fileName;
  if (rules.otherAnswers.some((other) => isNearCopy(other, text))) return MESSAGES.copy;
  if (rules.question !== undefined && isNearCopy(rules.question, text)) return MESSAGES.echo;

  const questionWords = new Set(rules.question ? classifyWords(rules.question).words : []);
  const counts = classifyWords(text, questionWords);
  const content = counts.content.size + counts.cjkUnits;
  const isSpecific = content + counts.names.size >= MIN_SPECIFIC && content >= MIN_CONTENT;
  if (!isSpecific && hasReference(text)) return MESSAGES.reference;
  const meaningful = counts.words.length + counts.cjkTotal;
  if (meaningful < rules.minWords) {
    return `Too short: at least ${rules.minWords} meaningful words (you wrote ${Math.floor(meaningful)}).`;
  }
  const filler = detectFiller(text, counts.words, counts.cjkTotal);
  if (filler !== null) return MESSAGES[filler];
  if (isSpecific) return null;
  if (counts.words.filter((w) => questionWords.has(w)).length * 2 >= counts.words.length) return MESSAGES.echo;
  return MESSAGES.generic;
}
