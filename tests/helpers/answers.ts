import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runUnchanged } from './review-run.js';
import type { TempRepo } from './temp-repo.js';

// An answers file for whatever the review of the current index would ask: the questions come
// from `selfreview --dry-run --json`, each answered with a distinct, meaningful sentence.

export interface ListedQuestion {
  id: string;
  kind: 'text' | 'choice';
  choices?: string[];
}

/** The git directory: .git, or in a linked worktree the folder its .git file names. */
function gitDirOf(dir: string): string {
  const dotGit = join(dir, '.git');
  if (statSync(dotGit).isDirectory()) return dotGit;
  return resolve(
    dir,
    readFileSync(dotGit, 'utf8')
      .replace(/^gitdir: /, '')
      .trim(),
  );
}

/** `texts`: the answer to give to a question, by its id, instead of the generated sentence. */
export function writeAnswersFor(
  repo: TempRepo,
  env: Record<string, string> = {},
  choose: Record<string, string> = {},
  texts: Record<string, string> = {},
): string {
  const result = repo.run(['--dry-run', '--json'], { env });
  const report = JSON.parse(result.stdout) as { questions?: ListedQuestion[]; files?: { path: string }[] };
  const questions = report.questions ?? [];
  // Answers must connect to the change (validate-answer.ts): each names the staged files.
  const paths = (report.files ?? []).map((f) => f.path).join(' and ');
  const answers: Record<string, unknown> = {};
  questions.forEach((q, i) => {
    const sentence = texts[q.id] ?? `Answer number ${i + 1} explains the ${q.id} part of the change to ${paths} in plain words`;
    if (q.kind === 'choice') answers[q.id] = { choice: choose[q.id] ?? q.choices?.[0], reason: sentence };
    else answers[q.id] = sentence;
  });
  const path = join(gitDirOf(repo.dir), `answers-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(answers));
  return path;
}

/** The review of `questions` (as `--dry-run --json` listed them) answered with `answerOf(id)`, a
 * choice by its first option (provenance `written`) with that answer as its reason; run with
 * `--no-impact`, the index and work tree unchanged. */
export function reviewWithAnswers(
  repo: TempRepo,
  questions: readonly ListedQuestion[],
  answerOf: (id: string) => string,
): { code: number; output: string } {
  const answers: Record<string, unknown> = {};
  for (const q of questions)
    answers[q.id] =
      q.kind === 'choice' ? { choice: q.id === 'provenance' ? 'written' : q.choices?.[0], reason: answerOf(q.id) } : answerOf(q.id);
  const file = join(gitDirOf(repo.dir), `answers-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(answers));
  const result = runUnchanged(repo, ['--no-impact', '--answers', file]);
  return { code: result.code, output: result.stdout + result.stderr };
}
