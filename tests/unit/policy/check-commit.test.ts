import { describe, expect, test } from '@jest/globals';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.js';
import { checkCommit, type CommitCheckInput } from '../../../src/core/policy/check-commit.js';
import { evaluateSizeGate } from '../../../src/core/policy/size-gate.js';
import type { ReviewTrailer } from '../../../src/core/record/trailers.js';

// CI's verdict on one commit, in process: the budget for its provenance and its review record.

const TREE = 'c'.repeat(40);
const change = (lines: number): FileChange => ({ path: 'src/a.ts', status: 'modified', oldKind: 'file', newKind: 'file', oldBlob: '1'.repeat(40), newBlob: '2'.repeat(40), added: lines, removed: 0, binary: false, modeOnly: false, excluded: null });
const trailer = (tree: string): ReviewTrailer => ({ tree, risk: 'low', added: 10, removed: 0, files: 1, provenance: 'human' });
const input = (over: Partial<CommitCheckInput> = {}): CommitCheckInput => ({
  tree: TREE,
  isMerge: false,
  gate: evaluateSizeGate({ files: [change(10)], provenance: 'human', config: DEFAULT_CONFIG }),
  signals: [],
  trailer: trailer(TREE),
  override: null,
  policy: DEFAULT_CONFIG.ci,
  ...over,
});
const codes = (over: Partial<CommitCheckInput>) => checkCommit(input(over)).findings.map((f) => `${f.level}:${f.code}`);

describe('checkCommit', () => {
  test('a reviewed commit within budget passes with nothing to say', () => {
    expect(checkCommit(input())).toEqual({ status: 'reviewed', findings: [], verdict: 'pass' });
  });

  test('no trailer: an error when reviews are required, a warning when not, an error for AI work either way', () => {
    expect(codes({ trailer: null })).toEqual(['error:review-missing']);
    const lenient = { ...DEFAULT_CONFIG.ci, requireReview: false };
    expect(codes({ trailer: null, policy: lenient })).toEqual(['warning:review-missing']);
    const ai = [{ signal: 'Co-authored-by: Claude', kind: 'ai' as const, detail: 'trailer' }];
    expect(codes({ trailer: null, policy: lenient, signals: ai })).toEqual(['error:review-missing']);
    expect(checkCommit(input({ trailer: null, policy: { ...lenient, aiWithoutReview: 'warn' }, signals: ai })).verdict).toBe('pass');
  });

  test("a trailer bound to another tree: changed after review, naming both trees", () => {
    const check = checkCommit(input({ trailer: trailer('d'.repeat(40)) }));
    expect(check.status).toBe('changed-after-review');
    expect(check.findings[0]?.message).toContain('d'.repeat(10));
    expect(check.findings[0]?.message).toContain(TREE.slice(0, 10));
    expect(check.verdict).toBe('fail');
  });

  test('over budget: the gate reasons fail it, unless an allowed override says why', () => {
    const gate = evaluateSizeGate({ files: [change(900)], provenance: 'human', config: DEFAULT_CONFIG });
    expect(codes({ gate })).toEqual(['error:lines-over-budget']);
    expect(codes({ gate, override: 'prod down' })).toEqual(['warning:override']);
    expect(codes({ gate, override: 'prod down', policy: { ...DEFAULT_CONFIG.ci, allowOverride: false } })).toEqual(['error:lines-over-budget']);
  });

  test('a merge that adds nothing needs no review; an unmeasured one is not gated', () => {
    expect(checkCommit(input({ trailer: null, isMerge: true, addsNothing: true })).verdict).toBe('pass');
    expect(checkCommit(input({ gate: null })).verdict).toBe('pass');
  });
});
