import { describe, expect, test } from '@jest/globals';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.js';
import { checkCommit, type CommitCheckInput } from '../../../src/core/policy/check-commit.js';
import { evaluateSizeGate } from '../../../src/core/policy/size-gate.js';
import type { ReviewVerification } from '../../../src/core/policy/verify-review.js';

// CI's verdict on one commit, in process: the budget for its provenance and its verified review
// (verify-review.test.ts covers how the review is verified).

const change = (lines: number): FileChange => ({
  path: 'src/a.ts',
  status: 'modified',
  oldKind: 'file',
  newKind: 'file',
  oldBlob: '1'.repeat(40),
  newBlob: '2'.repeat(40),
  added: lines,
  removed: 0,
  binary: false,
  modeOnly: false,
  excluded: null,
});
const reviewed: ReviewVerification = { status: 'reviewed', how: 'same tree', records: [], override: null, findings: [] };
const missing: ReviewVerification = { ...reviewed, status: 'missing', how: null };
const input = (over: Partial<CommitCheckInput> = {}): CommitCheckInput => ({
  isMerge: false,
  gate: evaluateSizeGate({ files: [change(10)], provenance: 'human', config: DEFAULT_CONFIG }),
  signals: [],
  review: reviewed,
  policy: DEFAULT_CONFIG.ci,
  ...over,
});
const codes = (over: Partial<CommitCheckInput>) => checkCommit(input(over)).findings.map((f) => `${f.level}:${f.code}`);

describe('checkCommit', () => {
  test('a reviewed commit within budget passes with nothing to say', () => {
    expect(checkCommit(input())).toEqual({ status: 'reviewed', findings: [], verdict: 'pass' });
  });

  test('no review: an error when reviews are required, a warning when not, an error for AI work either way', () => {
    expect(codes({ review: missing })).toEqual(['error:review-missing']);
    const lenient = { ...DEFAULT_CONFIG.ci, requireReview: false };
    expect(codes({ review: missing, policy: lenient })).toEqual(['warning:review-missing']);
    const ai = [{ signal: 'Co-authored-by: Claude', kind: 'ai' as const, detail: 'trailer' }];
    expect(codes({ review: missing, policy: lenient, signals: ai })).toEqual(['error:review-missing']);
    expect(checkCommit(input({ review: missing, policy: { ...lenient, aiWithoutReview: 'warn' }, signals: ai })).verdict).toBe('pass');
  });

  test("the review's findings carry over; where reviews are optional a change after review warns, a forgery still fails", () => {
    const changed: ReviewVerification = {
      ...reviewed,
      status: 'changed-after-review',
      how: null,
      findings: [{ code: 'changed-after-review', level: 'error', message: 'changed after its review: src/a.ts …' }],
    };
    expect(codes({ review: changed })).toEqual(['error:changed-after-review']);
    const lenient = { ...DEFAULT_CONFIG.ci, requireReview: false };
    expect(codes({ review: changed, policy: lenient })).toEqual(['warning:changed-after-review']);
    const forged: ReviewVerification = {
      ...reviewed,
      status: 'invalid',
      how: null,
      findings: [{ code: 'review-line-invalid', level: 'error', message: 'no digest' }],
    };
    expect(codes({ review: forged, policy: lenient })).toEqual(['error:review-line-invalid']);
  });

  test('over budget: the gate reasons fail it, unless a verified override says why', () => {
    const gate = evaluateSizeGate({ files: [change(900)], provenance: 'human', config: DEFAULT_CONFIG });
    expect(codes({ gate })).toEqual(['error:lines-over-budget']);
    expect(codes({ gate, review: { ...reviewed, override: 'prod down' } })).toEqual(['warning:override']);
    expect(codes({ gate, review: { ...reviewed, override: 'prod down' }, policy: { ...DEFAULT_CONFIG.ci, allowOverride: false } })).toEqual(
      ['error:lines-over-budget'],
    );
  });

  test('a merge that adds nothing needs no review; an unmeasured one is not gated', () => {
    expect(checkCommit(input({ review: missing, isMerge: true, addsNothing: true })).verdict).toBe('pass');
    expect(checkCommit(input({ gate: null })).verdict).toBe('pass');
  });
});
