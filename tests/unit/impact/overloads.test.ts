import { describe, expect, test } from '@jest/globals';
import { diffExports } from '../../../src/core/impact/diff-exports.js';
import { parseModule } from '../../../src/adapters/typescript/parse-module.js';
import { askedOf } from '../../helpers/asked-symbol.js';

// Source text cut from supermacro/neverthrow's src/result.ts and src/result-async.ts, both sides
// parsed by the real TypeScript parser: functions that gain, lose or change overloads.
const diffOf = (path: string, before: string, after: string) => diffExports(path, parseModule(path, before), parseModule(path, after));
const changeOf = (before: string, after: string, name: string, path = 'src/result.ts') =>
  diffOf(path, before, after).find((c) => c.name === name);
const asked = askedOf;

const OK_CLASS = `export class Ok<T, E> {
  constructor(readonly value: T) {}
}
export class Err<T, E> {
  constructor(readonly error: E) {}
}
`;

describe('overloads gained, lost or changed are named', () => {
  test('an arrow const turned overloads, one taking `void` (17e6a6f): named, and widened', () => {
    const before = `${OK_CLASS}export const ok = <T, E = never>(value: T): Ok<T, E> => new Ok(value)\n`;
    const after = `${OK_CLASS}export function ok<T, E = never>(value: T): Ok<T, E>
export function ok<T extends void = void, E = never>(value: void): Ok<void, E>
export function ok<T, E = never>(value: T): Ok<T, E> {
  return new Ok(value)
}
`;
    const change = changeOf(before, after, 'ok');
    expect(change).toMatchObject({ change: 'shape-changed', reshaped: 'a new overload `(value: void): Ok<void, E>`', widened: true });
    expect(asked(change)).toBe('`ok` in src/result.ts changed its signature (a new overload `(value: void): Ok<void, E>`)');
  });

  test('an overload put before the old one (d271431) is named by its type parameter, and breaks', () => {
    const before = `${OK_CLASS}export const err = <T = never, E = unknown>(err: E): Err<T, E> => new Err(err)\n`;
    const after = `${OK_CLASS}export function err<T = never, E extends string = string>(err: E): Err<T, E>
export function err<T = never, E = unknown>(err: E): Err<T, E>
export function err<T = never, E = unknown>(err: E): Err<T, E> {
  return new Err(err)
}
`;
    const change = changeOf(before, after, 'err');
    expect(change?.reshaped).toBe('a new overload with type parameter `E extends string = string`');
    // Calls that took the old signature may now resolve to the new first one.
    expect(change?.widened).toBeUndefined();
  });

  test('two long overloads gained (2d003308) are named by their new type parameters; overloads changed in place (a4e7e421) by one of them', () => {
    const sync = 'export function safeTry<T, E>(body: () => Generator<Err<never, E>, Result<T, E>>): Result<T, E>\n';
    const async = (returns: string) =>
      `export function safeTry<T, E>(\n  body: () => AsyncGenerator<Err<never, E>, Result<T, E>>,\n): ${returns}\n`;
    const generic = (returns: string) => `export function safeTry<
  YieldErr extends Err<never, unknown>,
  GeneratorReturnResult extends Result<unknown, unknown>
>(
  body: () => AsyncGenerator<YieldErr, GeneratorReturnResult>,
): ${returns}<InferOkTypes<GeneratorReturnResult>, InferErrTypes<YieldErr> | InferErrTypes<GeneratorReturnResult>>
`;
    const implementation = (returns: string) =>
      `export function safeTry<T, E>(body: () => unknown): ${returns} {\n  return body() as any\n}\n`;
    const types = `${OK_CLASS}export type Result<T, E> = Ok<T, E> | Err<T, E>\n`;
    const gained = changeOf(
      `${types}${sync}${async('Promise<Result<T, E>>')}${implementation('Result<T, E> | Promise<Result<T, E>>')}`,
      `${types}${sync}${generic('Result')}${async('Promise<Result<T, E>>')}${generic('Promise')}${implementation('Result<T, E> | Promise<Result<T, E>>')}`,
      'safeTry',
    );
    expect(gained?.reshaped).toBe('2 new overloads with type parameters `YieldErr` and `GeneratorReturnResult`');
    const changed = changeOf(
      `${types}${sync}${async('Promise<Result<T, E>>')}${implementation('Result<T, E> | Promise<Result<T, E>>')}`,
      `${types}${sync}${async('ResultAsync<T, E>')}${implementation('Result<T, E> | ResultAsync<T, E>')}`,
      'safeTry',
    );
    expect(changed?.reshaped).toBe('2 overloads changed, e.g. returns `ResultAsync<T, E>` (was `Promise<Result<T, E>>`)');
  });

  test('an overload gained after the old ones (17e6a6f `err`) widens; one removed is named and breaks', () => {
    const overloads = (extra: string) => `${OK_CLASS}export function err<T = never, E extends string = string>(err: E): Err<T, E>
export function err<T = never, E = unknown>(err: E): Err<T, E>
${extra}export function err<T = never, E = unknown>(err: E): Err<T, E> {
  return new Err(err)
}
`;
    const extra = 'export function err<T = never, E extends void = void>(err: void): Err<T, void>\n';
    expect(changeOf(overloads(''), overloads(extra), 'err')).toMatchObject({
      reshaped: 'a new overload `(err: void): Err<T, void>`',
      widened: true,
    });
    const removed = changeOf(overloads(extra), overloads(''), 'err');
    expect(removed).toMatchObject({ change: 'shape-changed', reshaped: 'the overload `(err: void): Err<T, void>` removed' });
    expect(removed?.widened).toBeUndefined();
  });
});

describe('a type merged with a namespace has an implementation', () => {
  test('`type Result` beside `namespace Result` whose function calls the reshaped `err` changed its implementation, not its type', () => {
    const side = (err: string) => `${OK_CLASS}export namespace Result {
  export function fromThrowable<A, E>(fn: () => A, errorFn?: (e: unknown) => E): () => Result<A, E> {
    return () => {
      try {
        return new Ok(fn())
      } catch (e) {
        return err(errorFn ? errorFn(e) : e)
      }
    }
  }
}
export type Result<T, E> = Ok<T, E> | Err<T, E>
${err}`;
    const before = side('export const err = <T = never, E = unknown>(err: E): Err<T, E> => new Err(err)\n');
    const after = side(`export function err<T = never, E extends string = string>(err: E): Err<T, E>
export function err<T = never, E = unknown>(err: E): Err<T, E>
export function err<T = never, E = unknown>(err: E): Err<T, E> {
  return new Err(err)
}
`);
    expect(changeOf(before, after, 'Result')).toMatchObject({ change: 'body-changed', via: 'err' });
  });
});
