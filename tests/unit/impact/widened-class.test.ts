import { describe, expect, test } from '@jest/globals';
import { diffExports } from '../../../src/core/impact/diff-exports.js';
import { parseModule } from '../../../src/adapters/typescript/parse-module.js';

// ts-morph 415a850a adds `getAwaitedType` to the declared classes `Type` and `TypeChecker` in
// lib/ts-morph.d.ts: "risk high" for "public API changed: ReturnTypedNode, … (shape-changed)",
// though a method a class gains breaks none of the users that read its instances. The text is
// the commit's declaration file, cut to what the change touches.

const side = (gained: string) => `import { ts } from "@ts-morph/common";
export declare class Type<TType extends ts.Type = ts.Type> {
  /** Gets the apparent type. */
  getApparentType(): Type;
${gained}  /** Gets the array element type or throws if it doesn't exist (ex. for \`T[]\` it would be \`T\`). */
  getArrayElementTypeOrThrow(message?: string | (() => string)): Type<ts.Type>;
}
export interface ReturnTypedNodeExtensionType { getReturnType(): Type; }
export declare function ReturnTypedNode<T extends Constructor<ReturnTypedNodeExtensionType>>(Base: T): Constructor<ReturnTypedNode> & T;
export interface ReturnTypedNode {
  /** Gets the return type. */
  getReturnType(): Type;
}
`;
const diff = (gained: string) =>
  diffExports('packages/ts-morph/lib/ts-morph.d.ts', parseModule('lib/ts-morph.d.ts', side('')), parseModule('lib/ts-morph.d.ts', side(gained)));

describe('a declared class that gains a member is widened, not broken', () => {
  test('the class itself, and what changes through it in a declaration file', () => {
    const changes = diff('  /** Gets the awaited type. */\n  getAwaitedType(): Type | undefined;\n');
    expect(changes.find((c) => c.name === 'Type')).toMatchObject({ change: 'shape-changed', widened: true });
    const through = changes.filter((c) => c.via === 'Type');
    expect(through.length).toBeGreaterThan(0);
    for (const c of through) expect(c).toMatchObject({ change: 'shape-changed', widened: true });
  });

  test('a member whose signature changes is no widening', () => {
    const changes = diffExports(
      'lib/ts-morph.d.ts',
      parseModule('lib/ts-morph.d.ts', side('')),
      parseModule('lib/ts-morph.d.ts', side('').replace('getApparentType(): Type;', 'getApparentType(strict: boolean): Type;')),
    );
    expect(changes.find((c) => c.name === 'Type')).toMatchObject({ change: 'shape-changed' });
    expect(changes.find((c) => c.name === 'Type')?.widened).toBeUndefined();
  });
});
