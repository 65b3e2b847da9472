import { Token, Undecided } from './user-reader.js';
import { functionBody, isModifier, parameters, returnType } from './user-functions.js';
import { RESERVED, type Scope, type UserSyntax } from './user-syntax.js';
import { parseType, parseTypeArguments, parseTypeParameters, referenceEnds } from './user-types.js';

// A class read from tokens (user-record.ts), as TypeScript's light record reads it: a declaration's
// name is declared into its block's scope (it may hide an import there; a class expression's hides none, as
// shadowing.ts's declaredIn has it), `extends X` reads X as a value and `implements Y` reads Y as
// a type, each through its members (`ns.Base`); member names are no references, a computed key's
// expression is; methods, accessors and constructors are functions (their parameters declared,
// a constructor's `private x` too); properties hold a type and an initializer. Decorators of the
// class, its members and their parameters are expressions read as references (`@Inject(TOKEN)`);
// index signatures, static blocks, generators, `accessor` fields and a modifier at a line's end
// (which TypeScript may read either way) are Undecided.

// A word that is a member's modifier when the member's name follows it on the same line.
const MODIFIERS = new Set([
  'public',
  'private',
  'protected',
  'readonly',
  'static',
  'abstract',
  'declare',
  'override',
  'async',
  'get',
  'set',
]);
const PARAMETER_MODIFIERS = new Set(['public', 'private', 'protected', 'readonly', 'override']);

/** A class member as a whole read sees it (token-shapes.ts's class shape): its text's range, and
 * where its body starts (a method) or its initializer (after a property's `=`). */
export interface TracedMember {
  readonly start: number;
  readonly end: number;
  readonly isPrivate: boolean;
  readonly kind: 'method' | 'property' | 'other';
  readonly cut?: number;
}

/** A class a whole read met: the end of its `{` and its members. */
export interface TracedClass {
  readonly open: number;
  readonly members: readonly TracedMember[];
}

/** `[abstract] class Name<T> extends X<U> implements Y { … }`; the name (null for an unnamed class expression). */
export function classLike(p: UserSyntax, isDeclaration: boolean, isDecorated = false, into: Scope | null = null): string | null {
  const { r } = p;
  if (r.is('abstract')) r.next();
  r.expect('class');
  let name: string | null = null;
  if (r.isWord() && !r.is('extends') && !r.is('implements')) {
    if (RESERVED.has(r.text)) throw new Undecided();
    name = r.word();
    if (isDeclaration) into?.names.push(name);
  }
  if (isDeclaration && name === null) throw new Undecided();
  if (r.is('<')) parseTypeParameters(p);
  if (r.is('extends')) {
    r.next();
    heritage(p);
  }
  if (r.is('implements')) {
    do {
      r.next();
      p.typeDepth++;
      heritage(p);
      p.typeDepth--;
    } while (r.is(','));
  }
  if (!r.at(Token.OpenBrace)) throw new Undecided();
  // A conditional around a class expression does not reach inside it (user-functions.ts's arrowHead).
  const conditionalDepth = p.conditionalDepth;
  p.conditionalDepth = 0;
  r.next();
  const traced: TracedClass | null = p.classes === null ? null : { open: r.previousEnd, members: [] };
  while (!r.at(Token.CloseBrace)) {
    if (r.is(';')) {
      const start = r.start;
      r.next();
      (traced?.members as TracedMember[] | undefined)?.push({ start, end: r.previousEnd, isPrivate: false, kind: 'other' });
    } else member(p, isDecorated, traced);
    r.mark();
  }
  if (traced !== null) p.classes!.push(traced);
  r.next();
  p.conditionalDepth = conditionalDepth;
  return name;
}

/** `X`, `ns.X`, `ns.a.X`, each with type arguments (an ExpressionWithTypeArguments): its name read
 * through its members as a member expression reads it (user-syntax.ts's leftHandSide). */
function heritage(p: UserSyntax): void {
  const { r } = p;
  if (!r.isWord() || RESERVED.has(r.text)) throw new Undecided();
  const ref = p.ref(r.text, r.start, r.end);
  r.next();
  for (let depth = 0; r.at(Token.Dot); depth++) {
    r.next();
    const member = r.word();
    if (depth === 0) Object.assign(ref, { link: 'member', member });
    else if (depth === 1) ref.inner = member;
  }
  if (r.is('<')) parseTypeArguments(p);
  if (!r.at(Token.OpenBrace) && !r.is('implements') && !r.is(',')) throw new Undecided();
}

/** `@a @b.c(x)`: decorators, each a left-hand side expression (TypeScript's parseDecoratorExpression). */
export function decorators(p: UserSyntax): void {
  while (p.r.is('@')) {
    p.r.next();
    p.leftHandSide(true);
  }
}

function member(p: UserSyntax, isDecoratedClass: boolean, traced: TracedClass | null): void {
  const { r } = p;
  const start = r.start;
  // A method's scope holds its parameters, from its first decorator or modifier (TypeScript's node).
  const scope = p.openScope();
  const trace = (kind: TracedMember['kind'], cut?: number) =>
    (traced?.members as TracedMember[] | undefined)?.push({
      start,
      end: r.previousEnd,
      isPrivate,
      kind,
      ...(cut !== undefined && { cut }),
    });
  // Decorators, then modifiers, then more decorators after a modifier (TypeScript's parseModifiers).
  // A decorated method (not an accessor: parameter-type.ts reads methods only).
  let [isDecorated, isAccessor, isPrivate] = [false, false, false];
  while (r.is('@') || isModifier(p, MODIFIERS)) {
    isDecorated ||= r.is('@');
    isAccessor ||= r.is('get') || r.is('set');
    isPrivate ||= r.is('private') || r.is('protected');
    if (r.is('@')) decorators(p);
    else r.next();
  }
  if (r.at(Token.OpenBrace) || r.at(Token.Asterisk) || r.is('accessor')) throw new Undecided();
  const isConstructor = r.is('constructor');
  if (r.at(Token.OpenBracket)) {
    r.next();
    // `[key: string]: T`, an index signature.
    if (r.isWord() && r.nextIs(':')) throw new Undecided();
    p.assignment();
    r.expect(']');
  } else if (r.isWord() || r.at(Token.String) || r.text.startsWith('#') || /^\d/.test(r.text)) {
    isPrivate ||= r.text.startsWith('#');
    r.next();
  } else throw new Undecided();
  if (r.is('?') || r.is('!')) r.next();
  if (r.is('(') || r.is('<')) {
    const types: number[] = [];
    if (!isConstructor && r.is('<')) parseTypeParameters(p);
    const hasDecorator = parameters(p, scope, isConstructor ? PARAMETER_MODIFIERS : undefined, true, types);
    if (r.is(':')) {
      if (isConstructor) throw new Undecided();
      r.next();
      wholeType(p, types, () => returnType(p));
    }
    // A decorated class's constructor, a decorated method: its parameters' types are injected, uses
    // as values, and so is the method's return type (parameter-type.ts).
    if (!isAccessor && (hasDecorator || (isConstructor ? isDecoratedClass : isDecorated)) && r.at(Token.OpenBrace))
      for (const at of types) p.refs[at] = { ...p.refs[at]!, inType: false };
    const body = r.at(Token.OpenBrace) ? r.previousEnd : undefined;
    if (r.at(Token.OpenBrace)) functionBody(p);
    else p.endStatement();
    p.closeScope(scope);
    return void trace('method', body);
  }
  if (r.is(':')) {
    r.next();
    // A decorated property's type is emitted as a value (`design:type`, parameter-type.ts).
    const types: number[] = [];
    wholeType(p, types, () => parseType(p));
    if (isDecorated && !isAccessor) for (const at of types) p.refs[at] = { ...p.refs[at]!, inType: false };
  }
  let cut: number | undefined;
  if (r.at(Token.Equals)) {
    r.next();
    cut = r.previousEnd;
    p.assignment();
  }
  p.endStatement();
  trace('property', cut);
}

/** Reads a type; the reference that is the whole of it (`X`, `ns.X<T>`) goes to `types`. */
function wholeType(p: UserSyntax, types: number[], read: () => void): void {
  const [at, start] = [p.refs.length, p.r.start];
  read();
  const ref = p.refs[at];
  if (ref?.start === start && referenceEnds.get(ref) === p.r.previousEnd) types.push(at);
}
