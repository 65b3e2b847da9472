import type * as T from 'typescript';
import { ts } from './typescript.js';
import type { Collected } from './collect-commonjs.js';
import { isParameterType } from './parameter-type.js';

// Which top-level names of its file a declaration uses, and how: read from the identifiers one
// walk over the file met (parse-module.ts), so a name in a comment or a string is no use. An
// occurrence may run the name's code, only pass it along (a class handed on as an argument),
// or read only its keys (`keyof typeof x`).

/**
 * Top-level names referenced inside `node`, limited to `known` names: the identifiers the one
 * walk over the file met, so a name in a comment or a string is no use. An imported binding read
 * through a member is `ns.member` (`typeof ns.x`, `ns.x()`, `const { x } = ns`): a namespace
 * carries only the members a declaration names.
 */
export function usesOf(words: readonly Word[], node: T.Node, known: ReadonlySet<string>, self: string): Map<string, boolean> {
  // name -> whether every occurrence only passes it along (see `passesAlong`)
  const found = new Map<string, boolean>();
  for (let i = firstWordIn(words, node); i < words.length && words[i]![0] <= node.end; i++) {
    const word = words[i]![1];
    const dot = word.indexOf('.');
    const base = dot < 0 ? word : word.slice(0, dot);
    if (base !== self && known.has(base)) found.set(word, (found.get(word) ?? true) && words[i]![2]);
  }
  return found;
}

/** The index of the first word inside `node` (words are in document order). */
function firstWordIn(words: readonly Word[], node: T.Node): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]![0] <= node.pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An identifier met by the walk: its end offset, its text (`ns.member` for an import read through
 * a member), and whether this occurrence only passes it along. */
export type Word = readonly [end: number, text: string, passes: boolean, keysOnly?: boolean];

/** `x` of `keyof typeof x`: the type reads the names of x's members, never their code. */
export const isKeyOfTypeOf = (node: T.Identifier) =>
  ts.isTypeQueryNode(node.parent) &&
  ts.isTypeOperatorNode(node.parent.parent) &&
  node.parent.parent.operator === ts.SyntaxKind.KeyOfKeyword;

/** The names of `known` that `node` reads only as `keyof typeof x`. */
export function keysOf(words: readonly Word[], node: T.Node, known: ReadonlySet<string>, self: string): string[] {
  const only = new Map<string, boolean>();
  for (let i = firstWordIn(words, node); i < words.length && words[i]![0] <= node.end; i++) {
    const [, text, , keysOnly] = words[i]!;
    if (text !== self && known.has(text)) only.set(text, (only.get(text) ?? true) && keysOnly === true);
  }
  return [...only].filter(([, keys]) => keys).map(([name]) => name);
}

const WRAPPERS = new Set<T.SyntaxKind>([
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.TypeAssertionExpression,
]);

/**
 * An occurrence that holds a name without running its code: a type position, the right side of
 * `instanceof`, an argument handed on (`createInstanceofPredicate("ObservableMap", ObservableMap)`).
 * For a class these carry none of a change to its methods; a call, `new`, a member read or
 * `extends` do. (A function handed on as an argument is a callback: see `passedClasses`.)
 */
export function passesAlong(node: T.Identifier, inType: boolean): boolean {
  if (inType) return !isParameterType(node);
  let child: T.Node = node;
  let parent = node.parent;
  while (WRAPPERS.has(parent.kind)) [child, parent] = [parent, parent.parent];
  if (ts.isBinaryExpression(parent)) return parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && parent.right === child;
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== child;
}

const hasDecorators = (node: T.Node): boolean => ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;

/** A class whose decorators (its own, its members', their parameters') run with it and leave
 * metadata on it: what a function handed the class reads (class-validator, class-transformer). */
const isDecoratedClass = (node: T.ClassDeclaration): boolean =>
  hasDecorators(node) ||
  node.members.some((m) => hasDecorators(m) || (ts.isFunctionLike(m) && m.parameters.some((parameter) => hasDecorators(parameter))));

/** The classes of this file a declaration only passes along (a function handed on is called). A
 * decorated class is never only passed along: docmost's `validate` hands `EnvironmentVariables` to
 * `plainToInstance`, which builds it by its decorated fields, and `validateSync` reads them. */
export function passedClasses(uses: ReadonlyMap<string, boolean>, { nodes, members }: Pick<Collected, 'nodes' | 'members'>): string[] {
  // A class declared apart from its code (`declare class Signal` + `function Signal`, preact
  // signals) is a class too: a type naming it reads the declared class, not the function.
  const isClass = (name: string) => {
    const declared = [nodes.get(name)?.[0], ...(members.get(name) ?? [])].filter((node) => node !== undefined);
    const classes = declared.filter((node): node is T.ClassDeclaration => node.kind === ts.SyntaxKind.ClassDeclaration);
    return classes.length > 0 && !classes.some(isDecoratedClass);
  };
  return [...uses].filter(([name, passes]) => passes && isClass(name)).map(([name]) => name);
}
