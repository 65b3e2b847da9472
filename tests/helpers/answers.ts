import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TempRepo } from './temp-repo.js';

// An answers file for whatever the review of the current index would ask: the questions come
// from `selfreview --dry-run --json`, each answered with a distinct, meaningful sentence.

interface ListedQuestion {
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
