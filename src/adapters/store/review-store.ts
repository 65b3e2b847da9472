import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewRecord } from '../../core/record/review-record.js';

// Finished reviews and drafts, under the git directory (shared by worktrees), one JSON file per
// index tree id: <common dir>/selfreview/reviews/<tree>.json and …/drafts/<tree>.json. Never the
// working tree or the index.

export interface DraftAnswer {
  readonly choice?: string;
  readonly text: string;
  /** What the question was about when answered (see Question.contentKey). */
  readonly contentKey: string;
}

export type Draft = Record<string, DraftAnswer>;

export interface ReviewStore {
  readReview(tree: string): ReviewRecord | null;
  writeReview(record: ReviewRecord): void;
  removeReview(tree: string): void;
  /** The draft for this tree, else the newest draft of any tree (reused where content matches). */
  readDraft(tree: string): Draft;
  writeDraft(tree: string, draft: Draft): void;
  removeDraft(tree: string): void;
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

function writeJson(dir: string, name: string, value: unknown): void {
  mkdirSync(dir, { recursive: true });
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, join(dir, name));
}

export function openReviewStore(commonDir: string): ReviewStore {
  const reviews = join(commonDir, 'selfreview', 'reviews');
  const drafts = join(commonDir, 'selfreview', 'drafts');
  const isTree = (tree: string) => /^[0-9a-f]{40,64}$/.test(tree);
  return {
    readReview: (tree) => (isTree(tree) ? readJson<ReviewRecord>(join(reviews, `${tree}.json`)) : null),
    writeReview: (record) => writeJson(reviews, `${record.tree}.json`, record),
    removeReview: (tree) => rmSync(join(reviews, `${tree}.json`), { force: true }),
    readDraft(tree) {
      const own = readJson<Draft>(join(drafts, `${tree}.json`));
      if (own) return own;
      let newest: { path: string; time: number } | null = null;
      try {
        for (const name of readdirSync(drafts)) {
          if (!name.endsWith('.json')) continue;
          const time = statSync(join(drafts, name)).mtimeMs;
          if (!newest || time > newest.time) newest = { path: join(drafts, name), time };
        }
      } catch {
        return {};
      }
      return (newest && readJson<Draft>(newest.path)) ?? {};
    },
    writeDraft: (tree, draft) => writeJson(drafts, `${tree}.json`, draft),
    removeDraft: (tree) => rmSync(join(drafts, `${tree}.json`), { force: true }),
  };
}
