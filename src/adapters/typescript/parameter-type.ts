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

/** A class's method with a body, decorated itself or at a parameter: TypeScript emits its metadata. */
const isDecoratedMethod = (method: T.MethodDeclaration): boolean =>
  ts.isClassLike(method.parent) && method.body !== undefined && (isDecorated(method) || method.parameters.some(isDecorated));

/**
 * Whether `id` names the type of a constructor parameter that a framework injects: the whole type
 * (`x: X`, `x: ns.X`, `x: X<T>`) of a parameter of a decorated class's constructor (a decorator on
 * the class or on a parameter). TypeScript's decorator metadata (`design:paramtypes`) emits that
 * type as a value, which NestJS, TypeDI or tsyringe instantiate, and Angular's compiler injects it
 * without the metadata: a use as a value, whose `this.x.m()` calls run the class's code. So is a
 * parameter of a decorated method (a decorator on the method or a parameter: Nest's
 * `create(@Body() dto: CreateDto)`), whose `design:paramtypes` a validation pipe instantiates,
 * and so are the whole type of a decorated property (`@ValidateNested() @Type(() => X) x: X`:
 * `design:type`) and of a decorated method's return (`design:returntype`).
 */
export function isInjectedType(id: T.Identifier): boolean {
  let name: T.Node = id;
  while (ts.isQualifiedName(name.parent) && name.parent.left === name) name = name.parent;
  const reference = name.parent;
  if (!ts.isTypeReferenceNode(reference) || reference.typeName !== name) return false;
  const parameter = reference.parent;
  // A decorated property's type (`design:type`) and a decorated method's return type (`design:returntype`).
  if (ts.isPropertyDeclaration(parameter) && parameter.type === reference) return isDecorated(parameter);
  if (ts.isMethodDeclaration(parameter) && parameter.type === reference) return isDecoratedMethod(parameter);
  if (!ts.isParameter(parameter) || parameter.type !== reference) return false;
  const owner = parameter.parent;
  if (ts.isMethodDeclaration(owner)) return isDecoratedMethod(owner);
  if (!ts.isConstructorDeclaration(owner) || owner.body === undefined) return false;
  return isDecorated(owner.parent) || owner.parameters.some(isDecorated);
}
