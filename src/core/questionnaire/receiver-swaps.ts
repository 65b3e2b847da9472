// A method called on another receiver: botpress 8a80c426a6's `getFidStoreConfig` reports through
// `bareLogger.warn` where it called `console.warn`, three times. The calls a declaration gains and
// loses are compared by method (a renamed receiver variable is no new call), so the swap said
// nothing; told as "`console.warn` → `bareLogger.warn`", it names what the edit does.

const methodOf = (callee: string) => callee.slice(callee.lastIndexOf('.') + 1);
const receiverOf = (callee: string) => callee.slice(0, callee.lastIndexOf('.'));
const isPlainCall = (callee: string) => /^[\w$]+(?:\.[\w$]+)+$/.test(callee);

interface Side {
  /** The callees of the lines a hunk touches. */
  readonly touched: readonly string[];
  /** Every callee of the declaration, kept lines too: one still called somewhere is no swap. */
  readonly every: readonly string[];
}

/** Pairs of callees, old side first, where a method is called on one receiver on each side, and
 * neither side calls it on the other's: `console.warn` → `bareLogger.warn`. */
export function listReceiverSwaps(oldSide: Side, newSide: Side): [before: string, after: string][] {
  const byMethod = (callees: readonly string[]) => {
    const map = new Map<string, Set<string>>();
    for (const callee of callees.filter(isPlainCall)) map.set(methodOf(callee), (map.get(methodOf(callee)) ?? new Set()).add(callee));
    return map;
  };
  const [before, after] = [byMethod(oldSide.touched), byMethod(newSide.touched)];
  const [oldAll, newAll] = [new Set(oldSide.every), new Set(newSide.every)];
  const swaps: [string, string][] = [];
  for (const [method, olds] of before) {
    const news = after.get(method);
    if (olds.size !== 1 || news?.size !== 1) continue;
    const [was] = olds;
    const [now] = news;
    if (receiverOf(was!) === receiverOf(now!) || newAll.has(was!) || oldAll.has(now!)) continue;
    swaps.push([was!, now!]);
  }
  return swaps;
}
