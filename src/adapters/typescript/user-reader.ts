import { Scanner, Token, Undecided } from './raw-scanner.js';

// The token stream of user-syntax.ts: TypeScript's raw scanner (raw-scanner.ts), read the way
// TypeScript's parser reads it. A `/` where an operand stands is a regular expression and a `}`
// that closes a template's substitution goes on with the template: the parser says which
// (`readRegex`, `readTemplateRest`). Each token knows whether a line break comes before it (ASI).

/** Not this reading: a speculative parse (an arrow's parameters, type arguments) backs out.
 * Thrown often: one instance, made once (an Error's stack costs more than the parse it stops). */
export class NotThis extends Error {}
export const NOT_THIS = new NotThis();

const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const isNamePart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;

/** A JSX text's log entry kind (token-hash.ts: its value folded as hash-syntax.ts folds JsxText),
 * and the value a JSX element's `<` is logged with (token-shapes.ts: no generic arrow's `<`). */
export const JSX_TEXT = -2;
export const JSX_OPEN = '<jsx';

/** A token a whole read consumed, [start, end, kind, value], or a mark [end, end, -1, null] where a
 * statement or a member ends (token-hash.ts makes the syntax hash of these). */
export type LogEntry = readonly [number, number, number, string | null];

/** The reader's whole state, for a parse that may back out. */
export interface ReaderState {
  readonly logLength: number;
  readonly scanner: Record<string, unknown>;
  readonly kind: Token;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly isAfterBreak: boolean;
  readonly previousEnd: number;
}

export class Reader {
  private readonly scanner: Scanner;
  kind = Token.End;
  /** The token's text; '"' for a string, '`' for a template or a part of one, '/' for a regular expression. */
  text = '';
  start = 0;
  end = 0;
  /** A line break stands between the previous token and this one. */
  isAfterBreak = false;
  /** The end of the previous token. */
  previousEnd = 0;
  /** The value of the current string or template without substitution; null when it has an escape. */
  value: string | null = null;

  /** The tokens consumed, kept by a whole read only (it costs a light read 1–10%). */
  readonly log: LogEntry[] | null;
  private isDropped = false;

  constructor(
    readonly source: string,
    isLogged = false,
  ) {
    this.scanner = new Scanner(source);
    this.log = null;
    this.next();
    // Set after the first scan: `next` logs the token it leaves, and there was none.
    this.log = isLogged ? [] : null;
  }

  /** Consumes the current token as one TypeScript's tree does not keep (a statement's `;`, a type member's separator). */
  drop(): void {
    this.isDropped = true;
    this.next();
  }

  /** Where a statement or a member ends (`at`: its end): two statements are not one run of tokens (ASI). */
  mark(at = this.previousEnd): void {
    this.log?.push([at, at, -1, null]);
  }

  next(): void {
    if (this.log !== null && !this.isDropped) this.log.push([this.start, this.end, this.kind, this.value]);
    this.isDropped = false;
    this.previousEnd = this.end;
    this.kind = this.scanner.scan();
    this.read();
  }

  private read(): void {
    const { scanner, source } = this;
    // A mark or symbol past ASCII in code is TypeScript's syntax error, read by its parser alone.
    if (this.kind === Token.Foreign) throw new Undecided();
    this.start = scanner.start;
    this.end = scanner.pos;
    const kind = this.kind;
    this.text =
      kind === Token.String ? '"' : kind >= Token.Template && kind <= Token.TemplateTail ? '`' : source.slice(this.start, this.end);
    this.value = null;
    if (kind === Token.String || kind === Token.Template) {
      try {
        this.value = scanner.stringValue();
      } catch {
        this.value = null;
      }
    }
    this.isAfterBreak = false;
    for (let at = this.previousEnd; at < this.start; at++) {
      if (isLineBreak(source.charCodeAt(at))) {
        this.isAfterBreak = true;
        break;
      }
    }
  }

  /** Whether the current token is of this kind (a method: a property's narrowing would outlive next()). */
  at(kind: Token): boolean {
    return this.kind === kind;
  }

  is(text: string): boolean {
    return this.text === text && this.kind !== Token.String && this.kind !== Token.Template;
  }

  isWord(): boolean {
    return this.kind === Token.Word;
  }

  /** Consumes `text` or backs out of this reading. */
  expect(text: string): void {
    if (!this.is(text)) throw NOT_THIS;
    this.next();
  }

  /** The word of the current token, consumed. */
  word(): string {
    if (this.kind !== Token.Word) throw NOT_THIS;
    const word = this.text;
    this.next();
    return word;
  }

  /** `/` or `/=` where an operand stands: a regular expression (TypeScript's reScanSlashToken). */
  readRegex(): void {
    const { source } = this;
    let at = this.start + 1;
    let inClass = false;
    for (;;) {
      if (at >= source.length || isLineBreak(source.charCodeAt(at))) throw new Undecided();
      const c = source.charCodeAt(at);
      if (c === 92) at++;
      else if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) break;
      at++;
    }
    at++;
    while (at < source.length && /[\w$]/.test(source[at]!)) at++;
    if (at < source.length && source.charCodeAt(at) > 127) throw new Undecided();
    this.scanner.pos = at;
    this.kind = Token.Other;
    this.end = at;
    this.text = '/';
  }

  /** Moves to the token at `at` (JSX: past text or a string the scanner does not read). */
  seek(at: number): void {
    this.scanner.pos = at;
    this.next();
  }

  /** Logs text the scanner did not read, as the token TypeScript's tree keeps of it (JSX text, a
   * JSX attribute's string, the `</` of a closing tag): `kind` and `value` as token-hash.ts reads them. */
  logSkipped(start: number, end: number, kind: number, value: string | null): void {
    this.log?.push([start, end, kind, value]);
  }

  /** The current token, when consumed, is logged with `value` (a JSX element's `<`: JSX_OPEN). */
  tag(value: string): void {
    this.value = value;
  }

  /** A JSX name (TypeScript's scanJsxIdentifier): the word at hand and any `-` and word characters after it, consumed. */
  jsxName(): string {
    if (this.kind !== Token.Word) throw new Undecided();
    const { source } = this;
    let at = this.end;
    for (let c = source.charCodeAt(at); c === 45 || isNamePart(c); c = source.charCodeAt(++at));
    if (source.charCodeAt(at) > 127 || source.charCodeAt(at) === 92) throw new Undecided();
    const name = source.slice(this.start, at);
    // The whole name is one token (`data-testid`), in the log too.
    this.end = at;
    this.seek(at);
    return name;
  }

  /** At the `}` closing a substitution: the template's next part. */
  readTemplateRest(): void {
    if (this.kind !== Token.CloseBrace) throw NOT_THIS;
    this.kind = this.scanner.reScanTemplate();
    this.read();
  }

  /** Whether the next token is the punctuator `text` (`:`, `=>`, `,`, `}`): read from the characters
   * after this token, or, where a comment or a character past ASCII may stand, by scanning on. */
  nextIs(text: string): boolean {
    const { source } = this;
    let at = this.end;
    for (let c = source.charCodeAt(at); c === 32 || (c >= 9 && c <= 13); c = source.charCodeAt(++at));
    const c = source.charCodeAt(at);
    if (c === 47 || c > 127) return this.peek().text === text;
    return source.startsWith(text, at);
  }

  /** The next token, without moving. */
  peek(): { text: string; kind: Token; isAfterBreak: boolean } {
    const state = this.save();
    try {
      this.next();
      return { text: this.text, kind: this.kind, isAfterBreak: this.isAfterBreak };
    } finally {
      this.restore(state);
    }
  }

  save(): ReaderState {
    const { kind, text, start, end, isAfterBreak, previousEnd } = this;
    return { logLength: this.log?.length ?? 0, scanner: { ...this.scanner }, kind, text, start, end, isAfterBreak, previousEnd };
  }

  restore(state: ReaderState): void {
    if (this.log !== null) this.log.length = state.logLength;
    Object.assign(this.scanner, state.scanner);
    Object.assign(this, { kind: state.kind, text: state.text, start: state.start, end: state.end });
    Object.assign(this, { isAfterBreak: state.isAfterBreak, previousEnd: state.previousEnd });
    this.value = null;
    if (state.kind === Token.String || state.kind === Token.Template) {
      try {
        this.value = this.scanner.stringValue();
      } catch {
        this.value = null;
      }
    }
  }
}

export { Token, Undecided };
