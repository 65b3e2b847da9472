import type * as T from 'typescript';
import { ts } from './typescript.js';
import { scriptKindOf } from './script-kind.js';
import { scriptTextOf } from '../../core/impact/component-script.js';
import { skipCasts } from './trace-uses.js';

// The named pieces inside each top-level declaration of a module (listMembers hashes them): a
// class's members, a function's locals and what it hands on, a component's JSX attributes.
const nameOf = (name: T.Node | undefined, sf: T.SourceFile): string | undefined =>
  name === undefined
    ? undefined
    : ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)
      ? name.text
      : name.getText(sf);

/** The members of a class or an object literal, by name. */
function membersOf(node: T.ClassLikeDeclaration | T.ObjectLiteralExpression, sf: T.SourceFile): [string, T.Node][] {
  const out: [string, T.Node][] = [];
  const elements: readonly T.Node[] = ts.isObjectLiteralExpression(node) ? node.properties : node.members;
  for (const member of elements) {
    if (ts.isConstructorDeclaration(member)) out.push(['constructor', member]);
    else if ('name' in member && member.name !== undefined) {
      const name = nameOf(member.name as T.Node, sf);
      if (name !== undefined) out.push([name, member]);
    }
  }
  return out;
}

/** The members a type names (an interface's, a type literal's, those of each literal an
 * intersection or a union joins: execa's `CommonOptions` = `{ …, readonly killDescendants?: … }`). */
function typeMembersOf(node: T.Node, sf: T.SourceFile): [string, T.Node][] {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node)) {
    const out: [string, T.Node][] = [];
    for (const member of node.members) {
      const name = nameOf(member.name, sf);
      if (name !== undefined) out.push([name, member]);
    }
    return out;
  }
  if (ts.isTypeAliasDeclaration(node)) return typeMembersOf(node.type, sf);
  if (ts.isParenthesizedTypeNode(node)) return typeMembersOf(node.type, sf);
  // A literal given to a generic (drei's `CameraControlsProps = Omit<Overwrite<…, { impl?: … }>, …>`).
  if (ts.isTypeReferenceNode(node)) return (node.typeArguments ?? []).flatMap((t) => typeMembersOf(t, sf));
  if (ts.isIntersectionTypeNode(node) || ts.isUnionTypeNode(node)) return node.types.flatMap((t) => typeMembersOf(t, sf));
  return [];
}

const isFunctionValue = (node: T.Node) => ts.isArrowFunction(node) || ts.isFunctionExpression(node);

/** Named functions declared anywhere under `node`, a function holding another included: tsup's
 * `build` declares `mainTasks` and, inside it, `buildAll` in a callback of `configs.map`. */
function nestedFunctions(node: T.Node): [string, T.Node][] {
  const out: [string, T.Node][] = [];
  ts.forEachChild(node, function visit(child) {
    if (ts.isFunctionDeclaration(child) && child.name) out.push([child.name.text, child]);
    else if (
      ts.isVariableDeclaration(child) &&
      ts.isIdentifier(child.name) &&
      child.initializer &&
      isFunctionValue(skipCasts(child.initializer))
    )
      out.push([child.name.text, child]);
    ts.forEachChild(child, visit);
  });
  return out;
}

/** The names a destructuring binds, each with its element: drei's `const [fbo1, fbo2] =
 * useMemo(…)` changes its `fbo1` when the value it is taken from changes (the piece's `also`). */
function boundElements(name: T.BindingName): [string, T.Node][] {
  if (ts.isIdentifier(name)) return [];
  return name.elements.flatMap((e): [string, T.Node][] =>
    ts.isOmittedExpression(e) ? [] : ts.isIdentifier(e.name) ? [[e.name.text, e]] : boundElements(e.name),
  );
}

/** A piece's name and node; `also` is hashed with it (a destructured local's initializer);
 * `isProperty` when it is one whatever holds it (a JSX attribute). */
type PieceNode = [name: string, node: T.Node, also?: T.Node, isProperty?: boolean, isKey?: boolean];

/** The attributes of the JSX a component renders, each named by its element (drei's
 * `<mesh renderOrder>`, `renderOrder={500}` now `{renderOrder}`): what a rendered tree is given
 * is what its users see change. Like a member, one added or removed is named. */
function jsxAttributes(node: T.Node, sf: T.SourceFile): PieceNode[] {
  const out: PieceNode[] = [];
  ts.forEachChild(node, function visit(child) {
    if (ts.isJsxOpeningElement(child) || ts.isJsxSelfClosingElement(child)) {
      const tag = child.tagName.getText(sf);
      for (const a of child.attributes.properties)
        if (ts.isJsxAttribute(a)) out.push([`<${tag} ${a.name.getText(sf)}>`, a, undefined, true]);
    }
    ts.forEachChild(child, visit);
  });
  return out;
}

/** The members of what a function gives back: an object literal's, or a class expression's
 * (a mixin, ts-morph's `TypeArgumentedNode(Base)` returns `class extends Base { … }`). */
function returnedMembers(expression: T.Expression, sf: T.SourceFile): PieceNode[] {
  const value = skipCasts(expression);
  return ts.isObjectLiteralExpression(value) || ts.isClassExpression(value) ? membersOf(value, sf) : [];
}

/** The keys of the objects a statement passes to a call (ts-morph e217b8de's
 * `statements.push({ kind, namedImports: ["errors", "ts"], moduleSpecifier })`): what the
 * function hands on, named when changed, never as a local. */
function passedKeys(expression: T.Expression, sf: T.SourceFile): PieceNode[] {
  let call = skipCasts(expression);
  if (ts.isAwaitExpression(call)) call = skipCasts(call.expression);
  if (!ts.isCallExpression(call)) return [];
  return call.arguments.flatMap((a) => {
    const value = skipCasts(a);
    if (!ts.isObjectLiteralExpression(value)) return [];
    return membersOf(value, sf).map(([name, node]): PieceNode => [name, node, undefined, false, true]);
  });
}

/** What a statement hands on: the members of an object it returns, the keys of an object it passes
 * to a call, returned or not, in nested statements too (consola 9f7a22a's `prompt` gains
 * `initialValue: opts.initial` in `if (opts.type === "select") { return (await select({ … })) as any; }`). */
function handedOn(statement: T.Statement, sf: T.SourceFile): PieceNode[] {
  if (ts.isReturnStatement(statement) && statement.expression)
    return [...returnedMembers(statement.expression, sf), ...passedKeys(statement.expression, sf)];
  if (ts.isExpressionStatement(statement)) return passedKeys(statement.expression, sf);
  // Every statement nested in this one (an `if`'s branches, a `try`, a loop, a `switch`), so that
  // one wrapped in a `try` is the same key still (jose 3a918336's `alphabet`); not a nested function.
  const out: PieceNode[] = [];
  ts.forEachChild(statement, function visit(child) {
    // A nested return's object is what one branch gives, not what the function returns: its keys
    // passed to a call only (xstate e913eebb65's new `return { target: [stateNode.parent!] }`).
    if (ts.isReturnStatement(child) && child.expression) out.push(...passedKeys(child.expression, sf));
    else if (ts.isExpressionStatement(child)) out.push(...handedOn(child, sf));
    else if (ts.isBlock(child) || ts.isIfStatement(child) || ts.isTryStatement(child) || ts.isIterationStatement(child, false))
      out.push(...handedOn(child, sf));
    else if (ts.isCatchClause(child) || ts.isCaseBlock(child) || ts.isCaseOrDefaultClause(child) || ts.isLabeledStatement(child))
      ts.forEachChild(child, visit);
  });
  return out;
}

/** A function's body: its local functions and variables, the functions named inside its
 * statements and locals, and what its return statements give. */
function bodyPieces(body: T.ConciseBody, sf: T.SourceFile): PieceNode[] {
  if (!ts.isBlock(body)) return returnedMembers(body, sf);
  const out: PieceNode[] = [];
  for (const statement of body.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) out.push([statement.name.text, statement]);
    else if (ts.isClassDeclaration(statement) && statement.name) out.push([statement.name.text, statement]);
    else if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) out.push([d.name.text, d]);
        else out.push(...boundElements(d.name).map(([name, element]): PieceNode => [name, element, d.initializer]));
        // Below the local, not the local itself again.
        if (d.initializer) out.push(...nestedFunctions(d.initializer));
      }
    else out.push(...handedOn(statement, sf));
    if (!ts.isClassDeclaration(statement) && !ts.isVariableStatement(statement)) out.push(...nestedFunctions(statement));
  }
  return out;
}

/** The function a call wraps (drei's `forwardRef((props, ref) => {…})`, `memo(forwardRef(…))`):
 * its body's pieces are the declaration's. */
function wrappedFunction(node: T.Node): T.ArrowFunction | T.FunctionExpression | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  for (const a of node.arguments) {
    const arg = skipCasts(a);
    if (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) return arg;
    const inner = wrappedFunction(arg);
    if (inner) return inner;
  }
  return undefined;
}

function piecesOf(node: T.Node, sf: T.SourceFile): PieceNode[] {
  if (ts.isClassLike(node)) return membersOf(node, sf);
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) && node.body)
    return sf.languageVariant === ts.LanguageVariant.JSX
      ? [...bodyPieces(node.body, sf), ...jsxAttributes(node.body, sf)]
      : bodyPieces(node.body, sf);
  if (ts.isObjectLiteralExpression(node)) return membersOf(node, sf);
  // A value made by a call from an object of options (react-three-fiber's `reconciler =
  // createReconciler({ …, rendererVersion })`, `defineConfig({ … })`): that object's properties.
  if (ts.isCallExpression(node) || ts.isNewExpression(node))
    return (node.arguments ?? []).flatMap((a) =>
      ts.isObjectLiteralExpression(skipCasts(a)) ? membersOf(skipCasts(a) as T.ObjectLiteralExpression, sf) : [],
    );
  return typeMembersOf(node, sf);
}

export interface Piece {
  readonly owner: string;
  readonly name: string;
  readonly node: T.Node;
  readonly also?: T.Node;
  readonly isProperty: boolean;
  readonly isKey?: boolean;
  readonly first: number;
  readonly last: number;
}

/** `router.get("/v1/", handler)` → owner `router`, name `router.get("/v1/")`; `app.use(cors())` →
 * `app.use(cors())` when its argument is short, else `app.use(…)`. */
function nameBuildingCall(expression: T.Expression, sf: T.SourceFile): { owner: string; name: string } | undefined {
  const call = skipCasts(expression);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  const target = call.expression.expression;
  if (!ts.isIdentifier(target)) return undefined;
  const first = call.arguments[0];
  const shown =
    first === undefined
      ? ''
      : ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first) || ts.isNumericLiteral(first) || ts.isIdentifier(first)
        ? first.getText(sf)
        : '…';
  return { owner: target.text, name: `${target.text}.${call.expression.name.text}(${shown})` };
}

function isDefaultExport(node: T.ClassDeclaration | T.FunctionDeclaration): boolean {
  return node.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) === true;
}

/** Every named piece of every top-level declaration of a module's text, with its lines. */
export function listPieces(path: string, text: string): { readonly sf: T.SourceFile; readonly pieces: Piece[] } {
  // No parent pointers: walkSyntax sets them where it hashes. A component: its scripts, in place.
  const sf = ts.createSourceFile(path, scriptTextOf(path, text), ts.ScriptTarget.Latest, false, scriptKindOf(path));
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const pieces: Piece[] = [];
  const built: T.ExpressionStatement[] = [];
  const add = (owner: string, declared: T.Node) => {
    // The declaration itself, unnamed: where its branches are read (conditionsOf).
    pieces.push({ owner, name: '', node: declared, isProperty: false, first: line(declared.getStart(sf)), last: line(declared.end) });
    const node = wrappedFunction(declared) ?? declared;
    // A class's or an object's members are its properties (`Actor._send`); a function's pieces are not.
    const isProperty =
      ts.isClassLike(node) ||
      ts.isObjectLiteralExpression(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isCallExpression(node) ||
      ts.isNewExpression(node);
    for (const [name, piece, also, isMember, isKey] of piecesOf(node, sf)) {
      // A destructured local's lines run to the end of the value it is taken from.
      const [first, last] = [line(piece.getStart(sf)), line(Math.max(piece.end, also?.end ?? 0))];
      pieces.push({ owner, name, node: piece, also, isProperty: isMember ?? isProperty, ...(isKey && { isKey }), first, last });
    }
  };
  for (const statement of sf.statements) {
    if (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) {
      // `export default async function (agenda) {…}` has no name: the records call it `default`
      // (growthbook 2308d83f0d's job lost its `if (!MANAGED_WAREHOUSE_MIGRATION_SWEEP_ENABLED)` unsaid).
      const name = statement.name?.text ?? (isDefaultExport(statement) ? 'default' : undefined);
      if (name !== undefined) add(name, statement);
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) add(statement.name.text, statement);
    else if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) add(d.name.text, skipCasts(d.initializer));
      }
    // `export = createPlugin((ts, info) => {…})` (vue language-tools' typescript-plugin), `export
    // default defineConfig({…})`: the export has no local name; the records call it `export=` or
    // `default` (diff-exports.ts). An exported identifier is its declaration's, listed above.
    else if (ts.isExportAssignment(statement) && !ts.isIdentifier(skipCasts(statement.expression)))
      add(statement.isExportEquals ? 'export=' : 'default', skipCasts(statement.expression));
    else if (ts.isExpressionStatement(statement)) built.push(statement);
  }
  // Calls that build a declared value after it (`router.get("/v1/", indexHandler)` of an Express
  // router, growthbook 1a8e0d54e9): pieces of that value, named by the call and its first argument
  // where that is a literal. A name two calls share names neither.
  const owners = new Set(pieces.filter((p) => p.name === '').map((p) => p.owner));
  const calls = built.flatMap((statement) => {
    const named = nameBuildingCall(statement.expression, sf);
    return named !== undefined && owners.has(named.owner) ? [{ ...named, statement }] : [];
  });
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(`${call.owner}\u0000${call.name}`, (counts.get(`${call.owner}\u0000${call.name}`) ?? 0) + 1);
  for (const { owner, name, statement } of calls)
    if (counts.get(`${owner}\u0000${name}`) === 1)
      pieces.push({ owner, name, node: statement, isProperty: true, first: line(statement.getStart(sf)), last: line(statement.end) });
  return { sf, pieces };
}
