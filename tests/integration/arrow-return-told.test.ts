import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// memos 5192732cee turns `getMemoKey = (memo: Memo) => `${memo.name}-${memo.updateTime}`` into
// `=> memo.name`: an arrow function whose body is what it returns. Both its questions said
// "`getMemoKey` changed its implementation" and nothing more. And where a piece's question tells
// what changed in an export, its users' question told it again word for word (heroui 6ac18d1312's
// `VideoPlayer`; 21 of 66 questions on heroui and memos repeated another's parenthesis).

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
const LIST = 'web/src/components/PagedMemoList/PagedMemoList.tsx';

function stageMemos(): ReturnType<typeof listQuestions> {
  repo = createTempRepo({
    'web/tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'react-jsx', paths: { '@/*': ['./src/*'] } } }),
    [LIST]: fixture('memos-paged-memo-list.before.tsx.txt'),
    'web/src/components/PagedMemoList/index.ts': fixture('memos-paged-memo-list-index.ts.txt'),
    'web/src/pages/Archived.tsx': fixture('memos-archived.tsx.txt'),
  });
  repo.stage({
    [LIST]: fixture('memos-paged-memo-list.5192732cee.tsx.txt'),
    'web/tests/task-list-item-check-all.test.tsx': fixture('memos-task-list-item-check-all.test.tsx.txt'),
  });
  return listQuestions(repo);
}

test("an arrow function's body is what it returns, told once, and no quiz line gives it away (memos 5192732cee)", () => {
  const questions = stageMemos();
  const told = 'now returns `memo.name` where it returned `${memo.name}-${memo.updateTime}`';
  expect(messageOf(questions, `unit:${LIST}`)).toContain(`\`getMemoKey\` changed its implementation (${told})`);
  const impact = messageOf(questions, `impact:${LIST}#getMemoKey`);
  expect(impact).not.toContain(told);
  expect(impact).toContain('`getMemoKey` in web/src/components/PagedMemoList/PagedMemoList.tsx changed its implementation (as told above)');
  expect(impact).toContain('web/src/pages/Archived.tsx:25');
  for (const q of questions.filter((q) => q.quiz === true)) for (const c of q.choices!) expect(c).not.toContain('getMemoKey = ');
});
