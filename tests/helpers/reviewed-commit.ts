import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listReviewTrailers } from '../../src/core/record/list-review-trailers.js';
import { parseNoteRecords } from '../../src/core/record/parse-note-records.js';
import type { TempRepo } from './temp-repo.js';

// A commit reviewed the way the hooks review it, without installing them: `selfreview
// --answers` records the review of the index, `hook prepare-commit-msg` adds the trailers,
// `hook post-commit` stores the note. The record is real (digest, patch, answers), so CI verifies
// it; hand-written trailers are the forgeries the tests build on top.

export interface ReviewedCommitOptions {
  readonly body?: string;
  readonly override?: string;
  readonly env?: Record<string, string>;
  /** Answers to choice questions, e.g. { provenance: 'ai-generated' }. */
  readonly choose?: Record<string, string>;
}

/** Answers for what `selfreview --no-impact` would ask of the index (fast: no TypeScript). */
function writeAnswers(repo: TempRepo, env: Record<string, string>, choose: Record<string, string> = {}): string {
  const listed = repo.run(['--dry-run', '--json', '--no-impact'], { env });
  const report = JSON.parse(listed.stdout) as {
    questions?: Array<{ id: string; kind: string; choices?: string[] }>;
    files?: { path: string }[];
  };
  const questions = report.questions ?? [];
  // Answers must connect to the change (validate-answer.ts): each names the staged files.
  const paths = (report.files ?? []).map((f) => f.path).join(' and ');
  const answers = Object.fromEntries(
    questions.map((q, i) => {
      const sentence = `Answer number ${i + 1} explains the ${q.id} part of the change to ${paths} in plain words`;
      return [q.id, q.kind === 'choice' ? { choice: choose[q.id] ?? q.choices?.[0], reason: sentence } : sentence];
    }),
  );
  const path = join(repo.dir, '.git', `answers-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(answers));
  return path;
}

export function commitReviewed(repo: TempRepo, subject: string, options: ReviewedCommitOptions = {}): string {
  const env = { ...options.env, ...(options.override && { SELFREVIEW_OVERRIDE: options.override }) };
  const review = repo.run(['--no-impact', '--answers', writeAnswers(repo, env, options.choose)], { env });
  if (review.code !== 0) throw new Error(`the review failed (${review.code}): ${review.stdout}${review.stderr}`);
  const messageFile = join(repo.dir, '.git', 'REVIEWED_MSG');
  writeFileSync(messageFile, `${subject}\n${options.body ? `\n${options.body}\n` : ''}`);
  repo.run(['hook', 'prepare-commit-msg', messageFile, 'message'], { env });
  repo.git(['commit', '-q', '--no-verify', '--allow-empty', '-F', messageFile]);
  repo.run(['hook', 'post-commit'], { env });
  return repo.git(['rev-parse', 'HEAD']).trim();
}

/**
 * The Self-Review line that names the record in the note of `rev` (the last record there): what
 * the hooks must have written on that commit. Each line it builds is checked by the trailer unit
 * tests; here it ties the message to the note.
 */
export function reviewLineOfNote(repo: TempRepo, rev = 'HEAD'): string {
  const records = parseNoteRecords(repo.git(['notes', '--ref=selfreview', 'show', rev])).records;
  return listReviewTrailers(records.at(-1)!)[0]!;
}
