import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { listReviewTrailers } from '../../core/record/list-review-trailers.js';
import type { ReviewRecord } from '../../core/record/review-record.js';
import { MIB, readBoundedFile } from '../fs/read-bounded-file.js';
import { parseReviewRecord } from './parse-review-record.js';

// Finished reviews and drafts, under the git directory (shared by worktrees), one JSON file per
// index tree id: <common dir>/selfreview/reviews/<tree>.json and …/drafts/<tree>.json. Never the
// working tree or the index. Written whole to a temporary file and renamed into place, so a
// reader (another worktree's hook, a killed run) never sees half a record; read back through
// readBoundedFile and checked, so a corrupt or foreign record is ignored and said, never trusted.
// Beside each record, <tree>.trailers holds the commit's exact trailer lines (written first, so a
// record is never visible without them): hooks/hook.sh adds them without starting node.

export interface DraftAnswer {
  readonly choice?: string;
  readonly text: string;
  /** What the question was about when answered (see Question.contentKey). */
  readonly contentKey: string;
  /** The question as asked, for the comprehension check's failed attempts (kept for the record). */
  readonly question?: string;
}

export type Draft = Record<string, DraftAnswer>;

export interface ReviewStore {
  /** The valid record bound to `tree`; null when there is none or it cannot be trusted (said). */
  readReview(tree: string): ReviewRecord | null;
  writeReview(record: ReviewRecord): void;
  removeReview(tree: string): void;
  /** Trees with a pending record (not yet attached to a commit as a note). */
  listPendingTrees(): string[];
  /** The draft for this tree, else the newest draft of any tree (reused where content matches). */
  readDraft(tree: string): Draft;
  writeDraft(tree: string, draft: Draft): void;
  removeDraft(tree: string): void;
}

export interface StoreOptions {
  /** Told when a record is ignored; by default one line on stderr. */
  readonly onIgnored?: (message: string) => void;
}

/** Answers are prose: even a long review is a few KiB. The cap only bounds a hostile file. */
const RECORD_MAX_BYTES = 16 * MIB;
const isTree = (tree: string) => /^[0-9a-f]{40,64}$/.test(tree);

function readJson(path: string): { data: unknown } | { problem: string } | null {
  const file = readBoundedFile(path, { maxBytes: RECORD_MAX_BYTES });
  if (file.kind === 'absent') return null;
  if (file.kind === 'refused') return { problem: file.reason };
  try {
    return { data: JSON.parse(file.text) as unknown };
  } catch {
    return { problem: 'it is not valid JSON (cut short or corrupt)' };
  }
}

function writeJson(dir: string, name: string, value: unknown): void {
  writeWhole(dir, name, `${JSON.stringify(value, null, 2)}\n`);
}

function writeWhole(dir: string, name: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'w', 0o644);
    try {
      writeSync(fd, text);
      // On disk before the rename makes it visible: a crash leaves the old record or the new one.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, join(dir, name));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

const sayIgnored = (message: string) => process.stderr.write(`selfreview: ${message}\n`);

export function openReviewStore(commonDir: string, options: StoreOptions = {}): ReviewStore {
  const reviews = join(commonDir, 'selfreview', 'reviews');
  const drafts = join(commonDir, 'selfreview', 'drafts');
  const onIgnored = options.onIgnored ?? sayIgnored;
  const readDraftFile = (path: string): Draft | null => {
    const read = readJson(path);
    return read !== null && 'data' in read && typeof read.data === 'object' && read.data !== null && !Array.isArray(read.data)
      ? (read.data as Draft)
      : null;
  };
  return {
    readReview(tree) {
      if (!isTree(tree)) return null;
      const read = readJson(join(reviews, `${tree}.json`));
      if (read === null) return null;
      const parsed = 'data' in read ? parseReviewRecord(read.data, tree) : read;
      if ('record' in parsed) return parsed.record;
      onIgnored(
        `ignored the pending review record of tree ${tree.slice(0, 10)} (selfreview/reviews/${tree.slice(0, 10)}….json in the git directory): ${parsed.problem}. It does not count as a review.`,
      );
      return null;
    },
    writeReview(record) {
      writeWhole(reviews, `${record.tree}.trailers`, `${listReviewTrailers(record).join('\n')}\n`);
      writeJson(reviews, `${record.tree}.json`, record);
    },
    removeReview(tree) {
      rmSync(join(reviews, `${tree}.json`), { force: true });
      rmSync(join(reviews, `${tree}.trailers`), { force: true });
    },
    listPendingTrees() {
      try {
        return readdirSync(reviews)
          .filter((n) => n.endsWith('.json'))
          .map((n) => n.slice(0, -5))
          .filter(isTree);
      } catch {
        return [];
      }
    },
    readDraft(tree) {
      const own = readDraftFile(join(drafts, `${tree}.json`));
      if (own) return own;
      let newest: { path: string; time: number } | null = null;
      try {
        for (const name of readdirSync(drafts)) {
          if (!name.endsWith('.json') || name.startsWith('.')) continue;
          const time = statSync(join(drafts, name)).mtimeMs;
          if (!newest || time > newest.time) newest = { path: join(drafts, name), time };
        }
      } catch {
        return {};
      }
      return (newest && readDraftFile(newest.path)) ?? {};
    },
    writeDraft: (tree, draft) => writeJson(drafts, `${tree}.json`, draft),
    removeDraft: (tree) => rmSync(join(drafts, `${tree}.json`), { force: true }),
  };
}
