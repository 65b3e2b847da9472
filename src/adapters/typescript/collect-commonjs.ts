import type * as T from 'typescript';
import type { ExportRecord } from '../../core/impact/module-record.js';
import { fold, hashText, signatureOf } from './declaration-shape.js';
import { isRequireCall, skipCasts } from './trace-uses.js';
import { ts } from './typescript.js';

// CommonJS at a module's top level (parse-module.ts hands each expression statement here):
// `module.exports = x`, `exports.a = …`, `module.exports = { a, b: c }`, and the statements that
// build a declared object after it is made (express's `req.accepts = …`, fastify's
// `Object.defineProperties(Reply.prototype, {…})`), which are part of that object.

/** `module.exports.transport = require('./lib/transport')` (pino.js) passes a module on under a
 * name, as `export * as transport from './lib/transport'` would; `module.exports =
 * require('./lib')` passes it on whole, as `export *` would. The exported name ('*' for whole)
 * and the require call, when the statement is one of these. */
export function requireReexport(statement: T.ExpressionStatement): { name: string; call: T.CallExpression } | undefined {
  const expr = statement.expression;
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const call = skipCasts(expr.right);
  if (!isRequireCall(call)) return undefined;
  const left = expr.left;
  if (isModuleExports(left)) return { name: '*', call };
  if (!ts.isPropertyAccessExpression(left) || !ts.isIdentifier(left.name)) return undefined;
  const owner = left.expression;
  const isExports = (ts.isIdentifier(owner) && owner.text === 'exports') || isModuleExports(owner);
  return isExports ? { name: left.name.text, call } : undefined;
}

const isModuleExports = (node: T.Expression): boolean =>
  ts.isPropertyAccessExpression(node) &&
  ts.isIdentifier(node.expression) &&
  node.expression.text === 'module' &&
  node.name.text === 'exports';

/** What parse-module.ts collects from a file's top-level statements. */
export interface Collected {
  exports: ExportRecord[];
  /** Top-level declarations: name -> [node, hash of its statement, exported]. */
  nodes: Map<string, [T.Node, string, boolean]>;
  /** Top-level statements that build a declared object after its declaration (`req.accepts = …`). */
  members: Map<string, T.Node[]>;
  /** Shapes are read (a full record); a light one leaves them empty. */
  isShaped: boolean;
}

/** The identifier under `a.b['c'].d` (or `a.route('/x').get`), when there is a member access at all. */
function rootOf(expr: T.Expression): T.Expression | undefined {
  let root = expr;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root) || ts.isCallExpression(root)) root = root.expression;
  return root === expr ? undefined : root;
}

/** `X` or `X.prototype`: what a call given it first builds. */
function builtObject(arg: T.Expression | undefined): T.Expression | undefined {
  return arg !== undefined && ts.isPropertyAccessExpression(arg) && arg.name.text === 'prototype' ? arg.expression : arg;
}

/** The declared name a top-level statement builds: `X.m = …`, `X.prototype.m = …`, `X['m'] = …`,
 * a method of it called (`router.get('/users', …)`, `app.use(…)`), or a call given it or its
 * prototype first (`Object.defineProperty(X, …)`, `defineGetter(X, …)`,
 * `Object.defineProperties(X.prototype, {…})`). */
function memberTarget(expr: T.Expression, out: Collected): string | undefined {
  const declared = (node: T.Expression | undefined) =>
    node !== undefined && ts.isIdentifier(node) && out.nodes.has(node.text) ? node.text : undefined;
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken) return declared(rootOf(expr.left));
  if (!ts.isCallExpression(expr)) return undefined;
  return declared(rootOf(expr.expression)) ?? declared(builtObject(expr.arguments[0]));
}

/** A statement that builds `name` after its declaration: part of it (its hash, its uses). */
function addMember(name: string, statement: T.Statement, hash: string, out: Collected): void {
  const [node, known, isExported] = out.nodes.get(name)!;
  out.nodes.set(name, [node, hashText(known + hash), isExported]);
  out.members.set(name, [...(out.members.get(name) ?? []), statement]);
}

export function collectCommonJs(statement: T.ExpressionStatement, sf: T.SourceFile, hash: string, out: Collected): void {
  const expr = statement.expression;
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) {
    const owner = memberTarget(expr, out);
    if (owner !== undefined) addMember(owner, statement, hash, out);
    return;
  }
  const passed = requireReexport(statement);
  if (passed !== undefined) {
    const specifier = (passed.call.arguments[0] as T.StringLiteralLike).text;
    out.exports.push({ name: passed.name, kind: 'reexport', shape: '', bodyHash: '', from: { specifier, name: '*' } });
    return;
  }
  const target = expr.left.getText(sf).replace(/\s+/g, '');
  const value = expr.right;
  const shape = !out.isShaped ? '' : ts.isArrowFunction(value) || ts.isFunctionExpression(value) ? signatureOf(sf, value) : '(value)';
  const exportsMatch = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
  if (target === 'module.exports' && ts.isObjectLiteralExpression(value)) return collectExportsObject(value, sf, out);
  const name = target === 'module.exports' ? 'export=' : exportsMatch?.[1];
  if (name === undefined) {
    // express's `req.acceptsCharsets = function (…) {…}` after `module.exports = req`: a change of
    // the member is a change of `req`.
    const owner = memberTarget(expr, out);
    if (owner !== undefined) addMember(owner, statement, hash, out);
    return;
  }
  // `module.exports.parse = parse`: the shape is the local declaration's (filled in later).
  if (ts.isIdentifier(value)) out.exports.push({ name, kind: 'commonjs', shape: '', bodyHash: '', local: value.text });
  else out.exports.push({ name, kind: 'commonjs', shape, bodyHash: hash });
}

/** `module.exports = { validate, compile: compileSchema, symbols: {…}, run() {…} }` (fastify's
 * lib/validation.js): each property is an export of its own, as `exports.validate = validate`
 * would be, so a change behind one of them reaches the files that read it and no others. */
function collectExportsObject(object: T.ObjectLiteralExpression, sf: T.SourceFile, out: Collected): void {
  for (const property of object.properties) {
    const key = property.name;
    const name = key && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? key.text : undefined;
    if (name === undefined) continue; // `...spread` and computed keys: no name to import by
    if (ts.isShorthandPropertyAssignment(property)) {
      out.exports.push({ name, kind: 'commonjs', shape: '', bodyHash: '', local: name });
      continue;
    }
    const value = ts.isPropertyAssignment(property) ? property.initializer : undefined;
    if (value !== undefined && ts.isIdentifier(value)) {
      out.exports.push({ name, kind: 'commonjs', shape: '', bodyHash: '', local: value.text });
      continue;
    }
    const isFunction = value === undefined ? ts.isMethodDeclaration(property) : ts.isArrowFunction(value) || ts.isFunctionExpression(value);
    if (!out.isShaped) {
      out.exports.push({ name, kind: 'commonjs', shape: '', bodyHash: '' });
      continue;
    }
    const shape = isFunction ? signatureOf(sf, (value ?? property) as T.SignatureDeclaration) : '(value)';
    out.exports.push({ name, kind: 'commonjs', shape, bodyHash: hashText(fold(property.getText(sf))) });
  }
}
