import { join } from 'node:path';
import { buildQuiz, quizSeed, type QuizFile, type QuizQuestion } from '../core/questionnaire/build-quiz.js';
import { askedQuestions, decideQuizStep, type QuizFailure } from '../core/questionnaire/decide-quiz-step.js';
import type { Answer } from '../core/questionnaire/question.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import type { DeclaredProvenance } from '../core/record/review-record.js';
import { isModulePath } from '../core/impact/module-path.js';
import { parsePatchHunks } from '../core/split/parse-patch-hunks.js';
import type { FileHunks } from '../core/split/split-plan.js';
import type { ReviewAnalysis } from '../core/contracts/review-outcome.js';
import type { Prompter } from '../core/questionnaire/prompter.js';
import type { AnswerFileEntry } from '../adapters/config/read-answers-file.js';
import type { Draft } from '../adapters/store/review-store.js';
import type { GitClient } from '../adapters/git/git-client.js';
import { isBlobText, readBlobFile } from '../adapters/fs/read-blob-file.js';
import { readNeighbours } from '../adapters/fs/read-neighbours.js';
import { rebuildOldSide } from '../core/change/rebuild-old-side.js';
import { listNamesOfOneSide, listPrintedPhrases } from '../core/questionnaire/printed-names.js';

// The comprehension check inside the questionnaire: built from the staged patch (both sides of
// each changed module), asked from a terminal or read from an answers file, judged by
// decideQuizStep. Each attempt is numbered: a failed one is kept in the draft (every pick, and
// that it failed), the next asks other questions, and the record keeps every attempt's picks.

export type QuizResult =
  | { readonly kind: 'passed'; readonly answers: readonly Answer[] }
  | { readonly kind: 'failed'; readonly message: string; readonly problems: readonly string[]; readonly answers: readonly Answer[] };

/** Whether the quiz applies: changes an AI wrote (`ai-generated`) or, by default, also those it
 * helped write (`ai`: "I edited what an AI tool wrote" is code the author did not write alone), or
 * always/never by config. */
export function isQuizDue(config: ResolvedConfig, analysis: ReviewAnalysis, declared: DeclaredProvenance | undefined): boolean {
  const { quiz } = config.questionnaire;
  if (quiz === 'never') return false;
  if (quiz === 'always') return true;
  return (
    declared === 'ai-generated' ||
    (quiz === 'ai' && declared === 'ai-assisted') ||
    (declared === undefined && analysis.provenance.kind === 'ai')
  );
}

/** Whether the quiz may apply, before the author has declared who wrote the change (--dry-run). */
export function isQuizPossible(config: ResolvedConfig, analysis: ReviewAnalysis): boolean {
  if (config.questionnaire.quiz === 'never') return false;
  return config.questionnaire.quiz === 'always' || analysis.provenance.kind !== 'human';
}

const MAX_FILES = 40;
// Both sides together. growthbook's SqlIntegration.ts is 268 KB: at 512 KB its class's changed
// member went unnamed ("`SqlIntegration` changed its implementation"); parsing both sides of a
// 1 MB file costs about a tenth of a second.
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** A file of at most this many lines may have too few far from its edits for the quiz's wrong
 * choices (quiz-beside.ts): the files beside it are read too, as for a deleted file. */
const SHORT_FILE_LINES = 80;

/** The changed modules with their hunks and both sides (the quiz's material). */
export async function readQuizFiles(
  git: Pick<GitClient, 'readStagedHunkPatch' | 'readBlobs' | 'info'>,
  analysis: ReviewAnalysis,
  staged?: FileHunks | Promise<FileHunks>,
): Promise<QuizFile[]> {
  const candidates = analysis.files
    .filter(
      (f) => f.excluded === null && !f.binary && isModulePath(f.path) && ['modified', 'renamed', 'added', 'deleted'].includes(f.status),
    )
    .slice(0, MAX_FILES);
  if (candidates.length === 0) return [];
  const hunks = await (staged ?? git.readStagedHunkPatch(analysis.base.rev).then(parsePatchHunks));
  // A file without hunks (a pure rename, a mode change) gives no question: its sides are not read.
  const files = candidates.filter((f) => hunks.has(f.path));
  const blobs = readSidesFromWorkTree(git.info.root, files, hunks);
  const missing = [...new Set(files.flatMap((f) => (f.status === 'added' ? [f.newBlob] : [f.oldBlob, f.newBlob])))].filter(
    (id) => !blobs.has(id),
  );
  if (missing.length > 0) for (const [id, text] of await git.readBlobs(missing)) blobs.set(id, text);
  const changedPaths = new Set(analysis.files.flatMap((f) => [f.path, f.oldPath ?? f.path]));
  return files.flatMap((f) => {
    // A new file has no old side: only questions that need none (a default) come from it; a deleted
    // one no new side, and the files beside it give its question's wrong choices.
    const oldText = f.status === 'added' ? '' : blobs.get(f.oldBlob);
    const newText = f.status === 'deleted' ? '' : blobs.get(f.newBlob);
    const fileHunks = hunks.get(f.path);
    if (oldText === undefined || newText === undefined || fileHunks === undefined) return [];
    if (oldText.length + newText.length > MAX_FILE_BYTES) return [];
    const isShort = f.status === 'deleted' || newText.split('\n', SHORT_FILE_LINES + 1).length <= SHORT_FILE_LINES;
    const neighbours = isShort ? readNeighbours(git.info.root, f.path, changedPaths) : [];
    return [{ path: f.path, hunks: fileHunks, oldText, newText, ...(neighbours.length > 0 && { neighbours }) }];
  });
}

/**
 * The sides read without git: the new side from the working tree file when it is the staged
 * blob, the old side rebuilt from it and the file's hunks when that is the old blob (each
 * checked by its git object id: read-blob-file.ts). What is not found here, git reads.
 */
function readSidesFromWorkTree(root: string, files: ReadonlyArray<ReviewAnalysis['files'][number]>, hunks: FileHunks): Map<string, string> {
  const blobs = new Map<string, string>();
  for (const f of files) {
    const newText = blobs.get(f.newBlob) ?? readBlobFile(join(root, f.path), f.newBlob);
    if (newText === null) continue;
    blobs.set(f.newBlob, newText);
    if (f.status === 'added' || blobs.has(f.oldBlob)) continue;
    const oldText = rebuildOldSide(newText, hunks.get(f.path)!).find((text) => isBlobText(text, f.oldBlob));
    if (oldText !== undefined) blobs.set(f.oldBlob, oldText);
  }
  return blobs;
}

/** What a draft's quiz entries belong to: the staged content, not the tree (a dry run has none). */
export const quizContentKey = (analysis: ReviewAnalysis) =>
  `quiz:${quizSeed(analysis.files.map((f) => `${f.path}:${f.newBlob}`).join(','))}`;

/** The attempt this run makes: one more than the failed attempts kept in the draft. */
export function nextQuizAttempt(draft: Draft, contentKey: string): number {
  return Object.entries(draft).filter(([id, a]) => /^quiz:\d+$/.test(id) && a.contentKey === contentKey && a.text === 'failed').length + 1;
}

/** The picks of earlier, failed attempts of the same content, as answers for the record. */
export function earlierQuizAnswers(draft: Draft, contentKey: string): { answers: Answer[]; messages: Map<string, string> } {
  const entries = Object.entries(draft).filter(([id, a]) => /^quiz:\d+:\d+$/.test(id) && a.contentKey === contentKey);
  return {
    answers: entries.map(([id, a]) => ({ questionId: id, ...(a.choice !== undefined && { choice: a.choice }), text: a.text })),
    messages: new Map(entries.map(([id, a]) => [id, a.question ?? id])),
  };
}

/** The quiz of this attempt; `asked` are the questions printed before it, whose quoted phrases
 * (a test's title) its lines must not hold. */
export async function listQuiz(
  analysis: ReviewAnalysis,
  readFiles: () => Promise<readonly QuizFile[]>,
  attempt: number,
  asked: readonly { readonly message: string }[] = [],
): Promise<QuizQuestion[]> {
  if (analysis.files.length === 0) return [];
  const files = await readFiles();
  // The questions before it are printed too: a test title holding backticks (ky's "extending a
  // numeric `retry` …") is no quoted phrase, and is still given away by the message naming it.
  const printed = [
    ...(analysis.impact?.changedSymbols ?? []).flatMap((s) => (s.detail === undefined ? [] : [s.detail])),
    ...asked.map((q) => q.message),
  ];
  const printedPhrases = asked.flatMap((q) => listPrintedPhrases(q.message));
  // A piece named as added or removed ("`_attachAbortListener` added") tells which side its lines are on.
  const printedNames = asked.flatMap((q) => listNamesOfOneSide(q.message));
  return buildQuiz({ files, seed: quizSeed(quizContentKey(analysis)), attempt, printed, printedPhrases, printedNames });
}

const toAnswers = (quiz: readonly QuizQuestion[], picks: readonly string[]): Answer[] =>
  askedQuestions(quiz, picks)
    .slice(0, picks.length)
    .map((q, i) => ({ questionId: q.question.id, choice: picks[i]!, text: picks[i] === q.answer ? 'right' : 'wrong' }));

const FAILURES: Record<QuizFailure, string> = {
  'two-wrong': 'Two comprehension answers were wrong',
  'no-other-kind': 'A comprehension answer was wrong, and no question of another kind is left to ask',
  'too-few-left': 'A comprehension answer was wrong, and too few questions are left to make up for it',
};
// NOTE: never which choice was right: the retry asks other questions, about the same change.
const failure = (reason: QuizFailure) =>
  `${FAILURES[reason]}. Read the staged diff (git diff --cached) and commit again: the next attempt asks other questions.`;

/** The quiz answered from a file: every question asked must have an answer there. */
export function runQuizFromFile(quiz: readonly QuizQuestion[], file: Record<string, AnswerFileEntry>): QuizResult {
  const picks: string[] = [];
  for (;;) {
    const step = decideQuizStep(quiz, picks);
    if (step.kind === 'none' || step.kind === 'passed') return { kind: 'passed', answers: toAnswers(quiz, picks) };
    if (step.kind === 'failed') return { kind: 'failed', message: failure(step.reason), problems: [], answers: toAnswers(quiz, picks) };
    const entry = file[step.quiz.question.id];
    const pick = typeof entry === 'string' ? entry : entry?.choice;
    if (pick === undefined) {
      const choices = step.quiz.question.choices?.map((c) => c.value).join(' | ') ?? '';
      return {
        kind: 'failed',
        message: '',
        problems: [`${step.quiz.question.id}: no answer (${step.quiz.question.message} [${choices}])`],
        answers: [],
      };
    }
    picks.push(pick);
  }
}

export async function runQuizInTerminal(quiz: readonly QuizQuestion[], prompter: Prompter): Promise<QuizResult> {
  const picks: string[] = [];
  for (;;) {
    const step = decideQuizStep(quiz, picks);
    if (step.kind === 'none') return { kind: 'passed', answers: [] };
    if (step.kind === 'passed') return { kind: 'passed', answers: toAnswers(quiz, picks) };
    if (step.kind === 'failed') return { kind: 'failed', message: failure(step.reason), problems: [], answers: toAnswers(quiz, picks) };
    if (step.afterWrong) prompter.write('Not quite. A question of another kind:\n');
    const picked = await prompter.ask(step.quiz.question, { validate: () => null });
    picks.push(picked.choice ?? '');
  }
}
