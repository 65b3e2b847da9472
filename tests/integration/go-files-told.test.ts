import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// Go beside the TypeScript of a web app (usememos/memos): its files were asked by git's hunk
// headings alone, "what does the change to `func convertGRPCError(err error) error` do differently
// now?" (0bfeb91d50, which now passes `errors.New(st.Message())` where it passed `err`), and
// "… to `func scanTagSegment(…)` and `starter:`" (d617f652b0, which adds two functions to tag.go).
// A Go function declared on an added line is named as a TypeScript one is, and the calls a Go
// file's change starts making are read as a script's are.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
const HANDLER = 'server/router/api/v1/connect_handler.go';
const TAG = 'internal/markdown/parser/tag.go';

test('a Go file names the functions it adds and the calls it starts making (memos d617f652b0, 0bfeb91d50)', () => {
  repo = createTempRepo({
    [HANDLER]: fixture('memos-connect-handler.before.go.txt'),
    [TAG]: fixture('memos-tag.before.go.txt'),
    'web/src/main.ts': 'export const main = () => 1;\n',
  });
  repo.stage({ [HANDLER]: fixture('memos-connect-handler.0bfeb91d50.go.txt'), [TAG]: fixture('memos-tag.d617f652b0.go.txt') });
  const questions = listQuestions(repo);
  expect(messageOf(questions, `unit:${TAG}`)).toContain('with the new `isApostropheJoiner` and `startsNonCombiningXIDContinuation`');
  // `NewError`, `grpcCodeToConnectCode` and `Code` are called on both sides: not named.
  expect(messageOf(questions, `unit:${HANDLER}`)).toMatch(/\(it adds calls of `New` and `Message`\)\?$/);
});
