import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// plane 588dc2927e adds two `.webp` logos that its changed not-ready-view.tsx imports; each was
// asked "What does the change to apps/web/app/assets/auth/gradient-logo.webp do?": a binary file
// has no lines, and the question named nothing an author could answer. They are asked once, as
// new images, with the changed file that names them.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
const VIEW = 'apps/web/core/components/instance/not-ready-view.tsx';
const LOGO = 'apps/web/app/assets/auth/gradient-logo.webp';
const BG = 'apps/web/app/assets/auth/gradient-bg-logo.webp';
/** Bytes git takes for binary (a NUL among them), as a `.webp` file's are. */
const image = (seed: string) => `RIFF\u0000\u0000\u0000WEBPVP8 ${seed}\u0000\u0001\u0002`;

test('new images named by a changed file are one question: new, images, where they are named (plane 588dc2927e)', () => {
  repo = createTempRepo({ [VIEW]: fixture('plane-not-ready-view.before.tsx.txt') });
  repo.stage({ [VIEW]: fixture('plane-not-ready-view.588dc2927e.tsx.txt'), [LOGO]: image('a'), [BG]: image('b') });
  const questions = listQuestions(repo).filter((q) => !q.quiz);
  const asked = questions.filter((q) => q.message.includes('.webp'));
  expect(asked).toHaveLength(1);
  expect(asked[0]!.message).toBe(
    `\`${BG}\` and \`${LOGO}\` are new images (named in ${VIEW}, changed here): what do they show, and where do users see them?`,
  );
});

test('an image replaced alone, named by no changed file, is asked as replaced', () => {
  repo = createTempRepo({ [LOGO]: image('a'), 'src/index.ts': 'export const a = 1;\n' });
  repo.stage({ [LOGO]: image('c') });
  const asked = listQuestions(repo).filter((q) => q.id.startsWith('unit:'));
  expect(asked.map((q) => q.message)).toEqual([
    `\`${LOGO}\` is an image replaced by a new version: what does it show, and where do users see it?`,
  ]);
});
