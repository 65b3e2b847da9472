// Same-file routes, as the language service sees them: a top-level declaration whose text changed
// (comments removed) carries the change to every top-level declaration of its file that refers
// to it (findReferences of its name, inside its own file), and those on to theirs. Returns the
// names of the top-level declarations reached without a change of their own text: an export
// among them behaves differently though its declaration reads the same.
import ts from 'typescript';
import { normalized } from './oracle-normalize.mjs';
import { classify, findReferenceGroups, nodeAt } from './oracle-service.mjs';

/** A class member no code outside the class can name (`private x`, `#x`): implementation, not shape. */
const isPrivateMember = (node) =>
  ts.isClassElement(node) &&
  ((node.name !== undefined && ts.isPrivateIdentifier(node.name)) ||
    (ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword)));

/** The statement's text without the bodies of its functions and its private members, read as tokens: its shape. */
function shapeOf(statement, sf) {
  const cuts = [];
  const visit = (node) => {
    if (isPrivateMember(node)) cuts.push([node.getStart(sf), node.end, '']);
    else if (ts.isFunctionLike(node) && node.body) cuts.push([node.body.getStart(sf), node.body.end, '{}']);
    else ts.forEachChild(node, visit);
  };
  visit(statement);
  let [text, at] = ['', statement.getStart(sf)];
  for (const [start, end, put] of cuts) [text, at] = [text + sf.text.slice(at, start) + put, end];
  return normalized(text + sf.text.slice(at, statement.end));
}

const hasFixedType = (node) =>
  ts.isVariableDeclaration(node) || ts.isFunctionLike(node)
    ? node.type !== undefined
    : ts.isClassLike(node)
      ? node.members.every((m) => !ts.isFunctionLike(m) || m.body === undefined || m.type !== undefined || ts.isConstructorDeclaration(m))
      : true;

/**
 * Whether an export changed its implementation alone, its type written out: each declaration
 * reads the same without its function bodies and private members, and none of those bodies
 * decides a type (a variable, function or method with its type annotated; an interface or type
 * alias is all type). slate 13c7b367b8: `export const GeneralTransforms: GeneralTransforms = {
 * transform(editor, op) {…} }`, a change inside `transform`.
 */
export function isImplementationOnly(before, after) {
  if (before.decls.length !== after.decls.length) return false;
  return after.decls.every((decl, i) => {
    const old = before.decls[i];
    const statement = (d) => (ts.isVariableDeclaration(d) ? d.parent.parent : d);
    return hasFixedType(decl) && shapeOf(statement(old), old.getSourceFile()) === shapeOf(statement(decl), decl.getSourceFile());
  });
}

const isExportedStatement = (s) =>
  (ts.canHaveModifiers(s) ? ts.getModifiers(s) : undefined)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) === true;

/** name -> { text, node } of each top-level declaration (a variable by its declarator). */
function topLevel(sf) {
  const printer = ts.createPrinter({ removeComments: true });
  const out = new Map();
  const add = (name, node, statement) => {
    // A declaration that only gained or lost `export` behaves the same for those referring to it.
    const text = normalized(printer.printNode(ts.EmitHint.Unspecified, statement, sf)).replace(/^export (?!default\b)/, '');
    const known = out.get(name);
    const shape = shapeOf(statement, sf);
    const isType = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
    const isExported = isExportedStatement(statement);
    out.set(
      name,
      known
        ? { ...known, text: `${known.text}\n${text}`, shape: `${known.shape}\n${shape}`, statement }
        : { text, shape, node, statement, isType, isExported },
    );
  };
  for (const statement of sf.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) if (ts.isIdentifier(decl.name)) add(decl.name.text, decl.name, statement);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement)) &&
      statement.name &&
      ts.isIdentifier(statement.name)
    )
      add(statement.name.text, statement.name, statement);
  }
  return out;
}

/** Whether the identifier at `pos` is the class an `instanceof` tests against. */
function isInstanceofTarget(sf, pos) {
  const id = nodeAt(sf, pos);
  const parent = id.parent;
  return ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && parent.right === id;
}

/** Whether the identifier at `pos` is read only for its keys: `keyof typeof x`. */
function isKeysOnly(sf, pos) {
  const query = nodeAt(sf, pos).parent;
  return ts.isTypeQueryNode(query) && ts.isTypeOperatorNode(query.parent) && query.parent.operator === ts.SyntaxKind.KeyOfKeyword;
}

/** The sorted keys of the object literal a variable declaration holds (`as const`, `satisfies …`), or null. */
function keysOf(declared) {
  const decl = declared?.node.parent;
  if (decl === undefined || !ts.isVariableDeclaration(decl)) return null;
  let value = decl.initializer;
  while (value !== undefined && (ts.isAsExpression(value) || ts.isSatisfiesExpression(value) || ts.isParenthesizedExpression(value)))
    value = value.expression;
  if (value === undefined || !ts.isObjectLiteralExpression(value)) return null;
  const keys = value.properties.map((p) => (p.name === undefined || ts.isComputedPropertyName(p.name) ? null : p.name.text));
  return keys.includes(null) ? null : keys.sort().join('\n');
}

/** The name of the top-level declaration holding `pos`, if any. */
function holder(declarations, pos) {
  for (const [name, { statement }] of declarations) if (statement.getStart() <= pos && pos < statement.end) return name;
  return undefined;
}

/** Top-level names of `path` reached through its own changed declarations, and by which. */
export function sameFileRoutes(oldProgram, service, path) {
  const before = oldProgram.getSourceFile(`/repo/${path}`);
  const after = service.getProgram().getSourceFile(`/repo/${path}`);
  if (!before || !after) return new Map();
  const [old, now] = [topLevel(before), topLevel(after)];
  const changed = [...now].filter(([name, d]) => old.has(name) && old.get(name).text !== d.text).map(([name]) => name);
  const reached = new Map(); // name -> the changed declaration it was reached from
  const queue = changed.map((name) => [name, name]);
  const seen = new Set(changed);
  while (queue.length > 0) {
    const [name, origin] = queue.shift();
    // A changed type reached by code (a variable, a function) types that code; what only reads the
    // code keeps its own type and behaviour (growthbook c72aa5e9b5: `onHidden()` reads `streams:
    // Map<string, ScopedChannel>` and returns nothing). The rule of find-changed-helper.ts.
    if (name !== origin && now.get(origin).isType && !now.get(name).isType) continue;
    for (const ref of findReferenceGroups(service, `/repo/${path}`, now.get(name).node.getStart()).flatMap((r) => r.references)) {
      if (ref.fileName !== `/repo/${path}` || ref.isDefinition) continue;
      const user = holder(now, ref.textSpan.start);
      if (user === undefined || seen.has(user)) continue;
      // `x instanceof C` reads the class's identity, none of its code, and `node is C` its type: no
      // route for a change of implementation alone (selfreview's rule, docs/impact.md; lexical's
      // `$isMentionNode` beside a `MentionNode` whose `importJSON` calls the changed `$createMentionNode`).
      const isImplementation = now.get(origin).shape === old.get(origin).shape;
      if (isInstanceofTarget(after, ref.textSpan.start)) continue;
      // `keyof typeof x` reads x's keys alone: its values changing change no such type (webstudio
      // 68b745872 rewords `cliDocs`'s strings; `CliDocName = keyof typeof cliDocs` is the same).
      const keys = keysOf(now.get(name));
      if (isKeysOnly(after, ref.textSpan.start) && keys !== null && keys === keysOf(old.get(name))) continue;
      if (isImplementation && classify(after, ref.textSpan.start) === 'type') continue;
      // A type has no implementation: one naming an export of its file whose implementation alone
      // changed (its text without function bodies reads the same) is not reached through it.
      if (now.get(user).isType && now.get(origin).isExported && now.get(origin).shape === old.get(origin).shape) continue;
      seen.add(user);
      reached.set(user, origin);
      queue.push([user, origin]);
    }
  }
  return reached;
}
