// One answer pasted into every field, with a comma moved or the case changed, answers one
// question at most. Answers are compared on their words, not their punctuation.

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKC')
    .match(/[\p{L}\p{N}_]+/gu) ?? [];

/** Whether `a` and `b` say the same thing in (nearly) the same words. */
export function isNearCopy(a: string, b: string): boolean {
  const x = wordsOf(a);
  const y = wordsOf(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x.join(' ') === y.join(' ')) return true;
  // CJK runs are single "words" here; compare them by characters instead.
  if (x.join('') === y.join('')) return true;
  const setX = new Set(x);
  const setY = new Set(y);
  if (Math.min(setX.size, setY.size) < 4) return false;
  const shared = [...setX].filter((w) => setY.has(w)).length;
  return shared / (setX.size + setY.size - shared) >= 0.8;
}
