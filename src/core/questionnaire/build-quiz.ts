import type { ChangedSymbol, ImpactReport } from '../impact/impact-report.js';
import type { Question } from './question.js';

// The comprehension check: questions whose answers are facts of the change. Which of these
// files calls `X` (the right answer a direct runtime user; the others files that neither use
// `X` nor re-export it, checked against every chain of the graph), what `X` now takes, which
// export was removed. A question whose answer or distractors cannot be verified is not asked.

export interface QuizQuestion {
  readonly question: Question;
  /** The right choice's value; never shown before the author picks. */
  readonly answer: string;
  /** The truth, shown after a wrong pick. */
  readonly truth: string;
}

export interface QuizInput {
  readonly impact: ImpactReport;
  /** Module files of the repository (the index), where distractors come from. */
  readonly candidates: readonly string[];
  /** Varies the right answer's position and the user asked about. */
  readonly seed: number;
}

const distance = (a: string, b: string): number => {
  const x = a.split('/');
  const y = b.split('/');
  let shared = 0;
  while (shared < Math.min(x.length, y.length) - 1 && x[shared] === y[shared]) shared++;
  return x.length + y.length - 2 * shared;
};

function choiceQuestion(
  id: string,
  message: string,
  answer: string,
  distractors: readonly string[],
  seed: number,
  truth: string,
): QuizQuestion {
  const options = [...distractors];
  options.splice(seed % (options.length + 1), 0, answer);
  return {
    question: {
      id,
      kind: 'choice',
      isQuiz: true,
      message,
      context: [],
      choices: options.map((value) => ({ value, label: value })),
      contentKey: id,
    },
    answer,
    truth,
  };
}

/** Every file that uses `symbol` in any way, passes it on or may reach it (holds the whole
 * module): none may be a distractor. */
function touchingFiles(symbol: ChangedSymbol): Set<string> {
  const files = new Set<string>([
    symbol.path,
    ...[...symbol.valueUsers, ...symbol.typeUsers, ...symbol.wholeModuleUsers].map((u) => u.path),
  ]);
  for (const dependent of symbol.dependents) for (const path of [dependent.path, ...dependent.chain]) files.add(path);
  for (const chain of symbol.transitive.chains) for (const path of chain) files.add(path);
  return files;
}

const isTest = (path: string) => /(?:^|\/)(?:__tests__|tests?|spec|e2e)\/|\.(?:test|spec)\.[^/]+$/.test(path);

function callsQuestion(symbol: ChangedSymbol, candidates: readonly string[], seed: number): QuizQuestion | null {
  // A caller in the product tells more than a test that calls it.
  const callers = symbol.valueUsers.filter((u) => !isTest(u.path));
  const pool = callers.length > 0 ? callers : symbol.valueUsers;
  const user = pool[seed % Math.max(1, pool.length)];
  if (user === undefined || symbol.name === '*') return null;
  const excluded = touchingFiles(symbol);
  const distractors = candidates
    .filter((path) => !excluded.has(path))
    .sort((a, b) => distance(a, user.path) - distance(b, user.path) || a.localeCompare(b))
    .slice(0, 3);
  if (distractors.length < 2) return null;
  const shown = symbol.valueUsers
    .slice(0, 4)
    .map((u) => `${u.path}:${u.line}`)
    .join(', ');
  return choiceQuestion(
    `quiz:calls:${symbol.path}#${symbol.name}`,
    `Which of these files uses \`${symbol.name}\` (from ${symbol.path}) at runtime?`,
    user.path,
    distractors,
    seed,
    `\`${symbol.name}\` is called from ${shown}${symbol.valueUsers.length > 4 ? ', …' : ''}.`,
  );
}

/** "parameters changed: (a: string) -> (a: string, b?: number)" gives its two shapes. */
function shapeQuestion(symbol: ChangedSymbol, seed: number): QuizQuestion | null {
  const shapes = symbol.change === 'shape-changed' ? /^(?:[a-z][a-z ]*:\s+)?(.+?)\s*(?:->|→)\s*(.+)$/.exec(symbol.detail ?? '') : null;
  // A truncated or very long shape cannot be told apart in a list of choices: not asked.
  if (!shapes || shapes[1] === shapes[2] || /…|\.\.\.$/.test(shapes[0]) || shapes[0].length > 160) return null;
  const [, before, after] = shapes as unknown as [string, string, string];
  return choiceQuestion(
    `quiz:shape:${symbol.path}#${symbol.name}`,
    `What does \`${symbol.name}\` (in ${symbol.path}) look like after this change?`,
    after,
    [before, 'It is unchanged'],
    seed,
    `\`${symbol.name}\` was ${before} and is now ${after}.`,
  );
}

function removedQuestion(symbols: readonly ChangedSymbol[], seed: number): QuizQuestion | null {
  const removed = symbols.filter((s) => s.change === 'removed' && s.name !== '*');
  const target = removed[seed % Math.max(1, removed.length)];
  if (target === undefined) return null;
  // Distractors are exports that still exist after the change: added, or changed in place.
  const present = [
    ...new Set(symbols.filter((s) => ['added', 'body-changed', 'shape-changed'].includes(s.change) && s.name !== '*').map((s) => s.name)),
  ].filter((n) => !removed.some((r) => r.name === n));
  if (present.length < 2) return null;
  return choiceQuestion(
    `quiz:removed:${target.path}#${target.name}`,
    'Which of these exports does this change remove?',
    target.name,
    present.slice(0, 3),
    seed,
    `\`${target.name}\` was removed from ${target.path}.`,
  );
}

/** The quiz questions that can be verified, the most telling first; at most one of each kind. */
export function buildQuiz(input: QuizInput): QuizQuestion[] {
  const symbols = input.impact.changedSymbols;
  const used = [...symbols].filter((s) => s.valueUsers.length > 0).sort((a, b) => b.valueUsers.length - a.valueUsers.length);
  const quiz: QuizQuestion[] = [];
  for (const symbol of used) {
    const question = callsQuestion(symbol, input.candidates, input.seed);
    if (question) {
      quiz.push(question);
      break;
    }
  }
  const shape = symbols.map((s) => shapeQuestion(s, input.seed)).find((q) => q !== null);
  if (shape) quiz.push(shape);
  const removed = removedQuestion(symbols, input.seed);
  if (removed) quiz.push(removed);
  // A second "calls" question about another symbol, when there is no other kind to ask.
  if (quiz.length < 2) {
    for (const symbol of used.slice(1)) {
      const question = callsQuestion(symbol, input.candidates, input.seed + 1);
      if (question && !quiz.some((q) => q.question.id === question.question.id)) {
        quiz.push(question);
        break;
      }
    }
  }
  return quiz;
}
