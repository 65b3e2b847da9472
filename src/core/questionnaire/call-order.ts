// Calls made in another order, where nothing else changed: pnpm 7bee7dace4's `applyPatch` ran its
// removals beside its changes (`Promise.all([changing, removing])`) and now awaits them first, so
// a path turned from a directory into a file is emptied before it is replaced. Its questions said
// only "changed its implementation". The callees of both sides in the order the code first calls
// them: the one that moved furthest ahead, and the first it used to follow.

/** Methods of arrays and promises, and the language's own objects, say how, not what (`.filter`,
 * `.then`, `Promise.all`); an error made or thrown (`throw TypeError`) is no call. */
const HOW = new Set(
  'push pop shift unshift splice slice concat join map filter reduce forEach some every find sort then catch finally'.split(' '),
);

const BUILT_IN = /^(?:Promise|Object|Array|Math|JSON|console|Number|String|Reflect|Symbol)\./;

const firstOrder = (calls: readonly string[]) =>
  [...new Set(calls)].filter((c) => /^[\w$.]+$/.test(c) && !HOW.has(c.slice(c.lastIndexOf('.') + 1)) && !BUILT_IN.test(c));

/** "now calls `removeRecursive` before `applyChange`"; empty when the order of the callees both
 * sides call is the same. */
export function describeCallOrder(before: readonly string[], after: readonly string[]): string {
  const [was, now] = [firstOrder(before), firstOrder(after)];
  const both = new Set(was.filter((c) => now.includes(c)));
  const [a, b] = [was.filter((c) => both.has(c)), now.filter((c) => both.has(c))];
  let moved: string | undefined;
  let most = 0;
  for (const c of b) {
    const ahead = a.indexOf(c) - b.indexOf(c);
    if (ahead > most) [moved, most] = [c, ahead];
  }
  if (moved === undefined) return '';
  const passed = a.slice(0, a.indexOf(moved)).find((c) => b.indexOf(c) > b.indexOf(moved));
  return passed === undefined ? '' : `now calls \`${moved}\` before \`${passed}\``;
}
