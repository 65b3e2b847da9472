// The text the oracle compares a declaration by: the printer's output (comments removed) read
// back as tokens, so that layout does not count. The printer keeps a block on one line when the
// source had it so (`(c) => { out += c; }` against the same block over three lines: typedoc
// 01170a47bd): joined by single spaces, strings by their value, a trailing comma dropped. The
// printer also keeps an arrow's one parameter in parentheses when the source had them, which the
// tree does not record (openreplay ea4a95c81d: `k => …` reformatted as `(k) => …`): `( k ) =>` is
// read as `k =>`.
import ts from 'typescript';

const CLOSERS = new Set([ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseBraceToken]);

const isParenthesizedName = (kinds) =>
  kinds.at(-1) === ts.SyntaxKind.CloseParenToken &&
  kinds.at(-2) === ts.SyntaxKind.Identifier &&
  kinds.at(-3) === ts.SyntaxKind.OpenParenToken;

export function normalized(printed) {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, printed);
  const tokens = [];
  const kinds = [];
  const templates = []; // open braces inside each `${` still open
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken && templates.length > 0) templates[templates.length - 1]++;
    else if (kind === ts.SyntaxKind.CloseBraceToken && templates.length > 0) {
      if (templates.at(-1) > 0) templates[templates.length - 1]--;
      else if ((kind = scanner.reScanTemplateToken(false)) === ts.SyntaxKind.TemplateTail) templates.pop();
    }
    if (kind === ts.SyntaxKind.TemplateHead) templates.push(0);
    if (CLOSERS.has(kind) && tokens.at(-1) === ',') {
      tokens.pop();
      kinds.pop();
    }
    if (kind === ts.SyntaxKind.EqualsGreaterThanToken && isParenthesizedName(kinds)) {
      tokens.splice(-3, 3, tokens.at(-2));
      kinds.splice(-3, 3, ts.SyntaxKind.Identifier);
    }
    kinds.push(kind);
    tokens.push(kind === ts.SyntaxKind.StringLiteral ? JSON.stringify(scanner.getTokenValue()) : scanner.getTokenText());
  }
  return tokens.join(' ');
}
