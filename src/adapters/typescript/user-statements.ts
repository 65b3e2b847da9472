import { functionLike, binding } from './user-functions.js';
import { classLike, decorators } from './user-classes.js';
import { Token, Undecided } from './user-reader.js';
import { UNREAD_STATEMENTS, type Expr, type Scope, type UserSyntax } from './user-syntax.js';
import { parseType, parseTypeAlias } from './user-types.js';

// The statements of user-syntax.ts: blocks, variables, functions, decorated classes, if, for,
// while, do, return, throw, try, switch. A label, an import inside code, a `yield` outside a generator's body and
// every statement kind of UNREAD_STATEMENTS are Undecided.
// The names a statement declares go where shadowing.ts's declaredIn finds them: a variable, function or
// class declared right in a block or a case clause, to its scope (`p.blockScope`); a `for`'s variables
// and a catch clause's binding, to the statement's; elsewhere (`if (a) var x`), to none.

/** One statement; for an expression statement, its expression. */
export function statement(p: UserSyntax): Expr | undefined {
  const { r } = p;
  const into = p.blockScope;
  p.blockScope = null;
  if (r.at(Token.OpenBrace)) return block(p);
  if (r.is(';')) return void r.next();
  // `@Injectable() class S {}` in a spec's function body: decorators before a class declaration only.
  if (r.is('@')) {
    decorators(p);
    if (!r.is('class')) throw new Undecided();
    return void classLike(p, true, true, into);
  }
  if (r.isWord()) {
    const word = r.text;
    if (word === 'class') return void classLike(p, true, false, into);
    // `module.exports …`, `namespace.x`: a name, where no declaration's name follows on the line (TypeScript's isDeclaration).
    const next = r.peek();
    const isName =
      (word === 'module' || word === 'namespace') && ((next.kind !== Token.Word && next.kind !== Token.String) || next.isAfterBreak);
    if ((UNREAD_STATEMENTS.has(word) && !isName) || word === 'import' || (word === 'yield' && !p.inGenerator)) throw new Undecided();
    // A local type alias hides no name (shadowing.ts's declaredIn lists none): TypeScript reads an import's in it.
    if (word === 'type' && r.peek().kind === Token.Word) {
      if (r.peek().isAfterBreak) throw new Undecided();
      return void parseTypeAlias(p);
    }
    if (word === 'const' || word === 'var' || (word === 'let' && startsBinding(p))) {
      variables(p, false, into);
      return void p.endStatement();
    }
    if (word === 'function' || (word === 'async' && isAsyncFunction(p))) return void functionLike(p, true, into);
    if (word === 'if') return void ifStatement(p);
    if (word === 'for') return void forStatement(p);
    if (word === 'while') return void (r.next(), parenthesized(p), statement(p));
    if (word === 'do') {
      r.next();
      statement(p);
      if (r.word() !== 'while') throw new Undecided();
      parenthesized(p);
      r.mark(r.is(';') ? r.end : r.previousEnd);
      if (r.is(';')) r.drop();
      return;
    }
    if (word === 'return' || word === 'throw') {
      r.next();
      if (!(r.is(';') || r.at(Token.CloseBrace) || r.at(Token.End) || r.isAfterBreak)) p.expression();
      return void p.endStatement();
    }
    if (word === 'break' || word === 'continue') {
      r.next();
      if (r.isWord() && !r.isAfterBreak) throw new Undecided(); // a label
      return void p.endStatement();
    }
    if (word === 'try') return void tryStatement(p);
    if (word === 'switch') return void switchStatement(p);
    if (word === 'debugger') return void (r.next(), p.endStatement());
    if (r.nextIs(':')) throw new Undecided(); // a label
  }
  const expr = p.expression();
  p.endStatement();
  return expr;
}

export function block(p: UserSyntax): undefined {
  const { r } = p;
  const scope = p.openScope();
  r.expect('{');
  statements(p, scope, () => r.at(Token.CloseBrace));
  r.next();
  p.closeScope(scope);
  return undefined;
}

/** The statements of a block or a case clause up to `isEnd`, each declaring into `scope`. */
function statements(p: UserSyntax, scope: Scope, isEnd: () => boolean): void {
  const outer = p.blockScope;
  try {
    while (!isEnd()) {
      if (p.r.at(Token.End)) throw new Undecided();
      p.blockScope = scope;
      statement(p);
    }
  } finally {
    p.blockScope = outer;
  }
}

export function startsBinding(p: UserSyntax): boolean {
  const next = p.r.peek();
  return next.kind === Token.Word || next.kind === Token.OpenBrace || next.kind === Token.OpenBracket;
}

export function isAsyncFunction(p: UserSyntax): boolean {
  const next = p.r.peek();
  return next.text === 'function' && !next.isAfterBreak;
}

/** A declarator's names and token range; where its written type stands and its initializer starts (a whole record's shape). */
export interface Declarator {
  readonly names: string[];
  readonly start: number;
  readonly end: number;
  readonly init: Expr | null;
  readonly typed?: readonly [number, number];
  readonly initAt?: number;
}

/** `const a: T = x, { b } = y`: each declarator, its names declared into `into`. */
export function variables(p: UserSyntax, isFor: boolean, into: Scope | null): Declarator[] {
  const { r } = p;
  r.next();
  const found: Declarator[] = [];
  for (;;) {
    const start = r.start;
    const names = binding(p, into);
    if (r.is('!')) r.next();
    let typed: readonly [number, number] | undefined;
    if (r.is(':')) {
      r.next();
      const from = r.start;
      parseType(p);
      typed = [from, r.previousEnd];
    }
    let init: Expr | null = null;
    let initAt: number | undefined;
    if (r.at(Token.Equals)) {
      r.next();
      initAt = r.start;
      init = p.assignment(isFor);
      // `const { a, b } = ns` reads those members (trace-uses.ts's memberOf).
      if (init.kind === 'ref' && names.pattern !== null) init.ref!.named = names.pattern;
    }
    found.push({ names: names.names, start, end: r.previousEnd, init, typed, initAt });
    if (!r.is(',')) return found;
    r.next();
  }
}

function parenthesized(p: UserSyntax): void {
  p.r.expect('(');
  p.expression();
  p.r.expect(')');
}

function ifStatement(p: UserSyntax): void {
  const { r } = p;
  r.next();
  parenthesized(p);
  statement(p);
  if (r.is('else')) {
    r.next();
    statement(p);
  }
}

function forStatement(p: UserSyntax): void {
  const { r } = p;
  const scope = p.openScope();
  r.next();
  if (r.is('await')) r.next();
  r.expect('(');
  if (r.is('const') || r.is('var') || (r.is('let') && startsBinding(p))) variables(p, true, scope);
  else if (!r.is(';')) p.expression(true);
  if (r.is('of') || r.is('in')) {
    r.next();
    p.assignment(false);
  } else {
    r.expect(';');
    if (!r.is(';')) p.expression();
    r.expect(';');
    if (!r.is(')')) p.expression();
  }
  r.expect(')');
  statement(p);
  p.closeScope(scope);
}

function tryStatement(p: UserSyntax): void {
  const { r } = p;
  r.next();
  block(p);
  if (r.is('catch')) {
    const scope = p.openScope();
    r.next();
    if (r.is('(')) {
      r.next();
      binding(p, scope);
      if (r.is(':')) {
        r.next();
        parseType(p);
      }
      r.expect(')');
    }
    block(p);
    p.closeScope(scope);
  }
  if (r.is('finally')) {
    r.next();
    block(p);
  }
}

function switchStatement(p: UserSyntax): void {
  const { r } = p;
  r.next();
  parenthesized(p);
  r.expect('{');
  while (!r.at(Token.CloseBrace)) {
    const scope = p.openScope();
    if (r.is('case')) {
      r.next();
      p.expression();
    } else if (!r.is('default')) throw new Undecided();
    else r.next();
    r.expect(':');
    statements(p, scope, () => r.is('case') || r.is('default') || r.at(Token.CloseBrace));
    p.closeScope(scope);
  }
  r.next();
}
