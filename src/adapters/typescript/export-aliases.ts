import type * as T from 'typescript';
import type { MemberRecord } from '../../core/questionnaire/changed-members.js';
import { ts } from './typescript.js';

// An export named apart from its declaration is that declaration, for the pieces a question names.
/** `export { SelectItem as Item }` (radix-ui's components): the export `Item` is `SelectItem`. */
export function exportAliases(sf: T.SourceFile): MemberRecord[] {
  return sf.statements.flatMap((statement) =>
    ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)
      ? statement.exportClause.elements.flatMap((e) =>
          e.propertyName && ts.isIdentifier(e.propertyName)
            ? [{ owner: e.name.text, name: '', hash: '', isProperty: false, aliasOf: e.propertyName.text }]
            : [],
        )
      : [],
  );
}
