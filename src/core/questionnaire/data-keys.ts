// The keys a data file's edit adds, removes or gives a new value: outline's translation.json
// gains "Starred" and "Shared with me". A JSON file that is no configuration is data some code
// reads; its question names what changed in it, from the edit's lines (same-edit.ts's text).

export interface DataKeys {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
  /** Keys whose lines are the same on both sides: moved, not changed. */
  readonly moved: readonly string[];
}

const KEY_LINE = /^([+-])"((?:[^"\\]|\\.)+)"\s*:/;

/** The keys on the edit's added and removed lines: on one side only, or on both with other lines. */
export function readDataKeys(edit: string): DataKeys {
  const added = new Map<string, string[]>();
  const removed = new Map<string, string[]>();
  for (const line of edit.split('\n')) {
    const match = KEY_LINE.exec(line);
    if (match === null) continue;
    const side = match[1] === '+' ? added : removed;
    side.set(match[2]!, [...(side.get(match[2]!) ?? []), line.slice(1)]);
  }
  const both = [...added.keys()].filter((key) => removed.has(key));
  // A key whose line is the same on both sides only moved.
  const isSame = (key: string) => added.get(key)!.join('\n') === removed.get(key)!.join('\n');
  const changed = both.filter((key) => !isSame(key));
  return {
    moved: both.filter(isSame),
    added: [...added.keys()].filter((key) => !removed.has(key)),
    removed: [...removed.keys()].filter((key) => !added.has(key)),
    changed,
  };
}
