import type { QuizFile } from './build-quiz.js';
import { orderAlike } from './alike-lines.js';
import { linesOf, namesFileOf } from './quiz-neighbours.js';

// A change that deletes a file whole has no line left beside an edit, no new line, no unchanged
// line of its own: webstudio ee374471ef deletes its legacy `builder.$projectId.tsx` route, and its
// review had no quiz at all (a guesser passed it). It asks which lines the deleted file held, the
// wrong choices lines of the files beside it (same folder, same kind, not in this change), looking
// alike first: one who read what was deleted knows them; no file name tells them apart.

export interface DeletedFact {
  readonly path: string;
  readonly answer: string;
  readonly distractors: readonly string[];
}

/** Lines of a file deleted whole that a question may ask, each with the neighbours' lines it lacks. */
export function findDeletedFacts(file: QuizFile, isUsable: (line: string) => boolean, norm: (line: string) => string): DeletedFact[] {
  if (file.newText !== '' || file.oldText === '' || file.neighbours === undefined) return [];
  const namesFile = namesFileOf([file.path, ...file.neighbours.map((n) => n.path)]);
  const usable = (line: string) => isUsable(line) && !namesFile(line);
  const held = new Set(file.oldText.split('\n').map(norm));
  const others = [...new Set(linesOf(file.neighbours).filter((line) => usable(line) && !held.has(norm(line))))];
  if (others.length < 3) return [];
  const lines = [...new Set(file.oldText.split('\n').filter(usable))];
  return lines.map((line) => ({ path: file.path, answer: line, distractors: orderAlike(norm(line), others, norm) }));
}

export const deletedMessage = (path: string) =>
  `Which of these lines stood in ${path}, which this change deletes (the others stand in files beside it)?`;
