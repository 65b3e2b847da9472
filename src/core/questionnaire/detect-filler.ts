// Filler that has the length of an answer and none of its content: lorem ipsum, keys mashed
// along a keyboard row ("asdf", "jkjkjk"), one word said again and again ("wip wip wip").

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];
const LOREM = /\b(lorem ipsum|dolor sit amet|consectetur adipiscing|sed do eiusmod)\b/i;

/** "asdf", "sdfg", "lkjh", "sdfsdf", "jkjkjk", "aaa": typed without meaning. */
export function isMashedWord(word: string): boolean {
  const w = word.toLowerCase();
  if (/^(.{1,4})\1+$/.test(w) && w.length >= 3) return true;
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return false;
  return ROWS.some((row) => row.includes(w) || [...row].reverse().join('').includes(w));
}

export type Filler = 'lorem' | 'mashed' | 'repeated';

/** What kind of filler `words` (the answer's non-function words) are, or null. */
export function detectFiller(text: string, words: readonly string[], cjkUnits = 0): Filler | null {
  if (LOREM.test(text)) return 'lorem';
  if (words.length === 0) return null;
  const mashed = words.filter(isMashedWord).length;
  if (mashed * 2 >= words.length) return 'mashed';
  const distinct = new Set(words).size;
  // A name said three times inside a CJK sentence ("IQC … IQC … IQC") is not repetition.
  if (words.length >= 3 && distinct * 2 <= words.length && cjkUnits < words.length) return 'repeated';
  return null;
}
