// Folded source text and its hash: what a record's shapes and body hashes are made of. Apart from
// declaration-shape.ts (which needs TypeScript's syntax tree) so that a record read from tokens
// (user-record.ts) hashes a re-export as TypeScript's path does, with no TypeScript loaded.

export const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A `//` comment after a space or a bracket: not `http://` inside a string literal type. A
 * signature's shape drops them before it folds (declaration-shape.ts, token-shapes.ts). */
export const LINE_COMMENT = /(^|[\s,;({[<])\/\/[^\n]*/g;

/** A fast 53-bit string hash (cyrb53) of the folded text: it tells two bodies apart, it guards no secret. */
export const hashText = (text: string): string => hashString(fold(text));

/** The same hash of the text as it is (token-hash.ts: a string's spaces are its value). */
export function hashString(folded: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
