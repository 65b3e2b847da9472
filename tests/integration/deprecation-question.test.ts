import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// A `@deprecated` tag is a comment to the parser, yet the users' editors and linters warn by it:
// io-ts e312a81c79 moves `NeverType`, `NeverC` and `never` out of its deprecated section without
// the tag (asked "What does the change to src/index.ts do?"); e508b89448 drops the tag in place
// from `FunctionType` and its companions, comments only, and no question named src/index.ts at all.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const index = (isDeprecated: boolean) => `export class Type<A> {
  constructor(readonly name: string) {}
}

/**
 * @since 1.0.0${isDeprecated ? '\n * @deprecated' : ''}
 */
export class FunctionType extends Type<Function> {
  /**
   * @since 1.0.0
   */
  readonly _tag: 'FunctionType' = 'FunctionType'
  constructor() {
    super('Function')
  }
}

/**
 * @since 1.5.3${isDeprecated ? '\n * @deprecated' : ''}
 */${isDeprecated ? '\n// tslint:disable-next-line: deprecation' : ''}
export interface FunctionC extends FunctionType {}

/**
 * @category primitives
 * @since 1.0.0${isDeprecated ? '\n * @deprecated' : ''}
 */${isDeprecated ? '\n// tslint:disable-next-line: deprecation' : ''}
export const Function: FunctionC = new FunctionType()
`;
const files = {
  'src/codecs.ts': "import { Function } from './index'\n\nexport const codecs = [Function]\n",
  'CHANGELOG.md': '# Changelog\n',
};

test('a comments-only edit that undeprecates exports is asked about them', () => {
  repo = createTempRepo({ ...files, 'src/index.ts': index(true) });
  repo.stage({ 'src/index.ts': index(false), 'CHANGELOG.md': '# Changelog\n\n- undeprecate `FunctionType`\n' });
  expect(messageOf(listQuestions(repo), 'unit:src/index.ts')).toBe(
    'In src/index.ts, `FunctionType`, `FunctionC` and `Function` are no longer deprecated: why are they kept after all, and what may their users now rely on?',
  );
});

test('exports newly deprecated are asked what replaces them', () => {
  repo = createTempRepo({ ...files, 'src/index.ts': index(false), 'src/other.ts': 'export const other = 1\n' });
  repo.stage({ 'src/index.ts': index(true), 'src/other.ts': 'export const other = 2\n' });
  expect(messageOf(listQuestions(repo), 'unit:src/index.ts')).toMatch(
    /^In src\/index\.ts, `FunctionType`, `FunctionC` and `Function` are now deprecated: what should their users use instead/,
  );
});
