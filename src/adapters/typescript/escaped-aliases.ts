import type * as T from 'typescript';
import { ts } from './typescript.js';
import type { Word } from './declaration-uses.js';
import type { BindingTrace } from './trace-uses.js';

// A name typed as a namespace (`const namespace = m as typeof testModule`, a prop `lib: typeof
// TLib`) that is handed on whole — spread into the object a function returns, returned, passed
// to a call — is read where that value lands, which one file's walk does not follow. lit's
// `render-lit_test.ts` returns `{ ...namespace, render }` from `setup()`, and each test does
// `const { render, templateWithTextExpression } = await setup()`: the language service follows
// the type to those members. Such a name reads the members the file destructures anywhere
// (`{ a, b } = …`); the walk keeps those that are the module's exports.

/** The keys of every object destructuring pattern in `sf`, with the position their word takes. */
function destructuredKeys(sf: T.SourceFile): Array<[end: number, key: string, line: number]> {
  const keys: Array<[number, string, number]> = [];
  const visit = (node: T.Node): void => {
    if (ts.isObjectBindingPattern(node))
      for (const element of node.elements) {
        const key = element.propertyName ?? element.name;
        if (!element.dotDotDotToken && (ts.isIdentifier(key) || ts.isStringLiteralLike(key)))
          keys.push([key.end, key.text, sf.getLineAndCharacterOfPosition(key.getStart(sf)).line + 1]);
      }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return keys;
}

/**
 * For each namespace a typed alias handed on whole (an alias's own use, counted nowhere else):
 * the members the file destructures are read, in values, with a word each at its place so the
 * declaration holding it carries the change on. Returns the words, `words` and more, in order.
 */
export function readEscapedAliases(sf: T.SourceFile, traces: ReadonlyMap<string, BindingTrace>, words: readonly Word[]): Word[] {
  const escaped = new Set<string>();
  for (const trace of traces.values()) if (trace.aliasOf !== undefined && trace.value + trace.type > 0) escaped.add(trace.aliasOf);
  if (escaped.size === 0) return [...words];
  const keys = destructuredKeys(sf);
  const added: Word[] = [];
  for (const local of escaped) {
    const members = traces.get(local)?.members;
    if (members === undefined) continue;
    for (const [end, key, line] of keys) {
      const use = members.get(key);
      if (use === undefined) members.set(key, [line, 0]);
      else use[0] ||= line;
      added.push([end, `${local}.${key}`, false]);
    }
  }
  return [...words, ...added].sort((a, b) => a[0] - b[0]);
}
