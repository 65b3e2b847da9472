import type * as T from 'typescript';
import { ts } from './typescript.js';
import { boundNames } from './shadowing.js';

// Inside a module's `declare module 'x' { … }` (an augmentation), x's exports are in scope without
// an import: tiptap's extensions write `declare module '@tiptap/core' { interface NodeConfig<O, S>
// { tableRole?: … ParentConfig<NodeConfig<O>>['tableRole'] } }`, reading `ParentConfig` and
// `NodeConfig` of @tiptap/core (tsc resolves both; a name of the file's own scope it does not).
// A script's `declare module 'x'` declares an ambient module instead: nothing of x is in scope.

/** The names the file declares or imports at its top level: they resolve there, not in x. */
function fileNames(sf: T.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const { name, namedBindings } = statement.importClause;
      if (name) names.add(name.text);
      if (namedBindings && ts.isNamespaceImport(namedBindings)) names.add(namedBindings.name.text);
      else if (namedBindings) for (const element of namedBindings.elements) names.add(element.name.text);
    } else if (ts.isImportEqualsDeclaration(statement)) names.add(statement.name.text);
    else if (ts.isVariableStatement(statement))
      for (const decl of statement.declarationList.declarations) boundNames(decl.name).forEach((n) => names.add(n));
    else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as T.Node))
      names.add((statement.name as T.Identifier).text);
  }
  return names;
}

/**
 * The names an augmentation block reads from the module it augments: the first identifier of each
 * type reference, `typeof x` query or `extends` clause in the block that no declaration of the
 * block (but a merging interface or namespace), type parameter, import of the block or name of
 * the file's own scope claims. Empty for a block of a script, or a block that is no augmentation.
 */
export function augmentedNames(sf: T.SourceFile, block: T.ModuleDeclaration): string[] {
  if (!ts.isExternalModule(sf) || !block.body || !ts.isModuleBlock(block.body)) return [];
  const claimed = fileNames(sf);
  for (const inner of block.body.statements) {
    if (
      ts.isImportDeclaration(inner) ||
      ts.isImportEqualsDeclaration(inner) ||
      ts.isInterfaceDeclaration(inner) ||
      ts.isModuleDeclaration(inner)
    )
      continue; // an import's names are bound by the block's imports; an interface or namespace merges with x's
    if (ts.isVariableStatement(inner))
      for (const decl of inner.declarationList.declarations) boundNames(decl.name).forEach((n) => claimed.add(n));
    else if ('name' in inner && inner.name && ts.isIdentifier(inner.name as T.Node)) claimed.add((inner.name as T.Identifier).text);
  }
  const read = new Set<string>();
  const visit = (node: T.Node): void => {
    if (ts.isTypeParameterDeclaration(node)) claimed.add(node.name.text);
    const head = ts.isTypeReferenceNode(node)
      ? node.typeName
      : ts.isTypeQueryNode(node)
        ? node.exprName
        : ts.isExpressionWithTypeArguments(node)
          ? node.expression
          : undefined;
    let first: T.Node | undefined = head;
    while (first && (ts.isQualifiedName(first) || ts.isPropertyAccessExpression(first)))
      first = ts.isQualifiedName(first) ? first.left : first.expression;
    if (first && ts.isIdentifier(first)) read.add(first.text);
    ts.forEachChild(node, visit);
  };
  visit(block.body);
  return [...read].filter((name) => !claimed.has(name));
}
