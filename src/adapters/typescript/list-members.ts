import type * as T from 'typescript';
import { ts } from './typescript.js';
import { createSyntaxHasher } from './hash-syntax.js';
import { walkSyntax } from './walk-syntax.js';
import { componentKindOf, findScriptBlocks } from '../../core/impact/component-script.js';
import { componentName } from './parse-component.js';
import { skipCasts } from './trace-uses.js';
import { callsOf } from './list-calls.js';
import type { MemberRecord } from '../../core/questionnaire/changed-members.js';
import { exportAliases } from './export-aliases.js';
import { listPieces, type Piece } from './list-pieces.js';

// The named pieces inside each top-level declaration of a module, each with a hash of its
// syntax (comments and formatting left out), so that the questions can say which piece of an
// export changed: a class's members (`flush`, `constructor`), and inside a function the local
// functions and variables of its body and the properties of the object it returns (msw's
// `defineNetwork` returns `{ configure, enable, disable }`).

function hashOf(node: T.Node): string {
  const hasher = createSyntaxHasher();
  walkSyntax(node, (child, _inType, isLeaf, children) => hasher.add(child, isLeaf, children));
  return hasher.digest();
}

/** An expression's text without its type assertions (`x as T`, `<T>x`, `x satisfies T`, `x!`):
 * they check nothing at run time. vue language-tools 26ceb0c3a drops one cast from
 * `if (!tryUpdateNode(childNode as CompilerDOM.TemplateChildNode))`: the branch is the same. */
function textWithoutAssertions(node: T.Expression, sf: T.SourceFile): string {
  const cuts: [number, number][] = [];
  ts.forEachChild(node, function visit(child) {
    if (ts.isAsExpression(child) || ts.isSatisfiesExpression(child)) cuts.push([child.expression.end, child.end]);
    else if (ts.isNonNullExpression(child)) cuts.push([child.end - 1, child.end]);
    else if (ts.isTypeAssertionExpression(child)) cuts.push([child.getStart(sf), child.expression.getStart(sf)]);
    ts.forEachChild(child, visit);
  });
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) cuts.push([node.expression.end, node.end]);
  let text = '';
  let at = node.getStart(sf);
  for (const [from, to] of cuts.sort((a, b) => a[0] - b[0])) {
    if (from < at) continue;
    text += sf.text.slice(at, from);
    at = to;
  }
  return (text + sf.text.slice(at, node.end)).replace(/\s+/g, ' ').trim();
}

/** The conditions of a declaration's `if` statements, as written (whitespace folded), and each
 * without its type assertions: what tells two sides' conditions apart. A conditional expression's
 * is a branch too, written with its `?` (superjson faf164b's `'cause' in v ? new Error(…) : …`). */
function conditionsOf(node: T.Node, sf: T.SourceFile): { written: string[]; keys: string[] } {
  const written: string[] = [];
  const keys: string[] = [];
  walkSyntax(node, (child) => {
    // A `switch`'s clause is a branch too, written as its label (drizzle-orm 87d7704b6d's `drizzle`
    // gains `case 'better-sqlite3':` and three more, and was asked "changed its implementation").
    if (ts.isCaseClause(child)) {
      written.push(`case ${child.expression.getText(sf).replace(/\s+/g, ' ')}:`);
      keys.push(`case ${textWithoutAssertions(child.expression, sf)}:`);
      return;
    }
    const condition = ts.isIfStatement(child)
      ? child.expression
      : ts.isConditionalExpression(child)
        ? child.condition
        : isJsxGuard(child)
          ? child.left
          : undefined;
    if (condition === undefined) return;
    const mark = ts.isIfStatement(child) ? '' : ts.isConditionalExpression(child) ? ' ?' : ' &&';
    written.push(condition.getText(sf).replace(/\s+/g, ' ') + mark);
    keys.push(textWithoutAssertions(condition, sf) + mark);
  });
  return { written, keys };
}

/** `{canWrite && <Link …>}`: markup rendered only when its condition holds is a branch of what a
 * component renders (hatchet 5067e988a9's `BillingRequired` drops `canWrite && isOrganizationOwner
 * && (<>…</>)` and was asked "changed its implementation" with nothing named). */
function isJsxGuard(node: T.Node): node is T.BinaryExpression {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) return false;
  let right: T.Expression = node.right;
  while (ts.isParenthesizedExpression(right)) right = right.expression;
  return ts.isJsxElement(right) || ts.isJsxSelfClosingElement(right) || ts.isJsxFragment(right);
}

/** The tags of the JSX elements that open on the lines a hunk touches (`RequireManagedComputeWriteAccess`):
 * an element put in or taken out, with no attribute to name it by, is told by its tag. */
function tagsOf(node: T.Node, sf: T.SourceFile, ranges: LineRanges): string[] {
  const tags: string[] = [];
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  walkSyntax(node, (child) => {
    if (!ts.isJsxOpeningElement(child) && !ts.isJsxSelfClosingElement(child)) return;
    const at = line(child.getStart(sf));
    if (ranges.some(([a, b]) => a <= at && at <= b)) tags.push(child.tagName.getText(sf));
  });
  return tags;
}

/** `this.x` / `this.#x` of an expression: the field's name, or undefined. */
function thisField(node: T.Node): string | undefined {
  if (!ts.isPropertyAccessExpression(node) || node.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  return node.name.text;
}

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** The fields of `this` a class member assigns on the lines a hunk touches (TanStack query's
 * `fetch` now sets `this.#retryer = undefined`), and the fields its return statements give back
 * (the `promise` getter returns `this.#retryer?.promise`): a reader of that getter sees the change. */
function fieldsOf(node: T.Node, sf: T.SourceFile, ranges: LineRanges): { writes: string[]; returns: string[] } {
  const writes = new Set<string>();
  const returns = new Set<string>();
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const isTouched = (n: T.Node) => {
    const [first, last] = [line(n.getStart(sf)), line(n.end)];
    return ranges.some(([a, b]) => a <= last && b >= first);
  };
  walkSyntax(node, (child) => {
    if (ts.isBinaryExpression(child) && ASSIGNMENTS.has(child.operatorToken.kind) && isTouched(child)) {
      const field = thisField(skipCasts(child.left));
      if (field !== undefined) writes.add(field);
    } else if (ts.isReturnStatement(child) && child.expression) {
      walkSyntax(child.expression, (inner) => {
        const field = thisField(inner);
        if (field !== undefined) returns.add(field);
      });
    }
  });
  return { writes: [...writes], returns: [...returns] };
}

/** The values a declaration's own return statements give on the lines a hunk touches (not a
 * callback's inside it), whitespace folded: dokploy 0be822ef5b's `getStackContainersByAppName`
 * now returns `[]` where it returned `undefined`, and nothing else of it changed. */
function valuesOf(node: T.Node, sf: T.SourceFile, ranges: LineRanges): string[] {
  const values: string[] = [];
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const functionsUp = (child: T.Node) => {
    let count = 0;
    for (let at: T.Node | undefined = child; at !== undefined; at = at === node ? undefined : at.parent) if (ts.isFunctionLike(at)) count++;
    return count;
  };
  const isTouched = (child: T.Node) => ranges.some(([a, b]) => a <= line(child.end) && line(child.getStart(sf)) <= b);
  // Whitespace folded, a trailing comma dropped: `{ cover_image: newImage }` as a reader writes it.
  const written = (value: T.Expression) =>
    value
      .getText(sf)
      .replace(/\s+/g, ' ')
      .replace(/, ([}\]])/g, ' $1');
  walkSyntax(node, (child) => {
    // An arrow function's expression body is what it returns (memos 5192732cee's
    // `getMemoKey = (memo) => memo.name`, which returned `${memo.name}-${memo.updateTime}`).
    if (ts.isArrowFunction(child) && !ts.isBlock(child.body) && functionsUp(child) === 1 && isTouched(child.body))
      values.push(written(child.body));
    if (!ts.isReturnStatement(child) || !isTouched(child)) return;
    if (functionsUp(child) === 1) values.push(child.expression === undefined ? 'undefined' : written(child.expression));
  });
  return values;
}

/** Line ranges (1-based, inclusive) that a side's hunks cover. */
export type LineRanges = readonly (readonly [first: number, last: number])[];
/** Every line of a file, for what a whole declaration calls. */
const EVERY_LINE: LineRanges = [[1, Number.MAX_SAFE_INTEGER]];

/** The pieces of both sides of a file. Only a piece some hunk touches, on either side, is hashed
 * (got's 2,400-line core/index.ts has a hundred members; a change touches three): the others
 * are the same by construction. */
export function listMembers(
  path: string,
  sides: { readonly oldText: string; readonly newText: string; readonly oldRanges: LineRanges; readonly newRanges: LineRanges },
): { readonly old: MemberRecord[]; readonly new: MemberRecord[] } {
  const before = listPieces(path, sides.oldText);
  const after = listPieces(path, sides.newText);
  const key = (p: Piece) => `${p.owner}\u0000${p.name}`;
  const hits = (p: Piece, ranges: LineRanges) => ranges.some(([first, last]) => first <= p.last && last >= p.first);
  const touched = new Set(
    [...before.pieces.filter((p) => hits(p, sides.oldRanges)), ...after.pieces.filter((p) => hits(p, sides.newRanges))].map(key),
  );
  // A class a hunk touches: which fields its members set there and give back.
  const classes = new Set(after.pieces.filter((p) => p.name === '' && ts.isClassLike(p.node) && touched.has(key(p))).map((p) => p.owner));
  const record =
    ({ sf, pieces }: { sf: T.SourceFile; pieces: Piece[] }, ranges: LineRanges) =>
    (p: Piece): MemberRecord => {
      if (p.name !== '') {
        const hash = touched.has(key(p)) ? hashOf(p.node) + (p.also ? hashOf(p.also) : '') : '';
        // A touched local's or member's text: the edit a question names when it is all it names (arktype 11e2e49).
        const text = hash !== '' && p.isKey !== true ? { text: p.node.getText(sf) } : {};
        if (!p.isProperty || !classes.has(p.owner))
          return { owner: p.owner, name: p.name, hash, isProperty: p.isProperty, ...(p.isKey && { isKey: true }), ...text };
        return { owner: p.owner, name: p.name, hash, isProperty: true, ...fieldsOf(p.node, sf, ranges), ...text };
      }
      // The declaration's branches: a class's from the members a hunk touches, a function's from all of it.
      const inside = ts.isClassLike(p.node) ? pieces.filter((q) => q.owner === p.owner && q.name !== '' && touched.has(key(q))) : [p];
      const found = touched.has(key(p)) ? inside.map((q) => conditionsOf(q.node, sf)) : [];
      const [conditions, conditionKeys] = [found.flatMap((c) => c.written), found.flatMap((c) => c.keys)];
      const calls = touched.has(key(p)) ? inside.flatMap((q) => callsOf(q.node, sf, ranges)) : [];
      const everyCall = touched.has(key(p)) ? callsOf(p.node, sf, EVERY_LINE) : [];
      const aliasOf = ts.isIdentifier(p.node) ? { aliasOf: p.node.text } : {};
      const values = touched.has(key(p)) && !ts.isClassLike(p.node) ? valuesOf(p.node, sf, ranges) : [];
      const tags = touched.has(key(p)) && !ts.isClassLike(p.node) ? tagsOf(p.node, sf, ranges) : [];
      return {
        owner: p.owner,
        name: '',
        hash: '',
        isProperty: false,
        conditions,
        conditionKeys,
        calls,
        everyCall,
        values,
        ...(tags.length > 0 && { tags }),
        ...aliasOf,
      };
    };
  return {
    old: [...before.pieces.map(record(before, sides.oldRanges)), ...scriptTypeParameters(path, sides.oldText)],
    new: [...after.pieces.map(record(after, sides.newRanges)), ...scriptTypeParameters(path, sides.newText), ...exportAliases(after.sf)],
  };
}

const GENERIC = /\sgeneric(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?(?=[\s/>])/;

/** A Vue component's type parameters, written on its script tag (`<script setup lang="ts"
 * generic="T">`): a piece of its default export, named by the tag. vue language-tools 9d08c434d
 * drops `generic="T"` from eleven test components, each asked "`Child` (default export) changed
 * its implementation" with nothing named. */
function scriptTypeParameters(path: string, text: string): MemberRecord[] {
  if (componentKindOf(path) !== 'vue') return [];
  return findScriptBlocks(text).flatMap((block) => {
    const tag = text.slice(text.lastIndexOf('<script', block.start), block.start);
    const generic = GENERIC.exec(tag);
    if (generic === null) return [];
    const name = `<script${block.isSetup ? ' setup' : ''} generic>`;
    const hash = (generic[1] ?? generic[2] ?? '').replace(/\s+/g, ' ').trim();
    return [{ owner: componentName(path), name, hash, isProperty: true }];
  });
}
