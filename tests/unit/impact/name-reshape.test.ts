import { describe, expect, test } from '@jest/globals';
import { diffExports } from '../../../src/core/impact/diff-exports.js';
import { parseModule } from '../../../src/adapters/typescript/parse-module.js';
import { askedOf } from '../../helpers/asked-symbol.js';

// Source text cut from the commits: both sides parsed by the real TypeScript parser.
const reshapedOf = (path: string, before: string, after: string, name: string) =>
  diffExports(path, parseModule(path, before), parseModule(path, after)).find((c) => c.name === name);

const asked = askedOf;

describe('a reshaped export is named by what its signature changed in', () => {
  test("a parameter's type (jose 714f8704's `jweAlgorithm`), not the local its body changes", () => {
    const side = (type: string, lookup: string) => `const JWE: Record<string, JWEAlgorithm> = {}
export function jweAlgorithm(alg: ${type}): JWEAlgorithm {
  const entry = ${lookup}
  if (!entry) {
    throw new JOSENotSupported(unsupportedAlg)
  }
  return entry
}
`;
    const diff = reshapedOf(
      'src/lib/jwe_algorithms.ts',
      side('string', 'JWE[alg]'),
      side('unknown', "typeof alg === 'string' ? JWE[alg] : undefined"),
      'jweAlgorithm',
    );
    expect(diff).toMatchObject({ change: 'shape-changed', reshaped: '`alg`: `string` → `unknown`' });
    expect(asked(diff)).toBe('`jweAlgorithm` in src/lib/jwe_algorithms.ts changed its signature (`alg`: `string` → `unknown`)');
  });

  test('a parameter added to a declared function (dom-testing-library 5e03343, types/role-helpers.d.ts)', () => {
    const diff = reshapedOf(
      'types/role-helpers.d.ts',
      'export function logRoles(container: HTMLElement): string\n',
      `export function logRoles(
  container: HTMLElement,
  options?: LogRolesOptions,
): string

interface LogRolesOptions {
  hidden?: boolean
}
`,
      'logRoles',
    );
    expect(diff?.reshaped).toBe('a new parameter `options`');
  });

  test("a component's destructured props gain one: the prop is named, not both parameter lists (Flowise edff15219e)", () => {
    const side = (props: string) => `export const DocumentStoreTable = ({ ${props} }) => {
    const theme = useTheme()
    return <Table data={data} />
}
`;
    const diff = reshapedOf(
      'packages/ui/src/ui-component/table/DocumentStoreTable.jsx',
      side('data, isLoading, onRowClick, images, showActions, onActionMenuClick'),
      side('data, isLoading, onRowClick, images, showActions, onActionMenuClick, actionButtonSx'),
      'DocumentStoreTable',
    );
    expect(diff).toMatchObject({ change: 'shape-changed', reshaped: '`actionButtonSx` added to its destructured parameter' });
    expect(asked(diff)).toBe(
      '`DocumentStoreTable` in packages/ui/src/ui-component/table/DocumentStoreTable.jsx changed its signature (`actionButtonSx` added to its destructured parameter)',
    );
  });

  test('in JavaScript, a destructured property taken out and one renamed, a default kept (second of two parameters)', () => {
    // With a type written (`{ … }: RowOptions`) the shape is the type's, and the names are the body's.
    const side = (props: string) => `export function renderRow(row, { ${props} } = {}) {
  return String(row.id)
}
`;
    const diff = reshapedOf(
      'src/render.js',
      side('dense, scoped, onClick: handleClick'),
      side('dense, onSelect: handleClick'),
      'renderRow',
    );
    expect(diff?.reshaped).toBe(
      '`onSelect` added to its destructured parameter 2, `scoped` and `onClick` removed from its destructured parameter 2',
    );
  });

  test('a type parameter added, past a line comment that must not swallow it (dom-testing-library 1f143e5)', () => {
    const diff = reshapedOf(
      'types/get-queries-for-element.d.ts',
      `export function getQueriesForElement<T extends Queries = typeof queries>(
  element: HTMLElement,
  queriesToBind?: T,
): BoundFunctions<T>
`,
      `export function getQueriesForElement<
  QueriesToBind extends Queries = typeof queries,
  // Extra type parameter required for reassignment.
  T extends QueriesToBind = QueriesToBind,
>(element: HTMLElement, queriesToBind?: T): BoundFunctions<T>
`,
      'getQueriesForElement',
    );
    expect(diff?.reshaped).toBe(
      'a new type parameter `QueriesToBind`, `T extends Queries = typeof queries` → `T extends QueriesToBind = QueriesToBind`',
    );
  });

  // gvergnaud/ts-pattern 470e7b9: "`isMatching` changed its signature", nothing said of what.
  test("one overload of three changed: its type parameter's bound", () => {
    const side = (bound: string) => `export function isMatching<const p extends Pattern<unknown>>(
  pattern: p
): (value: unknown) => value is P.infer<p>;
export function isMatching<const T, const P extends ${bound}>(
  pattern: P,
  value: T
): value is P.infer<P>;
export function isMatching<const p extends Pattern<any>>(
  ...args: [pattern: p, value?: any]
): boolean | ((vale: any) => boolean) {
  return false;
}
`;
    const diff = reshapedOf('src/is-matching.ts', side('P.Pattern<T> & UnknownProperties'), side('PatternConstraint<T>'), 'isMatching');
    expect(diff?.reshaped).toBe('`P`: `P.Pattern<T> & UnknownProperties` → `PatternConstraint<T>`');
  });

  test('one type replaced by another in every overload (react-hook-form resolvers a21e723)', () => {
    const side = (type: string) => `export function zodResolver<
  Input extends FieldValues,
  Context,
  Output,
  T extends ${type}<Output, Input> = ${type}<Output, Input>,
>(
  schema: T,
  schemaOptions?: Zod4ParseParams, // already partial
  resolverOptions?: NonRawResolverOptions,
): Resolver<z4.input<T>, Context, z4.output<T>>;
export function zodResolver<
  Input extends FieldValues,
  Context,
  Output,
  T extends ${type}<Output, Input> = ${type}<Output, Input>,
>(
  schema: ${type}<Output, Input>,
  schemaOptions: Zod4ParseParams | undefined, // already partial
  resolverOptions: RawResolverOptions,
): Resolver<z4.input<T>, Context, z4.input<T>>;
export function zodResolver(schema: object, schemaOptions?: object, resolverOptions: object = {}) {
  return async () => ({ values: {}, errors: {} });
}
`;
    expect(reshapedOf('zod/src/zod.ts', side('z4.$ZodType'), side('Zod4Type'), 'zodResolver')?.reshaped).toBe('`z4.$ZodType` → `Zod4Type`');
  });

  test('a type alias built of another type than before (wevm/wagmi 7ba2879db)', () => {
    const side = (partial: string) => `export type VerifyMessageOptions<
  config extends Config,
  selectData = VerifyMessageData,
> = Compute<
  ${partial}<VerifyMessageParameters<config>> & ScopeKeyParameter
> &
  QueryParameter<
    VerifyMessageQueryFnData,
    VerifyMessageErrorType,
    selectData,
    VerifyMessageQueryKey<config>
  >
`;
    const diff = reshapedOf(
      'packages/core/src/query/verifyMessage.ts',
      side('ExactPartial'),
      side('UnionExactPartial'),
      'VerifyMessageOptions',
    );
    expect(diff?.reshaped).toBe('`ExactPartial` → `UnionExactPartial`');
  });

  test('a parameter whose type is too long to quote is not named alone (motion 1946162db)', () => {
    const long = '"enter" | "exit" | "new" | "old" | "group" | "image-pair"';
    const side = (type: string) => `export function chooseLayerType(valueName: ${type}): "new" | "old" | null {\n  return null\n}\n`;
    expect(
      reshapedOf('src/choose.ts', side(long), side(long.replace(' | "new" | "old"', '')), 'chooseLayerType')?.reshaped,
    ).toBeUndefined();
  });

  test('a replacement is quoted as written, spaces kept (floating-ui 7d47d283)', () => {
    const diff = reshapedOf(
      'packages/utils/src/index.ts',
      'export type Padding = number | Prettify<Partial<SideObject>>;\n',
      'export type Padding = number | Prettify<{[K in Side]?: number | undefined}>;\n',
      'Padding',
    );
    expect(diff?.reshaped).toBe('`Partial<SideObject>` → `{[K in Side]?: number | undefined}`');
  });

  test('a rewrite with no one replacement names nothing', () => {
    const diff = reshapedOf('a.ts', 'export type A = { a: string; b: number }\n', 'export type A = [x: boolean, y?: Date]\n', 'A');
    expect(diff?.change).toBe('shape-changed');
    expect(diff?.reshaped).toBeUndefined();
  });

  test('a return type written where none was is said so, never as an empty quote (json-schema-to-typescript e0a822f)', () => {
    const side = (signature: string) => `export function ${signature} {
  if (!isPlainObject(schema)) {
    return false
  }
  const parent = schema[Parent]
  return parent === null
}
`;
    const [untyped, typed] = [
      side('isSchemaLike(schema: LinkedJSONSchema)'),
      side('isSchemaLike(schema: any): schema is LinkedJSONSchema'),
    ];
    const gained = reshapedOf('src/utils.ts', untyped, typed, 'isSchemaLike');
    expect(gained?.reshaped).toBe(
      '`schema`: `LinkedJSONSchema` → `any`, now declares that it returns `schema is LinkedJSONSchema` (none was written)',
    );
    expect(asked(gained)).not.toContain('``');
    const lost = reshapedOf('src/utils.ts', typed, untyped, 'isSchemaLike');
    expect(lost?.reshaped).toBe('`schema`: `any` → `LinkedJSONSchema`, no longer declares that it returns `schema is LinkedJSONSchema`');
  });
});
