import type { ChangedSymbol } from '../impact/impact-report.js';
import type { Question } from './question.js';

// The comprehension check: before explaining why the dependents of a changed export keep
// working, the author picks, among real files of the repository, the one that uses it. The
// other options are real files that do not, nearest to the changed file first, so the question
// cannot be answered by the look of a path.

export interface Quiz {
  readonly question: Question;
  readonly answer: string;
  /** The truth, shown after a wrong answer. */
  readonly truth: string;
}

const distance = (a: string, b: string): number => {
  const x = a.split('/');
  const y = b.split('/');
  let shared = 0;
  while (shared < Math.min(x.length, y.length) - 1 && x[shared] === y[shared]) shared++;
  return x.length + y.length - 2 * shared;
};

/** A quiz for `symbol`, or null when the repository has too few other files to ask well. */
export function buildQuiz(symbol: ChangedSymbol, candidates: readonly string[], seed: number): Quiz | null {
  const users = new Set(symbol.dependents.map((d) => d.path));
  const answer = symbol.dependents[seed % symbol.dependents.length]?.path;
  if (answer === undefined) return null;
  const others = candidates
    .filter((path) => !users.has(path) && path !== symbol.path)
    .sort((a, b) => distance(a, symbol.path) - distance(b, symbol.path) || a.localeCompare(b))
    .slice(0, 3);
  if (others.length < 2) return null;
  const options = [...others];
  options.splice(seed % (others.length + 1), 0, answer);
  const shown = symbol.dependents.slice(0, 5).map((d) => d.path).join(', ');
  return {
    question: {
      id: `quiz:${symbol.path}#${symbol.name}`,
      kind: 'choice',
      message: `Which of these files uses \`${symbol.name}\` (from ${symbol.path})?`,
      context: [],
      choices: options.map((path) => ({ value: path, label: path })),
      contentKey: `${symbol.path}#${symbol.name}`,
    },
    answer,
    truth: `\`${symbol.name}\` is used by ${symbol.dependents.length} file${symbol.dependents.length === 1 ? '' : 's'}: ${shown}${symbol.dependents.length > 5 ? ', …' : ''}.`,
  };
}
