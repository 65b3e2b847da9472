import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { buildChangeVocabulary } from '../../../src/core/questionnaire/change-vocabulary.js';
import { detectFiller } from '../../../src/core/questionnaire/detect-filler.js';
import { isPastedCode } from '../../../src/core/questionnaire/detect-pasted-code.js';
import { classifyWords } from '../../../src/core/questionnaire/classify-words.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// Real explanations refused against their own commit in the typeorm/typeorm tune split
// (tests/fixtures/answers/grounded-typeorm.tune.jsonl), each reduced to the class it stands for;
// and the same rules still refusing what they were for.

describe('a squashed commit list is not filler nor pasted code', () => {
  test('steps said again among many other words are not "the same word again"', () => {
    const text = `* fixed reload method and how \`findOne\` works in runtime
* fixing broken tests
* fixing broken tests
* fixing broken tests
* fixing broken tests`;
    expect(detectFiller(text, classifyWords(text).words)).toBeNull();
    expect(detectFiller('wip wip wip wip fix fix fix fix', classifyWords('wip wip wip wip fix fix fix fix').words)).toBe('repeated');
  });
  test('list items and sentences that end with ";" or a type in braces are prose', () => {
    expect(isPastedCode('* fix #6471;\nfix: `enumName` changes not handled;\n* fixed falling test;\n* added test for #7217')).toBe(false);
    expect(
      isPastedCode(
        '* test: Test DeepPartial with any and {[k: string]: any}\nThis tests #6580.\n* fix: DeepPartial with any and {[k: string]: any}',
      ),
    ).toBe(false);
    expect(isPastedCode('const table = await queryRunner.getTable("answer");\nawait queryRunner.dropColumn("answer", "questionId");')).toBe(
      true,
    );
    expect(isPastedCode('this.connection.driver.escape(alias) + "." + column;\nreturn result;\n}')).toBe(true);
  });
});

describe('names of the change an explanation writes its own way', () => {
  const patch = `diff --git a/src/find-options/operator/FindOperator.ts b/src/find-options/operator/FindOperator.ts
--- a/src/find-options/operator/FindOperator.ts
+++ b/src/find-options/operator/FindOperator.ts
@@ -3,0 +4,2 @@
+export function moreThanOrEqual(value: number) { return new FindOperator("moreThanOrEqual", value) }
+export class ClosureJunctionEntityMetadataBuilder {}
`;
  const rules = intentRulesFor(patch, ['src/find-options/operator/FindOperator.ts']);
  test('a piece of a changed name, a shorthand of it, a family with a placeholder', () => {
    expect(
      validateAnswer('If the find operator ends with `OrEqual`, `moreThanOrEqual` appends `=` to the SQL comparison.', rules),
    ).toBeNull();
    expect(
      validateAnswer('The `ClosureEntityMetadataBuilder` now names the junction columns like `moreThanOrEqual` does.', rules),
    ).toBeNull();
    expect(validateAnswer('The `moreThanX` family of find operators now builds the comparison itself.', rules)).toBeNull();
  });
  test('a name made of other words, or too short a piece, is still not in this repository', () => {
    expect(validateAnswer('The `QueryObserver` of `moreThanOrEqual` now resets its state before notifying.', rules)).toMatch(
      /`QueryObserver` is not in this repository/,
    );
    expect(validateAnswer('`useEqual` now compares `moreThanOrEqual` results by value.', rules)).toMatch(
      /`useEqual` is not in this repository/,
    );
  });
});

describe('a small change: a few shared words say much', () => {
  const patch = `diff --git a/package.json b/package.json
--- a/package.json
+++ b/package.json
@@ -90 +90 @@
-    "tslib": "^1.9.3",
+    "tslib": "^1.7.0",
`;
  const rules = intentRulesFor(patch, ['package.json']);
  test('versions are names of a dependency bump', () => {
    expect(buildChangeVocabulary({ patch, paths: ['package.json'] }).names.has('1.7.0')).toBe(true);
    expect(
      validateAnswer(
        'Since we use typescript 2.8.1 we can use tslib 1.7.0 or later: the release note says the breaking change only hits async generators before TypeScript 2.3.3.',
        rules,
      ),
    ).toBeNull();
  });
  test('an explanation of another change shares nothing with it and is refused', () => {
    expect(
      validateAnswer('Soft delete now cascades recursively: removing a parent marks every child relation that has cascade enabled.', rules),
    ).not.toBeNull();
  });
});

describe('chance: a large change shares words with anything', () => {
  // 600 distinct made-up words (no English word among them) and three ordinary ones.
  const made = (i: number) => [...`${i * 7919 + 104729}`].map((d) => 'bcdfghjklm'[Number(d)]).join('') + 'q';
  const lines = Array.from({ length: 600 }, (_, i) => `+  ${made(i)}(table, column, relation);`).join('\n');
  const patch = `diff --git a/src/big.ts b/src/big.ts\n--- a/src/big.ts\n+++ b/src/big.ts\n@@ -0,0 +1,600 @@\n${lines}\n`;
  const rules = intentRulesFor(patch, ['src/big.ts']);
  test('a few of its words in a long explanation of something else are not enough', () => {
    expect(rules.change!.words.size).toBeGreaterThan(500);
    expect(
      validateAnswer(
        'Materialized path trees computed the path of root nodes as undefined followed by the id, because the parent path was concatenated before checking that a parent exists; the table keeps the column, the relation loader now starts roots from an empty prefix.',
        rules,
      ),
    ).not.toBeNull();
  });
});
