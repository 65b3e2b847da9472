import { NOT_THIS, NotThis, Reader, Token, Undecided } from './user-reader.js';
import { yieldExpression } from './user-functions.js';
import { parseType, parseTypeArguments } from './user-types.js';
import { callOrIndex, newExpression, primary, template } from './user-operands.js';
import type { TracedClass } from './user-classes.js';
import { jsxOperand } from './user-jsx.js';

// The statements and expressions of a file a walk only crosses, read from tokens without
// TypeScript's parser (user-record.ts): every identifier read as a reference, with where it
// stands (a type position or not) and what holds it (`x.a`, `x['a']`, `x(…)`, `new x`,
// `f(x, 'a')`, `const { a } = x`), which are what trace-uses.ts asks of TypeScript's tree; every
// name declared anywhere; the top-level statements (classes: user-classes.ts; JSX: user-jsx.ts; the
// operands: user-operands.ts).
// Anything outside the forms read here (an export, a label, `import()`…) throws Undecided: the file
// is parsed by TypeScript instead. A decorator's expression is a left-hand side (user-classes.ts).

/** An identifier read as a reference. */
export interface Ref {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly inType: boolean;
  /** What holds it: a member read (`x.a`, `x?.a`, a type's `x.a`), an index by a string, a call or `new` of it. */
  link?: 'member' | 'index' | 'call' | 'new';
  member?: string;
  /** `x.a.b`: the member read of the member (trace-uses.ts's withInnerMember). */
  inner?: string;
  /** `f(x, 'a')` or `const { a, b } = x`: the members these name. */
  named?: readonly string[];
  /** `x` of `keyof typeof x`, no member or index read of it (declaration-uses.ts's isKeyOfTypeOf). */
  isKeys?: boolean;
}

/** An expression, as far as the records read it. */
export interface Expr {
  readonly kind: 'ref' | 'member' | 'index' | 'call' | 'assign' | 'string' | 'other';
  readonly ref?: Ref;
  readonly inner?: Expr;
  readonly args?: readonly Expr[];
  readonly value?: string | null;
  /** A member read's name. */
  readonly name?: string;
}

export const OTHER: Expr = { kind: 'other' };
export const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(
    ' ',
  ),
);
const UNARY = new Set(['!', '~', '+', '-', '++', '--', 'typeof', 'void', 'delete', 'await']);
const BINARY = new Set('+ - * / % ** == != === !== < <= >= << & | ^ && || ?? instanceof'.split(' ').concat(['in']));
const ASSIGNING = new Set('+= -= *= /= %= **= <<= &= |= ^= &&= ||= ??='.split(' '));
// Words that cannot start a statement of the forms read here.
export const UNREAD_STATEMENTS = new Set('class export enum interface declare namespace module abstract with using'.split(' '));

/** A node that declares names for the code inside it (a function, a block, a catch clause, a `for`), from its first token. */
export interface Scope {
  readonly from: number;
  readonly names: string[];
}

export class UserSyntax {
  readonly r: Reader;
  readonly refs: Ref[] = [];
  /** Names declared where no scope is kept (type parameters, ambient blocks): one that spells an import gives the file back. */
  readonly unscoped: string[] = [];
  /** Each name a scope node declares for the code inside it, with that node's range (shadowing.ts's declaredIn). */
  readonly scoped: Array<readonly [name: string, from: number, to: number]> = [];
  /** The scope the statement at hand declares into: its block's or case clause's; null elsewhere (user-statements.ts). */
  blockScope: Scope | null = null;
  /** Inside a type (user-types.ts counts it up). */
  typeDepth = 0;
  /** Inside a conditional's first branch (user-functions.ts's arrowHead). */
  conditionalDepth = 0;
  /** Inside a generator's body, where `yield` is an operator; how many functions deep (user-functions.ts's inFunction). */
  inGenerator = false;
  functionDepth = 0;
  /** A whole read's: where each function's body starts (its node's `pos`: the signature ends there), and the classes met. */
  readonly bodies: number[] | null;
  readonly classes: TracedClass[] | null;

  // JavaScript is read as TypeScript reads it: the same grammar. In a JSX file (`.tsx`, `.jsx`,
  // any JavaScript) a `<` where an operand stands starts an element (user-jsx.ts); in TypeScript
  // otherwise, a generic arrow function (or a type assertion, Undecided).
  constructor(
    source: string,
    readonly isTypeScript = false,
    readonly isJsx = !isTypeScript,
    isWhole = false,
  ) {
    this.r = new Reader(source, isWhole);
    this.bodies = isWhole ? [] : null;
    this.classes = isWhole ? [] : null;
  }

  get isEnd(): boolean {
    return this.r.at(Token.End);
  }

  /** Runs `parse`, or puts everything back and returns undefined when it is not this reading. */
  attempt<T>(parse: () => T): T | undefined {
    const state = this.r.save();
    const [refs, typeDepth, conditionalDepth] = [this.refs.length, this.typeDepth, this.conditionalDepth];
    const [unscoped, scoped, blockScope] = [this.unscoped.length, this.scoped.length, this.blockScope];
    const bodies = this.bodies?.length ?? 0;
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof NotThis)) throw error;
      this.r.restore(state);
      this.refs.length = refs;
      this.unscoped.length = unscoped;
      this.scoped.length = scoped;
      this.blockScope = blockScope;
      this.typeDepth = typeDepth;
      this.conditionalDepth = conditionalDepth;
      if (this.bodies !== null) this.bodies.length = bodies;
      return undefined;
    }
  }

  /** A statement ends at `;`, before `}` or the end, or at a line break (ASI). */
  endStatement(): void {
    const { r } = this;
    if (r.is(';')) {
      r.mark(r.end);
      r.drop();
    } else if (!(r.at(Token.CloseBrace) || r.at(Token.End) || r.isAfterBreak)) throw new Undecided();
    else r.mark();
  }

  /** A scope starting at `from`; its names are kept once it is closed where its node ends. */
  openScope(from = this.r.start): Scope {
    return { from, names: [] };
  }

  closeScope(scope: Scope): void {
    for (const name of scope.names) this.scoped.push([name, scope.from, this.r.previousEnd]);
  }

  ref(name: string, start: number, end: number): Ref {
    const ref: Ref = { name, start, end, inType: this.typeDepth > 0 };
    this.refs.push(ref);
    return ref;
  }

  expression(noIn = false): Expr {
    let expr = this.assignment(noIn);
    while (this.r.is(',')) {
      this.r.next();
      this.assignment(noIn);
      expr = OTHER;
    }
    return expr;
  }

  /** An assignment expression. An arrow with a return type inside a conditional's first branch is
   * TypeScript's to read (`a ? (b): c => d : e`), but where its parser allows one again
   * (allowReturnTypeInArrowFunction): in an argument, an element, a property's value, parentheses,
   * anything but an assignment's right side, the conditional's second branch and an arrow's expression
   * body, which keep what the expression around them has (`isKept`). */
  assignment(noIn = false, isKept = false): Expr {
    const conditionalDepth = this.conditionalDepth;
    if (!isKept) this.conditionalDepth = 0;
    try {
      return this.assignmentRest(noIn);
    } finally {
      this.conditionalDepth = conditionalDepth;
    }
  }

  private assignmentRest(noIn: boolean): Expr {
    const { r } = this;
    const left = this.unary();
    let operands = 1;
    for (;;) {
      if (r.at(Token.Equals) || ASSIGNING.has(r.text) || this.isShiftAssignment()) {
        const isPlain = r.at(Token.Equals);
        this.skipOperator();
        this.assignment(noIn, true);
        return operands === 1 && isPlain ? { kind: 'assign', inner: left } : OTHER;
      }
      if (r.is('?')) {
        r.next();
        this.conditionalDepth++;
        this.assignment(false, true);
        this.conditionalDepth--;
        r.expect(':');
        this.assignment(noIn, true);
        return OTHER;
      }
      if ((r.is('as') || r.is('satisfies')) && !r.isAfterBreak) {
        r.next();
        parseType(this);
        operands++;
        continue;
      }
      if (r.is('>')) {
        this.skipOperator();
        this.unary();
        operands++;
        continue;
      }
      if (r.at(Token.Asterisk) || (BINARY.has(r.text) && !r.at(Token.String) && !(noIn && r.text === 'in'))) {
        r.next();
        this.unary();
        operands++;
        continue;
      }
      return operands === 1 ? left : OTHER;
    }
  }

  /** `>>=` and `>>>=` are scanned `>` `>` `=`. */
  private isShiftAssignment(): boolean {
    if (!this.r.is('>')) return false;
    const source = this.r.source;
    let at = this.r.start;
    while (source[at] === '>') at++;
    return source[at] === '=' && source[at + 1] !== '=' && at - this.r.start >= 2;
  }

  /** An operator spelled `>`, `>>`, `>>>`, `>=`, `>>=`…: its adjacent tokens. */
  private skipOperator(): void {
    const { r } = this;
    let end = r.end;
    r.next();
    while ((r.is('>') || r.at(Token.Equals) || r.is('==') || r.is('=>')) && r.start === end && r.source[end - 1] === '>') {
      if (r.is('=>')) throw new Undecided();
      end = r.end;
      r.next();
    }
  }

  unary(): Expr {
    const { r } = this;
    if (r.is('yield') && this.inGenerator) return yieldExpression(this);
    if (r.is('<') && this.isJsx) return jsxOperand(this);
    if (UNARY.has(r.text) && !r.at(Token.String) && !r.at(Token.Template)) {
      r.next();
      this.unary();
      return OTHER;
    }
    const expr = this.leftHandSide();
    if ((r.is('++') || r.is('--')) && !r.isAfterBreak) {
      r.next();
      return OTHER;
    }
    return expr;
  }

  /** `isDecorator`: no `[…]` index (TypeScript's decorator context: it starts a computed member's name). */
  leftHandSide(isDecorator = false): Expr {
    const { r } = this;
    let expr = r.is('new') ? newExpression(this) : primary(this);
    for (;;) {
      if (r.at(Token.Dot) || r.is('?.')) {
        const isOptional = r.is('?.');
        r.next();
        if (isOptional && (r.is('(') || r.at(Token.OpenBracket))) {
          expr = callOrIndex(this, expr);
          continue;
        }
        if (!r.isWord() && !r.text.startsWith('#')) throw new Undecided();
        const name = r.text;
        r.next();
        if (expr.kind === 'ref') Object.assign(expr.ref!, { link: 'member', member: name });
        else if (expr.kind === 'member' && expr.ref !== undefined && expr.ref.inner === undefined) expr.ref.inner = name;
        expr = { kind: 'member', ref: expr.kind === 'ref' ? expr.ref! : undefined, inner: expr, name };
        continue;
      }
      if (r.is('!') && !r.isAfterBreak) {
        r.next();
        expr = OTHER;
        continue;
      }
      if (r.is('(') || (r.at(Token.OpenBracket) && !isDecorator)) {
        expr = callOrIndex(this, expr);
        continue;
      }
      if (r.at(Token.Template) || r.at(Token.TemplateHead)) {
        template(this);
        expr = OTHER;
        continue;
      }
      // `f<T>(x)`, `f<T>,` (no type arguments in JavaScript: `f < T > (x)` there).
      const typed = r.is('<') && this.isTypeScript ? this.attempt(() => this.typeArgumentsOfCall()) : undefined;
      if (typed === 'instantiation') expr = OTHER;
      if (typed !== undefined) continue;
      return expr;
    }
  }

  /** `f<T>(` or `styled.div<P>`…``: type arguments of a call or a tagged template; `fetcher<T>,` (dub's
   * remove-workspace-user-modal.tsx): an instantiation expression, where what follows can start no
   * expression (TypeScript's canFollowTypeArgumentsInExpression; anything else after them is not read here). */
  private typeArgumentsOfCall(): 'call' | 'instantiation' {
    const { r } = this;
    parseTypeArguments(this);
    if (r.is('(') || r.at(Token.Template) || r.at(Token.TemplateHead)) return 'call';
    if (r.isAfterBreak) throw new Undecided();
    if (r.is('<') || r.is('>') || r.is('+') || r.is('-')) throw NOT_THIS;
    if (r.is(',') || r.is(';') || r.is(':') || r.is(')') || r.at(Token.CloseBracket) || r.at(Token.CloseBrace)) return 'instantiation';
    throw new Undecided();
  }
}
