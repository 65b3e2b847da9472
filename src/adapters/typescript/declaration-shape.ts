import type * as T from 'typescript';
import { ts } from './typescript.js';
import { fold, hashText, LINE_COMMENT } from './hash-text.js';

// The "shape" of a declaration is what an importer can rely on: its signature, not its body.
// Shapes are normalized source text (whitespace folded), so equal shapes mean the same API as
// written. Types are not inferred: this is a parse, not a type check.

export { fold, hashText } from './hash-text.js';

function textBetween(sf: T.SourceFile, from: number, to: number): string {
  return fold(sf.text.slice(from, to));
}

const isPrivate = (member: T.ClassElement): boolean =>
  (member.name !== undefined && ts.isPrivateIdentifier(member.name)) ||
  (ts.getCombinedModifierFlags(member as unknown as T.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;

/** A function-like declaration up to its body: modifiers, type parameters, parameters, return type. */
export function signatureOf(sf: T.SourceFile, node: T.SignatureDeclaration | T.FunctionLikeDeclaration): string {
  const body = 'body' in node ? node.body : undefined;
  // NOTE: up to the body's full start, before its comments: fp-ts 6bc5b75e2d turned
  // `} =>\n  /*#__PURE__*/ dual(…)` into `} => {\n  return /*#__PURE__*/ dual(…)`, and the comment
  // read as part of the signature made six unchanged signatures "changed". A line comment inside
  // goes before the text is folded onto one line, or it would swallow the rest (react-hook-form
  // resolvers' `schemaOptions?: Zod4ParseParams, // already partial`).
  const text = withoutTypedPatterns(sf, node, body ? body.pos : node.end).replace(LINE_COMMENT, '$1');
  const own = fold(text).replace(/\s*=>\s*$/, '');
  // With no return type written, a function returned is part of the type: dnd-kit e4d1a7e2d9
  // changed only `(options): PluginDescriptor<…>` inside `configurator(plugin) { return (options) … }`.
  const returned = body !== undefined && node.type === undefined ? returnedFunctions(body) : [];
  return returned.length === 0 ? own : `${own} => ${returned.map((f) => signatureOf(sf, f)).join(' | ')}`;
}

/** The text up to `end` with each destructuring parameter that has its type written read as `{…}`
 * or `[…]`: the names it binds are the body's (dnd-kit 3fdc0730df's `Sortable` constructor
 * `({ plugins: inputPlugins = defaultPlugins, …input }: SortableInput<T>)` -> `{ plugins = …` kept
 * its signature). */
function withoutTypedPatterns(sf: T.SourceFile, node: T.SignatureDeclaration, end: number): string {
  let [text, at] = ['', node.getStart(sf)];
  for (const parameter of node.parameters) {
    const name = parameter.name;
    // `name: string = \`…\`` is `name = \`…\``: a primitive written beside a literal of its kind is
    // what the default gives (io-ts 63eea02977's lint fix dropped twenty, "reshaping" 19 exports).
    if (isInferrable(parameter)) {
      text += sf.text.slice(at, name.end);
      at = parameter.type!.end;
      continue;
    }
    if (parameter.type === undefined || ts.isIdentifier(name)) continue;
    text += `${sf.text.slice(at, name.getStart(sf))}${ts.isObjectBindingPattern(name) ? '{…}' : '[…]'}`;
    at = name.end;
  }
  return text + sf.text.slice(at, end);
}

/** A parameter typed `string`, `number` or `boolean` whose default is a literal of that type. */
function isInferrable(parameter: T.ParameterDeclaration): boolean {
  const [type, value] = [parameter.type?.kind, parameter.initializer];
  if (value === undefined || parameter.questionToken !== undefined) return false;
  if (type === ts.SyntaxKind.StringKeyword)
    return ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) || ts.isTemplateExpression(value);
  if (type === ts.SyntaxKind.NumberKeyword) return ts.isNumericLiteral(value);
  return type === ts.SyntaxKind.BooleanKeyword && [ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword].includes(value.kind);
}

type FunctionExpression = T.ArrowFunction | T.FunctionExpression;

/** The function expressions a body returns: an arrow's expression body, or `return` statements
 * of the function's own (blocks and branches walked, nested functions not). */
function returnedFunctions(body: T.ConciseBody): FunctionExpression[] {
  const out: FunctionExpression[] = [];
  const take = (expression: T.Expression | undefined) => {
    let e = expression;
    while (e !== undefined && (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e))) e = e.expression;
    if (e !== undefined && (ts.isArrowFunction(e) || ts.isFunctionExpression(e))) out.push(e);
  };
  const visit = (node: T.Node): void => {
    if (ts.isReturnStatement(node)) take(node.expression);
    else if (ts.isBlock(node) || ts.isIfStatement(node) || ts.isTryStatement(node) || ts.isSwitchStatement(node) || ts.isCaseBlock(node))
      ts.forEachChild(node, visit);
    else if (
      ts.isCaseClause(node) ||
      ts.isDefaultClause(node) ||
      ts.isCatchClause(node) ||
      ts.isLabeledStatement(node) ||
      ts.isIterationStatement(node, false)
    )
      ts.forEachChild(node, visit);
  };
  if (ts.isBlock(body)) visit(body);
  else take(body);
  return out;
}

function classShape(sf: T.SourceFile, node: T.ClassDeclaration | T.ClassExpression): string {
  const head = textBetween(sf, node.getStart(sf), node.members.pos).replace(/\{$/, '').trim();
  const members = node.members
    .filter((member) => !isPrivate(member))
    .map((member) => {
      if (ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isGetAccessor(member) || ts.isSetAccessor(member)) {
        return signatureOf(sf, member);
      }
      if (ts.isPropertyDeclaration(member)) {
        // The declared type is the shape; the initializer is implementation.
        const end = member.initializer ? member.initializer.pos : member.end;
        return textBetween(sf, member.getStart(sf), end).replace(/=\s*$/, '').replace(/;$/, '').trim();
      }
      return textBetween(sf, member.getStart(sf), member.end);
    });
  return `${head} { ${members.join('; ')} }`;
}

/** An interface's head and members, each ended by `;` as written or not (dom-testing-library
 * writes none: `selected?: boolean` then `busy?: boolean` read as one member, and a member added
 * was no member added: shape-text.ts's isWidenedShape). Members' doc comments are no shape. */
function interfaceShape(sf: T.SourceFile, node: T.InterfaceDeclaration): string {
  const head = textBetween(sf, node.getStart(sf), node.members.pos).replace(/\{$/, '').trim();
  const members = node.members.map((member) => textBetween(sf, member.getStart(sf), member.end).replace(/[;,]$/, ''));
  return `${head} { ${members.join('; ')} }`;
}

function variableShape(sf: T.SourceFile, decl: T.VariableDeclaration, keyword: string): string {
  const name = decl.name.getText(sf);
  if (decl.type) return `${keyword} ${name}: ${fold(decl.type.getText(sf))}`;
  const init = decl.initializer;
  if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return `${keyword} ${name} = ${signatureOf(sf, init)}`;
  if (init && ts.isClassExpression(init)) return `${keyword} ${name} = ${classShape(sf, init)}`;
  if (init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))) return `${keyword} ${name}: string`;
  if (init && ts.isNumericLiteral(init)) return `${keyword} ${name}: number`;
  if (init && (init.kind === ts.SyntaxKind.TrueKeyword || init.kind === ts.SyntaxKind.FalseKeyword)) return `${keyword} ${name}: boolean`;
  return `${keyword} ${name} (type inferred)`;
}

/** Shape and body hash of a top-level declaration (or one variable of a statement). */
export function describeDeclaration(sf: T.SourceFile, node: T.Node, variable?: T.VariableDeclaration): { shape: string; bodyHash: string } {
  if (variable) {
    const list = variable.parent as T.VariableDeclarationList;
    const keyword = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : 'var';
    return { shape: variableShape(sf, variable, keyword), bodyHash: hashText(variable.getText(sf)) };
  }
  const full = node.getText(sf);
  if (ts.isFunctionDeclaration(node)) return { shape: signatureOf(sf, node), bodyHash: hashText(full) };
  if (ts.isClassDeclaration(node)) return { shape: classShape(sf, node), bodyHash: hashText(full) };
  if (ts.isInterfaceDeclaration(node)) return { shape: interfaceShape(sf, node), bodyHash: hashText(full) };
  // Type aliases, enums and namespaces: their whole text is their shape.
  return { shape: fold(full), bodyHash: hashText(full) };
}
