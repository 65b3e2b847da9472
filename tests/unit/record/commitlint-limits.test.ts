import { describe, expect, test } from '@jest/globals';
import { describeLineLimit, findBrokenLineLimits } from '../../../src/core/record/commitlint-limits.js';

// doctor reads a commitlint config's line limits from its text: mswjs/interceptors sets
// `'footer-max-line-length': [1, 'always']` (no length: 0), and commitlint 21 warned on the review's
// trailers at every commit while doctor said selfreview's lines fit its limits.

describe('findBrokenLineLimits', () => {
  test("mswjs/interceptors' commitlint.config.js: a warning on every footer line", () => {
    const interceptors =
      "export default {\n  extends: ['@commitlint/config-conventional'],\n  rules: {\n    'footer-max-line-length': [1, 'always'],\n  },\n}\n";
    const broken = findBrokenLineLimits(interceptors);
    expect(broken).toEqual([{ rule: 'footer-max-line-length', level: 1, limit: 0 }]);
    expect(describeLineLimit(broken[0]!)).toBe(
      'its footer-max-line-length is 0: it warns on every reviewed commit (the review line runs to 99 characters, the others 72)',
    );
  });

  test('JSON and YAML configs; a refusal under 99; config-conventional and disabled rules are no problem', () => {
    expect(findBrokenLineLimits('{ "rules": { "body-max-line-length": [2, "always", 72] } }')).toEqual([
      { rule: 'body-max-line-length', level: 2, limit: 72 },
    ]);
    expect(findBrokenLineLimits('rules:\n  footer-max-line-length: [2, always, 80]\n')).toEqual([
      { rule: 'footer-max-line-length', level: 2, limit: 80 },
    ]);
    expect(
      findBrokenLineLimits("rules: { 'footer-max-line-length': [2, 'always', 100], 'body-max-line-length': [0, 'always', 20] }"),
    ).toEqual([]);
    expect(findBrokenLineLimits("export default { extends: ['@commitlint/config-conventional'] }")).toEqual([]);
  });
});
