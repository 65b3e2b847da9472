import ts from 'typescript';
import type { Declaration, ExportKind, ExportRecord, ImportRecord, ModuleRecord } from '../../core/impact/module-record.js';
import { describeDeclaration, fold, hashText, signatureOf } from './declaration-shape.js';

// Turns one file's source text into a ModuleRecord: plain data, no AST leaves this folder, so
// records can be cached by blob id and the rest of the analysis never loads TypeScript.

export const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

const KIND_OF: Array<[(n: ts.Node) => boolean, ExportKind]> = [
  [ts.isFunctionDeclaration, 'function'],
  [ts.isClassDeclaration, 'class'],
  [ts.isInterfaceDeclaration, 'interface'],
  [ts.isTypeAliasDeclaration, 'type'],
  [ts.isEnumDeclaration, 'enum'],
  [ts.isModuleDeclaration, 'namespace'],
];

/**
 * Top-level names referenced inside `node`, limited to `known` names. A scan of the words of its
 * text rather than an AST walk: several times cheaper, and a word in a string or comment only
 * makes the blast radius a little wider, never narrower.
 */
function usesOf(sf: ts.SourceFile, node: ts.Node, known: ReadonlySet<string>, self: string): string[] {
  const found = new Set<string>();
  for (const word of sf.text.slice(node.pos, node.end).match(/[A-Za-z_$][\w$]*/g) ?? []) {
    if (word !== self && known.has(word)) found.add(word);
  }
  return [...found];
}

function stringArg(call: ts.CallExpression): string | null {
  const [arg] = call.arguments;
  return arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : null;
}

function isRequireCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && stringArg(node) !== null;
}

function importOf(node: ts.ImportDeclaration): ImportRecord | null {
  if (!ts.isStringLiteral(node.moduleSpecifier)) return null;
  const specifier = node.moduleSpecifier.text;
  const clause = node.importClause;
  if (!clause) return { specifier, kind: 'static', isTypeOnly: false, names: '*', bindings: [] };
  const bindings: Array<{ imported: string; local: string }> = [];
  let isTypeOnly = clause.isTypeOnly;
  let names: string[] | '*' = [];
  if (clause.name) {
    names.push('default');
    bindings.push({ imported: 'default', local: clause.name.text });
  }
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) {
    names = '*';
    bindings.push({ imported: '*', local: named.name.text });
  } else if (named) {
    for (const element of named.elements) {
      const imported = (element.propertyName ?? element.name).text;
      names.push(imported);
      bindings.push({ imported, local: element.name.text });
    }
    if (!clause.name && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) isTypeOnly = true;
  }
  return { specifier, kind: 'static', isTypeOnly, names, bindings };
}

interface Collected {
  imports: ImportRecord[];
  exports: ExportRecord[];
  declarations: Declaration[];
}

function collectExportDeclaration(node: ts.ExportDeclaration, out: Collected): void {
  const specifier = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
  const clause = node.exportClause;
  if (specifier !== null) {
    const names = !clause || ts.isNamespaceExport(clause) ? '*' : clause.elements.map((e) => (e.propertyName ?? e.name).getText());
    out.imports.push({ specifier, kind: 'export-from', isTypeOnly: node.isTypeOnly, names, bindings: [] });
  }
  const shape = fold(node.getText());
  if (!clause) {
    out.exports.push({ name: '*', kind: 'reexport', shape, bodyHash: hashText(shape), from: { specifier: specifier ?? '', name: '*' } });
  } else if (ts.isNamespaceExport(clause)) {
    out.exports.push({ name: clause.name.getText(), kind: 'reexport', shape, bodyHash: hashText(shape), from: { specifier: specifier ?? '', name: '*' } });
  } else {
    for (const element of clause.elements) {
      const local = (element.propertyName ?? element.name).getText();
      const name = element.name.getText();
      if (specifier !== null) {
        out.exports.push({ name, kind: 'reexport', shape: `${local} as ${name}`, bodyHash: hashText(shape), from: { specifier, name: local } });
      } else {
        // Filled in after all declarations are known (resolveLocalExports).
        out.exports.push({ name, kind: 'variable', shape: '', bodyHash: '', local });
      }
    }
  }
}

function collectCommonJs(statement: ts.ExpressionStatement, sf: ts.SourceFile, out: Collected): void {
  const expr = statement.expression;
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = expr.left.getText(sf).replace(/\s+/g, '');
  const value = expr.right;
  const shape = ts.isArrowFunction(value) || ts.isFunctionExpression(value) ? signatureOf(sf, value) : '(value)';
  const exportsMatch = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
  const name = target === 'module.exports' ? 'export=' : exportsMatch?.[1];
  if (name === undefined) return;
  // `module.exports.parse = parse`: the shape is the local declaration's (filled in later).
  if (ts.isIdentifier(value)) out.exports.push({ name, kind: 'commonjs', shape: '', bodyHash: '', local: value.text });
  else out.exports.push({ name, kind: 'commonjs', shape, bodyHash: hashText(value.getText(sf)) });
}

function collectStatement(statement: ts.Statement, sf: ts.SourceFile, out: Collected, nodes: Map<string, ts.Node>): void {
  if (ts.isImportDeclaration(statement)) {
    const record = importOf(statement);
    if (record) out.imports.push(record);
    return;
  }
  if (ts.isExportDeclaration(statement)) return collectExportDeclaration(statement, out);
  if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
    const expr = statement.moduleReference.expression;
    if (ts.isStringLiteral(expr)) {
      out.imports.push({ specifier: expr.text, kind: 'import-equals', isTypeOnly: statement.isTypeOnly, names: '*', bindings: [{ imported: '*', local: statement.name.text }] });
    }
    return;
  }
  if (ts.isExportAssignment(statement)) {
    const name = statement.isExportEquals ? 'export=' : 'default';
    const kind = statement.isExportEquals ? 'export-equals' : 'default-expression';
    const local = ts.isIdentifier(statement.expression) ? statement.expression.text : undefined;
    out.exports.push({ name, kind, shape: local ? '' : `${name} (expression)`, bodyHash: hashText(statement.getText(sf)), ...(local && { local }) });
    return;
  }
  if (ts.isExpressionStatement(statement)) return collectCommonJs(statement, sf, out);
  const isExported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  if (ts.isVariableStatement(statement)) {
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name)) continue;
      nodes.set(decl.name.text, decl);
      if (decl.initializer && isRequireCall(decl.initializer)) {
        out.imports.push({ specifier: stringArg(decl.initializer)!, kind: 'require', isTypeOnly: false, names: '*', bindings: [{ imported: '*', local: decl.name.text }] });
      }
      if (isExported) out.exports.push({ name: decl.name.text, kind: 'variable', ...describeDeclaration(sf, statement, decl), local: decl.name.text });
    }
    return;
  }
  const entry = KIND_OF.find(([test]) => test(statement));
  const name = (statement as ts.DeclarationStatement).name;
  if (!entry || !name || !ts.isIdentifier(name)) {
    if (entry && isDefault) out.exports.push({ name: 'default', kind: entry[1], ...describeDeclaration(sf, statement) });
    return;
  }
  nodes.set(name.text, statement);
  if (isExported) out.exports.push({ name: isDefault ? 'default' : name.text, kind: entry[1], ...describeDeclaration(sf, statement), local: name.text });
}

/** Dynamic import() and require() anywhere in the file (not only at the top level). */
function collectNestedCalls(sf: ts.SourceFile, out: Collected): void {
  if (!/\bimport\s*\(|\brequire\s*\(/.test(sf.text)) return;
  const topLevelRequires = new Set(out.imports.filter((i) => i.kind === 'require').map((i) => i.specifier));
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const specifier = stringArg(node);
      if (specifier !== null && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        out.imports.push({ specifier, kind: 'dynamic', isTypeOnly: false, names: '*', bindings: [] });
      } else if (isRequireCall(node) && !topLevelRequires.has(specifier!)) {
        out.imports.push({ specifier: specifier!, kind: 'require', isTypeOnly: false, names: '*', bindings: [] });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

export function parseModule(path: string, text: string): ModuleRecord {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
  const out: Collected = { imports: [], exports: [], declarations: [] };
  const nodes = new Map<string, ts.Node>();
  for (const statement of sf.statements) collectStatement(statement, sf, out, nodes);
  collectNestedCalls(sf, out);
  for (const ref of sf.referencedFiles) out.imports.push({ specifier: ref.fileName, kind: 'reference', isTypeOnly: true, names: '*', bindings: [] });
  const known = new Set([...nodes.keys(), ...out.imports.flatMap((i) => i.bindings.map((b) => b.local))]);
  for (const [local, node] of nodes) out.declarations.push({ local, uses: usesOf(sf, node, known, local) });
  // `export { a as b }` and `export default a`: the shape is the local declaration's.
  const exports = out.exports.map((record) => {
    if (record.local === undefined || record.shape !== '') return record;
    const node = nodes.get(record.local);
    if (!node) return { ...record, shape: `${record.local} (binding)`, bodyHash: hashText(record.local) };
    const described = ts.isVariableDeclaration(node) ? describeDeclaration(sf, node.parent.parent, node) : describeDeclaration(sf, node);
    return { ...record, ...described };
  });
  const diagnostics = (sf as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  const parseError = first
    ? `line ${sf.getLineAndCharacterOfPosition(first.start ?? 0).line + 1}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`
    : undefined;
  return { imports: out.imports, exports, declarations: out.declarations, ...(parseError !== undefined && { parseError }) };
}

export const TYPESCRIPT_VERSION: string = ts.version;
