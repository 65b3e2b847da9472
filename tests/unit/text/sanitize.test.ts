import { describe, expect, test } from '@jest/globals';
import { sanitizeForTerminal } from '../../../src/core/text/sanitize.js';

describe('sanitizeForTerminal', () => {
  test('escape sequences, newlines and C1 controls become visible text', () => {
    expect(sanitizeForTerminal('a\u001b[2Jb\nc\td\u009bE\u0007')).toBe('a\\e[2Jb\\nc\\td\\x9bE\\x07');
  });
  test('ordinary and non-ASCII text is unchanged', () => {
    expect(sanitizeForTerminal('src/ファイル näme "q".ts')).toBe('src/ファイル näme "q".ts');
  });
});
