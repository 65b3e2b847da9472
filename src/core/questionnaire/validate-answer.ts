// An answer must say something: enough meaningful words, not a placeholder, not a copy of
// another answer or of a file name, not a pasted diff. The message says what is missing.

const PLACEHOLDERS = new Set(['fix', 'fixes', 'fixed', 'wip', 'asdf', 'n/a', 'na', 'none', 'todo', 'tbd', 'see code', 'see diff', 'see above', 'same', 'same as above', 'done', 'ok', 'update', 'updates', 'changes', 'stuff', 'misc', 'test', 'tests', 'works', 'it works', '.', '-', '...']);
const STOP_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'to', 'of', 'in', 'on', 'it', 'is', 'this', 'that', 'for', 'with', 'i', 'we']);

export interface AnswerRules {
  readonly minWords: number;
  /** Answers already given, which this one must not copy. */
  readonly otherAnswers: readonly string[];
  readonly fileNames: readonly string[];
}

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Null when the answer is acceptable, else what is wrong with it. */
export function validateAnswer(text: string, rules: AnswerRules): string | null {
  const answer = normalize(text);
  if (answer === '') return 'An answer is needed (or "I am not sure", which stops the commit).';
  if (PLACEHOLDERS.has(answer.replace(/[.!]+$/, '')) || /^(.)\1*$/.test(answer.replace(/\s/g, ''))) {
    return `"${text.trim()}" is a placeholder: say what changed and why, in your own words.`;
  }
  const lines = text.split('\n');
  if (lines.some((l) => /^(diff --git|@@ .* @@|\+\+\+ |--- a\/)/.test(l)) || lines.filter((l) => /^[+-]\S/.test(l)).length >= 3) {
    return 'That looks like a pasted diff: explain the change instead of showing it.';
  }
  if (rules.fileNames.some((name) => normalize(name) === answer || normalize(name.split('/').pop() ?? '') === answer)) {
    return 'That is a file name: say what the change to it does.';
  }
  if (rules.otherAnswers.some((other) => normalize(other) === answer)) return 'That repeats another answer: this question asks something else.';
  const words = answer.match(/[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu) ?? [];
  const meaningful = words.filter((w) => !STOP_WORDS.has(w) && w.length > 1);
  if (meaningful.length < rules.minWords) {
    return `Too short: at least ${rules.minWords} meaningful words (you wrote ${meaningful.length}).`;
  }
  return null;
}
