import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

// A config module's exported object literal, read from its text and never run (a tool's config
// such as simple-git-hooks.js: `export default {…}`, `module.exports = {…}`, or a `const` of the
// file exported by name). Only init, uninstall and doctor read one, and only for such a config:
// TypeScript is required here, where it is needed, not loaded for every command that imports this.

export interface ObjectEntry {
  readonly name: string;
  /** The value's source text as written. */
  readonly source: string;
  /** The value when it is a plain string (quotes of any kind, a template without `${`), else null. */
  readonly text: string | null;
}

/** The entries in order, or null when the exported value is not an object literal of plain keys. */
export function readExportedObject(file: string, text: string): readonly ObjectEntry[] | null {
  const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const declared = new Map<string, TypeScript.Expression>();
  let exported: TypeScript.Expression | undefined;
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) declared.set(d.name.text, d.initializer);
      }
    } else if (ts.isExportAssignment(statement)) {
      exported = statement.expression;
    } else if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      statement.expression.left.getText(source) === 'module.exports'
    ) {
      exported = statement.expression.right;
    }
  }
  let value = exported;
  for (let hops = 0; value !== undefined && hops < 4; hops++) {
    if (ts.isParenthesizedExpression(value) || ts.isAsExpression(value) || ts.isSatisfiesExpression(value)) value = value.expression;
    else if (ts.isIdentifier(value)) value = declared.get(value.text);
    else break;
  }
  if (value === undefined || !ts.isObjectLiteralExpression(value)) return null;
  const entries: ObjectEntry[] = [];
  for (const property of value.properties) {
    if (!ts.isPropertyAssignment(property)) return null;
    const key = property.name;
    if (!ts.isIdentifier(key) && !ts.isStringLiteral(key)) return null;
    const init = property.initializer;
    const isText = ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init);
    entries.push({ name: key.text, source: init.getText(source), text: isText ? init.text : null });
  }
  return entries;
}
