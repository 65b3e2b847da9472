import { describe, expect, test } from '@jest/globals';
import { toCanonicalJson } from '../../../src/core/record/canonical-json.js';
import { computeRecordDigest } from '../../../src/core/record/record-digest.js';
import { checkRecordIntegrity } from '../../../src/core/record/check-record-integrity.js';
import { patchOf, recordOf } from './record-fixture.js';

describe('canonical record and digest', () => {
  test('key order and whitespace do not change the canonical form', () => {
    expect(toCanonicalJson({ b: [1, { d: 'x', c: null }], a: 'é', skip: undefined })).toBe('{"a":"é","b":[1,{"c":null,"d":"x"}]}');
    expect(toCanonicalJson(JSON.parse('{ "b": 2,\n "a": 1 }'))).toBe(toCanonicalJson({ a: 1, b: 2 }));
  });

  test('the digest covers answers, tree, patch and provenance, not the signature', () => {
    const record = recordOf(patchOf([{ path: 'src/a.ts' }]));
    const digest = computeRecordDigest(record);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(computeRecordDigest(JSON.parse(JSON.stringify(record)))).toBe(digest);
    expect(computeRecordDigest({ ...record, signature: { format: 'ssh', value: 'sig' } })).toBe(digest);
    for (const changed of [
      { ...record, tree: '9'.repeat(40) },
      { ...record, patch: patchOf([{ path: 'src/b.ts' }]) },
      { ...record, provenance: { kind: 'ai' as const, decidedBy: null } },
      { ...record, answers: record.answers.slice(0, 2) },
      { ...record, override: 'prod is down' },
    ]) {
      expect(computeRecordDigest(changed)).not.toBe(digest);
    }
  });

  test('a record verifies only with valid answers and a consistent patch', () => {
    const record = recordOf(patchOf([{ path: 'src/a.ts' }]));
    expect(checkRecordIntegrity(record, 4)).toEqual([]);
    const lazy = {
      ...record,
      answers: [
        record.answers[0]!,
        { questionId: 'intent', question: 'Why?', answer: 'ok' },
        { questionId: 'verification', question: '?', answer: 'tested it' },
      ],
    };
    expect(checkRecordIntegrity(lazy, 4)).toEqual([
      expect.stringMatching(/"intent" .*placeholder/),
      expect.stringMatching(/"verification" .*Too short/),
    ]);
    expect(checkRecordIntegrity({ ...record, answers: record.answers.slice(0, 2) }, 4)).toEqual(['no answer to "verification"']);
    expect(checkRecordIntegrity({ ...record, patch: { ...record.patch, id: '1'.repeat(40) } }, 4)).toEqual([
      expect.stringMatching(/not the sum/),
    ]);
    expect(checkRecordIntegrity({ version: 1 } as never, 4)[0]).toMatch(/before selfreview 0.2/);
  });
});
