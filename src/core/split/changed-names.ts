import type { ChangedNames } from './describe-group.js';
import type { FileHunks, SplitImpact } from './split-plan.js';

// The names a group's message can give for what it changes: each file's changed exports (the
// blast radius), else the functions its hunks sit in (git's hunk headings), most changed first.

const DECLARED = /\b(?:function\*?|class|interface|type|enum|const|let|var|def|fn|func|struct|module|namespace)\s+([A-Za-z_$][\w$]*)/;
const CALLED = /([A-Za-z_$][\w$]*)\s*(?:\(|=\s*(?:async\s*)?\(|:\s*(?:async\s*)?\()/;
const NOT_NAMES = new Set([
  ...['if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'async', 'await', 'new', 'typeof', 'export', 'default'],
  // A test file's hunks sit in its framework's calls, which name nothing the change is about.
  ...['describe', 'it', 'test', 'expect', 'suite', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll'],
]);

/** The declaration a hunk heading names ("export function parse(text) {" -> parse), or null. */
export function nameInHeading(heading: string): string | null {
  const name = DECLARED.exec(heading)?.[1] ?? CALLED.exec(heading)?.[1] ?? null;
  return name === null || NOT_NAMES.has(name) ? null : name;
}

export function collectChangedNames(impact: SplitImpact | undefined, hunks: FileHunks | undefined): ChangedNames {
  const byPath = new Map<string, string[]>();
  const add = (path: string, name: string) => {
    const names = byPath.get(path) ?? [];
    if (!names.includes(name)) names.push(name);
    byPath.set(path, names);
  };
  for (const symbol of impact?.changedSymbols ?? []) {
    if (symbol.name !== '*' && symbol.name !== 'default') add(symbol.path, symbol.name);
  }
  for (const [path, fileHunks] of hunks ?? []) {
    if (byPath.has(path)) continue;
    // The functions changed most first: a heading counted by the lines its hunks change.
    const weight = new Map<string, number>();
    for (const hunk of fileHunks) {
      const name = nameInHeading(hunk.heading);
      if (name !== null) weight.set(name, (weight.get(name) ?? 0) + hunk.added.length + hunk.removed.length);
    }
    for (const [name] of [...weight].sort((a, b) => b[1] - a[1])) add(path, name);
  }
  return { byPath };
}
