import { describe, expect, test } from '@jest/globals';
import type { PatchSummary } from '../../../src/core/change/patch-summary.js';
import { matchReviewedPatch } from '../../../src/core/policy/match-reviewed-patch.js';
import { verifyReview, type KnownRecord, type VerifyReviewInput } from '../../../src/core/policy/verify-review.js';
import { computeRecordDigest } from '../../../src/core/record/record-digest.js';
import type { ReviewRecord } from '../../../src/core/record/review-record.js';
import { id, patchOf, recordOf } from '../record/record-fixture.js';

const policy = { unverifiedReviews: 'fail', answersFromFile: 'fail' } as const;

function known(record: ReviewRecord, notedOn = id(77), problems: string[] = []): KnownRecord {
  return { digest: computeRecordDigest(record), record, notedOn, problems };
}

function input(
  commit: { tree: string; patch: PatchSummary; message: string },
  records: KnownRecord[],
  own: KnownRecord[] = [],
): VerifyReviewInput {
  return {
    commit: id(99),
    ...commit,
    ownNote: own,
    byDigest: new Map(records.map((k) => [k.digest, k])),
    pool: records.filter((k) => k.problems.length === 0).map((k) => ({ digest: k.digest, tree: k.record.tree, patch: k.record.patch })),
    policy,
  };
}

const trailer = (digest: string, key = 'Self-Review') =>
  `${key}: tree=${id(1)} risk=low lines=+1/-0 files=1 provenance=human digest=${digest}`;

describe('reviews follow the patch', () => {
  const patch = patchOf([{ path: 'src/a.ts' }, { path: 'src/b.ts' }]);
  const reviewed = known(recordOf(patch));

  test('same tree; same patch after a rebase, named by the commit it came from', () => {
    expect(verifyReview(input({ tree: id(1), patch, message: `x\n\n${trailer(reviewed.digest)}` }, [reviewed]))).toMatchObject({
      status: 'reviewed',
      how: 'same tree',
      findings: [],
    });
    const rebased = patchOf([
      { path: 'src/a.ts', oldBlob: id(5), newBlob: id(6) },
      { path: 'src/b.ts', oldBlob: id(7), newBlob: id(8), patchId: id(1001) },
    ]);
    expect(rebased.id).toBe(patch.id);
    expect(verifyReview(input({ tree: id(55), patch: rebased, message: trailer(reviewed.digest) }, [reviewed]))).toMatchObject({
      status: 'reviewed',
      how: `rebased from ${id(77).slice(0, 10)}`,
    });
  });

  test('a short-form line (the first 20 hex digits of the digest) names its record; a wrong prefix does not', () => {
    const short = (digest: string) => `Self-Review: risk=low lines=+1/-0 files=1 human digest=${digest.slice(7, 27)}`;
    expect(verifyReview(input({ tree: id(1), patch, message: `x\n\n${short(reviewed.digest)}` }, [reviewed]))).toMatchObject({
      status: 'reviewed',
      findings: [],
    });
    const other = computeRecordDigest(recordOf(patch, { intent: 'another record' }));
    const result = verifyReview(input({ tree: id(1), patch, message: `x\n\n${short(other)}` }, [reviewed]));
    expect(result.status).not.toBe('reviewed');
    expect(result.findings.map((f) => f.code)).toContain('review-unverified');
  });

  test('a squash and a fixup are reviewed when their reviews account for every file', () => {
    const first = known(recordOf(patchOf([{ path: 'a.ts', oldBlob: id(10), newBlob: id(11), patchId: id(501) }])), id(70));
    const second = known(recordOf(patchOf([{ path: 'b.ts', oldBlob: id(20), newBlob: id(21), patchId: id(502) }])), id(71));
    const fixup = known(recordOf(patchOf([{ path: 'a.ts', oldBlob: id(11), newBlob: id(12), patchId: id(503) }])), id(72));
    const squashed = patchOf([
      { path: 'a.ts', oldBlob: id(10), newBlob: id(12), patchId: id(600) },
      { path: 'b.ts', oldBlob: id(20), newBlob: id(21), patchId: id(502) },
    ]);
    // The fixup's trailer was dropped by `fixup`: its record is found in the notes by its blobs.
    const result = verifyReview(
      input({ tree: id(3), patch: squashed, message: `${trailer(first.digest)}\n\n${trailer(second.digest)}` }, [first, second, fixup]),
    );
    expect(result).toMatchObject({ status: 'reviewed', findings: [] });
    expect(result.how).toBe(`combines the reviews of ${[70, 71, 72].map((n) => id(n).slice(0, 10)).join(', ')}`);
    expect(
      matchReviewedPatch(
        { tree: id(3), patch: squashed },
        [first, second].map((k) => ({ digest: k.digest, tree: k.record.tree, patch: k.record.patch })),
        [],
      ),
    ).toMatchObject({ kind: 'changed' });
  });

  test('a change after the review names the files and lines', () => {
    const after = patchOf([
      { path: 'src/a.ts', added: 5, removed: 2, patchId: id(42), newBlob: id(44) },
      { path: 'src/new.ts', patchId: id(43) },
    ]);
    const result = verifyReview(input({ tree: id(56), patch: after, message: trailer(reviewed.digest) }, [reviewed]));
    expect(result.status).toBe('changed-after-review');
    expect(result.findings[0]!.message).toMatch(
      /src\/a\.ts: \+5 -2 in the commit, \+1 -0 when reviewed; src\/new\.ts: not in the review \(\+1 -0\); src\/b\.ts: reviewed \(\+1 -0\) but not changed by the commit; review it again with `selfreview review-commit/,
    );
  });
});

describe('what a line of text cannot do', () => {
  const patch = patchOf([{ path: 'src/a.ts' }]);
  const reviewed = known(recordOf(patch));
  const commit = { tree: id(1), patch };

  test('a hand-written trailer without a digest, a lowercase key, a made-up digest', () => {
    expect(
      verifyReview(
        input({ ...commit, message: `x\n\nSelf-Review: tree=${id(1)} risk=low lines=+1/-0 files=1 provenance=human` }, [reviewed]),
      ),
    ).toMatchObject({
      status: 'invalid',
      findings: [
        {
          code: 'review-line-invalid',
          level: 'error',
          message: expect.stringMatching(/line 3 does not verify: it names no record digest/),
        },
      ],
    });
    expect(verifyReview(input({ ...commit, message: trailer(reviewed.digest, 'self-review') }, [reviewed])).findings[0]!.message).toMatch(
      /the key is "self-review", not "Self-Review"/,
    );
    const made = verifyReview(input({ ...commit, message: trailer(`sha256:${'b'.repeat(64)}`) }, [reviewed]));
    expect(made).toMatchObject({ status: 'unverified', findings: [{ code: 'review-unverified', level: 'error' }] });
    expect(
      verifyReview({
        ...input({ ...commit, message: trailer(`sha256:${'b'.repeat(64)}`) }, []),
        policy: { ...policy, unverifiedReviews: 'warn' },
      }).findings[0]!.level,
    ).toBe('warning');
  });

  test('two trailers where the last is right: the first still fails', () => {
    const result = verifyReview(
      input(
        {
          ...commit,
          message: `x\n\nSelf-Review: tree=${id(1)} risk=low lines=+1/-0 files=1 provenance=human\n${trailer(reviewed.digest)}`,
        },
        [reviewed],
      ),
    );
    expect(result.status).toBe('invalid');
    expect(result.findings.map((f) => f.code)).toEqual(['review-line-invalid']);
  });

  test('an override counts only from the record; a record with bad answers does not verify', () => {
    const result = verifyReview(
      input({ ...commit, message: `${trailer(reviewed.digest)}\nSelf-Review-Override: prod is down` }, [reviewed]),
    );
    expect(result).toMatchObject({
      status: 'invalid',
      override: null,
      findings: [{ code: 'override-unverified', message: expect.stringMatching(/not in the verified review record/) }],
    });
    const withOverride = known(recordOf(patch, { override: 'prod is down, INC-42' }));
    expect(
      verifyReview(
        input({ ...commit, message: `${trailer(withOverride.digest)}\nSelf-Review-Override: prod is down, INC-42` }, [withOverride]),
      ),
    ).toMatchObject({ status: 'reviewed', override: 'prod is down, INC-42' });
    const bad = known(recordOf(patch), id(77), ['answer "intent" does not pass']);
    expect(verifyReview(input({ ...commit, message: trailer(bad.digest) }, [bad]))).toMatchObject({
      status: 'invalid',
      findings: [{ code: 'record-invalid' }],
    });
  });

  test('a note copied from another commit does not account for this one', () => {
    const other = known(recordOf(patchOf([{ path: 'src/other.ts', patchId: id(31) }]), { tree: id(9) }), id(99));
    expect(verifyReview(input({ ...commit, message: 'x' }, [other], [other]))).toMatchObject({ status: 'changed-after-review' });
  });

  test('answers from a file fail by default and name the fix', () => {
    const fromFile = known(recordOf(patch, { answeredFrom: 'file' }));
    const result = verifyReview(input({ ...commit, message: trailer(fromFile.digest) }, [fromFile]));
    expect(result.findings).toEqual([
      expect.objectContaining({
        code: 'answers-from-file',
        level: 'error',
        message: expect.stringMatching(/answered from a file.*review-commit/),
      }),
    ]);
    expect(
      verifyReview({
        ...input({ ...commit, message: trailer(fromFile.digest) }, [fromFile]),
        policy: { ...policy, answersFromFile: 'allow' },
      }).findings,
    ).toEqual([]);
  });
});

describe('records from before digests', () => {
  test('a version 1 note is unverified, not a forgery, and says how to fix it', () => {
    const legacy = { digest: 'sha256:legacy', record: { version: 1 } as never, notedOn: id(99), problems: [] };
    const result = verifyReview(input({ tree: id(1), patch: patchOf([{ path: 'a.ts' }]), message: 'x' }, [], [legacy]));
    expect(result).toMatchObject({
      status: 'unverified',
      findings: [{ code: 'review-unverified', message: expect.stringMatching(/before selfreview 0\.2.*review-commit/) }],
    });
  });
});
