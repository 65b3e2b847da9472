import { afterEach, describe, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// ts-morph 0c57a186 ("fix: `InvalidOperationError` in `addTypeArgument`") edits a method of the
// class a mixin returns: `function TypeArgumentedNode(Base) { return class extends Base {…} }`,
// merged with `interface TypeArgumentedNode`. The questions said "`TypeArgumentedNode` changed its
// implementation" with nothing named, and "5 files use its type" of files that call the mixin.
// The source is the commit's, cut to what changed.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const mixin = (body: string) =>
  [
    'export type Constructor<T> = new (...args: any[]) => T;',
    '',
    'export interface TypeArgumentedNode {',
    '  insertTypeArguments(index: number, argumentTexts: string[]): string[];',
    '  getTypeArguments(): string[];',
    '}',
    '',
    'export function TypeArgumentedNode<T extends Constructor<object>>(Base: T): Constructor<TypeArgumentedNode> & T {',
    '  return class extends Base implements TypeArgumentedNode {',
    '    getTypeArguments(): string[] {',
    '      return [];',
    '    }',
    '',
    '    insertTypeArguments(index: number, argumentTexts: string[]) {',
    '      const typeArguments = this.getTypeArguments();',
    '      if (typeArguments.length === 0) {',
    body,
    '        return [identifier, ...argumentTexts];',
    '      }',
    '      return typeArguments.slice(index);',
    '    }',
    '  };',
    '}',
    '',
  ].join('\n');

const BEFORE = '        const identifier = this.getFirstChildByKindOrThrow(SyntaxKind.Identifier);';
const AFTER = [
  '        const expression = Node.hasExpression(this) ? this.getExpression() : undefined;',
  '        const identifier = Node.isPropertyAccessExpression(expression)',
  '          ? expression.getLastChildByKindOrThrow(SyntaxKind.Identifier)',
  '          : this.getFirstChildByKindOrThrow(SyntaxKind.Identifier);',
].join('\n');

const FILES = {
  'src/base/index.ts': 'export * from "./TypeArgumentedNode";\n',
  'src/expression/CallExpression.ts': [
    'import { TypeArgumentedNode } from "../base";',
    'import { LeftHandSideExpression } from "./LeftHandSideExpression";',
    '',
    'const createBase = <T extends typeof LeftHandSideExpression>(ctor: T) =>',
    '  TypeArgumentedNode(ctor);',
    'export const CallExpressionBase = createBase(LeftHandSideExpression);',
    'export class CallExpression extends CallExpressionBase {}',
    '',
  ].join('\n'),
  'src/expression/LeftHandSideExpression.ts': 'export class LeftHandSideExpression {}\n',
  'src/common/Node.ts': [
    'import type { TypeArgumentedNode } from "../base";',
    '',
    'export function isTypeArgumented(node: unknown): node is TypeArgumentedNode {',
    '  return node !== undefined;',
    '}',
    '',
  ].join('\n'),
};

describe('a mixin: the class a function returns', () => {
  test('names the methods of the returned class that changed, and counts a file calling the mixin as its value user (ts-morph 0c57a186)', () => {
    repo = createTempRepo({ ...FILES, 'src/base/TypeArgumentedNode.ts': mixin(BEFORE) });
    repo.stage({ 'src/base/TypeArgumentedNode.ts': mixin(AFTER) });
    const question = messageOf(listQuestions(repo), 'impact:src/base/TypeArgumentedNode.ts#TypeArgumentedNode');
    expect(question).toContain('changed its implementation (`insertTypeArguments` now uses `hasExpression`, `getExpression` and 4 more)');
    // The call in CallExpression.ts runs the changed method; Node.ts only names the interface.
    expect(question).toContain('1 file uses it (src/expression/CallExpression.ts:5)');
    expect(question).toContain('1 more file uses its type only');
  });
});
