import { NOT_THIS, Token, Undecided } from './user-reader.js';
import { block } from './user-statements.js';
import { decorators } from './user-classes.js';
import { RESERVED, OTHER, type Expr, type Scope, type UserSyntax } from './user-syntax.js';
import { parseType, parseTypeParameters, referenceEnds } from './user-types.js';

// What declares names in user-syntax.ts (functions, arrow functions, parameters, binding
// patterns: each name goes to the scope that holds it, as shadowing.ts's declaredIn has it: a
// function's for its parameters and a function expression's name) and object literals, whose
// keys and methods are no references but whose shorthand `{ a }` is.

/** A binding name or pattern: the names it declares (into `scope`: null where no scope holds them, the top
 * level's), and for an object pattern the keys it reads (null: a rest or computed key). */
export function binding(p: UserSyntax, scope: Scope | null): { names: string[]; pattern: string[] | null } {
  const { r } = p;
  const names: string[] = [];
  if (r.isWord()) {
    if (RESERVED.has(r.text)) throw NOT_THIS;
    const name = r.word();
    scope?.names.push(name);
    return { names: [name], pattern: null };
  }
  const isObject = r.at(Token.OpenBrace);
  if (!isObject && !r.at(Token.OpenBracket)) throw NOT_THIS;
  const close = isObject ? Token.CloseBrace : Token.CloseBracket;
  let keys: string[] | null = isObject ? [] : null;
  r.next();
  while (r.kind !== close) {
    if (!isObject && r.is(',')) {
      r.next();
      continue;
    }
    const isRest = r.is('...');
    if (isRest) r.next();
    if (isObject && !isRest) {
      let key: string | null = null;
      let isShorthand = false;
      if (r.at(Token.OpenBracket)) {
        r.next();
        p.assignment(false);
        r.expect(']');
      } else if (r.at(Token.String)) {
        key = r.value;
        if (key === null) throw new Undecided();
        r.next();
      } else if (r.isWord()) {
        key = r.text;
        isShorthand = !r.nextIs(':');
        if (isShorthand) {
          if (RESERVED.has(key)) throw NOT_THIS;
          scope?.names.push(key);
          names.push(key);
        }
        r.next();
      } else throw NOT_THIS;
      if (keys !== null) keys = key === null ? null : [...keys, key];
      if (!isShorthand) {
        r.expect(':');
        names.push(...binding(p, scope).names);
      }
    } else {
      names.push(...binding(p, scope).names);
      if (isRest) keys = null;
    }
    if (r.at(Token.Equals)) {
      r.next();
      p.assignment(false);
    }
    if (r.kind === close) break;
    r.expect(',');
  }
  r.next();
  return { names, pattern: keys };
}

/** `function name<T>(params): R { … }` (or an overload without a body); `async` before it. A declaration's
 * name goes to `into` (its block's scope), an expression's to its own scope. */
export function functionLike(p: UserSyntax, isDeclaration: boolean, into: Scope | null = null): string | null {
  const { r } = p;
  const scope = p.openScope();
  if (r.is('async')) r.next();
  r.expect('function');
  const isGenerator = r.is('*');
  if (isGenerator) r.next();
  let name: string | null = null;
  if (r.isWord()) {
    name = r.word();
    (isDeclaration ? into : scope)?.names.push(name);
  }
  if (isDeclaration && name === null) throw new Undecided();
  signature(p, scope);
  if (r.at(Token.OpenBrace)) p.bodies?.push(r.previousEnd);
  if (r.at(Token.OpenBrace)) functionBody(p, isGenerator);
  else if (isDeclaration) p.endStatement();
  else throw new Undecided();
  p.closeScope(scope);
  return name;
}

/** `yield`, `yield x`, `yield* x` (TypeScript's parseYieldExpression): an operand follows on the same line, or none. */
export function yieldExpression(p: UserSyntax): Expr {
  const { r } = p;
  r.next();
  if (r.isAfterBreak || r.at(Token.End) || /^[)\]},;:]$/.test(r.text)) return OTHER;
  const isOperand =
    r.at(Token.Asterisk) ||
    (r.isWord() && !/^(?:in|instanceof|as|satisfies)$/.test(r.text)) ||
    r.at(Token.String) ||
    r.at(Token.Template) ||
    r.at(Token.TemplateHead) ||
    r.at(Token.OpenParen) ||
    r.at(Token.OpenBracket) ||
    r.at(Token.OpenBrace) ||
    /^(?:[!~+-]|\+\+|--|\d|\.\d)/.test(r.text);
  if (!isOperand) throw new Undecided();
  if (r.at(Token.Asterisk)) r.next();
  p.assignment();
  return OTHER;
}

/** A function's body: `yield` is an operator inside a generator's own body only. */
export function functionBody(p: UserSyntax, isGenerator = false): void {
  inFunction(p, isGenerator, () => block(p));
}

/** Parses inside a function (`functionDepth`), whose `yield` is a generator's; put back however it ends. */
function inFunction(p: UserSyntax, isGenerator: boolean, parse: () => void): void {
  const inGenerator = p.inGenerator;
  p.inGenerator = isGenerator;
  p.functionDepth++;
  try {
    parse();
  } finally {
    p.inGenerator = inGenerator;
    p.functionDepth--;
  }
}

/** `<T>(params): R`, a function's or a method's (`isMethod`: a class's, its parameters decorated); the
 * parameters go to `scope`, the function's (closed by the caller where the function ends). */
export function signature(p: UserSyntax, scope: Scope, isMethod = false): void {
  const { r } = p;
  if (r.is('<')) parseTypeParameters(p);
  parameters(p, scope, undefined, isMethod);
  if (r.is(':')) {
    r.next();
    returnType(p);
  }
}

/** A return type, with a type predicate (`x is T`, `asserts x`). */
export function returnType(p: UserSyntax): void {
  const { r } = p;
  if (r.is('asserts') && r.peek().kind === Token.Word && !r.peek().isAfterBreak) throw new Undecided();
  if (r.isWord() && r.peek().text === 'is' && !r.peek().isAfterBreak) {
    p.typeDepth++;
    if (r.text !== 'this') p.ref(r.text, r.start, r.end);
    p.typeDepth--;
    r.next();
    r.next();
  }
  parseType(p);
}

/** `modifiers`: the words that may stand before a parameter (a constructor's `private x`);
 * `isDecorated`: a class member's, where decorators may stand among them (`@Inject(TOKEN) private x`). */
export function parameters(p: UserSyntax, scope: Scope, modifiers?: ReadonlySet<string>, isDecorated = false, types?: number[]): boolean {
  const { r } = p;
  let hasDecorator = false;
  r.expect('(');
  while (!r.is(')')) {
    while ((isDecorated && r.is('@')) || (modifiers !== undefined && isModifier(p, modifiers))) {
      hasDecorator ||= r.is('@');
      if (r.is('@')) decorators(p);
      else r.next();
    }
    if (r.is('...')) r.next();
    if (r.is('this')) r.next();
    else binding(p, scope);
    if (r.is('?')) r.next();
    if (r.is(':')) {
      r.next();
      const [at, start] = [p.refs.length, r.start];
      parseType(p);
      // `types`: the references that are a parameter's whole type (`x: X`, `x: ns.X<T>`).
      const ref = p.refs[at];
      if (types !== undefined && ref?.start === start && referenceEnds.get(ref) === r.previousEnd) types.push(at);
    }
    if (r.at(Token.Equals)) {
      r.next();
      p.assignment(false);
    }
    if (r.is(')')) break;
    r.expect(',');
  }
  r.next();
  return hasDecorator;
}

/** Whether the word at hand is one of `modifiers`: a name, a string, `[`, `{`, `*` or a `#name`
 * follows it on the same line (after a line break TypeScript may read it either way: Undecided). */
export function isModifier(p: UserSyntax, modifiers: ReadonlySet<string>): boolean {
  const { r } = p;
  if (!r.isWord() || !modifiers.has(r.text)) return false;
  const next = r.peek();
  const isNameLike =
    next.kind === Token.Word ||
    next.kind === Token.String ||
    next.kind === Token.OpenBracket ||
    next.kind === Token.OpenBrace ||
    next.kind === Token.Asterisk ||
    next.text.startsWith('#') ||
    /^\d/.test(next.text);
  if (!isNameLike) return false;
  if (next.isAfterBreak) throw new Undecided();
  return true;
}

/** `(a: T, { b }): R =>` or `a =>`: an arrow function's head, up to its body; the arrow's scope, from `from`
 * (its first token: `async`, `<`), for arrowBody to close. */
export function arrowHead(p: UserSyntax, from: number): Scope {
  const { r } = p;
  const scope = p.openScope(from);
  if (r.isWord()) {
    if (RESERVED.has(r.text)) throw NOT_THIS;
    scope.names.push(r.word());
  } else {
    parameters(p, scope);
    if (r.is(':')) {
      r.next();
      returnType(p);
      // `a ? (b): c => d : e`: TypeScript reads this arrow only before a second `:`.
      if (r.is('=>') && p.conditionalDepth > 0) throw new Undecided();
    }
  }
  if (!r.is('=>')) throw NOT_THIS;
  if (r.isAfterBreak) throw new Undecided();
  r.next();
  return scope;
}

export function arrowBody(p: UserSyntax, scope: Scope): Expr {
  p.bodies?.push(p.r.previousEnd);
  if (p.r.at(Token.OpenBrace)) conditionalScope(p, () => block(p));
  // An expression body keeps the conditional around the arrow (TypeScript's parseArrowFunctionExpressionBody).
  else inFunction(p, false, () => void p.assignment(false, true));
  p.closeScope(scope);
  return OTHER;
}

export function objectLiteral(p: UserSyntax): void {
  const { r } = p;
  r.next();
  while (!r.at(Token.CloseBrace)) {
    if (r.is('...')) {
      r.next();
      p.assignment();
    } else property(p);
    if (r.at(Token.CloseBrace)) break;
    r.expect(',');
  }
  r.next();
}

export function property(p: UserSyntax): void {
  const { r } = p;
  const scope = p.openScope();
  let isMethodOnly = false;
  if ((r.is('get') || r.is('set') || r.is('async')) && !/^[,:(}=]$/.test(r.peek().text)) {
    r.next();
    isMethodOnly = true;
  }
  if (r.is('*')) throw new Undecided();
  if (r.at(Token.OpenBracket)) {
    r.next();
    p.assignment();
    r.expect(']');
  } else if (r.isWord()) {
    if (!isMethodOnly && (r.nextIs(',') || r.nextIs('}'))) {
      if (RESERVED.has(r.text)) throw new Undecided();
      p.ref(r.text, r.start, r.end); // `{ a }` reads `a`
      return r.next();
    }
    r.next();
  } else if (r.at(Token.String) || /^\d/.test(r.text)) r.next();
  else throw new Undecided();
  if (r.is('(') || r.is('<')) {
    conditionalScope(p, () => (signature(p, scope), block(p)));
    return void p.closeScope(scope);
  }
  if (isMethodOnly) throw new Undecided();
  r.expect(':');
  p.assignment();
}

/** A function's own scope: no conditional around it, no generator's `yield`. */
function conditionalScope(p: UserSyntax, parse: () => void): void {
  const conditionalDepth = p.conditionalDepth;
  p.conditionalDepth = 0;
  try {
    inFunction(p, false, parse);
  } finally {
    p.conditionalDepth = conditionalDepth;
  }
}
