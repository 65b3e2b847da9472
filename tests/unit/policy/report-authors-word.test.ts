import { describe, expect, test } from '@jest/globals';
import { reportAuthorsWord } from '../../../src/core/policy/report-authors-word.js';
import type { KnownRecord, ReviewVerification } from '../../../src/core/policy/verify-review.js';
import { computeRecordDigest } from '../../../src/core/record/record-digest.js';
import type { ReviewRecord } from '../../../src/core/record/review-record.js';
import { id, patchOf, recordOf } from '../record/record-fixture.js';

const known = (record: ReviewRecord): KnownRecord => ({ digest: computeRecordDigest(record), record, notedOn: id(77), problems: [] });
const verified = (records: KnownRecord[], status: ReviewVerification['status'] = 'reviewed'): ReviewVerification => ({
  status,
  how: 'same tree',
  records,
  override: records[0]?.record.override ?? null,
  findings: [],
});
const patch = patchOf([{ path: 'src/a.ts' }]);

describe("what only the author can vouch for, without a signature, is the author's word", () => {
  test('unsigned: a note naming what the record claims; with an override, a warning', () => {
    const plain = known(recordOf(patch));
    const overridden = known(recordOf(patch, { override: 'prod is down' }));
    expect(reportAuthorsWord(verified([plain]), new Map()).findings).toEqual([
      {
        code: 'record-unsigned',
        level: 'note',
        message: expect.stringMatching(
          /^unsigned: the author's word — the record sha256:[0-9a-f]{10}… says answered at a terminal by Ada <ada@example\.com>;/,
        ),
      },
    ]);
    expect(reportAuthorsWord(verified([overridden]), new Map()).findings).toEqual([
      expect.objectContaining({ code: 'record-unsigned', level: 'warning', message: expect.stringMatching(/override "prod is down"/) }),
    ]);
  });

  test('a signature that verifies: nothing to report; one that does not: a warning with the reason; not reviewed: untouched', () => {
    const signed = known(recordOf(patch, { signature: { format: 'ssh', value: 'sig' } }));
    expect(reportAuthorsWord(verified([signed]), new Map([[signed.digest, { ok: true, signer: 'ada@example.com' }]])).findings).toEqual([]);
    expect(reportAuthorsWord(verified([signed]), new Map([[signed.digest, { ok: false, reason: 'bad key' }]])).findings).toEqual([
      expect.objectContaining({
        code: 'signature-unverified',
        level: 'warning',
        message: expect.stringMatching(/does not verify here \(bad key\)/),
      }),
    ]);
    const changed = verified([known(recordOf(patch))], 'changed-after-review');
    expect(reportAuthorsWord(changed, new Map())).toBe(changed);
  });
});
