import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TempRepo } from './temp-repo.js';

// An answers file for whatever the review of the current index would ask: the questions come
// from `selfreview --dry-run --json`, each answered with a distinct, meaningful sentence.

interface ListedQuestion {
  id: string;
  kind: 'text' | 'choice';
  choices?: string[];
}

export function writeAnswersFor(repo: TempRepo, env: Record<string, string> = {}, choose: Record<string, string> = {}): string {
  const result = repo.run(['--dry-run', '--json'], { env });
  const questions = (JSON.parse(result.stdout) as { questions?: ListedQuestion[] }).questions ?? [];
  const answers: Record<string, unknown> = {};
  questions.forEach((q, i) => {
    const sentence = `Answer number ${i + 1} explains the ${q.id} part of this change in plain words`;
    if (q.kind === 'choice') answers[q.id] = { choice: choose[q.id] ?? q.choices?.[0], reason: sentence };
    else answers[q.id] = sentence;
  });
  // The git directory (a worktree's .git is a file naming it).
  const path = join(repo.git(['rev-parse', '--absolute-git-dir']).trim(), `answers-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(answers));
  return path;
}
