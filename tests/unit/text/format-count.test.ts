import { expect, test } from '@jest/globals';
import { formatCount } from '../../../src/core/text/format-count.js';

// The progress lines wrote `n.toLocaleString('en-US')`: formatCount must print the same.
test('every count is written as en-US writes it', () => {
  const counts = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 99999, 100000, 123456, 999999, 1000000, 4795, 14600, 2 ** 31];
  for (let n = 0; n < 3000; n += 7) counts.push(n);
  for (let k = 0; k < 2000; k++) counts.push(Math.floor(Math.random() * 10 ** (1 + (k % 12))));
  for (const n of counts) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
});
