#!/usr/bin/env node
// Whether a changed file's syntax hashes can be compared from tokens alone (issue 23: a cold run
// whose changed files' whole records need no TypeScript). A record's hashes (hash-syntax.ts) are
// hashes of TypeScript's node kinds in document order: no token reader gives their values. What a
// diff reads of them is whether two versions' hashes are equal (a declaration, an export's body,
// the file: trivia only). Two ways to tell that from tokens, checked here against TypeScript's own:
// - The pair rule, two facts, one each way (what is neither is left to TypeScript, per file):
//   F, the tokens' text with a line-break bit each (ASI): equal F is one parse, so equal hashes;
//   P, the tokens that are one leaf of the tree wherever they stand, with the leaf's text: names
//      (no keyword; no escape), string values (the common escapes cooked), numbers as TypeScript
//      writes them, regular expressions, and a few words that are a leaf as a name or a keyword
//      (`string`, `this`, `true`…): a different P is a different leaf text, so different hashes.
//   "unsound" counts a rule's answer TypeScript's hashes contradict: it must be 0.
// - C, canonical tokens: the tokens with what TypeScript's tree does not keep left out (a
//   statement's or member's `;`, a trailing comma, an arrow's parentheses, `new X()`'s empty ones,
//   a union's leading `|`, a type member's separator, a string's quotes) and a mark where each
//   statement or member ends (ASI): C equal exactly when the hashes are ("cAgree").
// Counted on the top-level statements (matched by kind and name) and files of the modified JS/TS
// files of real commits, or with `--reformat N` on N files each against itself as prettier prints
// it in two styles far apart. Commits (and files) are split before any run by SHA-256 of the
// commit id (the path): held out when its first hex digit is 0-3. Tokens come from TypeScript's
// tree (getChildren): the rules are checked, not our scanner. `--first-p`: P as first written
// (names and strings without an escape), before the tuning part was read. `--show`: each C
// disagreement on stderr; SHOW_UNDECIDED=1 each pair the pair rule leaves undecided; C_MARKS=statements
// or none: C with fewer marks (how much they matter).
//
//   npm run build && node scripts/token-hash-pairs.mjs [--commits N | --reformat N] [--part tune|held-out|all] GIT_DIR ...

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { modifiedPairs } from './modified-pairs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => import(pathToFileURL(join(root, 'dist', 'adapters/typescript', file)).href);
const { ts } = await load('typescript.js');
const { createSyntaxHasher } = await load('hash-syntax.js');
const { walkSyntax } = await load('walk-syntax.js');
const { scriptKindOf } = await load('script-kind.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args.splice(at, 2)[1];
};
const commitCount = Number(option('--commits', '150'));
const part = option('--part', 'all');
// `--first-p`: P as first written (identifiers and strings without an escape), before the tuning split was read.
const isFirstP = args.includes('--first-p');
if (isFirstP) args.splice(args.indexOf('--first-p'), 1);
const showAt = args.indexOf('--show');
if (showAt >= 0) args.splice(showAt, 1);
const MODULE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const KEYWORDS = new Set();
for (let kind = ts.SyntaxKind.FirstKeyword; kind <= ts.SyntaxKind.LastKeyword; kind++) KEYWORDS.add(ts.tokenToString(kind));
// ConstructorDeclaration has no name node.
KEYWORDS.add('constructor');

const isHeldOut = (commit) => '0123'.includes(createHash('sha256').update(commit).digest('hex')[0]);
const inPart = (commit) => part === 'all' || (part === 'held-out') === isHeldOut(commit);
const git = (dir, ...rest) => execFileSync('git', ['--git-dir', dir, ...rest], { encoding: 'utf8', maxBuffer: 1 << 28 });

const isExportModifier = (node) => node.kind === ts.SyntaxKind.ExportKeyword || node.kind === ts.SyntaxKind.DefaultKeyword;

/** parse-module.ts's statement hash: every node but the statement's own export and default. */
function astHash(statement) {
  const hasher = createSyntaxHasher();
  walkSyntax(statement, (node, _inType, isLeaf) => {
    if (node.parent !== statement || !isExportModifier(node)) hasher.add(node, isLeaf);
  });
  return hasher.digest();
}

const hashOf = (parts) => createHash('sha1').update(parts.join('\u0000')).digest('hex');
const LINE_BREAK = /[\n\r\u2028\u2029]/;

const SIMPLE_ESCAPE = /\\(?:[nrtbfv'"`\\]|0(?![0-9])|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{1,6}\})/g;
// Words that are one leaf of the tree wherever they stand (an identifier, or a keyword's own node).
const ONE_LEAF = new Set('true false null this super undefined any unknown number bigint boolean string symbol object never'.split(' '));
const CLOSERS = new Set([')', ']', '}', '>']);
const isMember = (node) => ts.isClassElement(node) || ts.isTypeElement(node);
// C_MARKS=statements: marks at statements' ends only; none: no marks (how much the marks matter).
const marks = process.env.C_MARKS ?? 'all';
const isBoundary = (node) => marks !== 'none' && (ts.isStatement(node) || (marks === 'all' && isMember(node)));

/** A token's text in C, or null when C leaves it out: what TypeScript's tree does not keep. */
function canonical(token, next) {
  const { kind, parent } = token;
  if (kind === ts.SyntaxKind.SemicolonToken)
    return parent.kind === ts.SyntaxKind.EmptyStatement ||
      parent.kind === ts.SyntaxKind.SemicolonClassElement ||
      parent.kind === ts.SyntaxKind.ForStatement
      ? ';'
      : null;
  if (kind === ts.SyntaxKind.CommaToken) return next !== undefined && CLOSERS.has(next) ? null : ts.isTypeElement(parent) ? null : ',';
  // `(a) => 1` is `a => 1`; `new X()` is `new X`; a union's leading `|`.
  if ((kind === ts.SyntaxKind.OpenParenToken || kind === ts.SyntaxKind.CloseParenToken) && ts.isArrowFunction(parent)) return null;
  if (
    (kind === ts.SyntaxKind.OpenParenToken || kind === ts.SyntaxKind.CloseParenToken) &&
    ts.isNewExpression(parent) &&
    parent.arguments?.length === 0
  )
    return null;
  if (
    (kind === ts.SyntaxKind.BarToken || kind === ts.SyntaxKind.AmpersandToken) &&
    (ts.isUnionTypeNode(parent) || ts.isIntersectionTypeNode(parent))
  )
    return token.end <= parent.types[0].pos ? null : token.getText();
  if (kind === ts.SyntaxKind.StringLiteral) return `s${token.text}`;
  if (kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) return `t${token.text}`;
  if (kind === ts.SyntaxKind.NumericLiteral) return `n${token.text}`;
  if (kind === ts.SyntaxKind.JsxText) return `j${token.text.replace(/\s+/g, ' ').trim()}`;
  if (kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.PrivateIdentifier) return `i${token.text}`;
  return token.getText();
}

/** The statement's tokens (its own export and default left out), each after the boundaries that end before it. */
function tokensWithBoundaries(sf, statement) {
  const out = [];
  const visit = (node) => {
    const children = node.getChildren(sf);
    if (children.length === 0 && node.kind !== ts.SyntaxKind.SyntaxList) {
      if (node.parent !== statement || !isExportModifier(node)) out.push(node);
    }
    for (const child of children) visit(child);
    if (isBoundary(node) && out.length > 0) out.push('§');
  };
  visit(statement);
  return out;
}

/** F, P and C of a statement, P null when not readable. */
function tokenFacts(sf, statement) {
  const items = tokensWithBoundaries(sf, statement);
  const f = [];
  const p = [];
  const c = [];
  let isReadable = true;
  let previousEnd = statement.getStart(sf);
  items.forEach((token, at) => {
    if (token === '§') return void (c[c.length - 1] !== '§' && c.push('§'));
    const nextToken = items.slice(at + 1).find((t) => t !== '§');
    const canon = canonical(token, nextToken === undefined ? undefined : sf.text.slice(nextToken.getStart(sf), nextToken.end));
    if (canon !== null) c.push(canon);
    const start = token.getStart(sf);
    const text = sf.text.slice(start, token.end);
    f.push(`${LINE_BREAK.test(sf.text.slice(previousEnd, start)) ? '\n' : ''}${text}`);
    previousEnd = token.end;
    const kind = token.kind;
    if (kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.PrivateIdentifier) {
      if (text.includes('\\')) isReadable = false;
      else if (ONE_LEAF.has(text) && !isFirstP) p.push(`k${text}`);
      else if (!KEYWORDS.has(text)) p.push(`i${text}`);
    } else if (kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) {
      // The value, as a token reader cooks it: the common escapes only (TypeScript's value stands for it here).
      if ((isFirstP ? text : text.replace(SIMPLE_ESCAPE, '')).includes('\\')) isReadable = false;
      else p.push(`s${token.text}`);
    } else if (kind === ts.SyntaxKind.RegularExpressionLiteral) p.push(`r${text}`);
    else if (isFirstP) return;
    // A number's value as TypeScript writes it (String(Number(…)) of the digits); a legacy octal or a bigint not in decimal is not read.
    else if (kind === ts.SyntaxKind.NumericLiteral) {
      if (/^0[0-9]/.test(text)) isReadable = false;
      else p.push(`n${token.text}`);
    } else if (kind === ts.SyntaxKind.BigIntLiteral) {
      if (!/^[0-9_]+n$/.test(text)) isReadable = false;
      else p.push(`b${token.text}`);
    } else if (ONE_LEAF.has(text)) p.push(`k${text}`);
  });
  return { f: hashOf(f), p: isReadable ? hashOf(p) : null, c: hashOf(c) };
}

function readSide(path, text) {
  // JSDoc is not parsed, as parse-module.ts does not: getChildren would give its comments as tokens.
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const sf = ts.createSourceFile(path, text, options, true, scriptKindOf(path));
  if ((sf.parseDiagnostics ?? []).length > 0) return null;
  const statements = new Map();
  const all = { ast: [], f: [], p: [], c: [] };
  for (const statement of sf.statements) {
    const ast = astHash(statement);
    const facts = tokenFacts(sf, statement);
    // The file's hash sees `export` and `default` (parse-module.ts's exportMarks).
    const marks = (ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [])
      .filter(isExportModifier)
      .map((m) => m.kind)
      .join('');
    all.ast.push(marks + ast);
    all.f.push(marks + facts.f);
    all.p.push(facts.p === null ? '?' : facts.p);
    all.c.push(marks + facts.c);
    const name = statement.name?.getText?.(sf) ?? statement.declarationList?.declarations.map((d) => d.name.getText(sf)).join(',');
    if (name === undefined) continue;
    let key = `${statement.kind}:${name}`;
    for (let n = 1; statements.has(key); n++) key = `${statement.kind}:${name}#${n}`;
    statements.set(key, { ast, ...facts });
  }
  const file = { ast: all.ast.join(','), f: hashOf(all.f), p: all.p.includes('?') ? null : hashOf(all.p), c: hashOf(all.c) };
  return { statements, file };
}

/** 'same' or 'differ' as tokens decide, null when they cannot; counts the outcome against the AST. */
function decide(old, now, counts, where) {
  const isAstSame = old.ast === now.ast;
  // C, the canonical tokens: equal exactly when the hashes are?
  if ((old.c === now.c) === isAstSame) counts.cAgree++;
  else {
    counts[isAstSame ? 'cDifferAstSame' : 'cSameAstDiffer']++;
    if (showAt >= 0) console.error(`C ${isAstSame ? 'differs, AST same' : 'same, AST differs'}: ${where}`);
  }
  let decided = null;
  if (old.f === now.f) decided = 'same';
  else if (old.p !== null && now.p !== null && old.p !== now.p) decided = 'differ';
  counts[decided === null ? 'undecided' : decided]++;
  if (decided !== null && (decided === 'same') !== isAstSame) counts.unsound++;
  if (decided === null && !isAstSame) counts.undecidedDiffer++;
  if (decided === null && process.env.SHOW_UNDECIDED === '1') console.error(`undecided: ${where}`);
  return decided;
}

/** `--reformat N`: N module files at HEAD (split by SHA-256 of the path, as commits are), each
 * against itself as prettier prints it in two styles far apart: a trivia-only change, on which C
 * must be equal wherever TypeScript's hashes are (prettier adds or drops parentheses at times). */
async function reformatPairs(dir, count, totals) {
  const prettier = await import('prettier');
  const styles = [
    { semi: false, singleQuote: true, trailingComma: 'none', arrowParens: 'avoid', printWidth: 40, bracketSpacing: false },
    { semi: true, singleQuote: false, trailingComma: 'all', arrowParens: 'always', printWidth: 200, quoteProps: 'consistent' },
  ];
  const paths = git(dir, 'ls-tree', '-r', '-z', '--name-only', 'HEAD')
    .split('\0')
    .filter((path) => MODULE.test(path) && !path.includes('node_modules/') && inPart(path))
    // Spread over the repository: in the order of their SHA-256, not of their folders.
    .map((path) => [createHash('sha256').update(path).digest('hex'), path])
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, path]) => path);
  for (const path of paths.slice(0, count)) {
    const text = git(dir, 'show', `HEAD:${path}`);
    const old = readSide(path, text);
    if (old === null) continue;
    for (const style of styles) {
      let printed;
      try {
        printed = await prettier.format(text, { ...style, parser: 'typescript', filepath: path });
      } catch {
        continue;
      }
      const now = readSide(path, printed);
      totals.pairs++;
      if (now === null) {
        totals.parseErrors++;
        continue;
      }
      decide(old.file, now.file, totals.files, `${path} (reformatted)`);
      for (const [key, before] of old.statements) {
        const after = now.statements.get(key);
        if (after !== undefined) decide(before, after, totals.statements, `${path} ${key} (reformatted)`);
      }
    }
  }
}

const newCounts = () => ({
  same: 0,
  differ: 0,
  undecided: 0,
  undecidedDiffer: 0,
  unsound: 0,
  cAgree: 0,
  cSameAstDiffer: 0,
  cDifferAstSame: 0,
});
const reformat = Number(option('--reformat', '0'));
for (const dir of args) {
  const totals = { commits: 0, pairs: 0, parseErrors: 0, wholePairs: 0, statements: newCounts(), files: newCounts() };
  if (reformat > 0) {
    await reformatPairs(dir, reformat, totals);
    console.log(JSON.stringify({ repo: dir, part, reformat, ...totals }));
    continue;
  }
  for (const { commit, path, texts } of modifiedPairs(dir, commitCount, part, totals)) {
    const [oldText, newText] = texts;
    const [old, now] = [readSide(path, oldText), readSide(path, newText)];
    totals.pairs++;
    if (old === null || now === null) {
      totals.parseErrors++;
      continue;
    }
    let isWhole = decide(old.file, now.file, totals.files, `${commit} ${path}`) !== null;
    for (const [key, before] of old.statements) {
      const after = now.statements.get(key);
      if (after !== undefined && decide(before, after, totals.statements, `${commit} ${path} ${key}`) === null) isWhole = false;
    }
    if (isWhole) totals.wholePairs++;
  }
  console.log(JSON.stringify({ repo: dir, part, ...totals }));
}
