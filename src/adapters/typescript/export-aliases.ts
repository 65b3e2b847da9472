import type * as T from 'typescript';
import type { MemberRecord } from '../../core/questionnaire/changed-members.js';
import type { Collected } from './collect-commonjs.js';
import { ts } from './typescript.js';

// An export named apart from its declaration is that declaration: for the pieces a question names,
// and for its shape and body (`const Root = Form; export { Root }` is `export { Form as Root }`).
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

/** The declaration a local names through `const b = a` (no type written), a few steps at most. */
export function aliasedLocal(nodes: Collected['nodes'], local: string): string {
  for (let step = 0, node = nodes.get(local)?.[0]; step < 4 && node !== undefined; step++) {
    const target =
      ts.isVariableDeclaration(node) && !node.type && node.initializer && ts.isIdentifier(node.initializer)
        ? node.initializer.text
        : undefined;
    if (target === undefined || target === local || !nodes.has(target)) break;
    [local, node] = [target, nodes.get(target)![0]];
  }
  return local;
}
