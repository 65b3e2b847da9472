import type * as T from 'typescript';
import { scriptKindOf } from './script-kind.js';
import { ts } from './typescript.js';

// `type CliDocName = keyof typeof cliDocs` changes with `cliDocs`'s keys, not with its values:
// webstudio 68b745872 rewords three of `cliDocs`'s strings and `CliDocName` was "reshaped, through
// `cliDocs`". Read only where a changed file has such a type (loading TypeScript here, not before).

/** The keys of the object literal a top-level `const local = {…}` (`as const`, `satisfies …`)
 * holds, sorted; null when it holds no object literal or one with a spread or a computed key. */
export function readObjectKeys(path: string, text: string, local: string): string[] | null {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKindOf(path));
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== local) continue;
      let value: T.Expression | undefined = declaration.initializer;
      while (value !== undefined && (ts.isAsExpression(value) || ts.isSatisfiesExpression(value) || ts.isParenthesizedExpression(value)))
        value = value.expression;
      if (value === undefined || !ts.isObjectLiteralExpression(value)) return null;
      const keys: string[] = [];
      for (const property of value.properties) {
        const name = property.name;
        if (name === undefined || ts.isComputedPropertyName(name) || ts.isPrivateIdentifier(name)) return null;
        keys.push(name.text);
      }
      return keys.sort();
    }
  }
  return null;
}
