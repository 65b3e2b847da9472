import { z } from 'zod';
import type { ReviewRecord } from '../../core/record/review-record.js';

// A pending review record is read back from the git directory by a later process (the hooks,
// `ci`, the next review): it may be truncated by a crash, edited by hand, or written by another
// tool. A record is trusted only when its shape is ours and it is bound to the tree asked for:
// otherwise a corrupt file would count as "already reviewed" and let the commit through.
// Loose objects: a later version may add keys; the keys read here must be right.

const answer = z.looseObject({ questionId: z.string(), question: z.string(), choice: z.string().optional(), answer: z.string() });

const recordSchema = z.looseObject({
  version: z.number().int().positive(),
  tree: z.string().regex(/^[0-9a-f]{40,64}$/),
  base: z.string(),
  createdAt: z.string(),
  provenance: z.looseObject({ kind: z.enum(['human', 'ai', 'unknown']), decidedBy: z.string().nullable() }),
  totals: z.looseObject({ files: z.number(), added: z.number(), removed: z.number() }),
  risk: z.enum(['low', 'medium', 'high', 'unknown']),
  intent: z.string(),
  answers: z.array(answer),
  override: z.string().nullable(),
  tool: z.looseObject({ name: z.literal('selfreview'), version: z.string() }),
});

/** The record when `data` is a review record of `tree`; else why not (never quoting the data). */
export function parseReviewRecord(data: unknown, tree: string): { record: ReviewRecord } | { problem: string } {
  const result = recordSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'the record';
    return { problem: `not a selfreview record (${where} is missing or wrong)` };
  }
  if (result.data.tree !== tree) return { problem: 'it is bound to another tree' };
  return { record: result.data as unknown as ReviewRecord };
}
