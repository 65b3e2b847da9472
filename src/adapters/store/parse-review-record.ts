import { readRecordedSplit } from '../../core/provenance/lines/line-owners.js';
import type { ReviewRecord } from '../../core/record/review-record.js';

// A pending review record is read back from the git directory by a later process (the hooks,
// `ci`, the next review): it may be truncated by a crash, edited by hand, or written by another
// tool. A record is trusted only when its shape is ours and it is bound to the tree asked for:
// otherwise a corrupt file would count as "already reviewed" and let the commit through.
// Loose objects: a later version may add keys; the keys read here must be right.
// Checked by hand rather than with zod: this runs in every review, and loading zod cost the
// hook's start-up more than the whole check (docs/speed.md).

type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const string: Check = (v) => typeof v === 'string';
const nullableString: Check = (v) => v === null || typeof v === 'string';
const number: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const oneOf =
  (...values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);

/** The shape: each key with its check, or the checks of an object's own keys. */
interface Shape {
  readonly [key: string]: Check | Shape;
}

const ANSWER: Shape = { questionId: string, question: string, choice: (v) => v === undefined || typeof v === 'string', answer: string };

const RECORD: Shape = {
  version: (v) => Number.isInteger(v) && (v as number) > 0,
  tree: (v) => typeof v === 'string' && /^[0-9a-f]{40,64}$/.test(v),
  base: string,
  createdAt: string,
  provenance: {
    kind: oneOf('human', 'ai', 'unknown'),
    decidedBy: nullableString,
    lines: (v) => v === undefined || readRecordedSplit(v) !== null,
  },
  totals: { files: number, added: number, removed: number },
  risk: oneOf('low', 'medium', 'high', 'unknown'),
  intent: string,
  answers: (v) => Array.isArray(v) && v.every((a) => findProblem(a, ANSWER) === null),
  override: nullableString,
  tool: { name: (v) => v === 'selfreview', version: string },
};

/** The path of the first key that is missing or wrong, '' for the value itself; null when it fits. */
function findProblem(value: unknown, shape: Shape): string | null {
  if (!isObject(value)) return '';
  for (const [key, check] of Object.entries(shape)) {
    if (typeof check === 'function') {
      if (!check(value[key])) return key;
      continue;
    }
    const inner = findProblem(value[key], check);
    if (inner !== null) return inner === '' ? key : `${key}.${inner}`;
  }
  return null;
}

/** The record when `data` is a review record of `tree`; else why not (never quoting the data). */
export function parseReviewRecord(data: unknown, tree: string): { record: ReviewRecord } | { problem: string } {
  const where = findProblem(data, RECORD);
  if (where !== null) return { problem: `not a selfreview record (${where === '' ? 'the record' : where} is missing or wrong)` };
  const record = data as unknown as ReviewRecord;
  if (record.tree !== tree) return { problem: 'it is bound to another tree' };
  return { record };
}
