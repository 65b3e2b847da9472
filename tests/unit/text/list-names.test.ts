import { describe, expect, test } from '@jest/globals';
import { listNames } from '../../../src/core/text/list-names.js';

describe('listNames', () => {
  test('all names up to the most shown, else one fewer and how many more; a comma inside a name is kept', () => {
    expect(listNames([], 3)).toBe('');
    expect(listNames(['"a"'], 3)).toBe('"a"');
    expect(listNames(['"Show"', '"Hide, please"'], 3)).toBe('"Show" and "Hide, please"');
    expect(listNames(['a', 'b', 'c'], 3)).toBe('a, b and c');
    expect(listNames(['a', 'b', 'c', 'd'], 3)).toBe('a, b and 2 more');
  });
});
