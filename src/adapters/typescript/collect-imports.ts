import type * as T from 'typescript';
import { ts } from './typescript.js';
import { requireReexport } from './collect-commonjs.js';
import type { ImportBinding, ImportRecord } from '../../core/impact/module-record.js';
import { augmentedNames } from './augmented-names.js';
import { bindTrace, isRequireCall, namesOfPattern, skipCasts, type BindingTrace } from './trace-uses.js';

// The imports a top-level statement declares, each binding with a trace that the walk over the
// file fills in (how and where the binding is used). `const m = require('x')` binds a namespace,
// `const { a } = require('x')` binds `a`, like `import * as m` and `import { a }` would.

export interface ImportDraft {
  readonly record: Omit<ImportRecord, 'bindings'>;
  readonly bindings: readonly { readonly imported: string; readonly local: string; readonly trace: BindingTrace }[];
}

const lineOf = (sf: T.SourceFile, node: T.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
const bind = bindTrace;

function importOf(sf: T.SourceFile, node: T.ImportDeclaration): ImportDraft | null {
  if (!ts.isStringLiteral(node.moduleSpecifier)) return null;
  const specifier = node.moduleSpecifier.text;
  const line = lineOf(sf, node);
  const clause = node.importClause;
  // A side-effect import runs the module but reads none of its exports.
  if (!clause) return { record: { specifier, kind: 'static', isTypeOnly: false, names: [], line }, bindings: [] };
  const bindings: ImportDraft['bindings'][number][] = [];
  let isTypeOnly = clause.isTypeOnly;
  let names: string[] | '*' = [];
  if (clause.name) {
    names.push('default');
    bindings.push(bind('default', clause.name.text));
  }
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) {
    names = '*';
    bindings.push(bind('*', named.name.text));
  } else if (named) {
    for (const element of named.elements) {
      const imported = (element.propertyName ?? element.name).text;
      names.push(imported);
      bindings.push(bind(imported, element.name.text));
    }
    if (!clause.name && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) isTypeOnly = true;
  }
  return { record: { specifier, kind: 'static', isTypeOnly, names, line }, bindings };
}

/** Imports declared by a top-level statement; `handled` collects the require calls it consumed. */
export function collectImports(sf: T.SourceFile, statement: T.Statement, handled: Set<T.Node>): ImportDraft[] {
  if (ts.isImportDeclaration(statement)) {
    const draft = importOf(sf, statement);
    return draft ? [draft] : [];
  }
  if (ts.isExportDeclaration(statement)) {
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
    const clause = statement.exportClause;
    const names = !clause || ts.isNamespaceExport(clause) ? '*' : clause.elements.map((e) => (e.propertyName ?? e.name).text);
    const record = {
      specifier: statement.moduleSpecifier.text,
      kind: 'export-from',
      isTypeOnly: statement.isTypeOnly,
      names,
      line: lineOf(sf, statement),
    } as const;
    return [{ record, bindings: [] }];
  }
  if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
    const expr = statement.moduleReference.expression;
    if (!ts.isStringLiteral(expr)) return [];
    return [
      {
        record: { specifier: expr.text, kind: 'import-equals', isTypeOnly: statement.isTypeOnly, names: '*', line: lineOf(sf, statement) },
        bindings: [bind('*', statement.name.text)],
      },
    ];
  }
  if (ts.isExpressionStatement(statement)) {
    const passed = requireReexport(statement);
    if (passed === undefined) return [];
    handled.add(passed.call);
    const specifier = (passed.call.arguments[0] as T.StringLiteralLike).text;
    return [{ record: { specifier, kind: 'export-from', isTypeOnly: false, names: '*', line: lineOf(sf, statement) }, bindings: [] }];
  }
  if (!ts.isVariableStatement(statement)) return [];
  const drafts: ImportDraft[] = [];
  for (const decl of statement.declarationList.declarations) {
    // `const Sentry = require('@sentry/node') as typeof S`: the cast changes the type, not the binding.
    const call = decl.initializer && skipCasts(decl.initializer);
    if (!call || !isRequireCall(call)) continue;
    const specifier = (call.arguments[0] as T.StringLiteralLike).text;
    const line = lineOf(sf, decl);
    if (ts.isIdentifier(decl.name)) {
      drafts.push({ record: { specifier, kind: 'require', isTypeOnly: false, names: '*', line }, bindings: [bind('*', decl.name.text)] });
    } else {
      const names = namesOfPattern(decl.name);
      const elements = ts.isObjectBindingPattern(decl.name) ? decl.name.elements : [];
      // `const { codeOf, ...errorCodes } = require('./errors')` (fastify.js): `codeOf` is read by
      // name, the rest holds the module whole (a namespace binding).
      const bindings = elements.flatMap((e, i) => {
        if (!ts.isIdentifier(e.name)) return [];
        if (e.dotDotDotToken) return [bind('*', e.name.text)];
        const key = e.propertyName ?? e.name;
        const imported = names?.[i] ?? (ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? key.text : null);
        return imported === null ? [] : [bind(imported, e.name.text)];
      });
      drafts.push({ record: { specifier, kind: 'require', isTypeOnly: false, names: names ?? '*', line }, bindings });
    }
    handled.add(call);
  }
  return drafts;
}

/**
 * The imports of a `declare module 'x' { … }` block (typescript-eslint's typings/eslint.d.ts:
 * `import type { AnyRuleModule } from '@typescript-eslint/utils/ts-eslint'` inside it). Its
 * `export … from` adds names to the augmented module, not to this file: not a barrel's.
 */
export function blockImports(sf: T.SourceFile, statement: T.Statement, handled: Set<T.Node>): ImportDraft[] {
  if (!ts.isModuleDeclaration(statement) || !ts.isStringLiteral(statement.name) || !statement.body || !ts.isModuleBlock(statement.body))
    return [];
  const drafts = statement.body.statements
    .filter((inner) => ts.isImportDeclaration(inner) || ts.isImportEqualsDeclaration(inner))
    .flatMap((inner) => collectImports(sf, inner, handled));
  // An augmentation reads the augmented module's exports by name, in types only.
  const names = augmentedNames(sf, statement);
  if (names.length === 0) return drafts;
  const record = { specifier: statement.name.text, kind: 'static', isTypeOnly: true, names, line: lineOf(sf, statement) } as const;
  return [...drafts, { record, bindings: names.map((name) => bind(name, name)) }];
}

/** The draft as plain data, with what the walk traced. */
export function finishImport(draft: ImportDraft): ImportRecord {
  const bindings = draft.bindings.map(({ imported, local, trace }): ImportBinding => ({
    imported,
    local,
    value: trace.value,
    type: trace.type,
    // A named import records members only when it has some (most have none): records stay small.
    ...((imported === '*' || trace.members.size > 0) && {
      members: [...trace.members].map(([name, [value, type]]) => [name, value, type] as const),
    }),
  }));
  return { ...draft.record, bindings };
}

/** Whether `node` holds an import() or require() call that no top-level import binds (`handled`),
 * or an `import('x')` type: what only the whole record reads (parse-module.ts). */
export function hasUnboundCalls(node: T.Node, handled: ReadonlySet<T.Node>): boolean {
  if (node.kind === ts.SyntaxKind.ImportType) return true;
  if (ts.isCallExpression(node) && !handled.has(node)) {
    const callee = node.expression;
    if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) return true;
  }
  return ts.forEachChild(node, (child) => hasUnboundCalls(child, handled) || undefined) === true;
}
