import { JSX_OPEN, JSX_TEXT, NotThis, Token, Undecided, type Reader } from './user-reader.js';
import { arrowBody, arrowHead } from './user-functions.js';
import { OTHER, type Expr, type UserSyntax } from './user-syntax.js';
import { parseTypeArguments, parseTypeParameters } from './user-types.js';

// JSX read from tokens (user-syntax.ts), as TypeScript parses it in a `.tsx`, `.jsx` or any
// JavaScript file: an element's tag name is a reference (`<Foo.Bar>` reads `Foo`'s member `Bar`,
// the closing tag's too, a lower-case `<div>` as much as `<Div>`: it is an identifier all the
// same), an attribute's name is none (but the namespace of `xlink:href`), what stands in braces
// is an expression. Text between tags is no code: read up to the next `{` or `<` (apostrophes,
// slashes, anything past ASCII). What TypeScript reads with an error (a `>` or `}` in text, a
// closing tag of another name, two elements side by side) and a generic arrow in JavaScript are
// Undecided. A whole read logs what the scanner skips as TypeScript's tree keeps it: each text run
// (whitespace folded, as hash-syntax.ts folds JsxText), an attribute's string by its value, a
// closing tag's `</`; an element's `<` is logged as JSX_OPEN.

/** At a `<` where an operand stands in a JSX file: an element, a fragment, or `<T,>(x: T) => …`. */
export function jsxOperand(p: UserSyntax): Expr {
  const { r } = p;
  if (isArrowInJsx(p)) {
    // TypeScript reads it as an arrow and nothing else (an error in JavaScript).
    if (!p.isTypeScript) throw new Undecided();
    const from = r.start;
    let arrow;
    try {
      parseTypeParameters(p);
      arrow = arrowHead(p, from);
    } catch (error) {
      throw error instanceof NotThis ? new Undecided() : error;
    }
    return arrowBody(p, arrow);
  }
  const next = r.peek();
  if (next.kind !== Token.Word && next.text !== '>') throw new Undecided();
  element(p, true);
  return OTHER;
}

/** TypeScript's isParenthesizedArrowFunctionExpression in JSX: `<T,`, `<T =`, `<const T,`, `<T extends X` (X not `=`, `>`, `/`). */
function isArrowInJsx(p: UserSyntax): boolean {
  const { r } = p;
  const state = r.save();
  try {
    r.next();
    if (r.is('const')) r.next();
    if (!r.isWord()) return false;
    r.next();
    if (r.is('extends')) {
      r.next();
      return !(r.at(Token.Equals) || r.is('>') || r.is('/'));
    }
    return r.is(',') || r.at(Token.Equals);
  } finally {
    r.restore(state);
  }
}

/**
 * From its `<` to the `>` that ends it. In an expression (`isExpression`) the reader moves on
 * to the token after it; among children it stays at that `>`, where the parent reads text on.
 */
function element(p: UserSyntax, isExpression: boolean): void {
  const { r } = p;
  if (!r.is('<')) throw new Undecided(); // `<=` among children
  r.tag(JSX_OPEN);
  r.next();
  if (r.is('>')) {
    children(p);
    if (!r.is('>')) throw new Undecided();
  } else {
    const name = tagName(p);
    if (r.is('<')) {
      if (!p.isTypeScript) throw new Undecided();
      parseTypeArguments(p);
    }
    attributes(p);
    if (r.is('/')) {
      r.next();
      if (!r.is('>')) throw new Undecided();
    } else {
      children(p);
      if (tagName(p) !== name || !r.is('>')) throw new Undecided();
    }
  }
  if (!isExpression) return;
  r.next();
  // `<A /><B />`: TypeScript reads a second element with an error.
  if (r.is('<')) throw new Undecided();
}

/** `Foo`, `Foo.Bar.Baz`, `this.x`, `my-element`, `svg:rect`: its references, and the name spelled out (to match the closing tag). */
function tagName(p: UserSyntax): string {
  const { r } = p;
  if (!r.isWord()) throw new Undecided();
  const [start, isThis] = [r.start, r.is('this')];
  const name = r.jsxName();
  if (r.is(':')) {
    if (isThis) throw new Undecided();
    p.ref(name, start, start + name.length);
    r.next();
    return `${name}:${r.jsxName()}`;
  }
  const ref = isThis ? undefined : p.ref(name, start, start + name.length);
  let spelled = name;
  for (let depth = 0; r.at(Token.Dot); depth++) {
    r.next();
    if (!r.isWord()) throw new Undecided();
    const member = r.word();
    if (depth === 0 && ref !== undefined) Object.assign(ref, { link: 'member', member });
    else if (depth === 1 && ref !== undefined) ref.inner = member;
    spelled += `.${member}`;
  }
  return spelled;
}

/** Up to the `>` or `/` that ends the tag: `a`, `a="…"`, `a={…}`, `a=<B />`, `{...x}`, `xlink:href`. */
function attributes(p: UserSyntax): void {
  const { r } = p;
  while (!r.is('>') && !r.is('/')) {
    if (r.at(Token.OpenBrace)) {
      r.next();
      if (!r.is('...')) throw new Undecided();
      r.next();
      p.expression();
      closeBrace(p);
      r.next();
      continue;
    }
    if (!r.isWord()) throw new Undecided();
    const start = r.start;
    const name = r.jsxName();
    if (r.is(':')) {
      p.ref(name, start, start + name.length);
      r.next();
      if (!r.isWord()) throw new Undecided();
      r.jsxName();
    }
    if (r.at(Token.Equals)) attributeValue(p);
  }
}

/** After `=`: a string as JSX reads it (no escapes, over lines) right after the `=`, or an expression in braces, or an element. */
function attributeValue(p: UserSyntax): void {
  const { r } = p;
  const { source } = r;
  const quote = source[r.end];
  if (quote === '"' || quote === "'") {
    const [open, close] = [r.end, source.indexOf(quote, r.end + 1)];
    if (close < 0) throw new Undecided();
    r.seek(close + 1);
    // No escapes in a JSX string: its value is its text.
    return r.logSkipped(open, close + 1, Token.String, source.slice(open + 1, close));
  }
  r.next();
  if (r.at(Token.String)) {
    // After a space, a string as code reads it: it must end on its line.
    if (r.value === null || r.end - r.start < 2 || source[r.end - 1] !== source[r.start]) throw new Undecided();
    return r.next();
  }
  if (r.is('<')) return element(p, true);
  if (!r.at(Token.OpenBrace)) throw new Undecided();
  r.next();
  if (!r.at(Token.CloseBrace)) p.expression();
  closeBrace(p);
  r.next();
}

/** After an opening tag's `>`: text, `{…}` and elements, up to `</`; the reader is then at the closing tag's first token. */
function children(p: UserSyntax): void {
  const { r } = p;
  for (;;) {
    const from = r.end;
    const at = textEnd(r.source, from);
    if (r.source[at] === '{') {
      seekPastText(r, from, at, at);
      r.next();
      if (r.is('...')) r.next();
      if (!r.at(Token.CloseBrace)) p.expression();
      closeBrace(p);
      continue;
    }
    if (r.source[at + 1] === '/') {
      seekPastText(r, from, at, at + 2);
      r.logSkipped(at, at + 1, Token.Other, null);
      return r.logSkipped(at + 1, at + 2, Token.Other, null);
    }
    seekPastText(r, from, at, at);
    element(p, false);
  }
}

/** Moves to `to` past the text [from, end) (none when they meet), logged as TypeScript's JsxText. */
function seekPastText(r: Reader, from: number, end: number, to: number): void {
  r.seek(to);
  if (end > from) r.logSkipped(from, end, JSX_TEXT, r.source.slice(from, end).replace(/\s+/g, ' ').trim());
}

/** Where the text from `from` ends: at a `{` or `<` (TypeScript's scanJsxToken). */
function textEnd(source: string, from: number): number {
  for (let at = from; at < source.length; at++) {
    const c = source.charCodeAt(at);
    if (c === 123) return at;
    // `<<`: a conflict marker, or an error.
    if (c === 60) return source.charCodeAt(at + 1) === 60 ? undecided() : at;
    if (c === 62 || c === 125) throw new Undecided(); // `>`, `}`: TypeScript's error
  }
  throw new Undecided();
}

function closeBrace(p: UserSyntax): void {
  if (!p.r.at(Token.CloseBrace)) throw new Undecided();
}

function undecided(): never {
  throw new Undecided();
}
