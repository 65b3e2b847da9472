// The oracle's reading of an injected constructor parameter (scripts/oracle-service.mjs's classify).
import ts from 'typescript';

const isDecorated = (node) => ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
const isDecoratedMethod = (method) =>
  ts.isClassLike(method.parent) && method.body !== undefined && (isDecorated(method) || method.parameters.some(isDecorated));

/**
 * The whole type of a constructor parameter of a decorated class (a decorator on the class or on
 * a parameter): `design:paramtypes` emits it as a value under emitDecoratorMetadata, which
 * NestJS-style injectors instantiate, and Angular's compiler injects it without that flag; the
 * class's `this.x.m()` calls run its code. A value use (docs/impact.md, round 45). So is the whole
 * type of a parameter of a decorated method (a decorator on the method or a parameter: Nest's
 * `create(@Body() dto: CreateDto)`), emitted as its `design:paramtypes` (round 46), the whole type
 * of a decorated property (`design:type`) and of a decorated method's return (`design:returntype`, round 47).
 */
export function isInjected(node) {
  let name = node;
  while (name.parent && ts.isQualifiedName(name.parent) && name.parent.left === name) name = name.parent;
  const reference = name.parent;
  if (!reference || !ts.isTypeReferenceNode(reference) || reference.typeName !== name) return false;
  const parameter = reference.parent;
  if (ts.isPropertyDeclaration(parameter) && parameter.type === reference) return isDecorated(parameter);
  if (ts.isMethodDeclaration(parameter) && parameter.type === reference) return isDecoratedMethod(parameter);
  if (!ts.isParameter(parameter) || parameter.type !== reference) return false;
  const owner = parameter.parent;
  if (ts.isMethodDeclaration(owner)) return isDecoratedMethod(owner);
  if (!ts.isConstructorDeclaration(owner) || owner.body === undefined) return false;
  return isDecorated(owner.parent) || owner.parameters.some(isDecorated);
}
