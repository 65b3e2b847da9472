import type * as T from 'typescript';
import { ts } from './typescript.js';
import { createSyntaxHasher } from './hash-syntax.js';
import { walkSyntax } from './walk-syntax.js';
import type { MemberRecord } from '../../core/questionnaire/changed-members.js';

// The named pieces inside each top-level declaration of a module, each with a hash of its
// syntax (comments and formatting left out), so that the questions can say which piece of an
// export changed: a class's members (`flush`, `constructor`), and inside a function the local
// functions and variables of its body and the properties of the object it returns (msw's
// `defineNetwork` returns `{ configure, enable, disable }`).

const scriptKind = (path: string): T.ScriptKind =>
  path.endsWith('.tsx')
    ? ts.ScriptKind.TSX
    : path.endsWith('.jsx')
      ? ts.ScriptKind.JSX
      : /\.[mc]?js$/.test(path)
        ? ts.ScriptKind.JS
        : ts.ScriptKind.TS;

function hashOf(node: T.Node): string {
  const hasher = createSyntaxHasher();
  walkSyntax(node, (child, _inType, isLeaf) => hasher.add(child, isLeaf));
  return hasher.digest();
}

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

/** A function's body: its local functions and variables, and what its return statements give. */
function bodyPieces(body: T.ConciseBody, sf: T.SourceFile): [string, T.Node][] {
  if (!ts.isBlock(body)) return ts.isObjectLiteralExpression(unwrap(body)) ? membersOf(unwrap(body) as T.ObjectLiteralExpression, sf) : [];
  const out: [string, T.Node][] = [];
  for (const statement of body.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) out.push([statement.name.text, statement]);
    else if (ts.isClassDeclaration(statement) && statement.name) out.push([statement.name.text, statement]);
    else if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) out.push([d.name.text, d]);
      }
    else if (ts.isReturnStatement(statement) && statement.expression && ts.isObjectLiteralExpression(unwrap(statement.expression)))
      out.push(...membersOf(unwrap(statement.expression) as T.ObjectLiteralExpression, sf));
  }
  return out;
}

const unwrap = (node: T.Expression): T.Expression =>
  ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) ? unwrap(node.expression) : node;

function piecesOf(node: T.Node, sf: T.SourceFile): [string, T.Node][] {
  if (ts.isClassLike(node)) return membersOf(node, sf);
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) && node.body)
    return bodyPieces(node.body, sf);
  if (ts.isObjectLiteralExpression(node)) return membersOf(node, sf);
  return [];
}

/** Every named piece of every top-level declaration of a module's text. */
export function listMembers(path: string, text: string): MemberRecord[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
  const records: MemberRecord[] = [];
  const add = (owner: string, node: T.Node) => {
    // A class's or an object's members are its properties (`Actor._send`); a function's pieces are not.
    const isProperty = ts.isClassLike(node) || ts.isObjectLiteralExpression(node);
    for (const [name, piece] of piecesOf(node, sf)) records.push({ owner, name, hash: hashOf(piece), isProperty });
  };
  for (const statement of sf.statements) {
    if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) && statement.name) add(statement.name.text, statement);
    else if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) add(d.name.text, unwrap(d.initializer));
      }
  }
  return records;
}
