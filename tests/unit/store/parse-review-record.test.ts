import { describe, expect, test } from '@jest/globals';
import { parseReviewRecord } from '../../../src/adapters/store/parse-review-record.js';
import { id, patchOf, recordOf } from '../record/record-fixture.js';

// The pending record is trusted only when its shape is ours and it names the tree asked for; a
// broken one is refused with the first key that is wrong, never with its content.

const record = () => JSON.parse(JSON.stringify(recordOf(patchOf([{ path: 'src/a.ts' }]), { tree: id(7) }))) as Record<string, unknown>;

describe('parseReviewRecord', () => {
  test('a record written by selfreview is read back as it is', () => {
    const data = record();
    expect(parseReviewRecord(data, id(7))).toEqual({ record: data });
  });

  test.each([
    ['version', 0, 'version'],
    ['tree', 'not-a-tree', 'tree'],
    ['provenance', { kind: 'robot', decidedBy: null }, 'provenance.kind'],
    ['provenance', 'human', 'provenance'],
    ['totals', { files: 1, added: '2', removed: 0 }, 'totals.added'],
    ['answers', [{ questionId: 'q', question: 'Q?', answer: 7 }], 'answers'],
    ['answers', [{ questionId: 'q', question: 'Q?', answer: 'a', choice: 3 }], 'answers'],
    ['override', undefined, 'override'],
    ['tool', { name: 'other', version: '1' }, 'tool.name'],
  ])('%s = %j is refused, naming %s', (key, value, where) => {
    const data = { ...record(), [key]: value };
    expect(parseReviewRecord(data, id(7))).toEqual({ problem: `not a selfreview record (${where} is missing or wrong)` });
  });

  test('not an object, or bound to another tree', () => {
    expect(parseReviewRecord([], id(7))).toEqual({ problem: 'not a selfreview record (the record is missing or wrong)' });
    expect(parseReviewRecord(record(), id(8))).toEqual({ problem: 'it is bound to another tree' });
  });

  test('keys a later version adds are kept', () => {
    const data = { ...record(), later: { anything: true } };
    expect(parseReviewRecord(data, id(7))).toEqual({ record: data });
  });
});
