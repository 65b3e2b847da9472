import type * as T from 'typescript';
import { ts } from './typescript.js';
import type { Declaration, ExportKind, ExportRecord, ModuleRecord } from '../../core/impact/module-record.js';
import { collectImports, finishImport, type ImportDraft } from './collect-imports.js';
import { describeDeclaration, fold, hashText, signatureOf } from './declaration-shape.js';
import { createSyntaxHasher } from './hash-syntax.js';
import { memberOf, traceCall, traceIdentifier, type BindingTrace } from './trace-uses.js';
import { walkSyntax } from './walk-syntax.js';

// Turns one file's source text into a ModuleRecord: plain data, no AST leaves this folder, so
// records can be cached by blob id and the rest of the analysis never loads TypeScript.
// One walk per top-level statement hashes its syntax, traces the uses of imported names and
// finds import() and require() calls inside code.

export const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

function scriptKind(path: string): T.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

const hasModifier = (node: T.Node, kind: T.SyntaxKind): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

const KIND_OF: Array<[(n: T.Node) => boolean, ExportKind]> = [
  [ts.isFunctionDeclaration, 'function'],
  [ts.isClassDeclaration, 'class'],
  [ts.isInterfaceDeclaration, 'interface'],
  [ts.isTypeAliasDeclaration, 'type'],
  [ts.isEnumDeclaration, 'enum'],
  [ts.isModuleDeclaration, 'namespace'],
];

/**
 * Top-level names referenced inside `node`, limited to `known` names: the identifiers the one
 * walk over the file met, so a name in a comment or a string is no use. An imported binding read
 * through a member is `ns.member` (`typeof ns.x`, `ns.x()`, `const { x } = ns`): a namespace
 * carries only the members a declaration names.
 */
function usesOf(words: readonly Word[], node: T.Node, known: ReadonlySet<string>, self: string): string[] {
  const found = new Set<string>();
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]![0] <= node.pos) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < words.length && words[i]![0] <= node.end; i++) {
    const word = words[i]![1];
    const dot = word.indexOf('.');
    const base = dot < 0 ? word : word.slice(0, dot);
    if (base !== self && known.has(base)) found.add(word);
  }
  return [...found];
}

/** An identifier met by the walk: its end offset, and its text (`ns.member` for an import read through a member). */
type Word = readonly [end: number, text: string];

interface Collected {
  exports: ExportRecord[];
  /** Top-level declarations: name -> [node, hash of its statement, exported]. */
  nodes: Map<string, [T.Node, string, boolean]>;
}

function collectExportDeclaration(node: T.ExportDeclaration, hash: string, out: Collected): void {
  const specifier = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
  const clause = node.exportClause;
  const shape = fold(node.getText());
  if (!clause || ts.isNamespaceExport(clause)) {
    const name = clause ? clause.name.getText() : '*';
    out.exports.push({ name, kind: 'reexport', shape, bodyHash: hash, from: { specifier: specifier ?? '', name: '*' } });
    return;
  }
  for (const element of clause.elements) {
    const local = (element.propertyName ?? element.name).getText();
    const name = element.name.getText();
    // Each name's own hash: adding a name to `export { a } from` changes nothing about `a`.
    if (specifier !== null)
      out.exports.push({
        name,
        kind: 'reexport',
        shape: `${local} as ${name}`,
        bodyHash: hashText(`${local} as ${name} from ${specifier}`),
        from: { specifier, name: local },
      });
    else out.exports.push({ name, kind: 'variable', shape: '', bodyHash: '', local }); // filled in from the declaration
  }
}

function collectCommonJs(statement: T.ExpressionStatement, sf: T.SourceFile, hash: string, out: Collected): void {
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
  else out.exports.push({ name, kind: 'commonjs', shape, bodyHash: hash });
}

function collectStatement(statement: T.Statement, sf: T.SourceFile, hash: string, out: Collected): void {
  if (ts.isExportDeclaration(statement)) return collectExportDeclaration(statement, hash, out);
  if (ts.isExportAssignment(statement)) {
    const name = statement.isExportEquals ? 'export=' : 'default';
    const kind = statement.isExportEquals ? 'export-equals' : 'default-expression';
    const local = ts.isIdentifier(statement.expression) ? statement.expression.text : undefined;
    out.exports.push({ name, kind, shape: local ? '' : `${name} (expression)`, bodyHash: hash, ...(local && { local }) });
    return;
  }
  if (ts.isExpressionStatement(statement)) return collectCommonJs(statement, sf, hash, out);
  const isExported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  if (ts.isVariableStatement(statement)) {
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name)) continue;
      out.nodes.set(decl.name.text, [decl, hash, isExported]);
      if (isExported)
        out.exports.push({
          name: decl.name.text,
          kind: 'variable',
          ...describeDeclaration(sf, statement, decl),
          bodyHash: hash,
          local: decl.name.text,
        });
    }
    return;
  }
  const entry = KIND_OF.find(([test]) => test(statement));
  const name = (statement as T.DeclarationStatement).name;
  if (!entry || !name || !ts.isIdentifier(name)) {
    if (entry && isDefault) out.exports.push({ name: 'default', kind: entry[1], ...describeDeclaration(sf, statement), bodyHash: hash });
    return;
  }
  // Declaration merging (overloads, interface + namespace): the hashes of every part.
  const known = out.nodes.get(name.text);
  out.nodes.set(name.text, [statement, known ? hashText(known[1] + hash) : hash, isExported || (known?.[2] ?? false)]);
  if (isExported)
    out.exports.push({
      name: isDefault ? 'default' : name.text,
      kind: entry[1],
      ...describeDeclaration(sf, statement),
      bodyHash: hash,
      local: name.text,
    });
}

/** Hashes one statement's syntax, tracing imported names and collecting nested import()/require(). */
function walkStatement(
  sf: T.SourceFile,
  statement: T.Statement,
  traces: Map<string, BindingTrace>,
  handled: ReadonlySet<T.Node>,
  drafts: ImportDraft[],
  words: Word[],
): string {
  const hasher = createSyntaxHasher();
  const isImport = ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement);
  // `const m = await import('x')` inside the statement: traced from there to the statement's end
  // (wider than its scope: a same-named local elsewhere can only add uses, never hide one).
  const inner = new Map<string, BindingTrace>();
  walkSyntax(statement, (node, inType, isLeaf) => {
    hasher.add(node, isLeaf);
    if (isImport) return;
    if (ts.isIdentifier(node)) {
      const trace = inner.get(node.text) ?? traces.get(node.text);
      const parent = node.parent;
      if (trace !== undefined) {
        const members = memberOf(node, parent);
        if (members === null) words.push([node.end, node.text]);
        else for (const member of members) words.push([node.end, `${node.text}.${member}`]);
      } else if (!(ts.isPropertyAccessExpression(parent) && parent.name === node)) words.push([node.end, node.text]);
      const alias = trace && traceIdentifier(sf, node, inType, trace);
      // `const m = vi.mocked(ns)`: `m` is traced as `ns`; at the top level, by the statements after it too.
      if (alias !== undefined) inner.set(alias, trace!);
      if (alias !== undefined && ts.isVariableStatement(statement) && !traces.has(alias)) traces.set(alias, trace!);
    } else if (ts.isCallExpression(node) && !handled.has(node)) {
      const draft = traceCall(sf, node);
      if (draft) drafts.push(draft);
      for (const binding of draft?.bindings ?? []) inner.set(binding.local, binding.trace);
    }
  });
  return hasher.digest();
}

function analyse(path: string, text: string): ModuleRecord {
  // JSDoc is not parsed: no record reads it (forEachChild never visits it), and it is a tenth of the parse.
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  // No parent pointers from TypeScript: walkSyntax sets them on its way down (each statement is walked whole).
  const sf = ts.createSourceFile(path, text, options, false, scriptKind(path));
  for (const statement of sf.statements) (statement as { parent: T.Node }).parent = sf;
  const handled = new Set<T.Node>();
  const drafts = sf.statements.flatMap((statement) => collectImports(sf, statement, handled));
  const traces = new Map(drafts.flatMap((d) => d.bindings.map((b) => [b.local, b.trace] as const)));
  const hasCalls = /\bimport\s*\(|\brequire\s*\(/.test(text);
  const nested: ImportDraft[] = [];
  const words: Word[] = [];
  const hashes = sf.statements.map((statement) =>
    walkStatement(sf, statement, traces, hasCalls ? handled : new Set(), hasCalls ? nested : [], words),
  );
  const out: Collected = { exports: [], nodes: new Map() };
  sf.statements.forEach((statement, i) => collectStatement(statement, sf, hashes[i]!, out));
  const imports = [...drafts, ...nested].map(finishImport);
  for (const ref of sf.referencedFiles)
    imports.push({ specifier: ref.fileName, kind: 'reference', isTypeOnly: true, names: '*', bindings: [], line: 1 });
  // Names bound inside code count too: the declaration holding `const m = await import('x')` uses it.
  const known = new Set([...out.nodes.keys(), ...traces.keys(), ...nested.flatMap((d) => d.bindings.map((b) => b.local))]);
  const declarations: Declaration[] = [...out.nodes].map(([local, [node, hash, isExported]]) => ({
    local,
    uses: usesOf(words, node, known, local),
    hash,
    isExported,
  }));
  // `export { a as b }` and `export default a`: the shape and hash are the local declaration's.
  const exports = out.exports.map((record) => {
    if (record.local === undefined || record.shape !== '') return record;
    const found = out.nodes.get(record.local);
    if (!found) return { ...record, shape: `${record.local} (binding)`, bodyHash: hashText(record.local) };
    const [node, hash] = found;
    const described = ts.isVariableDeclaration(node) ? describeDeclaration(sf, node.parent.parent, node) : describeDeclaration(sf, node);
    return { ...record, ...described, bodyHash: hash };
  });
  const diagnostics = (sf as unknown as { parseDiagnostics?: readonly T.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  const parseError = first
    ? `line ${sf.getLineAndCharacterOfPosition(first.start ?? 0).line + 1}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`
    : undefined;
  return { imports, exports, declarations, hash: hashText(hashes.join(',')), ...(parseError !== undefined && { parseError }) };
}

export function parseModule(path: string, text: string): ModuleRecord {
  try {
    return analyse(path, text);
  } catch (error) {
    // TypeScript's parser recurses on nesting: 1,000 nested parentheses overflow the stack.
    if (!(error instanceof RangeError)) throw error;
    return {
      imports: [],
      exports: [],
      declarations: [],
      hash: hashText(text),
      parseError: 'too deep to analyse (nesting overflows the parser)',
    };
  }
}

export const TYPESCRIPT_VERSION: string = ts.version;
