import type * as T from 'typescript';
import { ts } from './typescript.js';
import type { ImportDraft } from './collect-imports.js';
import type { Word } from './declaration-uses.js';
import { jsDocImports, type ImportTypeFound } from './jsdoc-imports.js';

// `import('x').Name` as a type: `type Options = import('./config').Config` in TypeScript, and in a
// JavaScript file's JSDoc, where TypeScript reads it as a type too (lit's analyzer fixture
// `@typedef {import('lit').LitElement} LitElement`, a `@type {import('vite').UserConfig}` config).
// Each is a type use of Name, by a binding of its own, and a word at its place, so that the
// declaration holding it carries a change on as an import's use would. `typeof import('x')`
// alone names no member: not read here (the edge is in the graph, no name travels it).

type Found = ImportTypeFound;

/** A qualified import type (`import('x').Name`) met by parse-module's walk of the syntax tree, in
 * document order (TypeScript and JavaScript alike): no second walk of the tree for it. */
export function addImportType(node: T.Node, found: Found[]): void {
  if (node.kind !== ts.SyntaxKind.ImportType) return;
  const type = node as T.ImportTypeNode;
  if (!type.qualifier || !ts.isLiteralTypeNode(type.argument) || !ts.isStringLiteral(type.argument.literal)) return;
  let first: T.EntityName = type.qualifier;
  while (ts.isQualifiedName(first)) first = first.left;
  found.push({ specifier: type.argument.literal.text, name: first.text, end: first.end });
}

/** One draft per import type (its binding's local is `import#n`, no identifier of the file), and
 * its word: those of the syntax tree (`inSyntax`, found by addImportType), then a JavaScript
 * file's JSDoc ones. */
export function importTypeDrafts(
  sf: T.SourceFile,
  inSyntax: readonly Found[],
  isJavaScript: boolean,
): { drafts: ImportDraft[]; words: Word[] } {
  if (!sf.text.includes('import(')) return { drafts: [], words: [] };
  const found = [...inSyntax, ...(isJavaScript ? jsDocImports(sf.text) : [])];
  const drafts = found.map(({ specifier, name, end }, i): ImportDraft => {
    const line = sf.getLineAndCharacterOfPosition(end).line + 1;
    const trace = { value: 0, type: line, members: new Map<string, [number, number]>() };
    return {
      record: { specifier, kind: 'static', isTypeOnly: true, names: [name], line },
      bindings: [{ imported: name, local: `import#${i}`, trace }],
    };
  });
  return { drafts, words: found.map(({ end }, i): Word => [end, `import#${i}`, false]) };
}
