import { describe, expect, test } from '@jest/globals';
import { formatReviewTrailer, parseReviewTrailer, stripReviewTrailers, toTrailerValue } from '../../../src/core/record/trailers.js';

describe('review trailers', () => {
  const trailer = { tree: 'a'.repeat(40), risk: 'medium' as const, added: 40, removed: 12, files: 3, provenance: 'ai' as const };

  test('format and parse are inverse', () => {
    const value = formatReviewTrailer(trailer);
    expect(value).toBe(`tree=${'a'.repeat(40)} risk=medium lines=+40/-12 files=3 provenance=ai`);
    expect(parseReviewTrailer(value)).toEqual(trailer);
    expect(parseReviewTrailer('tree=nothex lines=+1/-1')).toBeNull();
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
      'Fix parsing\n\nself-review: I ran the tests twice\nSelf-Review: looked at it with Ana\n\nSelf-Review: tree=1 risk=low\n';
    expect(stripReviewTrailers(message)).toBe('Fix parsing\n\nself-review: I ran the tests twice\nSelf-Review: looked at it with Ana\n\n');
  });

  test('trailer values are one bounded line', () => {
    expect(toTrailerValue('line one\nline two')).toBe('line one line two');
    expect(toTrailerValue('x'.repeat(300))).toHaveLength(200);
  });
});
