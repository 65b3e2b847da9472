import type * as T from 'typescript';
import { ts } from './typescript.js';
import { isTypePosition } from './walk-syntax.js';

// The identifiers of a file that spell one of a few names, found from its text rather than by a
// walk over every node: each word of the text that is one of the names is looked up in the tree
// by going down from its top-level statement through the one child that holds it. What is found
// is what walkSyntax would visit of those names (the same children, the same type positions, the
// parents set on the way down); a word in a comment, a string or JSX text ends on no identifier
// and is dropped. The caller makes sure no identifier hides its name (`\u` escapes).

const WORD = /[$_\p{ID_Start}][$\p{ID_Continue}\u200c\u200d]*/gu;
const WORD_PART = /[$\p{ID_Continue}\u200c\u200d]/u;
// Past this many characters searched (names times text), one pass over the words of the text.
const SEARCH_BUDGET = 4_000_000;

/** Whether the character at `at` can continue an identifier (so a name cannot start or end beside it). */
function isWordPart(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
  return !Number.isNaN(code) && WORD_PART.test(text.slice(at, at + (code >= 0xd800 && code < 0xdc00 ? 2 : 1)));
}

/** The offset of the character before `at` (a surrogate pair's first half). */
function before(text: string, at: number): number {
  const low = (text.charCodeAt(at - 1) & 0xfc00) === 0xdc00;
  return at >= 2 && low && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800 ? at - 2 : at - 1;
}

/** Where each of `names` stands as a whole word in `text`, in order: [offset, name]. */
function wordsOf(text: string, names: ReadonlySet<string>): Array<readonly [number, string]> {
  const found: Array<readonly [number, string]> = [];
  if (names.size * text.length > SEARCH_BUDGET) {
    for (const match of text.matchAll(WORD)) if (names.has(match[0])) found.push([match.index, match[0]]);
    return found;
  }
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (!isWordPart(text, before(text, at)) && !isWordPart(text, at + name.length)) found.push([at, name]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** A found identifier, whether it sits in a type position, and its top-level statement. */
export type NamedIdentifier = readonly [id: T.Identifier, inType: boolean, statement: T.Statement];

/** The statement holding offset `at` (statements are in order; each spans its leading trivia). */
function statementAt(statements: readonly T.Statement[], at: number): T.Statement | undefined {
  let [lo, hi] = [0, statements.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (statements[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  const statement = statements[lo];
  return statement !== undefined && statement.pos <= at ? statement : undefined;
}

/** The identifier that starts at `at` and spells `name`, going down from `statement`. */
function identifierAt(statement: T.Statement, at: number, name: string): [T.Identifier, boolean] | undefined {
  let node: T.Node = statement;
  let inType = false;
  for (;;) {
    const parent = node;
    let found: T.Node | undefined;
    ts.forEachChild(parent, (child) => {
      (child as { parent: T.Node }).parent = parent;
      if (child.pos <= at && at < child.end) return (found = child);
      return undefined;
    });
    if (found === undefined) return undefined;
    inType ||= isTypePosition(found, parent);
    node = found;
    if (ts.isIdentifier(node)) return node.end === at + name.length && node.text === name ? [node, inType] : undefined;
  }
}

/** The identifiers spelling one of `names`, in document order, outside the statements `skip` names. */
export function findNamedIdentifiers(
  sf: T.SourceFile,
  names: ReadonlySet<string>,
  skip: (statement: T.Statement) => boolean,
): NamedIdentifier[] {
  const found: NamedIdentifier[] = [];
  if (names.size === 0) return found;
  for (const [at, name] of wordsOf(sf.text, names)) {
    const statement = statementAt(sf.statements, at);
    if (statement === undefined || skip(statement)) continue;
    const id = identifierAt(statement, at, name);
    if (id !== undefined) found.push([id[0], id[1], statement]);
  }
  return found;
}
