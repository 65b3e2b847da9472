import type * as T from 'typescript';
import { ts } from './typescript.js';

const TYPE_WRAPPERS = new Set<T.SyntaxKind>([
  ts.SyntaxKind.TypeReference,
  ts.SyntaxKind.UnionType,
  ts.SyntaxKind.IntersectionType,
  ts.SyntaxKind.ArrayType,
  ts.SyntaxKind.ParenthesizedType,
  ts.SyntaxKind.TypeOperator,
]);

/**
 * Whether a type names the parameter of code (a function, method or arrow, not a function type):
 * the code receives an instance and runs its methods (hono's `cloneRawRequest(req: HonoRequest)`
 * calls `req.header()`), so a change to the class reaches it.
 */
export function isParameterType(node: T.Node): boolean {
  let child: T.Node = node;
  let parent = node.parent;
  while (parent !== undefined && (TYPE_WRAPPERS.has(parent.kind) || ts.isQualifiedName(parent))) [child, parent] = [parent, parent.parent];
  if (parent === undefined || !ts.isParameter(parent) || parent.type !== child) return false;
  const owner = parent.parent;
  return ts.isFunctionLike(owner) && (owner as { body?: T.Node }).body !== undefined;
}
