import { describe, expect, test } from '@jest/globals';
import { isNotSure } from '../../../src/core/questionnaire/question.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

const question = 'What problem does this change solve, and why this way?';
const rules = {
  minWords: 4,
  otherAnswers: ['Callers pass the new option through the loader'],
  fileNames: ['src/config/parse.ts'],
  question,
};

describe('validateAnswer', () => {
  test.each([
    ['Adds a strict mode so malformed configs fail at startup'],
    ['Parsing keeps the old default; only the new flag changes behaviour'],
    ['設定ファイルが空のときに起動が失敗していたので、既定値で補うようにした'],
    ['配置文件为空时启动会崩溃，所以在读取时使用默认值'],
    ['--force overwrites an existing record\n--dry-run prints the questions only\n--json prints the report for scripts'],
    ['`loadConfig` now returns `undefined` for an empty file instead of throwing, so `vite dev` starts'],
    ['- Drops the BOM before parsing\n- Keeps CRLF line endings in the output'],
    ['修复 Redis Pub/Sub 广播消费的容器默认未启动的问题，导致发出消息后 Redis 消费者收不到消息 Redis'],
    ['As discussed in #12, the parser now drops the byte order mark because Windows editors add it'],
  ])('accepts a real explanation: %j', (answer) => {
    expect(validateAnswer(answer, rules)).toBeNull();
  });

  test.each([
    ['', /An answer is needed/],
    ['fix', /placeholder/],
    ['WIP', /placeholder/],
    ['n/a', /placeholder/],
    ['.', /placeholder/],
    ['aaaaaaa', /placeholder/],
    ['it is the fix', /Too short: at least 4 meaningful words \(you wrote 1\)/],
    ['src/config/parse.ts', /file name/],
    ['parse.ts', /file name/],
    ['callers pass the new option through the loader', /repeats another answer/],
    ['Callers pass the new option, through the loader!', /repeats another answer/],
    ['What problem does this change solve and why this way', /repeats the question/],
    ['This change solves the problem, and it does it this way.', /repeats the question|fit any change/],
    ['diff --git a/x b/x\n+added line', /pasted code/],
    ['+one\n+two\n-three', /pasted code/],
    ['-  const timeout = 500;\n+  const timeout = 2000;', /pasted code/],
    ['const x = loadConfig(path);', /pasted code/],
    ['This change updates the code to improve things.', /fit any change/],
    ['Implements the requested functionality while ensuring robustness and maintainability.', /fit any change/],
    ['asdf asdf asdf asdf', /keys typed at random|repeats the same word/],
    ['wip wip wip wip', /repeats the same word/],
    ['Lorem ipsum dolor sit amet, consectetur adipiscing elit.', /lorem ipsum/],
    ['See PR #1234 for details', /reference is not a reason/],
    ['TODO: write explanation later', /I am not sure/],
    ['as discussed with the team', /reference is not a reason/],
    ['修复bug', /Too short|fit any change/],
  ])('refuses %j', (answer, message) => {
    expect(validateAnswer(answer, rules)).toMatch(message);
  });

  test('every refusal is one line', () => {
    for (const text of ['asdf', 'See PR #1234', 'Update code.', '+a\n+b\n+c', 'lorem ipsum dolor sit amet']) {
      expect(validateAnswer(text, rules)).not.toMatch(/\n/);
    }
  });

  test('"I am not sure" in its common forms', () => {
    for (const text of ['I am not sure', "I'm not sure.", 'not sure', '?', "don't know"]) expect(isNotSure(text)).toBe(true);
    expect(isNotSure('I am not sure the cache is needed, so it is removed')).toBe(false);
  });
});
