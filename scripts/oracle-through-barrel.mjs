// For a changed re-export (`export { x } from './defaults'` in a barrel), findReferences on the
// export specifier lists every reference to the declaration it names, also in files that import
// it from elsewhere (from './defaults' directly) and are untouched by the barrel's change. This
// keeps a reference only when it reaches the declaration through the barrel: the alias chain of
// its symbol (import specifier -> barrel's export specifier -> ...) passes through the barrel,
// or, for `ns.x`, the namespace `ns` is the barrel's module or an alias of it.
import ts from 'typescript';

// `{ MobileLayoutModel }` (nocobase 3d5e803ee1's registerModels): the name of a shorthand property
// is its own symbol, declared in the file that writes it; the value it reads is the import's.
const symbolAt = (checker, node) =>
  ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
    ? checker.getShorthandAssignmentValueSymbol(node.parent)
    : checker.getSymbolAtLocation(node);

/** Whether `symbol`, followed alias by alias, is declared in `file` (a /repo/… path) on the way. */
function passesThrough(checker, symbol, file) {
  for (let s = symbol, hops = 0; s && hops < 50; hops++) {
    if ((s.declarations ?? []).some((d) => d.getSourceFile().fileName === file)) return true;
    if (!(s.flags & ts.SymbolFlags.Alias)) return false;
    s = checker.getImmediateAliasedSymbol(s);
  }
  return false;
}

/** Whether the identifier `node` refers to its declaration through the barrel `file`. */
export function reachesThroughBarrel(checker, node, file) {
  if (!ts.isIdentifier(node)) return true;
  if (passesThrough(checker, symbolAt(checker, node), file)) return true;
  const parent = node.parent;
  const left =
    ts.isPropertyAccessExpression(parent) && parent.name === node
      ? parent.expression
      : ts.isQualifiedName(parent) && parent.right === node
        ? parent.left
        : undefined;
  return left !== undefined && passesThrough(checker, checker.getSymbolAtLocation(left), file);
}

/** Whether the file binds `name` by an import of a name (`import { x }`, `import x`), not a namespace. */
const isImportedName = (sf, name) =>
  sf.statements.some((s) => {
    const clause = ts.isImportDeclaration(s) ? s.importClause : undefined;
    const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
    return clause?.name?.text === name || named.some((e) => e.name.text === name);
  });

/** Whether `decl` re-exports from another module: `export { x } from './m'`, or `export { x }` of an
 * `x` the file imports (milkdown 71c0ce53b6's `import { mathInlineId } from './constants'; export {
 * mathInlineId }`: the files importing it from './constants' are no users of this export). */
export const isReexport = (decl) =>
  ts.isExportSpecifier(decl) &&
  (decl.parent.parent.moduleSpecifier !== undefined || isImportedName(decl.getSourceFile(), (decl.propertyName ?? decl.name).text));

// `export class CommandHelp …` + `export default CommandHelp` (oclif/core src/help/command.ts), and
// `export default class Elysia` + `export { Elysia }` (elysia src/index.ts): findReferences from
// either export lists every reference of the class, also in the files that import it by its other
// name. For an export of such a declaration, keep a reference only when its alias chain reaches
// the file through that export's name.
/** Whether the identifier `node` reaches `file`'s declarations through its export `name`. */
export function reachesThroughName(checker, node, file, name) {
  if (!ts.isIdentifier(node)) return true;
  for (let s = symbolAt(checker, node), hops = 0; s && hops < 50; hops++) {
    if ((s.declarations ?? []).some((d) => d.getSourceFile().fileName === file)) return s.escapedName === name;
    if (!(s.flags & ts.SymbolFlags.Alias)) return true;
    s = checker.getImmediateAliasedSymbol(s);
  }
  return true;
}

/** Whether the identifier `node` reaches `file`'s declarations through its default export. */
export const reachesThroughDefault = (checker, node, file) => reachesThroughName(checker, node, file, 'default');

/** Whether `decl` is `export default <name>` (not `export =`). */
export const isDefaultOfName = (decl) => ts.isExportAssignment(decl) && !decl.isExportEquals && ts.isIdentifier(decl.expression);

/** The declaration an export stands for in its own file: `export { X }` and `export default X` name X's. */
function localTarget(checker, decl) {
  const symbol =
    ts.isExportSpecifier(decl) && !decl.parent.parent.moduleSpecifier
      ? checker.getExportSpecifierLocalTargetSymbol(decl)
      : ts.isExportAssignment(decl) && ts.isIdentifier(decl.expression)
        ? checker.getSymbolAtLocation(decl.expression)
        : undefined;
  return symbol?.declarations?.[0] ?? decl;
}

/** Whether the export `name` of `decls` (printDeclarations) stands for a declaration another export of the file names too. */
export function isSharedDeclaration(checker, decls, name) {
  const target = localTarget(checker, decls.get(name).decl);
  return [...decls].filter(([, d]) => localTarget(checker, d.decl) === target).length > 1;
}
