import { listNames } from '../text/list-names.js';
import { sideLines } from './same-edit.js';
import type { ChangeUnit } from './change-units.js';

// A file whose every changed line is an import statement says nothing to "What does the change to
// … do?" (webiny bb500f4e48: SaveAction.tsx takes `ContentEntryEditorConfig` from another module,
// SingletonContentEntryContext.tsx's imports become `import type`, SingletonContentEntry.tsx
// reaches a hook by a relative path). Read from the file's edit text (same-edit.ts): each local
// name's module and kind before and after, told the way a reviewer reads them.

interface Binding {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

const IMPORT = /\bimport\s+(type\s+)?(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s*as\s+([\w$]+))?\s*from\s*(['"])([^'"]+)\5\s*;?/g;
const BARE = /\bimport\s*(['"])([^'"]+)\1\s*;?/g;
/** More facts than this is a reshuffle of the file's imports, told by count. */
const MAX_FACTS = 3;

/** The local names of one side's imports, or null when that side holds anything but imports. */
function bindingsOf(text: string): Map<string, Binding> | null {
  const out = new Map<string, Binding>();
  let rest = text.replace(BARE, (_, __, specifier: string) => {
    out.set(`'${specifier}'`, { specifier, typeOnly: false });
    return '';
  });
  rest = rest.replace(IMPORT, (_, type: string | undefined, first, braces: string | undefined, namespace, __, specifier: string) => {
    const typeOnly = type !== undefined;
    for (const local of [first, namespace]) if (local !== undefined) out.set(local, { specifier, typeOnly });
    for (const part of (braces ?? '').split(',').map((p) => p.trim())) {
      if (part === '') continue;
      const inline = /^type\s+/.test(part);
      out.set(
        part
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()!,
        { specifier, typeOnly: typeOnly || inline },
      );
    }
    return '';
  });
  return /^[\s;]*$/.test(rest) ? out : null;
}

const code = (name: string) => `\`${name}\``;

/** "now from `monaco-editor/…`, was `monaco-editor/esm/vs/…`": the path segments one specifier
 * swaps for another, the ones both end with left out; null when nothing is kept at the end. */
function pathRewrite(was: string, now: string): string | null {
  const [a, b] = [was.split('/'), now.split('/')];
  let head = 0;
  while (head < Math.min(a.length, b.length) - 1 && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < Math.min(a.length, b.length) - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  if (tail === 0) return null;
  const side = (parts: readonly string[]) => code([...parts.slice(0, parts.length - tail), '…'].join('/'));
  return `now from ${side(b)}, was ${side(a)}`;
}

/** "`A` now from `./b`, was `./c`; `D` and `E` now imported as types only": what an import-only edit does, or null. */
export function describeImportEdit(edit: string | undefined): string | null {
  if (edit === undefined) return null;
  const side = (mark: '-' | '+') => bindingsOf(sideLines(edit, mark).join('\n'));
  const [before, after] = [side('-'), side('+')];
  if (before === null || after === null || before.size + after.size === 0) return null;
  const moves: [name: string, was: string, now: string][] = [];
  const [typed, untyped, added, dropped]: [string[], string[], string[], string[]] = [[], [], [], []];
  for (const [name, now] of after) {
    const was = before.get(name);
    if (was === undefined) added.push(name);
    else if (was.specifier !== now.specifier) moves.push([name, was.specifier, now.specifier]);
    else if (was.typeOnly !== now.typeOnly) (now.typeOnly ? typed : untyped).push(name);
  }
  // Many modules reached by one new path (slidev 27a8ad5ee9: eight `monaco-editor/esm/vs/…`
  // imports become `monaco-editor/…`) are one move; otherwise each module's names are one.
  const rewrite = new Set(moves.map(([, was, now]) => pathRewrite(was, now)));
  const moved = new Map<string, string[]>();
  for (const [name, was, now] of moves) {
    const where =
      rewrite.size === 1 && moves.length > 1 && [...rewrite][0] !== null ? [...rewrite][0]! : `now from ${code(now)}, was ${code(was)}`;
    moved.set(where, [...(moved.get(where) ?? []), name]);
  }
  for (const name of before.keys()) if (!after.has(name)) dropped.push(name);
  const names = (list: readonly string[]) =>
    listNames(
      list.map((n) => (n.startsWith("'") ? `\`${n.slice(1, -1)}\`` : code(n))),
      3,
    );
  const facts = [
    ...[...moved].map(([where, list]) => `${names(list)} ${where}`),
    ...(typed.length > 0 ? [`${names(typed)} now imported as types only`] : []),
    ...(untyped.length > 0 ? [`${names(untyped)} now imported as values`] : []),
    ...(added.length > 0 ? [`imports ${names(added)}`] : []),
    ...(dropped.length > 0 ? [`no longer imports ${names(dropped)}`] : []),
  ];
  if (facts.length === 0 || facts.length > MAX_FACTS) return null;
  return facts.join('; ');
}

/** "Why does X change its imports (`A` now from `./b`, was `./c`), …?": a one-file piece of imports only. */
export function importQuestion(unit: ChangeUnit, rest: string, edits: ReadonlyMap<string, string>): string | null {
  const imports = unit.files.length === 1 ? describeImportEdit(edits.get(unit.label)) : null;
  return imports === null
    ? null
    : `Why does ${unit.label}${rest} change its imports (${imports}), and does anything it uses behave differently?`;
}
