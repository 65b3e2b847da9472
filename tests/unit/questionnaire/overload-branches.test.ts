import { describe, expect, test } from '@jest/globals';
import { listMembers } from '../../../src/adapters/typescript/list-members.js';
import { describeMemberChanges, diffMembers } from '../../../src/core/questionnaire/changed-members.js';

// jose 3f871e78 lets `importJWK` accept an empty "oct" key: one condition of a function declared
// with overloads loses `|| !jwk.k`. Its questions named nothing: the branches were read from the
// first, bodiless signature. The source is the commit's, cut to the function; the hunk's lines only.

const side = (condition: string) => `export async function importJWK(jwk: JWK, alg?: string): Promise<CryptoKey>
export async function importJWK(jwk: JWK, alg?: string, options?: KeyImportOptions): Promise<CryptoKey | Uint8Array>
export async function importJWK(jwk: JWK, alg?: string, options?: KeyImportOptions): Promise<CryptoKey | Uint8Array> {
  if (!isObject(jwk)) {
    throw new TypeError('JWK must be an object')
  }
  switch (jwk.kty) {
    case 'oct':
      if (${condition}) {
        throw new TypeError('missing "k" (Key Value) Parameter value')
      }

      return decodeBase64URL(jwk.k)
    default:
      throw new JOSENotSupported('Unsupported "kty" (Key Type) Parameter value')
  }
}
`;

describe('the branches of a function declared with overloads', () => {
  test('are read from its body: one condition rewritten is named old and new', () => {
    const ranges = [[9, 9]] as const;
    const sides = listMembers('src/key/import.ts', {
      oldText: side("typeof jwk.k !== 'string' || !jwk.k"),
      newText: side("typeof jwk.k !== 'string'"),
      oldRanges: ranges,
      newRanges: ranges,
    });
    expect(describeMemberChanges(diffMembers(sides.old, sides.new).get('importJWK'))).toBe(
      "the branch `if (typeof jwk.k !== 'string' || !jwk.k)` now `if (typeof jwk.k !== 'string')`",
    );
  });

  test('three new conditions for one gone are no one branch rewritten (mobx-state-tree aeb4e8a6)', () => {
    const fn = (body: string) => `export function views(self, names) {\n${body}}\n`;
    const before = fn('  for (const key of names) {\n    if (key in this.properties) throw fail(key)\n  }\n');
    const after = fn(
      ['a', 'b', 'c'].map((n) => `  for (const name of ${n}) {\n    if (name in this.properties) throw fail(name)\n  }\n`).join(''),
    );
    const all = [[1, 100]] as const;
    const sides = listMembers('src/model.ts', { oldText: before, newText: after, oldRanges: all, newRanges: all });
    expect(describeMemberChanges(diffMembers(sides.old, sides.new).get('views'))).toBe(
      '3 new branches `if (name in this.properties)`, the branch `if (key in this.properties)` removed',
    );
  });
});
