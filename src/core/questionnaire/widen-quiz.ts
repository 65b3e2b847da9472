import type { QuizQuestion } from './build-quiz.js';
import { BAR } from './decide-quiz-step.js';

// A small change offers too few facts for its quiz to outweigh luck: one askable removed line
// (openai-node dfec1297b4 drops a comment, and the field the report names as removed) is one
// question a guesser passes 1 in 5. Such a quiz is widened with what the same hunks still say:
// the side of a hunk with nothing to ask is asked too ("which of these lines does it add?",
// right answer "none of these", the wrong ones unchanged lines no other question offers), and
// every line question offers "none of these" beside its lines, so that choice gives nothing away.

export const NONE_OF_THESE = '(none of these lines)';

/** The other side of an asked hunk: its question's index in the quiz and unchanged lines to offer. */
export interface EmptySide {
  readonly pairedWith: number;
  readonly lines: readonly string[];
}

const MIN_LINES = 4;
const isLineQuestion = (q: QuizQuestion) => q.kind === 'added' || q.kind === 'removed';

/** Whether every question right still leaves a guesser more than the bar. */
export const isShortQuiz = (quiz: readonly QuizQuestion[]) => quiz.reduce((chance, q) => chance * q.chance, 1) > BAR * (1 + 1e-9);

function withChoice(q: QuizQuestion, value: string, at: number): QuizQuestion {
  const choices = [...q.question.choices!];
  choices.splice(at, 0, { value, label: value });
  return { ...q, question: { ...q.question, choices }, chance: 1 / choices.length };
}

/** The quiz with "none of these" offered in each line question, and the empty sides asked. */
export function widenQuiz(quiz: readonly QuizQuestion[], sides: readonly EmptySide[], attempt: number, next: () => number): QuizQuestion[] {
  if (!quiz.some(isLineQuestion)) return [...quiz];
  const out = quiz.map((q) =>
    isLineQuestion(q) ? withChoice(q, NONE_OF_THESE, Math.floor(next() * (q.question.choices!.length + 1))) : q,
  );
  const offered = new Set(quiz.flatMap((q) => q.question.choices!.map((c) => c.value)));
  const pairs = new Set<number>();
  for (const side of sides) {
    const pair = quiz[side.pairedWith]!;
    if (pairs.has(side.pairedWith) || !isLineQuestion(pair)) continue;
    // As many lines as its pair offers, none offered elsewhere: neither a count nor a shared
    // line tells the empty side from the other. In a small file the pair gives up some of its
    // unchanged lines to the empty side (consola c5c1534d1f's 32-line example), four each at least.
    const free = [...new Set(side.lines.filter((l) => !offered.has(l)))];
    const offers = pair.question.choices!.length;
    const each = Math.min(offers, Math.floor((offers + free.length) / 2));
    const movable = pair.question.choices!.map((c) => c.value).filter((v) => v !== pair.answer && side.lines.includes(v));
    const moved = movable.slice(0, offers - each);
    if (each < MIN_LINES || moved.length < offers - each) continue;
    const lines = [...free.slice(0, each - moved.length), ...moved];
    if (moved.length > 0) {
      const kept = pair.question.choices!.filter((c) => !moved.includes(c.value));
      const at = out.findIndex((q) => q.question.id === pair.question.id);
      out[at] = withChoice(
        { ...pair, question: { ...pair.question, choices: kept } },
        NONE_OF_THESE,
        Math.floor(next() * (kept.length + 1)),
      );
    }
    pairs.add(side.pairedWith);
    for (const line of lines) offered.add(line);
    const kind = pair.kind === 'added' ? 'removed' : 'added';
    const message = pair.question.message.replace(/does this change (add to|remove from)/, (_, verb: string) =>
      verb === 'add to' ? 'does this change remove from' : 'does this change add to',
    );
    const question = {
      ...pair.question,
      id: `${pair.question.id}:empty`,
      message,
      choices: lines.map((value) => ({ value, label: value })),
    };
    const asked: QuizQuestion = { question, answer: NONE_OF_THESE, kind, chance: 1 };
    out.splice(Math.floor(next() * (out.length + 1)), 0, withChoice(asked, NONE_OF_THESE, Math.floor(next() * (lines.length + 1))));
  }
  // Ids in the order asked, as buildQuiz numbers them.
  return out.map((q, i) => {
    const id = `quiz:${attempt}:${i + 1}`;
    return { ...q, question: { ...q.question, id, contentKey: id } };
  });
}
