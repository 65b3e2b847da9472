import {
  endsName,
  endsNumber,
  isDigit,
  isEscapedNoName,
  isForeignSpace,
  isNamePart,
  isOldLetter,
  isNeverNameStart,
  isWordPart,
  isWordStart,
} from './name-characters.js';

// TypeScript's raw token scanner (`createScanner(Latest, skipTrivia)`, its `scan()` with no
// rescanning but of a template's `}`), for the tokens preProcessFile tells apart
// (scan-specifiers.ts): the text is cut where TypeScript cuts it, also where TypeScript's cut is
// wrong for the language (a regular expression is read as tokens, so a `'` in one starts a
// string to the end of its line; `>=` is `>` and `=`). What it cannot cut the same way for sure
// throws Undecided: a `\u` escape in code, a character past ASCII that may be part of a name
// (a letter, a mark, a digit, one Unicode may assign later), a string's value with an escape when
// it is read. Past ASCII, TypeScript's spaces are spaces and a punctuation mark or a symbol is a
// token of its own (its Unknown): the typographic quotes, dashes and emoji of JSX text, which
// preProcessFile scans as code, cut where TypeScript cuts them.

export const enum Token {
  End,
  Word,
  String,
  Template, // no substitution
  TemplateHead,
  TemplateMiddle,
  TemplateTail,
  OpenBrace,
  CloseBrace,
  OpenParen,
  OpenBracket,
  CloseBracket,
  Dot,
  Comma,
  Equals,
  Asterisk,
  Other,
  /** A character past ASCII that can start no name (`’`, `—`, `→`, an emoji): TypeScript's Unknown token. */
  Foreign,
}

export class Undecided extends Error {}

// A run of tokens preProcessFile passes over (`skipIdle`), matched natively instead of a token at a
// time: spaces, comments, a word that is none of preProcessFile's five (nor followed by a character
// past ASCII or a `\`, which scanWord decides), a `.` with such a word or `import` right after it
// (`x.import` is no import; `x.require('a')` is), a plain integer, a string with no escape, and the
// one-character tokens a longer token of TypeScript's never starts with or ends in: each a whole token
// of TypeScript's scanner, so the run ends where a token starts. A run never ends in a `.`, holds no
// brace, and stops at most after 64 (the regular expression's backtracking stays short). It leaves
// a `<`, `=`, `>` or `|` at a line's start to scan(), which looks for a conflict marker there.
const WORD_END = String.raw`(?![\w$\u0080-\uffff\\])`;
const NOT_KEYWORD = String.raw`(?!(?:import|export|declare|require|define)(?![\w$]))`;
const IDLE = new RegExp(
  String.raw`(?:[\t\n\v\f\r ]+|\/\/[^\n\r\u2028\u2029]*|\/\*[\s\S]*?\*\/` +
    String.raw`|${NOT_KEYWORD}[A-Za-z_$][\w$]*${WORD_END}` +
    String.raw`|\.(?:import${WORD_END}|${NOT_KEYWORD}[A-Za-z_$][\w$]*${WORD_END})` +
    String.raw`|[0-9]+(?![\w$.\u0080-\uffff\\])|'[^'\\\n\r]*'|"[^"\\\n\r]*"|[;,()[\]:~@!+\-%^&*]|(?<=[^\n\r\u2028\u2029])[=<>|]){0,64}`,
  'y',
);
/** The ASCII characters a run of IDLE may start with: where a run that stopped at its bound goes on. */
const IDLE_STARTS = new Uint8Array(128);
for (const c of '\t\n\v\f\r /.0123456789\'";,()[]:~@=<>!+-%^&|*_$') IDLE_STARTS[c.charCodeAt(0)] = 1;
for (let c = 65; c <= 90; c++) IDLE_STARTS[c] = IDLE_STARTS[c + 32] = 1;
/** A template's text up to its next `` ` ``, `$` or `\`. */
const TEMPLATE_TEXT = /[^`\\$]*/y;

/** TypeScript's raw scanner (`skipTrivia`), for the tokens preProcessFile tells apart. */
export class Scanner {
  pos = 0;
  token = Token.End;
  start = 0;
  /** Where a string's or template's contents are (an escape makes them undecided when read). */
  private valueStart = 0;
  private valueEnd = 0;
  private hasEscape = false;

  constructor(readonly text: string) {}

  /** Whether the current token is this word (not copied out of the text: most words are not read). */
  isWord(word: string): boolean {
    return this.token === Token.Word && this.pos - this.start === word.length && this.text.startsWith(word, this.start);
  }

  /** Passes a run of tokens preProcessFile's loop would pass one by one (IDLE); true when it moved. */
  skipIdle(): boolean {
    const from = this.pos;
    for (;;) {
      IDLE.lastIndex = this.pos;
      IDLE.test(this.text);
      const moved = IDLE.lastIndex !== this.pos;
      this.pos = IDLE.lastIndex;
      if (!moved || this.pos >= this.text.length || IDLE_STARTS[this.text.charCodeAt(this.pos)] !== 1) return this.pos !== from;
    }
  }

  stringValue(): string {
    if (this.hasEscape) throw new Undecided();
    return this.text.slice(this.valueStart, this.valueEnd);
  }

  lookAhead<T>(probe: () => T): T {
    const { pos, token, start, valueStart, valueEnd, hasEscape } = this;
    try {
      return probe();
    } finally {
      Object.assign(this, { pos, token, start, valueStart, valueEnd, hasEscape });
    }
  }

  private punctuator(length: number, token = Token.Other): Token {
    this.pos += length;
    return (this.token = token);
  }

  /** Which of `longer` (each a string of characters after the first) follows, longest first. */
  private operator(...longer: string[]): Token {
    for (const tail of longer) if (this.text.startsWith(tail, this.pos + 1)) return this.punctuator(1 + tail.length);
    return this.punctuator(1);
  }

  /** A name from its first character (before `at`) on: ASCII and OLD_LETTER_RANGES' letters. */
  private scanWord(at: number): Token {
    const { text } = this;
    const end = text.length;
    while (at < end && isNamePart(text.charCodeAt(at))) at++;
    if (
      at < end &&
      ((text.charCodeAt(at) > 127 && !endsName(text, at)) ||
        (text.charCodeAt(at) === 92 && text.charCodeAt(at + 1) === 117 && !isEscapedNoName(text, at, true)))
    )
      throw new Undecided();
    this.pos = at;
    return (this.token = Token.Word);
  }

  scan(): Token {
    const { text } = this;
    const end = text.length;
    for (;;) {
      this.start = this.pos;
      if (this.pos >= end) return (this.token = Token.End);
      const c = text.charCodeAt(this.pos);
      // Never read past the end (NaN there): V8 drops its compiled scan() on a read out of bounds.
      const next = this.pos + 1 < end ? text.charCodeAt(this.pos + 1) : 0;
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12) {
        this.pos++;
        continue;
      }
      if (c > 127) {
        if (isForeignSpace(c)) {
          this.pos++;
          continue;
        }
        if (isOldLetter(c)) return this.scanWord(this.pos + 1);
        const ch = String.fromCodePoint(text.codePointAt(this.pos)!);
        // Another letter or a digit past ASCII may start a name, or not, by TypeScript's own tables; at
        // U+FFFD TypeScript's scanner stops ("File appears to be binary").
        if (!isNeverNameStart(ch) || c === 0xfffd) throw new Undecided();
        return this.punctuator(ch.length, Token.Foreign);
      }
      // A `\u` escape that may spell a name's first character (`\u0061`), or not, by TypeScript's tables.
      if (c === 92 && next === 117 && !isEscapedNoName(text, this.pos, false)) throw new Undecided();
      // TypeScript's invalid character: `\d`, `\u0300` in a regular expression.
      if (c === 92) return this.punctuator(1);
      if (isWordStart(c)) return this.scanWord(this.pos + 1);
      if (isDigit(c) || (c === 46 && isDigit(next))) return this.scanNumber();
      if ((c === 60 || c === 61 || c === 62 || c === 124) && this.isConflictMarker(c)) throw new Undecided();
      switch (c) {
        case 47: // slash
          if (next === 47) {
            this.skipLine();
            continue;
          }
          if (next === 42) {
            const close = text.indexOf('*/', this.pos + 2);
            this.pos = close < 0 ? end : close + 2;
            continue;
          }
          return this.operator('=');
        case 35: // hash: a shebang at the start, or a private name
          if (this.pos === 0 && next === 33) {
            this.skipLine();
            continue;
          }
          this.pos++;
          if (isWordStart(next)) while (this.pos < end && isWordPart(text.charCodeAt(this.pos))) this.pos++;
          return (this.token = Token.Other);
        case 39:
        case 34:
          return this.scanString(c);
        case 96:
          return this.scanTemplate(true);
        case 123:
          return this.punctuator(1, Token.OpenBrace);
        case 125:
          return this.punctuator(1, Token.CloseBrace);
        case 40:
          return this.punctuator(1, Token.OpenParen);
        case 91:
          return this.punctuator(1, Token.OpenBracket);
        case 93:
          return this.punctuator(1, Token.CloseBracket);
        case 44:
          return this.punctuator(1, Token.Comma);
        case 46:
          return text.startsWith('..', this.pos + 1) ? this.punctuator(3) : this.punctuator(1, Token.Dot);
        case 61: // =
          return next === 61 || next === 62 ? this.operator('==', '=', '>') : this.punctuator(1, Token.Equals);
        case 42: // *
          return next === 61 || next === 42 ? this.operator('*=', '*', '=') : this.punctuator(1, Token.Asterisk);
        case 63: // ?: `?.` before a digit is `?` (a conditional), as in TypeScript
          if (next === 46 && !isDigit(text.charCodeAt(this.pos + 2))) return this.punctuator(2);
          return this.operator('?=', '?');
        case 60:
          return this.operator('<=', '<', '=');
        case 33:
          return this.operator('==', '=');
        case 38:
          return this.operator('&=', '&', '=');
        case 124:
          return this.operator('|=', '|', '=');
        case 43:
          return this.operator('+', '=');
        case 45:
          return this.operator('-', '=');
        case 37:
        case 94:
          return this.operator('=');
        default: // `>` alone (TypeScript's parser rescans it), `;:~@`, control characters
          return this.punctuator(1);
      }
    }
  }

  /** Whether a conflict marker (`<<<<<<<`, `=======`, `>>>>>>>`, `|||||||`) starts a line here: TypeScript
   * passes over it as trivia, which is read nowhere here. */
  private isConflictMarker(c: number): boolean {
    const before = this.pos === 0 ? 10 : this.text.charCodeAt(this.pos - 1);
    if (before !== 10 && before !== 13 && before !== 0x2028 && before !== 0x2029) return false;
    for (let at = this.pos + 1; at < this.pos + 7; at++) if (this.text.charCodeAt(at) !== c) return false;
    return true;
  }

  private skipLine(): void {
    const { text } = this;
    // TypeScript ends a line comment at U+2028 and U+2029 too (the next scan skips them: line breaks)
    for (; this.pos < text.length; this.pos++) {
      const c = text.charCodeAt(this.pos);
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
    }
  }

  private skipDigits(): void {
    const { text } = this;
    while (this.pos < text.length && (isDigit(text.charCodeAt(this.pos)) || text.charCodeAt(this.pos) === 95)) this.pos++;
  }

  private scanNumber(): Token {
    const { text } = this;
    const c = text.charCodeAt(this.pos);
    const next = text.charCodeAt(this.pos + 1) | 32;
    if (c === 48 && (next === 120 || next === 98 || next === 111) && this.pos + 2 < text.length) {
      // 0x 0b 0o: binary and octal digits past their base are numbers either way
      this.pos += 2;
      const digits = next === 120 ? /[0-9a-fA-F_]/ : /[0-9_]/;
      while (this.pos < text.length && digits.test(text[this.pos]!)) this.pos++;
      if (text.charCodeAt(this.pos) === 110) this.pos++; // a bigint
      if (this.pos < text.length && text.charCodeAt(this.pos) > 127 && !endsNumber(text, this.pos)) throw new Undecided();
      return (this.token = Token.Other);
    } else {
      let isInteger = true;
      if (c === 48 && isDigit(text.charCodeAt(this.pos + 1))) {
        // A leading zero (`018` in `/[018]/`): an octal literal ends at its digits; otherwise no bigint
        // suffix is read, nor a word after it (a word of its own either way).
        const first = ++this.pos;
        while (isDigit(text.charCodeAt(this.pos))) this.pos++;
        if (/^[0-7]+$/.test(text.slice(first, this.pos))) return (this.token = Token.Other);
        if (text.charCodeAt(this.pos) === 46) {
          this.pos++;
          this.skipDigits();
        }
        if ((text.charCodeAt(this.pos) | 32) === 101) {
          this.pos++;
          if (text.charCodeAt(this.pos) === 43 || text.charCodeAt(this.pos) === 45) this.pos++;
          this.skipDigits();
        }
        return (this.token = Token.Other);
      }
      this.skipDigits();
      if (text.charCodeAt(this.pos) === 46) {
        this.pos++;
        this.skipDigits();
        isInteger = false;
      }
      if ((text.charCodeAt(this.pos) | 32) === 101) {
        this.pos++;
        if (text.charCodeAt(this.pos) === 43 || text.charCodeAt(this.pos) === 45) this.pos++;
        this.skipDigits();
        isInteger = false;
      }
      if (isInteger && text.charCodeAt(this.pos) === 110) this.pos++; // a bigint
    }
    // A word right after a number is a token of its own, but a lone `n` (a misplaced bigint suffix).
    if (text.charCodeAt(this.pos) === 110 && !isWordPart(text.charCodeAt(this.pos + 1))) this.pos++;
    if (this.pos < text.length && text.charCodeAt(this.pos) > 127 && !endsNumber(text, this.pos)) throw new Undecided();
    return (this.token = Token.Other);
  }

  private scanString(quote: number): Token {
    const { text } = this;
    let at = this.pos + 1;
    this.hasEscape = false;
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      // Not at U+2028 or U+2029: a string holds them (ES2019), in TypeScript's scanner too.
      if (c === quote || c === 10 || c === 13) break;
      if (c === 92) {
        this.hasEscape = true;
        at++;
        if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) at++;
      }
    }
    this.valueStart = this.pos + 1;
    this.valueEnd = Math.min(at, text.length);
    this.pos = at < text.length && text.charCodeAt(at) === quote ? at + 1 : Math.min(at, text.length);
    return (this.token = Token.String);
  }

  /** From a backtick, or (rescanned) from the `}` that closes a substitution. */
  private scanTemplate(isStart: boolean): Token {
    const { text } = this;
    let at = this.pos + 1;
    this.hasEscape = false;
    let token = isStart ? Token.Template : Token.TemplateTail;
    while (at < text.length) {
      TEMPLATE_TEXT.lastIndex = at;
      TEMPLATE_TEXT.test(text);
      at = TEMPLATE_TEXT.lastIndex;
      if (at >= text.length) break;
      const c = text.charCodeAt(at);
      if (c === 96) break;
      if (c === 36) {
        if (text.charCodeAt(at + 1) === 123) {
          token = isStart ? Token.TemplateHead : Token.TemplateMiddle;
          break;
        }
        at++;
      } else {
        // a `\`: the character after it is passed over
        this.hasEscape = true;
        at += 2;
      }
    }
    this.valueStart = this.pos + 1;
    this.valueEnd = Math.min(at, text.length);
    this.pos = Math.min(at + (token === Token.TemplateHead || token === Token.TemplateMiddle ? 2 : 1), text.length);
    return (this.token = token);
  }

  reScanTemplate(): Token {
    this.pos = this.start;
    return this.scanTemplate(false);
  }
}
