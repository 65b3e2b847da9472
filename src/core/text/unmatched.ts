/** The items of `items` that no item of `other` matches, one for one (a multiset's difference):
 * `unmatched(['a', 'a', 'b'], ['a'])` is `['a', 'b']`. */
export function unmatched<T>(items: readonly T[], other: readonly T[]): T[] {
  const left = [...other];
  return items.filter((item) => {
    const at = left.indexOf(item);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}
