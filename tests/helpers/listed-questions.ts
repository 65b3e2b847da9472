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
