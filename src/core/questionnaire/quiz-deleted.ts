import type { QuizFile } from './build-quiz.js';
import { orderAlike } from './alike-lines.js';
import { linesOf, namesFileOf } from './quiz-neighbours.js';

// A change that deletes a file whole has no line left beside an edit, no new line, no unchanged
// line of its own: webstudio ee374471ef deletes its legacy `builder.$projectId.tsx` route, and its
// review had no quiz at all (a guesser passed it). It asks which lines the deleted file held, the
// wrong choices lines of the files beside it (same folder, same kind, not in this change), looking
// alike first: one who read what was deleted knows them; no file name tells them apart.

// A file added whole is the same question the other way round (jsonforms 6974a2c808 adds a 56-line
// `EnumControlRenderer.vue` and registers it in two lines whose names the report prints: no quiz).

export interface DeletedFact {
  readonly path: string;
  readonly answer: string;
  readonly distractors: readonly string[];
  /** `removed` for a file deleted whole, `added` for one the change adds. */
  readonly kind: 'removed' | 'added';
}

/** Lines of a file deleted (or added) whole that a question may ask, each with the neighbours' lines it lacks. */
export function findDeletedFacts(file: QuizFile, isUsable: (line: string) => boolean, norm: (line: string) => string): DeletedFact[] {
  const kind = file.newText === '' && file.oldText !== '' ? 'removed' : file.oldText === '' && file.newText !== '' ? 'added' : undefined;
  if (kind === undefined || file.neighbours === undefined) return [];
  const text = kind === 'removed' ? file.oldText : file.newText;
  const namesFile = namesFileOf([file.path, ...file.neighbours.map((n) => n.path)]);
  const usable = (line: string) => isUsable(line) && !namesFile(line);
  const held = new Set(text.split('\n').map(norm));
  const others = [...new Set(linesOf(file.neighbours).filter((line) => usable(line) && !held.has(norm(line))))];
  if (others.length < 3) return [];
  const lines = [...new Set(text.split('\n').filter(usable))];
  return lines.map((line) => ({ path: file.path, answer: line, distractors: orderAlike(norm(line), others, norm), kind }));
}

export const deletedMessage = (path: string, kind: DeletedFact['kind'] = 'removed') =>
  kind === 'removed'
    ? `Which of these lines stood in ${path}, which this change deletes (the others stand in files beside it)?`
    : `Which of these lines stands in ${path}, which this change adds (the others stand in files beside it)?`;
