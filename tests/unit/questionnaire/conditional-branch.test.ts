import { describe, expect, test } from '@jest/globals';
import { listMembers } from '../../../src/adapters/typescript/list-members.js';
import { describeMemberChanges, diffMembers } from '../../../src/core/questionnaire/changed-members.js';

// flightcontrolhq/superjson faf164b stops giving `new Error` a `cause` it never had: the rule's
// deserializer now picks between two constructions with `'cause' in v ? … : …`. Its questions
// said "changed its implementation through `simpleRules`" and nothing more: only `if`
// statements were read as branches. The source is the commit's, cut to the rule.

const side = (construct: string) => `const simpleRules = [
  simpleTransformation(
    isError,
    'Error',
    (v, superJson) => {
      const baseError: any = { name: v.name, message: v.message };
      if ('cause' in v) {
        baseError.cause = v.cause;
      }
      return baseError;
    },
    (v, superJson) => {
      const e = ${construct};
      e.name = v.name;
      e.stack = v.stack;
      return e;
    }
  ),
];
`;

describe('a conditional expression is a branch', () => {
  test('one gained is named as written, with its `?`, not as an `if`', () => {
    const before = side('new Error(v.message, { cause: v.cause })');
    const after = side("\n        'cause' in v\n          ? new Error(v.message, { cause: v.cause })\n          : new Error(v.message)");
    const sides = listMembers('src/transformer.ts', { oldText: before, newText: after, oldRanges: [[13, 13]], newRanges: [[13, 16]] });
    expect(describeMemberChanges(diffMembers(sides.old, sides.new).get('simpleRules'))).toBe("a new branch `'cause' in v ? …`");
  });

  test('one rewritten reads old and new; an `if` beside it is unchanged', () => {
    const sides = listMembers('src/transformer.ts', {
      oldText: side('v.cause ? new Error(v.message, { cause: v.cause }) : new Error(v.message)'),
      newText: side("'cause' in v ? new Error(v.message, { cause: v.cause }) : new Error(v.message)"),
      oldRanges: [[13, 13]],
      newRanges: [[13, 13]],
    });
    expect(describeMemberChanges(diffMembers(sides.old, sides.new).get('simpleRules'))).toBe(
      "the branch `v.cause ? …` now `'cause' in v ? …`",
    );
  });
});
