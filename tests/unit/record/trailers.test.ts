import { describe, expect, test } from '@jest/globals';
import { id, patchOf, recordOf } from './record-fixture.js';
import { listReviewTrailers } from '../../../src/core/record/list-review-trailers.js';
import { computeRecordDigest, findByDigest } from '../../../src/core/record/record-digest.js';
import { formatReviewTrailer, parseReviewTrailer, stripReviewTrailers, toTrailerValue } from '../../../src/core/record/trailers.js';

describe('review trailers', () => {
  const digest = `sha256:${'9c'.repeat(32)}`;
  const trailer = { risk: 'medium' as const, added: 40, removed: 12, files: 3, provenance: 'ai' as const, digest };

  test('the line names the first 80 bits of the digest, and parses back to them', () => {
    const value = formatReviewTrailer(trailer);
    expect(value).toBe(`risk=medium lines=+40/-12 files=3 ai digest=${'9c'.repeat(10)}`);
    expect(parseReviewTrailer(value)).toEqual({ ...trailer, digest: `sha256:${'9c'.repeat(10)}` });
    expect(parseReviewTrailer('tree=nothex lines=+1/-1')).toBeNull();
    expect(parseReviewTrailer('risk=low lines=+1/-1 files=1 human')).toBeNull();
  });

  test('lines written before the short form still parse, tree and whole digest included', () => {
    const old = `tree=${'a'.repeat(40)} risk=medium lines=+40/-12 files=3 provenance=ai digest=${digest}`;
    expect(parseReviewTrailer(old)).toEqual({ ...trailer, tree: 'a'.repeat(40) });
    expect(parseReviewTrailer(`tree=${'a'.repeat(40)} risk=low lines=+1/-0 files=1 provenance=human`)).toEqual({
      tree: 'a'.repeat(40),
      risk: 'low',
      added: 1,
      removed: 0,
      files: 1,
      provenance: 'human',
    });
  });

  test("the review line stays under commitlint's 100 even for the largest change", () => {
    const huge = formatReviewTrailer({
      ...trailer,
      risk: 'unknown',
      added: 999_999,
      removed: 999_999,
      files: 99_999,
      provenance: 'unknown',
    });
    expect(`Self-Review: ${huge}`.length).toBeLessThanOrEqual(100);
    expect(`Self-Review: ${formatReviewTrailer(trailer)}`.length).toBeLessThanOrEqual(80);
  });

  test('every line of a record fits commitlint: the review under 100, the others 72; the note keeps them whole', () => {
    const long = 'Configs with stray spaces broke the loader so strict mode now trims them before it parses anything at all';
    const record = recordOf(patchOf([{ path: 'src/a.ts' }]), {
      intent: long,
      override: `${long} and production is down`,
      restaged: { reviewedTree: id(7), files: [{ path: 'src/a.ts', added: 1, removed: 1 }], added: 1, removed: 1 },
    });
    const lines = listReviewTrailers(record);
    expect(lines).toHaveLength(4);
    expect(lines[0]!.length).toBeLessThanOrEqual(100);
    for (const line of lines.slice(1)) expect(line.length).toBeLessThanOrEqual(72);
    expect(lines[1]).toMatch(/^Self-Review-Intent: Configs with stray spaces .*…$/);
    // The line names the record: CI finds it by the short digest among the whole ones.
    const claimed = parseReviewTrailer(lines[0]!.replace(/^Self-Review: /, ''))!.digest!;
    const whole = computeRecordDigest(record);
    expect(whole.startsWith(claimed)).toBe(true);
    expect(
      findByDigest(
        new Map([
          [`sha256:${'0'.repeat(64)}`, 'other'],
          [whole, 'this'],
        ]),
        claimed,
      ),
    ).toBe('this');
    expect(findByDigest(new Map([[`sha256:${'0'.repeat(64)}`, 'other']]), claimed)).toBeUndefined();
  });

  test('strips exactly our keys, leaving other trailers and prose', () => {
    const message =
      'Fix parsing\n\nSelf-Review explains why.\n\nSigned-off-by: A <a@x>\nSelf-Review: tree=1\nSelf-Review-Intent: old\nSelf-Reviewer: keep me\n';
    expect(stripReviewTrailers(message)).toBe(
      'Fix parsing\n\nSelf-Review explains why.\n\nSigned-off-by: A <a@x>\nSelf-Reviewer: keep me\n',
    );
  });

  test('a line the person wrote with a look-alike key is theirs: it stays', () => {
    const message =
      'Fix parsing\n\nself-review: I ran the tests twice\nSelf-Review: looked at it with Ana\n\nSelf-Review: tree=1 risk=low\nSelf-Review: risk=low lines=+1/-0 files=1 human digest=0123456789abcdef0123\n';
    expect(stripReviewTrailers(message)).toBe('Fix parsing\n\nself-review: I ran the tests twice\nSelf-Review: looked at it with Ana\n\n');
  });

  test('trailer values are one bounded line', () => {
    expect(toTrailerValue('line one\nline two')).toBe('line one line two');
    expect(toTrailerValue('x'.repeat(300))).toHaveLength(200);
    expect(toTrailerValue('Answer number 2 explains the intent part of this change', 52)).toBe(
      'Answer number 2 explains the intent part of this…',
    );
  });
});
