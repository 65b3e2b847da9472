import type * as T from 'typescript';
import { ts } from './typescript.js';
import type { Declaration, ExportKind, ExportRecord, ModuleRecord } from '../../core/impact/module-record.js';
import { collectCommonJs, type Collected } from './collect-commonjs.js';
import { blockImports, collectImports, finishImport, hasUnboundCalls, type ImportDraft } from './collect-imports.js';
import { describeDeclaration, fold, hashText } from './declaration-shape.js';
import { createSyntaxHasher } from './hash-syntax.js';
import { findNamedIdentifiers } from './find-named-identifiers.js';
import { aliasTrace, isReference, memberOf, traceAccess, traceCall, traceIdentifier, typedAlias, type BindingTrace } from './trace-uses.js';
import { boundNames, isDeclaredName, isShadowed } from './shadowing.js';
import { isKeyOfTypeOf, keysOf, passedClasses, passesAlong, usesOf, type Word } from './declaration-uses.js';
import { walkSyntax } from './walk-syntax.js';
import { isInjectedType } from './parameter-type.js';
import { addImportType, importTypeDrafts } from './import-types.js';
import type { ImportTypeFound } from './jsdoc-imports.js';
import { readEscapedAliases, traceCastInPlace } from './escaped-aliases.js';
import { scriptKindOf } from './script-kind.js';
import { parseComponent } from './parse-component.js';
import { CALL_FORMS, hasJsDocImportTypes, typesByNamespace, UNNAMED_FORMS } from './light-forms.js';
import { componentKindOf } from '../../core/impact/component-script.js';
import { aliasedLocal } from './export-aliases.js';

// Turns one file's source text into a ModuleRecord: plain data, no AST leaves this folder, so
// records can be cached by blob id and the rest of the analysis never loads TypeScript.
// One walk per top-level statement hashes its syntax, traces the uses of imported names and
// finds import() and require() calls inside code.

export const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

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

const NO_SHAPE = { shape: '', bodyHash: '' };

function collectExportDeclaration(node: T.ExportDeclaration, sf: T.SourceFile, hash: string, out: Collected): void {
  const specifier = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
  const clause = node.exportClause;
  const shape = out.isShaped ? fold(node.getText(sf)) : '';
  if (!clause || ts.isNamespaceExport(clause)) {
    const name = clause ? clause.name.getText(sf) : '*';
    out.exports.push({ name, kind: 'reexport', shape, bodyHash: hash, from: { specifier: specifier ?? '', name: '*' } });
    return;
  }
  for (const element of clause.elements) {
    const local = (element.propertyName ?? element.name).getText(sf);
    const name = element.name.getText(sf);
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

/** Whether `a = b = module.exports = …` assigns `module.exports` along its chain. */
function assignsModuleExports(init: T.Expression | undefined): boolean {
  for (let at = init; at !== undefined && ts.isBinaryExpression(at) && at.operatorToken.kind === ts.SyntaxKind.EqualsToken; at = at.right)
    if (
      ts.isPropertyAccessExpression(at.left) &&
      ts.isIdentifier(at.left.expression) &&
      at.left.expression.text === 'module' &&
      at.left.name.text === 'exports'
    )
      return true;
  return false;
}

const describe = (sf: T.SourceFile, out: Collected, node: T.Node, variable?: T.VariableDeclaration) =>
  out.isShaped ? describeDeclaration(sf, node, variable) : NO_SHAPE;

function collectStatement(statement: T.Statement, sf: T.SourceFile, hash: string, out: Collected): void {
  if (ts.isExportDeclaration(statement)) return collectExportDeclaration(statement, sf, hash, out);
  if (ts.isExportAssignment(statement)) {
    const name = statement.isExportEquals ? 'export=' : 'default';
    const kind = statement.isExportEquals ? 'export-equals' : 'default-expression';
    if (ts.isIdentifier(statement.expression)) {
      out.exports.push({ name, kind, shape: '', bodyHash: hash, local: statement.expression.text });
      return;
    }
    // `export default (url, key?) => getQueryParam(url, key)` (hono's benchmarks): the expression is
    // a declaration of its own, named like the export, so what it uses carries on to its importers.
    out.nodes.set(name, [statement, hash, true]);
    out.exports.push({ name, kind, shape: `${name} (expression)`, bodyHash: hash, local: name });
    return;
  }
  if (ts.isExpressionStatement(statement)) return collectCommonJs(statement, sf, hash, out);
  const isExported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  if (ts.isVariableStatement(statement)) {
    // `const { render: baseRender } = createRenderer()` (vue's runtime-test) binds each name it
    // destructures: a declaration of its own, and an export with `export const { a } = …`.
    for (const decl of statement.declarationList.declarations) {
      for (const local of boundNames(decl.name)) {
        out.nodes.set(local, [decl, hash, isExported]);
        if (isExported) out.exports.push({ name: local, kind: 'variable', ...describe(sf, out, statement, decl), bodyHash: hash, local });
      }
      // express's `var app = exports = module.exports = {}`: `app` is the module's export.
      if (ts.isIdentifier(decl.name) && assignsModuleExports(decl.initializer))
        out.exports.push({ name: 'export=', kind: 'commonjs', shape: '', bodyHash: '', local: decl.name.text });
    }
    return;
  }
  const entry = KIND_OF.find(([test]) => test(statement));
  const name = (statement as T.DeclarationStatement).name;
  if (!entry || !name || !ts.isIdentifier(name)) {
    if (entry && isDefault) out.exports.push({ name: 'default', kind: entry[1], ...describe(sf, out, statement), bodyHash: hash });
    return;
  }
  // Declaration merging (overloads, interface + namespace): the hashes of every part.
  const known = out.nodes.get(name.text);
  out.nodes.set(name.text, [statement, known ? hashText(known[1] + hash) : hash, isExported || (known?.[2] ?? false)]);
  // The parts before the last are read for uses too: remeda's `map` returns `Mapped<T, U>` in
  // its overloads, not in the implementation.
  if (known) out.members.set(name.text, [...(out.members.get(name.text) ?? []), known[0]]);
  if (!isExported) return;
  const record: ExportRecord = {
    name: isDefault ? 'default' : name.text,
    kind: entry[1],
    ...describe(sf, out, statement),
    bodyHash: hash,
    local: name.text,
  };
  // An overload is part of its function's export: its signature and hash join the others', so
  // a changed overload is a changed export (remeda 4eac1b8d changed `toCamelCase`'s overloads
  // only, and the export compared was the last part, the unchanged implementation).
  const at = known ? out.exports.findIndex((e) => e.local === name.text && e.name === record.name && e.kind === record.kind) : -1;
  if (at < 0) out.exports.push(record);
  else {
    const first = out.exports[at]!;
    // A light record has no shapes or hashes to join.
    if (out.isShaped)
      out.exports[at] = { ...record, shape: `${first.shape}\n${record.shape}`, bodyHash: hashText(first.bodyHash + record.bodyHash) };
  }
}

/** Whether `call` (after `await`, parentheses and casts) is the initializer of a variable the top-level `statement` declares. */
function bindsAtTopLevel(statement: T.Statement, call: T.Node): boolean {
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.some((decl) => {
    let init = decl.initializer;
    while (
      init &&
      (ts.isAwaitExpression(init) ||
        ts.isParenthesizedExpression(init) ||
        ts.isAsExpression(init) ||
        ts.isSatisfiesExpression(init) ||
        ts.isNonNullExpression(init))
    )
      init = init.expression;
    return init === call;
  });
}

const isExportModifier = (node: T.Node) => node.kind === ts.SyntaxKind.ExportKeyword || node.kind === ts.SyntaxKind.DefaultKeyword;

/** `e` for a statement with `export`, `d` with `default`: what its hash leaves out, for the file's hash. */
const exportMarks = (statement: T.Statement) =>
  ((ts.canHaveModifiers(statement) && ts.getModifiers(statement)) || [])
    .filter(isExportModifier)
    .map((m) => (m.kind === ts.SyntaxKind.ExportKeyword ? 'e' : 'd'))
    .join('');

/** Hashes one statement's syntax, tracing imported names and collecting nested import()/require(). */
function walkStatement(
  sf: T.SourceFile,
  statement: T.Statement,
  traces: Map<string, BindingTrace>,
  handled: ReadonlySet<T.Node>,
  drafts: ImportDraft[],
  words: Word[],
  importTypes: ImportTypeFound[] | null,
): string {
  const hasher = createSyntaxHasher();
  const isImport = ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement);
  // `const m = await import('x')` inside the statement: traced from there to the statement's end
  // (wider than its scope: a same-named local elsewhere can only add uses, never hide one).
  const inner = new Map<string, BindingTrace>();
  const scopes = new Map<T.Node, ReadonlySet<string>>();
  // The statement's `export` and `default` are not counted among its children either.
  const exportModifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []).filter(isExportModifier).length : 0;
  walkSyntax(statement, (node, inType, isLeaf, children) => {
    // `export` and `default` on the statement say who may call it, not what it does: a function
    // made public as it was (pinia's `shouldHydrate`) changes nothing that calls it. The file's
    // hash still sees them (analyse).
    if (node.parent !== statement || !isExportModifier(node))
      hasher.add(node, isLeaf, node === statement ? children - exportModifiers : children);
    if (importTypes !== null) addImportType(node, importTypes);
    if (isImport) return;
    if (ts.isIdentifier(node)) {
      const trace = inner.get(node.text) ?? traces.get(node.text);
      const parent = node.parent;
      // `window.ExcalidrawLib` of a property declared `ExcalidrawLib: typeof TExcalidraw`: read through it.
      if (trace?.aliasOf !== undefined && ts.isPropertyAccessExpression(parent) && parent.name === node) {
        for (const member of traceAccess(sf, parent, inType, trace)) words.push([node.end, `${trace.aliasOf}.${member}`, false]);
        return;
      }
      // A name that declares something (a property of a type or object literal, a member, a
      // label) reads no binding: zustand's `devtools: { cleanup }` in a type is no use of the
      // exported `devtools`.
      if (!isReference(node, parent)) return;
      // `constructor(private x: X)` of a decorated class: X is injected, a use as a value.
      if (inType && trace !== undefined && isInjectedType(node)) inType = false;
      // A typed alias is the parameter or local that shadows (`{ excalidrawLib }: AppProps`).
      if (trace !== undefined && !inner.has(node.text) && trace.aliasOf === undefined && isShadowed(node, scopes)) return;
      if (trace !== undefined) {
        const members = memberOf(node, parent, trace.isModule === true || trace.aliasOf !== undefined);
        const spelled = trace.aliasOf ?? node.text;
        if (members === null) words.push([node.end, spelled, false]);
        else for (const member of members) words.push([node.end, `${spelled}.${member}`, false]);
      } else if (!(ts.isPropertyAccessExpression(parent) && parent.name === node))
        words.push([node.end, node.text, passesAlong(node, inType), isKeyOfTypeOf(node)]);
      // Only a namespace's type makes an alias: `test: typeof Test` of a named or default import reads
      // no member through `test` (AFFiNE's `channel: typeof buildType`), as the light readers have it.
      const isNamespace = trace !== undefined && (trace.isModule === true || trace.aliasOf !== undefined);
      const typed = isNamespace ? typedAlias(node, trace.aliasOf !== undefined) : undefined;
      if (typed !== undefined) {
        // The whole namespace is named here only to type `typed`, whose reads are traced instead.
        if (!traces.has(typed)) traces.set(typed, aliasTrace(trace!, node.text));
        // A binding no namespace (keyv's `Keyv: typeof KeyvModule` of a default import) is used here, in a type.
        if (trace!.isModule !== true) traceIdentifier(sf, node, inType, trace!);
        return;
      }
      const inPlace = isNamespace ? traceCastInPlace(sf, node, trace) : undefined;
      if (inPlace !== undefined) return void words.push(...inPlace);
      const alias = trace && traceIdentifier(sf, node, inType, trace);
      // `const m = vi.mocked(ns)`: `m` is traced as `ns`; at the top level, by the statements after it too.
      if (alias !== undefined) inner.set(alias, trace!);
      if (alias !== undefined && ts.isVariableStatement(statement) && !traces.has(alias)) traces.set(alias, trace!);
    } else if (ts.isCallExpression(node) && !handled.has(node)) {
      const draft = traceCall(sf, node);
      if (draft) drafts.push(draft);
      // `const { init } = await import('../src/sdk')` at the top level (sentry's elysia tests):
      // the names it binds are read by the statements after it too.
      const isTopLevel = draft !== null && bindsAtTopLevel(statement, node);
      for (const binding of draft?.bindings ?? []) {
        inner.set(binding.local, binding.trace);
        if (isTopLevel && !traces.has(binding.local)) traces.set(binding.local, binding.trace);
      }
    }
  });
  return hasher.digest();
}

/**
 * The words of a light record: the identifiers spelling a top-level name, found from the text
 * (find-named-identifiers.ts) rather than by a walk over every node, read as walkStatement reads
 * them (the traced imports' uses filled in). No hash and no `passes`: a light record is for a
 * file that did not change, whose declarations a walk only follows by name.
 */
function traceNamedWords(sf: T.SourceFile, known: ReadonlySet<string>, traces: ReadonlyMap<string, BindingTrace>): Word[] {
  const words: Word[] = [];
  const scopes = new Map<T.Node, ReadonlySet<string>>();
  const isImport = (statement: T.Statement) => ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement);
  const found = findNamedIdentifiers(sf, known, isImport);
  // A name that no identifier of the file declares is hidden by no scope: isShadowed is not asked.
  const declared = new Set(found.filter(([node]) => isDeclaredName(node)).map(([node]) => node.text));
  for (const [node, inType] of found) {
    const parent = node.parent;
    if (!isReference(node, parent)) continue;
    const trace = traces.get(node.text);
    if (trace === undefined) {
      if (!(ts.isPropertyAccessExpression(parent) && parent.name === node)) words.push([node.end, node.text, false]);
      continue;
    }
    if (declared.has(node.text) && isShadowed(node, scopes)) continue;
    const members = memberOf(node, parent);
    if (members === null) words.push([node.end, node.text, false]);
    else for (const member of members) words.push([node.end, `${node.text}.${member}`, false]);
    traceIdentifier(sf, node, inType && !isInjectedType(node), trace);
  }
  return words;
}

const namespacesOf = (traces: ReadonlyMap<string, BindingTrace>) =>
  [...traces].filter(([, trace]) => trace.isModule).map(([local]) => local);

function analyse(path: string, text: string, isLight: boolean, kind: T.ScriptKind = scriptKindOf(path)): ModuleRecord {
  // JSDoc is not parsed: no record reads it (forEachChild never visits it), and it is a tenth of the parse.
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  // No parent pointers from TypeScript: walkSyntax sets them on its way down (each statement is walked whole).
  const sf = ts.createSourceFile(path, text, options, false, kind);
  for (const statement of sf.statements) (statement as { parent: T.Node }).parent = sf;
  const handled = new Set<T.Node>();
  const blocks = sf.statements.map((statement) => blockImports(sf, statement, handled));
  const topLevel = sf.statements.map((statement) => collectImports(sf, statement, handled));
  const drafts = topLevel.flatMap((found, i) => [...found, ...blocks[i]!]);
  const bound = (list: readonly ImportDraft[]) => list.flatMap((d) => d.bindings.map((b) => [b.local, b.trace] as const));
  const traces = new Map(bound(topLevel.flat()));
  // A block's imports are traced inside that block only (two blocks may import one name from two modules).
  const tracesOf = (i: number) => (blocks[i]!.length === 0 ? traces : new Map([...traces, ...bound(blocks[i]!)]));
  const nested: ImportDraft[] = [];
  const out: Collected = { exports: [], nodes: new Map(), members: new Map(), isShaped: true };
  let words: Word[] = [];
  let hashes: string[] = [];
  const isJavaScript = kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX;
  const readsCalls = () => !hasJsDocImportTypes(isJavaScript, text) && !hasUnboundCalls(sf, handled);
  const isRead = isLight && !UNNAMED_FORMS.test(text) && (!CALL_FORMS.test(text) || readsCalls());
  if (isRead && blocks.every((b) => b.length === 0) && !typesByNamespace(text, namespacesOf(traces))) {
    out.isShaped = false;
    sf.statements.forEach((statement) => collectStatement(statement, sf, '', out));
    words = traceNamedWords(sf, new Set([...out.nodes.keys(), ...traces.keys()]), traces);
  } else {
    isLight = false;
    const hasCalls = CALL_FORMS.test(text);
    // `import('x').Name` types are found by the same walk (import-types.ts).
    const importTypes: ImportTypeFound[] | null = text.includes('import(') ? [] : null;
    hashes = sf.statements.map((statement, i) =>
      walkStatement(sf, statement, tracesOf(i), hasCalls ? handled : new Set(), hasCalls ? nested : [], words, importTypes),
    );
    words = readEscapedAliases(sf, traces, words);
    sf.statements.forEach((statement, i) => collectStatement(statement, sf, hashes[i]!, out));
    const typed = importTypeDrafts(sf, importTypes ?? [], isJavaScript);
    nested.push(...typed.drafts);
    if (typed.words.length > 0) words = [...words, ...typed.words].sort((a, b) => a[0] - b[0]);
  }
  const imports = [...drafts, ...nested].map(finishImport);
  for (const ref of sf.referencedFiles)
    imports.push({ specifier: ref.fileName, kind: 'reference', isTypeOnly: true, names: '*', bindings: [], line: 1 });
  // Names bound inside code count too: the declaration holding `const m = await import('x')` uses it.
  const known = new Set([...out.nodes.keys(), ...traces.keys(), ...nested.flatMap((d) => d.bindings.map((b) => b.local))]);
  const declarations: Declaration[] = [...out.nodes].map(([local, [node, hash, isExported]]) => {
    const uses = usesOf(words, node, known, local);
    for (const member of out.members.get(local) ?? [])
      for (const [word, passes] of usesOf(words, member, known, local)) uses.set(word, (uses.get(word) ?? true) && passes);
    if (isLight) return { local, uses: [...uses.keys()], hash: '', isExported };
    const passes = passedClasses(uses, out);
    // A type merged with a namespace (neverthrow's `type Result` beside `namespace Result`, whose
    // functions call `err`) has an implementation: only a declaration of types alone is a type.
    const isType = [node, ...(out.members.get(local) ?? [])].every((n) => ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n));
    const keys = isType ? keysOf(words, node, known, local) : [];
    return {
      local,
      uses: [...uses.keys()],
      hash,
      isExported,
      ...(passes.length > 0 && { passes }),
      ...(keys.length > 0 && { keys }),
      ...(isType && { isType }),
    };
  });
  // `export { a as b }` and `export default a`: the shape and hash are the local declaration's,
  // through `const b = a` (radix-ui 0894fb717 turned `const Root = Form; export { Root }` into
  // `export { Form as Root }`: the same export, read as "`Root` changed its signature").
  const exports = out.exports.map((record) => {
    if (isLight || record.local === undefined || record.shape !== '') return record;
    const found = out.nodes.get(aliasedLocal(out.nodes, record.local));
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
  const hash = isLight ? '' : hashText(hashes.map((h, i) => exportMarks(sf.statements[i]!) + h).join(','));
  return { imports, exports, declarations, hash, ...(parseError !== undefined && { parseError }), ...(isLight && { isLight }) };
}

/** The record of a file; `isLight`: for a walk only (a file that did not change), without the
 * shapes and hashes that only a changed file's diff reads: about a third of the cost. A Vue or
 * Svelte component is read from its scripts (parse-component.ts). */
export function parseModule(path: string, text: string, isLight = false): ModuleRecord {
  const kind = componentKindOf(path);
  if (kind === null) return parseScript(path, text, isLight);
  return parseComponent(path, text, kind, isLight, (script, scriptKind) => parseScript(path, script, isLight, scriptKind));
}

function parseScript(path: string, text: string, isLight: boolean, kind?: T.ScriptKind): ModuleRecord {
  try {
    return analyse(path, text, isLight, kind);
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
