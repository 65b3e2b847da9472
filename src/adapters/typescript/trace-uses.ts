import type * as T from 'typescript';
import { ts } from './typescript.js';
import type { ImportDraft } from './collect-imports.js';

// Where and how a file uses each name it imports: as a value or only in types, with the line of
// the first use, and the members it is used through (`ns.a`, `{ a } = ns`). Every binding keeps
// its members, not only `import * as ns` and `const m = require()`: a named import can be a
// namespace too (`import { util }` of `export * as util from`), which only the walk over the
// graph can tell. `export { x }` of an imported `x` passes it on: not a use.

export interface BindingTrace {
  /** Uses of the binding itself, not through one of its members. */
  value: number;
  type: number;
  /** member -> [first value line, first type line]. */
  members: Map<string, [number, number]>;
  /** The binding holds a whole module (`const pino = require('./pino')`). */
  readonly isModule?: boolean;
  /** A name declared with a namespace's type (`lib: typeof TLib`): the namespace's local name.
   * Its members are the namespace's; the name itself passed along reads none of them. */
  readonly aliasOf?: string;
  /** A value cast `as typeof` this namespace, kept in no variable, is handed on whole (`f({ ...(x as typeof ns) })`). */
  castEscapes?: boolean;
}

/**
 * `let parser: typeof Parser` (typescript-estree's tests), a prop `excalidrawLib: typeof
 * TExcalidraw` then destructured (excalidraw's browser example), a variable initialized with a
 * value cast `as typeof ns`: the name declared with the namespace's type, whose member reads are
 * the namespace's. Undefined for any other `typeof`.
 */
export function typedAlias(id: T.Identifier, isAlias = false): string | undefined {
  const query = id.parent;
  // `type Lib = typeof TLib` names the namespace's type: `lib: Lib` is typed as `lib: typeof TLib` is.
  const isAliasType = isAlias && ts.isTypeReferenceNode(query) && query.typeName === id && query.typeArguments === undefined;
  if (!isAliasType && (!ts.isTypeQueryNode(query) || query.exprName !== id)) return undefined;
  const holder = query.parent;
  const isHolder =
    ts.isVariableDeclaration(holder) ||
    ts.isParameter(holder) ||
    ts.isPropertySignature(holder) ||
    ts.isPropertyDeclaration(holder) ||
    (ts.isTypeAliasDeclaration(holder) && holder.typeParameters === undefined);
  if (isHolder) return holder.type === query && ts.isIdentifier(holder.name) ? holder.name.text : undefined;
  if (isAliasType) return undefined;
  // `const namespace = (await load(url)).namespace as typeof testModule` (lit's render-lit_test.ts):
  // the variable the cast value initializes.
  const value = castValue(id);
  const variable = value?.parent;
  return variable && ts.isVariableDeclaration(variable) && variable.initializer === value && ts.isIdentifier(variable.name)
    ? variable.name.text
    : undefined;
}

/** The value a cast `as typeof ns` (`<typeof ns>`, `satisfies`) at `id` makes, through parens and `!`. */
export function castValue(id: T.Identifier): T.Expression | undefined {
  const query = id.parent;
  const holder = query.parent;
  const isCast =
    ts.isTypeQueryNode(query) &&
    query.exprName === id &&
    (ts.isAsExpression(holder) || ts.isTypeAssertionExpression(holder) || ts.isSatisfiesExpression(holder)) &&
    holder.type === query;
  if (!isCast) return undefined;
  let value: T.Expression = holder;
  while (ts.isParenthesizedExpression(value.parent) || ts.isNonNullExpression(value.parent)) value = value.parent;
  return value;
}

/** The trace of such a name: the namespace's members, uses of its own counted nowhere. */
export const aliasTrace = (trace: BindingTrace, local: string): BindingTrace => ({
  value: 0,
  type: 0,
  members: trace.members,
  aliasOf: trace.aliasOf ?? local,
});

const lineOf = (sf: T.SourceFile, node: T.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

function mark(use: { value: number; type: number } | [number, number], isType: boolean, line: number): void {
  if (Array.isArray(use)) {
    if (isType) use[1] ||= line;
    else use[0] ||= line;
  } else if (isType) use.type ||= line;
  else use.value ||= line;
}

/** A name in a declaring or member position (`a.x`, `{ x: 1 }`, `function x`) is not a reference. */
export function isReference(id: T.Identifier, parent: T.Node): boolean {
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isExportSpecifier(parent) || ts.isExportAssignment(parent)) return false; // a pass-through
  const p = parent as unknown as { name?: T.Node; propertyName?: T.Node; right?: T.Node; label?: T.Node };
  if (p.name === id || p.propertyName === id || p.label === id) return false;
  return !(ts.isQualifiedName(parent) && parent.right === id);
}

/**
 * The members `id` names; with `isNamespace` (a namespace or a name typed as one), in a type too:
 * `typeof ns['a']` and `Lib['a']` of `type Lib = typeof ns` read `a` (a named import's stays a
 * use of the name, as the reading without TypeScript has it).
 */
export function memberOf(id: T.Expression, parent: T.Node, isNamespace = false): string[] | null {
  if (isNamespace && (ts.isTypeQueryNode(parent) || ts.isTypeReferenceNode(parent))) {
    const access = parent.parent;
    const isIndexed = ts.isIndexedAccessTypeNode(access) && access.objectType === parent && ts.isLiteralTypeNode(access.indexType);
    const key = isIndexed ? access.indexType.literal : undefined;
    if (key !== undefined && ts.isStringLiteral(key)) return [key.text];
  }
  if (ts.isPropertyAccessExpression(parent) && parent.expression === id) return [parent.name.text];
  if (ts.isQualifiedName(parent) && parent.left === id) return [parent.right.text];
  if (ts.isElementAccessExpression(parent) && parent.expression === id && ts.isStringLiteralLike(parent.argumentExpression)) {
    return [parent.argumentExpression.text];
  }
  if (ts.isVariableDeclaration(parent) && parent.initializer === id) return namesOfPattern(parent.name);
  // `vi.spyOn(ns, 'name')`, `sinon.stub(ns, 'name')`: the string beside it names the member.
  if (ts.isCallExpression(parent)) {
    const next = parent.arguments[parent.arguments.indexOf(id) + 1];
    if (next && ts.isStringLiteralLike(next) && parent.arguments.includes(id)) return [next.text];
  }
  return null;
}

/**
 * `ns.core.a` reads `a` of the namespace `core` that `ns` holds (zod's `z.core.$ZodCodec`): kept as
 * `core.a`, so the walk can tell it from `z.core.isValidIPv6`. One level deeper only; `ns.core`
 * used otherwise stays `core`.
 */
function withInnerMember(member: string, access: T.Node): string {
  const outer = access.parent;
  if (ts.isPropertyAccessExpression(access) && ts.isPropertyAccessExpression(outer) && outer.expression === access)
    return `${member}.${outer.name.text}`;
  if (ts.isQualifiedName(access) && ts.isQualifiedName(outer) && outer.left === access) return `${member}.${outer.right.text}`;
  return member;
}

/**
 * `vi.mocked(ns)` / `jest.mocked(ns)` returns `ns` typed as a mock: kept in a variable it is an
 * alias (its name returned), read through a member or destructured it reads those members;
 * null when `id` is not the argument of such a call.
 */
function mockedUse(id: T.Identifier, parent: T.Node): string | string[] | null {
  if (!ts.isCallExpression(parent) || parent.arguments[0] !== id) return null;
  const callee = parent.expression;
  const isMocked = ts.isPropertyAccessExpression(callee)
    ? callee.name.text === 'mocked'
    : ts.isIdentifier(callee) && callee.text === 'mocked';
  if (!isMocked) return null;
  const outer = parent.parent;
  if (ts.isVariableDeclaration(outer) && outer.initializer === parent && ts.isIdentifier(outer.name)) return outer.name.text;
  return memberOf(parent, outer);
}

/** The property names a destructuring pattern reads, or null when it keeps the rest (`...rest`). */
export function namesOfPattern(name: T.BindingName): string[] | null {
  if (!ts.isObjectBindingPattern(name)) return null;
  const names: string[] = [];
  for (const element of name.elements) {
    const key = element.propertyName ?? element.name;
    if (element.dotDotDotToken || !(ts.isIdentifier(key) || ts.isStringLiteralLike(key))) return null;
    names.push(key.text);
  }
  return names;
}

/**
 * Traces one use of a binding. Returns the name of a local that aliases it
 * (`const m = vi.mocked(ns)`): the caller traces that name into the same binding.
 */
export function traceIdentifier(sf: T.SourceFile, id: T.Identifier, inType: boolean, trace: BindingTrace): string | undefined {
  const parent = id.parent;
  if (!isReference(id, parent)) return undefined;
  const mocked = mockedUse(id, parent);
  if (typeof mocked === 'string') return mocked;
  // `pino({ … })` calls what `module.exports = pino` made: it reads that, not `pino.multistream`.
  const isCalled = trace.isModule === true && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === id;
  const members = isCalled ? ['export='] : (mocked ?? memberOf(id, parent, trace.isModule === true || trace.aliasOf !== undefined));
  if (members === null) return void mark(trace, inType, lineOf(sf, id));
  for (const member of mocked ? members : members.map((m) => withInnerMember(m, parent))) {
    let use = trace.members.get(member);
    if (!use) trace.members.set(member, (use = [0, 0]));
    mark(use, inType, lineOf(sf, id));
  }
  return undefined;
}

/** Reads through `access`, a property holding a typed alias (`window.Lib`): the members it reads, marked. */
export function traceAccess(sf: T.SourceFile, access: T.PropertyAccessExpression, inType: boolean, trace: BindingTrace): string[] {
  const members = memberOf(access, access.parent) ?? [];
  for (const member of members) {
    let use = trace.members.get(member);
    if (!use) trace.members.set(member, (use = [0, 0]));
    mark(use, inType, lineOf(sf, access));
  }
  return members;
}

const stringArg = (call: T.CallExpression): string | null => {
  const [arg] = call.arguments;
  return arg && ts.isStringLiteralLike(arg) ? arg.text : null;
};

/** The expression inside parentheses, `as T`, `satisfies T`, `<T>x` and `x!`. */
export function skipCasts(node: T.Expression): T.Expression {
  while (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isNonNullExpression(node)
  )
    node = node.expression;
  return node;
}

export const isRequireCall = (node: T.Node): node is T.CallExpression =>
  ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && stringArg(node) !== null;

/** A binding an import makes, with an empty trace for the walk to fill in. */
export const bindTrace = (imported: string, local: string): ImportDraft['bindings'][number] => ({
  imported,
  local,
  trace: { value: 0, type: 0, members: new Map<string, [number, number]>(), ...(imported === '*' && { isModule: true }) },
});

/** The first parameter of `cb` in `<target>.then(cb)`, when `cb` is a function written there. */
function thenParameter(target: T.Node): T.ParameterDeclaration | undefined {
  if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'then') return undefined;
  const call = target.parent;
  if (!ts.isCallExpression(call) || call.expression !== target) return undefined;
  const [callback] = call.arguments;
  return callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? callback.parameters[0] : undefined;
}

/** `import('x')` or `require('x')` inside code. Kept in a variable (`const m = await import('x')`,
 * `const { a } = require('x')`), it binds names the walk traces like an import's, so `m.a` uses
 * `a` only; `require('x').a` and `(await import('x')).a` read `a`; otherwise (`return import('x')`,
 * `f(require('x'))`, `import('x').then(f)`) it may read any member: the whole module. A callback
 * written in `.then(…)` binds its parameter as a variable would. */
export function traceCall(sf: T.SourceFile, call: T.CallExpression): ImportDraft | null {
  const specifier = stringArg(call);
  const isDynamic = call.expression.kind === ts.SyntaxKind.ImportKeyword;
  if (specifier === null || !(isDynamic || isRequireCall(call))) return null;
  let target: T.Node = call.parent;
  let isAwaited = false;
  while (
    ts.isAwaitExpression(target) ||
    ts.isParenthesizedExpression(target) ||
    ts.isAsExpression(target) ||
    ts.isSatisfiesExpression(target) ||
    ts.isNonNullExpression(target)
  ) {
    isAwaited ||= ts.isAwaitExpression(target);
    target = target.parent;
  }
  let names: string[] | null = null;
  const bindings: ImportDraft['bindings'][number][] = [];
  // The module itself, not a promise of it (`import('x').then`, `const p = import('x')`).
  const isModule = !isDynamic || isAwaited;
  if (isModule && ts.isVariableDeclaration(target) && ts.isIdentifier(target.name)) bindings.push(bindTrace('*', target.name.text));
  else if (isModule && ts.isVariableDeclaration(target)) {
    names = namesOfPattern(target.name);
    const elements = ts.isObjectBindingPattern(target.name) ? target.name.elements : [];
    if (names !== null) elements.forEach((e, i) => ts.isIdentifier(e.name) && bindings.push(bindTrace(names![i]!, e.name.text)));
  } else if (isModule && ts.isPropertyAccessExpression(target)) names = [target.name.text];
  // `parser = await import('../../src/parser.js')` into a variable declared before: bound like `const parser = …`.
  else if (
    isModule &&
    ts.isBinaryExpression(target) &&
    target.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isIdentifier(target.left)
  )
    bindings.push(bindTrace('*', target.left.text));
  else if (isDynamic) {
    // `import('x').then(({ a }) => …)` or `.then((m) => m.a)` (TanStack/query's angular devtools
    // example): the callback's parameter holds the module, as `const … = await import('x')` would.
    const param = thenParameter(target);
    if (param && ts.isIdentifier(param.name)) bindings.push(bindTrace('*', param.name.text));
    else if (param && (names = namesOfPattern(param.name)) !== null) {
      const elements = (param.name as T.ObjectBindingPattern).elements;
      elements.forEach((e, i) => ts.isIdentifier(e.name) && bindings.push(bindTrace(names![i]!, e.name.text)));
    }
  }
  const kind = isDynamic ? 'dynamic' : 'require';
  return { record: { specifier, kind, isTypeOnly: false, names: names ?? '*', line: lineOf(sf, call) }, bindings };
}
