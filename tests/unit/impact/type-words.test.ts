import { describe, expect, test } from '@jest/globals';
import { parseModule } from '../../../src/adapters/typescript/parse-module.js';
import { diffExports } from '../../../src/core/impact/diff-exports.js';
import type { ChangedSymbol } from '../../../src/core/impact/impact-report.js';
import { buildImpactQuestion } from '../../../src/core/questionnaire/impact-question.js';

// A conditional type reshaped in several places at once is named by the names it no longer and now
// uses: urql b757332b rewrote `GraphQLRequestParams`' test for optional variables, and both its
// questions said only "changed its signature".

const PATH = 'packages/core/src/types.ts';
const params = (test: string, then: string, otherwise: string) => `type AnyVariables = { [prop: string]: any } | void | undefined;
type DocumentInput<D, V> = { __apiType?: (variables: V) => D };

export type GraphQLRequestParams<Data = any, Variables extends AnyVariables = AnyVariables> =
  | ({
      query: string | DocumentInput<Data, Variables>;
    } & (Variables extends void
      ? {
          variables?: Variables;
        }
      : Variables extends {
            [P in keyof Variables]: ${test};
          }
        ? ${then}
        : ${otherwise}))
  | {
      query: DocumentInput<Data, Variables>;
      variables: Variables;
    };
`;
const BEFORE = params(
  'Exclude<Variables[P], null | void>',
  `Variables extends {
            [P in keyof Variables]: never;
          }
          ? {
              variables?: Variables;
            }
          : {
              variables: Variables;
            }`,
  '{ variables?: Variables; }',
);
const AFTER = params(
  `undefined extends Variables[P]
              ? unknown
              : null extends Variables[P]
                ? unknown
                : void extends Variables[P]
                  ? unknown
                  : never`,
  '{ variables?: Variables; }',
  '{ variables: Variables; }',
);

describe('a reshaped conditional type', () => {
  test('is named by the names it lost and gained', () => {
    const change = diffExports(PATH, parseModule(PATH, BEFORE), parseModule(PATH, AFTER)).find((c) => c.name === 'GraphQLRequestParams')!;
    expect(change.reshaped).toBe('no longer uses `Exclude`, now uses `undefined` and `unknown`');
    const symbol: ChangedSymbol = {
      ...change,
      valueUsers: [],
      typeUsers: [{ path: 'packages/next-urql/src/useQuery.ts', line: 69 }],
      wholeModuleUsers: [],
      transitive: { count: 0, chains: [] },
      dependents: [],
    };
    expect(buildImpactQuestion(symbol, new Set([PATH])).message).toMatch(
      /^`GraphQLRequestParams` in packages\/core\/src\/types\.ts changed its signature \(no longer uses `Exclude`, now uses `undefined` and `unknown`\); 1 file uses its type/,
    );
  });

  test('an object type is left to its members', () => {
    const before = 'export type Options = { busy?: boolean; name: string };\n';
    const after = 'export type Options = { name: string; hidden: Hidden };\n';
    const change = diffExports(PATH, parseModule(PATH, before), parseModule(PATH, after)).find((c) => c.name === 'Options')!;
    expect(change.reshaped).toBeUndefined();
  });
});

test('a union that lost a variant names its string literal as written', () => {
  // effector a32229e68 removed `{type: 'closure'; of: StateRef}` from `StateRefOp`.
  const before = `export type StateRefOp =
  | {type: 'map'; from?: StateRef; fn?: (value: any) => any}
  | {type: 'field'; from: StateRef; field: string}
  | {type: 'closure'; of: StateRef}
`;
  const after = before.replace("  | {type: 'closure'; of: StateRef}\n", '');
  const change = diffExports(PATH, parseModule(PATH, before), parseModule(PATH, after)).find((c) => c.name === 'StateRefOp')!;
  expect(change.reshaped).toBe("no longer uses `'closure'` and `of`");
});

test('a type whose object part only gained or lost keys is left to its members', () => {
  // drei 4ae523a5: `CameraControlsProps` gained `impl?`; "(`impl` added)" says it, "now uses `impl`" less.
  const before = `export type CameraControlsProps = Omit<ThreeElement<typeof CameraControlsImpl>, 'ref'> & {
  camera?: THREE.PerspectiveCamera | THREE.OrthographicCamera
  makeDefault?: boolean
}
`;
  const after = before.replace('  makeDefault?: boolean\n', '  makeDefault?: boolean\n  impl?: typeof CameraControlsImpl\n');
  const change = diffExports(PATH, parseModule(PATH, before), parseModule(PATH, after)).find((c) => c.name === 'CameraControlsProps')!;
  expect(change.reshaped).toBeUndefined();
});
