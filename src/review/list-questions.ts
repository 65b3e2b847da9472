import type { ResolvedConfig } from '../core/config/defaults.js';
import type { ReviewAnalysis } from '../core/contracts/review-outcome.js';
import { generateQuestions } from '../core/questionnaire/generate-questions.js';
import { listAddedTestNames, listEditedTestNames } from '../core/questionnaire/added-test-names.js';
import { listPrivateChanges } from '../core/questionnaire/private-changes.js';
import { listEdits, listHunkSites } from '../core/questionnaire/same-edit.js';
import type { FileHunks } from '../core/split/split-plan.js';
import type { Question } from '../core/questionnaire/question.js';
import type { QuizFile } from '../core/questionnaire/build-quiz.js';
import type { Draft } from '../adapters/store/review-store.js';
import type { ChangedMembers } from '../core/questionnaire/changed-members.js';
import type { MemberReads } from '../core/questionnaire/member-reads.js';
import { isQuizPossible, listQuiz, nextQuizAttempt, quizContentKey } from './run-quiz.js';
import { readChangedMembers } from './read-changed-members.js';
import { readMemberReads } from './read-member-reads.js';
import { diffDeprecations, type DeprecationChange } from '../core/questionnaire/deprecations.js';
import { diffDocComments } from '../core/questionnaire/doc-comments.js';

// The questions of a review, without what answering them needs (validation, the record): a
// report (--dry-run, --json) lists them and loads nothing more (run-questionnaire.ts asks them).

/** The questions a review of this analysis asks. */
export function listQuestions(
  analysis: ReviewAnalysis,
  hunks?: FileHunks,
  members?: ChangedMembers,
  memberReads?: MemberReads,
  deprecations?: ReadonlyMap<string, DeprecationChange>,
): Question[] {
  return generateQuestions({
    files: analysis.files,
    provenance: analysis.provenance.kind,
    ...(analysis.impact && { impact: analysis.impact }),
    ...(hunks && {
      testNames: listAddedTestNames(hunks),
      editedTestNames: listEditedTestNames(hunks),
      edits: listEdits(hunks),
      hunkSites: listHunkSites(hunks),
      privateChanges: listPrivateChanges(hunks),
    }),
    ...(members && { members }),
    ...(memberReads && { memberReads }),
    ...(deprecations && { deprecations }),
  });
}

/** The exports each file deprecates or undeprecates, read only where a changed line names
 * `@deprecated`; in a file whose edit is comments only, the doc comments that now say more. */
async function readDeprecations(
  hunks: FileHunks | undefined,
  readQuizFiles: () => Promise<readonly QuizFile[]>,
  triviaOnly: readonly string[] = [],
): Promise<Map<string, DeprecationChange> | undefined> {
  const says = (lines: readonly string[]) => lines.some((line) => line.includes('@deprecated'));
  const comments = new Set(triviaOnly);
  const paths = new Set(
    [...(hunks ?? [])].filter(([path, of]) => comments.has(path) || of.some((h) => says(h.added) || says(h.removed))).map(([path]) => path),
  );
  if (paths.size === 0) return undefined;
  const files = (await readQuizFiles()).filter((f) => paths.has(f.path) && f.oldText !== '');
  const found = new Map<string, DeprecationChange>();
  for (const f of files) {
    const reworded = comments.has(f.path) ? diffDocComments(f.oldText, f.newText) : [];
    const change = diffDeprecations(f.oldText, f.newText) ?? (reworded.length > 0 ? { now: [], noLonger: [] } : null);
    if (change !== null) found.set(f.path, reworded.length > 0 ? { ...change, reworded } : change);
  }
  return found;
}

/** The questions of a review, reading what they name (the changed members and their readers):
 * the report and the questionnaire ask the same ones. */
export async function readQuestions(
  analysis: ReviewAnalysis,
  readQuizFiles: () => Promise<readonly QuizFile[]>,
  hunks: FileHunks | undefined,
  readTexts: (paths: readonly string[]) => Promise<Map<string, string>>,
): Promise<Question[]> {
  const members = await readChangedMembers(analysis, readQuizFiles);
  const reads = await readMemberReads(analysis, members, readTexts);
  return listQuestions(analysis, hunks, members, reads, await readDeprecations(hunks, readQuizFiles, analysis.impact?.triviaOnly));
}

/** The questions with the quiz where it may be asked (--dry-run, --json: ids are the keys of an
 * --answers file; the quiz's right answers are not part of a question). The quiz listed is the
 * next attempt's: after a failed one, other questions. */
export async function listReviewQuestions(
  analysis: ReviewAnalysis,
  config: ResolvedConfig,
  readQuizFiles: () => Promise<readonly QuizFile[]>,
  draft: Draft,
  hunks: FileHunks | undefined,
  readTexts: (paths: readonly string[]) => Promise<Map<string, string>>,
): Promise<Question[]> {
  const questions = await readQuestions(analysis, readQuizFiles, hunks, readTexts);
  if (!isQuizPossible(config, analysis)) return questions;
  const attempt = nextQuizAttempt(draft, quizContentKey(analysis));
  const quiz = (await listQuiz(analysis, readQuizFiles, attempt, questions)).map((q) => q.question);
  const at = questions.findIndex((q) => q.id.startsWith('impact:') || q.id === 'verification');
  return [...questions.slice(0, at), ...quiz, ...questions.slice(at)];
}
