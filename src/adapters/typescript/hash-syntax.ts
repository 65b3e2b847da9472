import type * as T from 'typescript';
import { ts } from './typescript.js';

// A hash of syntax, not of text: node kinds, names, literal values and operators, read in
// document order, each node with how many children it has: kinds in pre-order alone are many
// trees (xyflow 9b3f390e21 moves `setTimeout(…)` out of an `else` block, and the file was
// "trivia only": `else { a; b; }` and `else { a; } b;` list the same kinds). Comments, whitespace, quote style, semicolons and trailing commas are not in
// the tree, so an edit of only those leaves the hash as it was (a trivia-only change).

export interface SyntaxHasher {
  add(node: T.Node, isLeaf: boolean, children: number): void;
  digest(): string;
}

function leafText(node: T.Node): string {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isStringLiteralLike(node) || ts.isNumericLiteral(node) || ts.isBigIntLiteral(node) || ts.isRegularExpressionLiteral(node))
    return node.text;
  if (ts.isTemplateMiddle(node) || ts.isTemplateHead(node) || ts.isTemplateTail(node)) return node.rawText ?? node.text;
  if (ts.isJsxText(node)) return node.text.replace(/\s+/g, ' ').trim();
  return '';
}

/** What a node means beyond its kind and children: `-a` vs `!a`, `let` vs `const`, `import type`. */
function flagsOf(node: T.Node): number {
  const n = node as unknown as { operator?: number; token?: number; keywordToken?: number; isTypeOnly?: boolean; isExportEquals?: boolean };
  let flags =
    (n.operator ?? 0) * 7 + (n.token ?? 0) * 11 + (n.keywordToken ?? 0) * 13 + (n.isTypeOnly ? 1 : 0) + (n.isExportEquals ? 2 : 0);
  if (ts.isVariableDeclarationList(node)) flags += (node.flags & 7) * 17;
  return flags;
}

/** cyrb53, fed incrementally: it tells two syntaxes apart, it guards no secret. */
export function createSyntaxHasher(): SyntaxHasher {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (code: number) => {
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  };
  return {
    add(node, isLeaf, children) {
      mix(node.kind + 0x10000);
      mix(children + 0x30000);
      const flags = flagsOf(node);
      if (flags !== 0) mix(flags + 0x20000);
      if (!isLeaf) return;
      const text = leafText(node);
      for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
    },
    digest() {
      const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
      return (4294967296 * (2097151 & b) + (a >>> 0)).toString(16).padStart(14, '0');
    },
  };
}
