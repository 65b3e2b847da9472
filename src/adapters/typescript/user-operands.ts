import { Token, Undecided } from './user-reader.js';
import { arrowBody, arrowHead, functionLike, objectLiteral } from './user-functions.js';
import { parseTypeArguments, parseTypeParameters } from './user-types.js';
import { classLike } from './user-classes.js';
import { OTHER, RESERVED, type Expr, type UserSyntax } from './user-syntax.js';

// The operands of an expression read from tokens (user-syntax.ts reads the operators around
// them): literals, names as references, calls and indexes with what their arguments name, `new`,
// templates, and the function, class and arrow expressions (user-functions.ts, user-classes.ts).

export function callOrIndex(p: UserSyntax, expr: Expr): Expr {
  const { r } = p;
  if (r.at(Token.OpenBracket)) {
    r.next();
    const key = p.expression();
    r.expect(']');
    if (expr.kind === 'ref' && key.kind === 'string') {
      if (key.value == null) throw new Undecided();
      Object.assign(expr.ref!, { link: 'index', member: key.value });
    }
    return { kind: 'index', inner: expr };
  }
  const args = readArguments(p);
  if (expr.kind === 'ref') expr.ref!.link = 'call';
  // `vi.spyOn(ns, 'name')`: the string beside a name given as an argument names its member.
  args.forEach((arg, i) => {
    const next = args[i + 1];
    if (arg.kind === 'ref' && next?.kind === 'string') {
      if (next.value == null) throw new Undecided();
      arg.ref!.named = [next.value];
    }
  });
  return { kind: 'call', inner: expr, args };
}

function readArguments(p: UserSyntax): Expr[] {
  const { r } = p;
  r.expect('(');
  const args: Expr[] = [];
  while (!r.is(')')) {
    if (r.is('...')) {
      r.next();
      p.assignment();
      args.push(OTHER);
    } else args.push(p.assignment());
    if (r.is(')')) break;
    r.expect(',');
  }
  r.next();
  return args;
}

export function newExpression(p: UserSyntax): Expr {
  const { r } = p;
  r.next();
  if (r.at(Token.Dot)) throw new Undecided(); // new.target
  let expr = r.is('new') ? newExpression(p) : primary(p);
  const target = expr;
  while (r.at(Token.Dot) || r.at(Token.OpenBracket)) {
    if (r.at(Token.OpenBracket)) {
      expr = callOrIndex(p, expr);
      continue;
    }
    r.next();
    const name = r.word();
    if (expr.kind === 'ref') Object.assign(expr.ref!, { link: 'member', member: name });
    else if (expr.kind === 'member' && expr.ref !== undefined && expr.ref.inner === undefined) expr.ref.inner = name;
    expr = { kind: 'member', ref: expr.kind === 'ref' ? expr.ref! : undefined, inner: expr, name };
  }
  if (target === expr && expr.kind === 'ref') expr.ref!.link = 'new';
  if (r.is('<')) parseTypeArguments(p);
  if (r.is('(')) readArguments(p);
  return OTHER;
}

export function template(p: UserSyntax): void {
  const { r } = p;
  if (r.at(Token.Template)) return r.next();
  for (;;) {
    r.next();
    p.expression();
    r.readTemplateRest();
    if (r.at(Token.TemplateTail)) return r.next();
  }
}

export function primary(p: UserSyntax): Expr {
  const { r } = p;
  switch (r.kind) {
    case Token.String:
    case Token.Template: {
      const value = r.value;
      r.next();
      return { kind: 'string', value };
    }
    case Token.TemplateHead:
      template(p);
      return OTHER;
    case Token.OpenBracket:
      r.next();
      while (!r.at(Token.CloseBracket)) {
        if (r.is(',')) {
          r.next();
          continue;
        }
        if (r.is('...')) r.next();
        p.assignment();
        if (!r.at(Token.CloseBracket)) r.expect(',');
      }
      r.next();
      return OTHER;
    case Token.OpenBrace:
      objectLiteral(p);
      return OTHER;
    case Token.OpenParen: {
      const arrow = p.attempt(() => arrowHead(p, r.start));
      if (arrow !== undefined) return arrowBody(p, arrow);
      r.next();
      p.expression();
      r.expect(')');
      return OTHER;
    }
    case Token.Word:
      return wordExpression(p);
    default: {
      // `<T>(a: T): R => …`, as TypeScript tries it first.
      const from = r.start;
      const arrow = r.is('<') && !p.isJsx ? p.attempt(() => (parseTypeParameters(p), arrowHead(p, from))) : undefined;
      if (arrow !== undefined) return arrowBody(p, arrow);
      if (r.text === '/' || r.text === '/=') {
        r.readRegex();
        r.next();
        return OTHER;
      }
      if (/^\d|^\.\d/.test(r.text)) {
        r.next();
        return OTHER;
      }
      throw new Undecided();
    }
  }
}

function wordExpression(p: UserSyntax): Expr {
  const { r } = p;
  const word = r.text;
  if (word === 'function') return (functionLike(p, false), OTHER);
  if (word === 'class') return (classLike(p, false), OTHER);
  if (word === 'async') {
    const next = r.peek();
    if (next.text === 'function' && !next.isAfterBreak) return (functionLike(p, false), OTHER);
    const from = r.start;
    const arrow =
      !next.isAfterBreak && (next.text === '(' || next.kind === Token.Word) ? p.attempt(() => (r.next(), arrowHead(p, from))) : undefined;
    if (arrow !== undefined) return arrowBody(p, arrow);
  }
  if (word === 'this' || word === 'null' || word === 'true' || word === 'false' || word === 'super') return (r.next(), OTHER);
  if (r.nextIs('=>') && !RESERVED.has(word)) return arrowBody(p, arrowHead(p, r.start));
  // CommonJS is read at the top level (collect-commonjs.ts); inside a function `module` is a name.
  const isCommonJs = (word === 'exports' || word === 'module') && p.functionDepth === 0;
  if (word === 'import' && r.nextIs('.')) return (r.next(), r.next(), r.expect('meta'), OTHER); // `import.meta`: no reference
  if (RESERVED.has(word) || isCommonJs || word === 'require') throw new Undecided();
  const ref = p.ref(word, r.start, r.end);
  r.next();
  return { kind: 'ref', ref };
}
