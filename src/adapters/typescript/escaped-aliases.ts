import type * as T from 'typescript';
import { ts } from './typescript.js';
import type { Word } from './declaration-uses.js';
import { castValue, memberOf, type BindingTrace } from './trace-uses.js';

// A name typed as a namespace (`const namespace = m as typeof testModule`, a prop `lib: typeof
// TLib`) that is handed on whole — spread into the object a function returns, returned, passed
// to a call — is read where that value lands, which one file's walk does not follow. lit's
// `render-lit_test.ts` returns `{ ...namespace, render }` from `setup()`, and each test does
// `const { render, templateWithTextExpression } = await setup()`: the language service follows
// the type to those members. Such a name reads the members the file destructures anywhere
// (`{ a, b } = …`) or reads by name (`page.a`: the object returned whole, kept in a variable); the
// walk keeps those that are the module's exports. So does a cast `as typeof ns` that initializes no
// variable (`withRender({ ...(x as typeof ns) })`) handed on whole; read in place
// (`(x as typeof ns).a`, `const { a } = x as typeof ns`), it reads those members only.

/** The names every object destructuring pattern and property access in `sf` reads, with the position their word takes. */
function keysRead(sf: T.SourceFile): Array<[end: number, key: string, line: number]> {
  const keys: Array<[number, string, number]> = [];
  const add = (key: T.Node): void => {
    if (ts.isIdentifier(key) || ts.isStringLiteralLike(key))
      keys.push([key.end, key.text, sf.getLineAndCharacterOfPosition(key.getStart(sf)).line + 1]);
  };
  const visit = (node: T.Node): void => {
    if (ts.isObjectBindingPattern(node))
      for (const element of node.elements) if (!element.dotDotDotToken) add(element.propertyName ?? element.name);
    if (ts.isPropertyAccessExpression(node) && node.expression.kind !== ts.SyntaxKind.ThisKeyword) add(node.name);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return keys;
}

/**
 * `id` in `x as typeof ns` (`<typeof ns>x`, `satisfies`) whose value initializes no variable: the
 * words of the members read on it in place, or none with the cast marked handed on whole (read by
 * readEscapedAliases). Undefined for any other use of `id`.
 */
export function traceCastInPlace(sf: T.SourceFile, id: T.Identifier, trace: BindingTrace): Word[] | undefined {
  const value = castValue(id);
  if (value === undefined || (ts.isVariableDeclaration(value.parent) && ts.isIdentifier(value.parent.name))) return undefined;
  const members = memberOf(value, value.parent);
  if (members === null) {
    trace.castEscapes = true;
    return [];
  }
  const line = sf.getLineAndCharacterOfPosition(id.getStart(sf)).line + 1;
  for (const member of members) {
    const use = trace.members.get(member);
    if (use === undefined) trace.members.set(member, [line, 0]);
    else use[0] ||= line;
  }
  return members.map((member) => [id.end, `${id.text}.${member}`, false]);
}

/**
 * For each namespace a typed alias handed on whole (an alias's own use, counted nowhere else):
 * the members the file destructures or reads by name are read, in values, with a word each at its place so the
 * declaration holding it carries the change on. Returns the words, `words` and more, in order.
 */
export function readEscapedAliases(sf: T.SourceFile, traces: ReadonlyMap<string, BindingTrace>, words: readonly Word[]): Word[] {
  const escaped = new Set<string>();
  for (const [local, trace] of traces) {
    if (trace.aliasOf !== undefined && trace.value + trace.type > 0) escaped.add(trace.aliasOf);
    if (trace.castEscapes === true) escaped.add(local);
  }
  if (escaped.size === 0) return [...words];
  const keys = keysRead(sf);
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
