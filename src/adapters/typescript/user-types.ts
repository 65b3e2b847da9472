import { NOT_THIS, Token, Undecided } from './user-reader.js';
import { binding, parameters, returnType, signature } from './user-functions.js';
import type { Scope, UserSyntax } from './user-syntax.js';

// The types of user-syntax.ts: what stands in a type position is read there, each identifier a
// reference in a type (`p.typeDepth`), a qualified name's members read as `ns.a` is. A mapped
// type, an `import()` type, `infer … extends`, an accessor signature: Undecided.

// Keyword types: no identifier (an imported `string` is not what `x: string` reads).
const KEYWORD_TYPES = new Set(
  'any unknown string number boolean bigint symbol object never void undefined null this true false'.split(' '),
);

export function parseType(p: UserSyntax): void {
  p.typeDepth++;
  try {
    type(p, false);
  } finally {
    p.typeDepth--;
  }
}

/** `<A, B>`: a call's or a type reference's type arguments. */
export function parseTypeArguments(p: UserSyntax): void {
  p.typeDepth++;
  try {
    typeArguments(p);
  } finally {
    p.typeDepth--;
  }
}

/** `<T extends A = B, const U>`: the names declared are no references, and unscoped: one that
 * spells an import may hide it (fp-ts's `<_>(self: IO<_>)` beside `import * as _`), and no scope is kept. */
export function parseTypeParameters(p: UserSyntax): void {
  const { r } = p;
  p.typeDepth++;
  try {
    r.expect('<');
    while (!r.is('>')) {
      if (r.is('const') || r.is('in') || r.is('out')) r.next();
      p.unscoped.push(r.word());
      if (r.is('extends')) {
        r.next();
        type(p, false);
      }
      if (r.at(Token.Equals)) {
        r.next();
        type(p, false);
      }
      if (r.is('>')) break;
      r.expect(',');
    }
    r.next();
  } finally {
    p.typeDepth--;
  }
}

function typeArguments(p: UserSyntax): void {
  const { r } = p;
  r.expect('<');
  for (;;) {
    type(p, false);
    if (r.is('>')) break;
    r.expect(',');
  }
  r.next();
}

function type(p: UserSyntax, noConditional: boolean): void {
  const { r } = p;
  if (r.is('<')) {
    const scope = p.openScope();
    parseTypeParameters(p);
    return functionType(p, scope);
  }
  if (r.is('new')) {
    const scope = p.openScope();
    r.next();
    if (r.is('<')) parseTypeParameters(p);
    return functionType(p, scope);
  }
  if (r.is('|') || r.is('&')) r.next();
  operand(p);
  while (r.is('|') || r.is('&')) {
    r.next();
    operand(p);
  }
  if (!noConditional && r.is('extends') && !r.isAfterBreak) {
    r.next();
    type(p, true);
    r.expect('?');
    type(p, false);
    r.expect(':');
    type(p, false);
  }
}

/** `(a: T) => R`: its parameters declared into `scope`, which holds the whole type. */
function functionType(p: UserSyntax, scope: Scope): void {
  parameters(p, scope);
  p.r.expect('=>');
  returnType(p);
  p.closeScope(scope);
}

/** `isKeyOf`: right after `keyof`, where `typeof x` reads only the names of x's members. */
function operand(p: UserSyntax, isKeyOf = false): void {
  const { r } = p;
  if (r.is('keyof') || r.is('unique') || r.is('readonly')) {
    const isKeys = r.is('keyof');
    r.next();
    return operand(p, isKeys);
  }
  if (r.is('infer')) throw new Undecided();
  const [at, isQuery] = [p.refs.length, r.is('typeof')];
  primary(p);
  let isIndexed = false;
  while (r.at(Token.OpenBracket) && !r.isAfterBreak) {
    isIndexed = true;
    r.next();
    if (!r.at(Token.CloseBracket)) type(p, false);
    r.expect(']');
  }
  // `keyof typeof x`, `keyof typeof x<T>`: not `typeof x.a` (a qualified name) nor `(typeof x)[K]` (an indexed access).
  const query = isKeyOf && isQuery && !isIndexed ? p.refs[at] : undefined;
  if (query !== undefined && query.link === undefined) query.isKeys = true;
}

function primary(p: UserSyntax): void {
  const { r } = p;
  switch (r.kind) {
    case Token.OpenParen:
      if (p.attempt(() => (functionType(p, p.openScope()), true))) return;
      r.next();
      type(p, false);
      return r.expect(')');
    case Token.OpenBrace:
      return typeLiteral(p);
    case Token.OpenBracket:
      return tuple(p);
    case Token.String:
    case Token.Template:
      return r.next();
    case Token.TemplateHead:
      for (;;) {
        r.next();
        type(p, false);
        r.readTemplateRest();
        if (r.at(Token.TemplateTail)) return r.next();
      }
    case Token.Word:
      return typeReference(p);
    default:
      if (r.is('-')) r.next();
      if (/^\d/.test(r.text)) return r.next();
      throw NOT_THIS;
  }
}

/** Where each type reference read ends (after its type arguments): user-classes.ts's injected types. */
export const referenceEnds = new WeakMap<object, number>();

function typeReference(p: UserSyntax): void {
  const { r } = p;
  if (r.is('import') || r.is('asserts') || r.is('abstract')) throw new Undecided();
  if (KEYWORD_TYPES.has(r.text)) return r.next();
  const isQuery = r.is('typeof');
  if (isQuery) {
    r.next();
    if (r.is('import') || !r.isWord()) throw new Undecided();
  }
  const ref = p.ref(r.text, r.start, r.end);
  r.next();
  // `ns.A.B`: a qualified name reads `A` of `ns`, and `A.B` one level deeper (trace-uses.ts).
  for (let depth = 0; r.at(Token.Dot); depth++) {
    r.next();
    const name = r.word();
    if (depth === 0) Object.assign(ref, { link: 'member', member: name });
    else if (depth === 1) ref.inner = name;
  }
  if (r.is('<') && !r.isAfterBreak) typeArguments(p);
  if (!isQuery) referenceEnds.set(ref, r.previousEnd);
}

function typeLiteral(p: UserSyntax, isInterface = false): void {
  const { r } = p;
  r.next();
  if (!isInterface && isMappedType(p)) return mappedType(p);
  while (!r.at(Token.CloseBrace)) {
    member(p, isInterface);
    const isSeparated = r.is(',') || r.is(';');
    r.mark(isSeparated ? r.end : r.previousEnd);
    if (isSeparated) r.drop();
    else if (!r.at(Token.CloseBrace) && !r.isAfterBreak) throw NOT_THIS;
  }
  r.next();
}

/** After `{`: `[K in`, `readonly [K in`, `+readonly [K in`, `-readonly [K in` (TypeScript's isStartOfMappedType). */
function isMappedType(p: UserSyntax): boolean {
  const { r } = p;
  const state = r.save();
  try {
    if (r.is('+') || r.is('-')) {
      r.next();
      if (!r.is('readonly')) return false;
    }
    if (r.is('readonly')) r.next();
    if (!r.at(Token.OpenBracket)) return false;
    r.next();
    if (!r.isWord()) return false;
    r.next();
    return r.is('in');
  } finally {
    r.restore(state);
  }
}

/** `{ readonly [K in keyof T as N<K>]-?: T[K] }`: its type parameter `K` is declared. */
function mappedType(p: UserSyntax): void {
  const { r } = p;
  if (r.is('+') || r.is('-')) r.next();
  if (r.is('readonly')) r.next();
  r.expect('[');
  p.unscoped.push(r.word());
  r.expect('in');
  type(p, false);
  if (r.is('as')) {
    r.next();
    type(p, false);
  }
  r.expect(']');
  if (r.is('+') || r.is('-')) r.next();
  if (r.is('?')) r.next();
  if (r.is(':')) {
    r.next();
    type(p, false);
  }
  if (r.is(';') || r.is(',')) r.drop();
  if (!r.at(Token.CloseBrace)) throw new Undecided();
  r.next();
}

function member(p: UserSyntax, isInterface: boolean): void {
  const { r } = p;
  // A signature's scope holds its parameters, from the member's first token.
  const scope = p.openScope();
  if (r.is('(') || r.is('<')) return (signature(p, scope), p.closeScope(scope));
  if (r.is('new') && (r.peek().text === '(' || r.peek().text === '<')) return (r.next(), signature(p, scope), p.closeScope(scope));
  // `readonly x: T` (a modifier on the member's line, as TypeScript reads one) names nothing.
  if (r.is('readonly') && /^["\w[]/.test(r.peek().text) && !r.peek().isAfterBreak) r.next();
  if ((r.is('get') || r.is('set') || r.is('readonly')) && /^["\w[]/.test(r.peek().text)) throw new Undecided();
  if (r.at(Token.OpenBracket)) {
    if (r.peek().kind === Token.Word) {
      const state = r.save();
      r.next();
      r.next();
      const isIndex = r.is(':');
      if (r.is('in')) throw new Undecided(); // a mapped type
      r.restore(state);
      if (isIndex) {
        // `[key: string]: T`: the key is a parameter.
        r.next();
        binding(p, scope);
        r.expect(':');
        type(p, false);
        r.expect(']');
        r.expect(':');
        type(p, false);
        return p.closeScope(scope);
      }
    }
    // An interface's computed name (`[SyntaxKind.SourceFile]: …`, ts-morph's generated mappings)
    // is a value use where a type literal's is a type use (trace-uses.ts): left to TypeScript.
    if (isInterface) throw new Undecided();
    r.next();
    p.typeDepth++;
    p.assignment();
    p.typeDepth--;
    r.expect(']');
  } else if (r.isWord() || r.at(Token.String) || /^\d/.test(r.text)) r.next();
  else throw NOT_THIS;
  if (r.is('?')) r.next();
  if (r.is('(') || r.is('<')) return (signature(p, scope), p.closeScope(scope));
  if (r.is(':')) {
    r.next();
    type(p, false);
  }
}

function tuple(p: UserSyntax): void {
  const { r } = p;
  r.next();
  while (!r.at(Token.CloseBracket)) {
    if (r.is('...')) r.next();
    // `[name: T, other?: U]`: the names label the members.
    if (r.isWord() && /^\??:$|^\?$/.test(r.peek().text)) {
      const state = r.save();
      r.next();
      if (r.is('?')) r.next();
      if (r.is(':')) r.next();
      else r.restore(state);
    }
    type(p, false);
    if (r.is('?')) r.next();
    if (r.at(Token.CloseBracket)) break;
    r.expect(',');
  }
  r.next();
}

/** `type Name<T> = …`: its name. */
export function parseTypeAlias(p: UserSyntax): string {
  const { r } = p;
  r.next();
  const name = r.word();
  if (r.is('<')) parseTypeParameters(p);
  if (!r.at(Token.Equals)) throw new Undecided();
  r.next();
  parseType(p);
  p.endStatement();
  return name;
}

/** `interface Name<T> extends A, ns.B<C> { … }`: its name. What it extends is read in a type position. */
export function parseInterface(p: UserSyntax): string {
  const { r } = p;
  r.next();
  const name = r.word();
  if (r.is('<')) parseTypeParameters(p);
  p.typeDepth++;
  try {
    if (r.is('extends')) {
      do {
        r.next();
        if (!r.isWord() || r.is('typeof') || KEYWORD_TYPES.has(r.text)) throw new Undecided();
        typeReference(p);
      } while (r.is(','));
    }
    if (!r.at(Token.OpenBrace)) throw new Undecided();
    typeLiteral(p, true);
  } finally {
    p.typeDepth--;
  }
  return name;
}

/** `enum Name { A, B = expr, 'c' = 1 }` (after `const` or `declare`): its name. Member names are no
 * references; their values are read as code, as TypeScript's record reads them. */
export function parseEnum(p: UserSyntax): string {
  const { r } = p;
  if (r.is('const')) r.next();
  r.expect('enum');
  const name = r.word();
  r.expect('{');
  while (!r.at(Token.CloseBrace)) {
    if (!(r.isWord() || r.at(Token.String))) throw new Undecided();
    r.next();
    if (r.at(Token.Equals)) {
      r.next();
      p.assignment();
    }
    if (r.at(Token.CloseBrace)) break;
    r.expect(',');
  }
  r.next();
  return name;
}
