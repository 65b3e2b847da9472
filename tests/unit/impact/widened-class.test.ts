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

// amplication 48d60c294 gives NestJS's `ResourceResolver` a decorated field resolver
// (`@ResolveField(() => String, { nullable: false }) async name(@Parent() resource: Resource)`):
// "1 removed, renamed or reshaped export with users", though the module that provides it and the
// spec that builds it keep working. A member is one with its decorators.
test('a class that gains a decorated method is widened; a decorated method changed is not', () => {
  const resolver = (gained: string, owner = 'async owner(@Parent() resource: Resource): Promise<User | Team> {\n    return null;\n  }') =>
    `import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Resource, Team, User } from './models';

@Resolver(() => Resource)
export class ResourceResolver {
  constructor(private readonly resources: Map<string, Resource>) {}
${gained}
  @ResolveField(() => Owner, { nullable: true })
  ${owner}
}
`;
  const diff = (after: string) =>
    diffExports(
      'src/resource.resolver.ts',
      parseModule('src/resource.resolver.ts', resolver('')),
      parseModule('src/resource.resolver.ts', after),
    );
  const gained = diff(
    resolver(
      '  @ResolveField(() => String, { nullable: false })\n  async name(@Parent() resource: Resource): Promise<string> {\n    return resource.name;\n  }\n',
    ),
  );
  expect(gained.find((c) => c.name === 'ResourceResolver')).toMatchObject({ change: 'shape-changed', widened: true });
  const changed = diff(
    resolver('', 'async owner(@Parent() resource: Resource, strict: boolean): Promise<User | Team> {\n    return null;\n  }'),
  );
  expect(changed.find((c) => c.name === 'ResourceResolver')?.widened).toBeUndefined();
});

// The same commit's `BlueprintRelationUpsertInput` (an `@InputType()` class) gains two required
// `@Field(() => Boolean)` fields: a DTO's type is what object literals are written to, and they break.
test('a class that gains a decorated field is not widened', () => {
  const input = (gained: string) =>
    `import { Field, InputType } from '@nestjs/graphql';\n\n@InputType()\nexport class BlueprintRelationUpsertInput {\n  @Field(() => String, { nullable: false })\n  key!: string;\n${gained}}\n`;
  const changes = diffExports(
    'src/dto.ts',
    parseModule('src/dto.ts', input('')),
    parseModule('src/dto.ts', input('  @Field(() => Boolean, { nullable: false })\n  limitSelectionToProject!: boolean;\n')),
  );
  expect(changes.find((c) => c.name === 'BlueprintRelationUpsertInput')).toMatchObject({ change: 'shape-changed' });
  expect(changes.find((c) => c.name === 'BlueprintRelationUpsertInput')?.widened).toBeUndefined();
});
