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
  diffExports(
    'packages/ts-morph/lib/ts-morph.d.ts',
    parseModule('lib/ts-morph.d.ts', side('')),
    parseModule('lib/ts-morph.d.ts', side(gained)),
  );

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

describe('an interface written without semicolons that gains an optional member is widened', () => {
  test("dom-testing-library 8c40a21's `ByRoleOptions` gains `busy?: boolean` (types/queries.d.ts)", () => {
    const side = (gained: string) => `export interface ByRoleOptions {
  /**
   * If true only includes elements in the query set that are marked as
   * selected in the accessibility tree, i.e., \`aria-selected="true"\`
   */
  selected?: boolean
${gained}  /**
   * If true only includes elements in the query set that are marked as
   * checked in the accessibility tree, i.e., \`aria-checked="true"\`
   */
  checked?: boolean
}

export function queryByRole(container: HTMLElement, role: string, options?: ByRoleOptions): HTMLElement | null
`;
    const busy = `  /**
   * If true only includes elements in the query set that are marked as
   * busy in the accessibility tree, i.e., \`aria-busy="true"\`
   */
  busy?: boolean
`;
    const changes = diffExports(
      'types/queries.d.ts',
      parseModule('types/queries.d.ts', side('')),
      parseModule('types/queries.d.ts', side(busy)),
    );
    expect(changes.find((c) => c.name === 'ByRoleOptions')).toMatchObject({ change: 'shape-changed', widened: true });
    expect(changes.find((c) => c.name === 'queryByRole')).toMatchObject({ change: 'shape-changed', via: 'ByRoleOptions', widened: true });
  });
});
