import type * as T from 'typescript';
import { ts } from './typescript.js';

// A pre-order walk in document order over a syntax tree, with whether each node sits in a type
// position. A loop over an explicit stack, never recursion: a file of 5,000 nested array
// literals must not overflow our stack (TypeScript's own parser is guarded in parse-module).

/** Class `extends X` is a value (a constructor); `implements X` and interface `extends X` are types;
 * `f<T>` instantiation expressions are values. */
export function isTypePosition(child: T.Node, parent: T.Node): boolean {
  if (!ts.isTypeNode(child)) return false;
  if (!ts.isExpressionWithTypeArguments(child)) return true;
  if (!ts.isHeritageClause(parent)) return false;
  return !(parent.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(parent.parent));
}

/** `children`: how many child nodes the node has (a pre-order of kinds alone is many trees). */
export type SyntaxVisitor = (node: T.Node, inType: boolean, isLeaf: boolean, children: number) => void;

/**
 * Each node's `parent` is set on the way down, before it is visited: parse-module.ts asks
 * TypeScript for no parent pointers (a walk of its own over the whole tree) since this walk
 * visits every node anyway.
 */
export function walkSyntax(root: T.Node, visit: SyntaxVisitor): void {
  const nodes: T.Node[] = [root];
  const types: boolean[] = [false];
  const children: T.Node[] = [];
  let node: T.Node = root;
  // forEachChild stops at the first truthy return: the callback must return undefined.
  const collect = (child: T.Node): undefined => {
    (child as { parent: T.Node }).parent = node;
    children.push(child);
  };
  while (nodes.length > 0) {
    node = nodes.pop()!;
    const inType = types.pop()!;
    children.length = 0;
    ts.forEachChild(node, collect);
    visit(node, inType, children.length === 0, children.length);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      nodes.push(child);
      types.push(inType || isTypePosition(child, node));
    }
  }
}
