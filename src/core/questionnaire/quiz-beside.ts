import type { QuizFile } from './build-quiz.js';
import { orderAlike } from './alike-lines.js';
import { linesOf, namesFileOf } from './quiz-neighbours.js';
import { isTestPath } from '../change/test-path.js';

// A quiz with nothing left to ask (growthbook c2c8edc13a: `us1.gb-ingest.com` becomes
// `us-east-1.gb-ingest.com` in six files, and every changed line is quoted by the questions before
// the quiz, so none was asked and a guesser passed every such review) asks where the change is:
// "which of these lines of X stands within five lines of a line this change edits?", the right one
// an unchanged line beside an edit (the diff shows it as context), the wrong ones unchanged lines of
// the same file far from every edit, looking alike first. A reader of the diff has seen the place;
// no question prints an unchanged line, and every choice is of the one file.

export interface BesideFact {
  readonly path: string;
  readonly answer: string;
  readonly distractors: readonly string[];
  /** Some wrong choices are lines of the files beside it (a short file has too few far from its edits). */
  readonly withNeighbours?: boolean;
}

/** Within this many lines of an edit, a line is beside it: git shows three of context, a reader's eye a few more. */
const NEAR = 5;
/** A wrong choice is this far from every edit: no reader could take it for a line beside one. */
const FAR = 12;
/** Wrong choices a question needs at least (build-quiz.ts's four choices). */
const MIN_FAR = 3;

/** A line that declares something (`export function getIngestorHost(): string {`): the questions
 * name what changed by its declaration, so a reader would know the one beside the edit by its name. */
const DECLARES =
  /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|interface|type|enum|const|let|var)\s/;

/** Up to two facts a hunk of a changed file: an unchanged line above its edit and one below, and lines far from all. */
export function findBesideFacts(file: QuizFile, isUsable: (line: string) => boolean, norm: (line: string) => string): BesideFact[] {
  if (file.oldText === '' || file.hunks.length === 0) return [];
  const lines = file.newText.split('\n');
  // Each edit as new-side lines [from, to]; a removal alone sits between `newStart` and the next line.
  const edits = file.hunks.map((h) => (h.newLines > 0 ? [h.newStart, h.newStart + h.newLines - 1] : [h.newStart + 0.5, h.newStart + 0.5]));
  const added = new Set(file.hunks.flatMap((h) => Array.from({ length: h.newLines }, (_, i) => h.newStart + i)));
  const distance = (at: number) => Math.min(...edits.map(([from, to]) => (at < from! ? from! - at : at > to! ? at - to! : 0)));
  const unchanged = lines
    .map((line, i) => ({ line, at: i + 1 }))
    .filter(({ line, at }) => !added.has(at) && !DECLARES.test(line) && isUsable(line));
  // A text found both near an edit and far from all would be right and wrong at once: neither side offers it.
  const nearTexts = new Set(unchanged.filter(({ at }) => distance(at) <= NEAR).map(({ line }) => norm(line)));
  const far = [...new Set(unchanged.filter(({ at, line }) => distance(at) > FAR && !nearTexts.has(norm(line))).map(({ line }) => line))];
  // A short file has few lines far from its edits (a 40-line file, a block moved between its
  // pieces): lines of the files beside it, which it does not hold, are as far from every edit.
  const held = new Set(lines.map(norm));
  const neighbours = far.length >= MIN_FAR ? [] : (file.neighbours ?? []);
  const namesFile = namesFileOf([file.path, ...neighbours.map((n) => n.path)]);
  const beside = [
    ...new Set(linesOf(neighbours).filter((line) => !DECLARES.test(line) && isUsable(line) && !held.has(norm(line)) && !namesFile(line))),
  ];
  const wrong = [...far, ...beside];
  const facts: BesideFact[] = [];
  const used = new Set<string>();
  for (const [from, to] of edits) {
    const from_ = from!;
    const to_ = to!;
    const away = (at: number) => (at < from_ ? from_ - at : at - to_);
    // The nearest line above the edit and the nearest below (or the next nearest where one side has
    // none): a one-line change still gives two.
    const near = unchanged.filter(({ at }) => away(at) > 0 && away(at) <= NEAR).sort((a, b) => away(a.at) - away(b.at));
    const above = near.filter(({ at }) => at < from_);
    const below = near.filter(({ at }) => at > to_);
    const picked = [above[0], below[0], ...near].filter((u) => u !== undefined);
    let count = 0;
    for (const line of picked) {
      if (count === 2 || used.has(norm(line.line)) || (beside.length > 0 && namesFile(line.line))) continue;
      used.add(norm(line.line));
      count++;
      facts.push({
        path: file.path,
        answer: line.line,
        distractors: orderAlike(norm(line.line), wrong, norm),
        ...(beside.length > 0 && { withNeighbours: true }),
      });
    }
  }
  return facts;
}

export const besideMessage = (path: string, withNeighbours = false) =>
  withNeighbours
    ? `Which of these lines stands in ${path} within five lines of a line this change edits (the others stand far from every edit, or in files beside it)?`
    : `Which of these lines of ${path} stands within five lines of a line this change edits?`;

/** The facts in the order asked: one file after another, the code before its tests (two questions
 * about one test file's `expect(…)` lines say less than one each about two files), a retry
 * starting further along. `files` come shuffled by the quiz's seed. */
export function listBesideFacts(files: readonly QuizFile[], attempt: number, factsOf: (file: QuizFile) => BesideFact[]): BesideFact[] {
  const byFile = [...files].sort((a, b) => Number(isTestPath(a.path)) - Number(isTestPath(b.path))).map(factsOf);
  const flat = Array.from({ length: Math.max(0, ...byFile.map((f) => f.length)) }, (_, i) => byFile.flatMap((f) => f[i] ?? [])).flat();
  const turn = flat.length === 0 ? 0 : (attempt - 1) % flat.length;
  return [...flat.slice(turn), ...flat.slice(0, turn)];
}
