import { runUnchanged } from './review-run.js';
import type { TempRepo } from './temp-repo.js';

/** A question as `--dry-run --json` lists it. */
export interface Listed {
  id: string;
  kind: string;
  message: string;
  choices?: string[];
  quiz?: boolean;
}

/** The review of a change declared AI-generated (so the quiz is listed too). */
export const AI = { SELFREVIEW_AI: '1' };

/** The questions the review would ask the staged change, as `--dry-run --json` lists them. */
export const listQuestions = (repo: TempRepo): Listed[] =>
  (JSON.parse(runUnchanged(repo, ['--dry-run', '--json'], { env: AI }).stdout) as { questions: Listed[] }).questions;

/** The message of the question `id`, failing with the ids there are when it is not asked. */
export function messageOf(questions: readonly Listed[], id: string): string {
  const found = questions.find((q) => q.id === id);
  if (found === undefined) throw new Error(`no ${id} in ${questions.map((q) => q.id).join(', ')}`);
  return found.message;
}
