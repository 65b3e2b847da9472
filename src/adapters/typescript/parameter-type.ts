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

const isDecorated = (node: T.Node): boolean => ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;

/**
 * Whether `id` names the type of a constructor parameter that a framework injects: the whole type
 * (`x: X`, `x: ns.X`, `x: X<T>`) of a parameter of a decorated class's constructor (a decorator on
 * the class or on a parameter). TypeScript's decorator metadata (`design:paramtypes`) emits that
 * type as a value, which NestJS, TypeDI or tsyringe instantiate, and Angular's compiler injects it
 * without the metadata: a use as a value, whose `this.x.m()` calls run the class's code. So is a
 * parameter of a decorated method (a decorator on the method or a parameter: Nest's
 * `create(@Body() dto: CreateDto)`), whose `design:paramtypes` a validation pipe instantiates.
 */
export function isInjectedType(id: T.Identifier): boolean {
  let name: T.Node = id;
  while (ts.isQualifiedName(name.parent) && name.parent.left === name) name = name.parent;
  const reference = name.parent;
  if (!ts.isTypeReferenceNode(reference) || reference.typeName !== name) return false;
  const parameter = reference.parent;
  if (!ts.isParameter(parameter) || parameter.type !== reference) return false;
  const owner = parameter.parent;
  if (ts.isMethodDeclaration(owner) && ts.isClassLike(owner.parent))
    return owner.body !== undefined && (isDecorated(owner) || owner.parameters.some(isDecorated));
  if (!ts.isConstructorDeclaration(owner) || owner.body === undefined) return false;
  return isDecorated(owner.parent) || owner.parameters.some(isDecorated);
}
