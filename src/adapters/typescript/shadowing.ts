import type * as T from 'typescript';
import { ts } from './typescript.js';

// Where a top-level name is not what an identifier reads: a parameter or a local of the same
// name hides it (express's `function (req, res)` beside `var req = require('./request')`), a
// type parameter hides it where a type is read.
// parse-module.ts asks it for each identifier that spells an imported name.

/** The names a variable declaration binds, through object and array patterns. */
export function boundNames(name: T.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}

/** The names a scope node declares for the code inside it (parameters, its block's declarations). */
function declaredIn(scope: T.Node): string[] {
  const names: string[] = [];
  if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) names.push(...boundNames(parameter.name));
    if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name) names.push(scope.name.text);
  } else if (ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
    for (const statement of scope.statements) {
      if (ts.isVariableStatement(statement))
        for (const decl of statement.declarationList.declarations) names.push(...boundNames(decl.name));
      else if (
        (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
        statement.name
      )
        names.push(statement.name.text);
    }
  } else if (ts.isCatchClause(scope) && scope.variableDeclaration) names.push(...boundNames(scope.variableDeclaration.name));
  else if ((ts.isForStatement(scope) || ts.isForInStatement(scope) || ts.isForOfStatement(scope)) && scope.initializer) {
    if (ts.isVariableDeclarationList(scope.initializer))
      for (const decl of scope.initializer.declarations) names.push(...boundNames(decl.name));
  }
  return names;
}

const NONE: ReadonlySet<string> = new Set();

/** Whether `id` is the name of a declaration (a parameter, a variable or binding element, a
 * function, class or enum): every name `declaredIn` lists is such an identifier, so a name no
 * identifier of a file declares is hidden nowhere in it (isShadowed need not look). */
export function isDeclaredName(id: T.Identifier): boolean {
  const parent = id.parent;
  return (
    (ts.isParameter(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isBindingElement(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isClassExpression(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isTypeParameterDeclaration(parent)) &&
    parent.name === id
  );
}

/** The type parameters a node declares for the types inside it (a generic's, a mapped type's key). */
function typeParametersOf(node: T.Node): readonly string[] {
  if (ts.isMappedTypeNode(node)) return [node.typeParameter.name.text];
  const { typeParameters } = node as { typeParameters?: T.NodeArray<T.TypeParameterDeclaration> };
  return typeParameters?.map((parameter) => parameter.name.text) ?? [];
}

/**
 * Whether an inner declaration of the same name hides the top-level one here: express's
 * `var req = require('./request')` is not what `function (req, res) { app.handle(req, …) }`
 * reads. Blocks' own declarations and parameters only (a `var` hoisted out of a nested block is
 * missed: that keeps a use, never hides one).
 */
export function isShadowed(id: T.Identifier, scopes: Map<T.Node, ReadonlySet<string>>): boolean {
  // A type named by a bare word is a type parameter's where one of that name is in scope: fp-ts's
  // `<_>(self: IO<_>) => IO<A>` beside `import * as _ from './internal'` (a namespace is no type,
  // so `IO<_>` never names it; `_.Foo` and `typeof _` still do).
  const isType = ts.isTypeReferenceNode(id.parent) && id.parent.typeName === id;
  for (let at: T.Node = id.parent; !ts.isSourceFile(at); at = at.parent) {
    if (isType && typeParametersOf(at).includes(id.text)) return true;
    let names = scopes.get(at);
    if (names === undefined) {
      const declared = declaredIn(at);
      scopes.set(at, (names = declared.length === 0 ? NONE : new Set(declared)));
    }
    if (names.has(id.text)) return true;
  }
  return false;
}
