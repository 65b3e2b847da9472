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

/** An answer with this many different words or more is not one word said again. */
const MAX_REPEATED_DISTINCT = 8;

export type Filler = 'lorem' | 'mashed' | 'repeated';

/** What kind of filler `words` (the answer's non-function words) are, or null. */
export function detectFiller(text: string, words: readonly string[], cjkUnits = 0): Filler | null {
  if (LOREM.test(text)) return 'lorem';
  if (words.length === 0) return null;
  const mashed = words.filter(isMashedWord).length;
  if (mashed * 2 >= words.length) return 'mashed';
  const distinct = new Set(words).size;
  // A name said three times inside a CJK sentence ("IQC … IQC … IQC") is not repetition, nor is
  // a squashed commit's list of steps ("* fixing tests" five times) among many other words.
  if (words.length >= 3 && distinct * 2 <= words.length && distinct < MAX_REPEATED_DISTINCT && cjkUnits < words.length) return 'repeated';
  return null;
}
