import { describe, expect, test } from '@jest/globals';
import { buildQuiz, type QuizFile } from '../../../src/core/questionnaire/build-quiz.js';
import { parsePatchHunks } from '../../../src/core/split/parse-patch-hunks.js';
import { HISTORY_AFTER, HISTORY_BEFORE, HISTORY_PATCH, HISTORY_PATH } from '../../helpers/xstate-history.js';

// The quiz's questions from a file's two sides and its zero-context hunks (the patch below is
// what `git diff-index --cached -p -U0` prints for this edit).

const before = `import { readFileSync } from 'node:fs';

export interface Options {
  readonly strict: boolean;
}

export function parseConfig(path: string): Config {
  const text = readFileSync(path, 'utf8');
  const data = JSON.parse(text) as Config;
  return data;
}

export function describeConfig(config: Config): string {
  return Object.keys(config).join(', ');
}
`;
const after = `import { readFileSync } from 'node:fs';

export interface Options {
  readonly strict: boolean;
}

export function parseConfig(path: string, opts: Options = { strict: false }): Config {
  const text = readFileSync(path, 'utf8');
  const data = JSON.parse(opts.strict ? text : stripComments(text)) as Config;
  return data;
}

export function describeConfig(config: Config): string {
  return Object.keys(config).join(', ');
}
`;
const patch = `diff --git a/src/config.ts b/src/config.ts
index 1111111..2222222 100644
--- a/src/config.ts
+++ b/src/config.ts
@@ -7 +7 @@ export interface Options {
-export function parseConfig(path: string): Config {
+export function parseConfig(path: string, opts: Options = { strict: false }): Config {
@@ -9 +9 @@ export function parseConfig(path: string): Config {
-  const data = JSON.parse(text) as Config;
+  const data = JSON.parse(opts.strict ? text : stripComments(text)) as Config;
`;
const file: QuizFile = { path: 'src/config.ts', hunks: parsePatchHunks(patch).get('src/config.ts')!, oldText: before, newText: after };
const norm = (line: string) => line.trim();
const oldLines = new Set(before.split('\n').map(norm));
const newLines = new Set(after.split('\n').map(norm));

describe('buildQuiz', () => {
  test('every question is verified against both sides: one right line, the others provably wrong', () => {
    for (let seed = 0; seed < 20; seed++) {
      const quiz = buildQuiz({ files: [file], seed, attempt: 1 });
      expect(quiz.length).toBeGreaterThanOrEqual(2);
      for (const q of quiz) {
        const values = q.question.choices!.map((c) => c.value);
        expect(values.length).toBeGreaterThanOrEqual(4);
        expect(new Set(values).size).toBe(values.length);
        expect(values).toContain(q.answer);
        for (const wrong of values.filter((v) => v !== q.answer)) {
          // "added": a wrong line was in the old file; "removed": it is in the new one.
          if (q.kind === 'added') expect(oldLines.has(wrong)).toBe(true);
          else expect(newLines.has(wrong)).toBe(true);
        }
        if (q.kind === 'added') expect(oldLines.has(q.answer)).toBe(false);
        else expect(newLines.has(q.answer)).toBe(false);
      }
    }
  });

  test('the old line stands beside the new one; no choice contradicts the question', () => {
    const quiz = buildQuiz({ files: [file], seed: 3, attempt: 1 });
    const added = quiz.find((q) => q.kind === 'added')!;
    const values = added.question.choices!.map((c) => c.value);
    expect(
      values.some(
        (v) => v.startsWith('export function parseConfig(path: string): Config') || v.startsWith('const data = JSON.parse(text)'),
      ),
    ).toBe(true);
    for (const q of quiz) expect(q.question.choices!.map((c) => c.value)).not.toContain('It is unchanged');
  });

  test('the right answer moves between positions, and neither the id nor the message gives it away', () => {
    const positions = new Set<number>();
    for (let seed = 0; seed < 12; seed++) {
      for (const q of buildQuiz({ files: [file], seed, attempt: 1 })) {
        positions.add(q.question.choices!.findIndex((c) => c.value === q.answer));
        expect(q.question.message).not.toContain(q.answer);
        expect(q.question.id).toMatch(/^quiz:1:\d+$/);
      }
    }
    expect(positions.size).toBeGreaterThan(2);
  });

  test('a hunk heading that the change removes is not printed: no message names a removed line (ky deepMerge)', () => {
    // git heads the second hunk with the old `parseConfig` line, which the change removes: a
    // question "near" it would print a removed line before the question that asks for it.
    const gone = before
      .split('\n')
      .map(norm)
      .filter((l) => l.length > 8 && !newLines.has(l));
    expect(gone).toContain('export function parseConfig(path: string): Config {');
    let headings = 0;
    for (let seed = 0; seed < 20; seed++) {
      for (const q of buildQuiz({ files: [file], seed, attempt: 1 })) {
        headings += Number(q.question.message.includes('(near `'));
        for (const line of gone) expect(q.question.message).not.toContain(line.replace(/[\s{]+$/, ''));
      }
    }
    // The first hunk's heading (`export interface Options {`) is kept.
    expect(headings).toBeGreaterThan(0);
  });

  test('a line only its trailing `{` away from a line of the other side is neither asked nor offered beside it (ky deepMerge)', () => {
    const sig = (name: string, extra = '') => `${name} = <T>(${extra}...sources: Array<Partial<T> | undefined>): T =>`;
    const body =
      '\tlet returnValue: any = {};\n\tfor (const source of sources) returnValue = {...returnValue, ...source};\n\treturn returnValue;\n};\n';
    const oldText = `${sig('export const deepMerge')} {\n${body}`;
    const newText = `${sig('const deepMergeInternal', 'isRoot: boolean, ')} {\n${body}\n${sig('export const deepMerge')}\n\tdeepMergeInternal<T>(true, ...sources);\n`;
    const patch = [
      'diff --git a/merge.ts b/merge.ts',
      '--- a/merge.ts',
      '+++ b/merge.ts',
      '@@ -1 +1 @@',
      `-${sig('export const deepMerge')} {`,
      `+${sig('const deepMergeInternal', 'isRoot: boolean, ')} {`,
      `@@ -5,0 +6,3 @@ ${sig('export const deepMerge')} {`,
      '+',
      `+${sig('export const deepMerge')}`,
      '+\tdeepMergeInternal<T>(true, ...sources);',
      '',
    ].join('\n');
    const merge: QuizFile = { path: 'merge.ts', hunks: parsePatchHunks(patch).get('merge.ts')!, oldText, newText };
    const core = (line: string) => line.trim().replace(/[\s{]+$/, '');
    let questions = 0;
    for (let seed = 0; seed < 20; seed++) {
      for (const q of buildQuiz({ files: [merge], seed, attempt: 1 })) {
        questions++;
        const cores = q.question.choices!.map((c) => core(c.value));
        expect(new Set(cores).size).toBe(cores.length);
        expect(core(q.answer)).not.toBe(core(sig('export const deepMerge')));
      }
    }
    expect(questions).toBeGreaterThan(0);
  });

  test('the same line removed in two hunks is asked about once (trpc streaming.test.ts)', () => {
    const body = (n: number) =>
      `  it('case ${n}', () => {\n    const serverError = spy.mock.calls[0]![0].error;\n    expect(serverError.code).toBe('INTERNAL');\n  });\n`;
    const oldText = [1, 2].map((n) => body(n).replace("toBe('INTERNAL')", 'toMatchInlineSnapshot(`""`)')).join('');
    const newText = [1, 2].map(body).join('');
    const hunks = parsePatchHunks(
      `diff --git a/t.test.ts b/t.test.ts\n--- a/t.test.ts\n+++ b/t.test.ts\n@@ -3 +3 @@\n-    expect(serverError.code).toMatchInlineSnapshot(\`""\`);\n+    expect(serverError.code).toBe('INTERNAL');\n@@ -7 +7 @@\n-    expect(serverError.code).toMatchInlineSnapshot(\`""\`);\n+    expect(serverError.code).toBe('INTERNAL');\n`,
    ).get('t.test.ts')!;
    expect(hunks).toHaveLength(2);
    for (let seed = 0; seed < 10; seed++) {
      const quiz = buildQuiz({ files: [{ path: 't.test.ts', hunks, oldText, newText }], seed, attempt: 1 });
      const facts = quiz.map((q) => `${q.kind}:${q.answer}`);
      expect(new Set(facts).size).toBe(facts.length);
    }
  });

  test('a line holding a phrase a question printed (a test title) is neither asked nor offered', () => {
    for (let seed = 0; seed < 10; seed++) {
      const quiz = buildQuiz({ files: [file], seed, attempt: 1, printedPhrases: ['stripComments(text)'] });
      for (const q of quiz) for (const c of q.question.choices!) expect(c.value).not.toContain('stripComments(text)');
    }
  });

  test('a file too small to offer wrong lines is not asked about', () => {
    const tiny: QuizFile = {
      path: 'src/a.ts',
      hunks: parsePatchHunks(
        'diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-export const a = 1;\n+export const a = 2;\n',
      ).get('src/a.ts')!,
      oldText: 'export const a = 1;\n',
      newText: 'export const a = 2;\n',
    };
    expect(buildQuiz({ files: [tiny], seed: 0, attempt: 1 })).toEqual([]);
  });

  test("an import line is never a choice: it says which names a file reads, not what the change does (got 74e3167b70's test/abort.ts)", () => {
    const imports = `import test from 'ava';
import type {Handler} from 'express';
import {createSandbox} from 'sinon';
import got from '../source/index.js';
import Request from '../source/core/index.js';
import slowDataStream from './helpers/slow-data-stream.js';
import type {GlobalClock} from './helpers/types.js';
import withServer, {withServerAndFakeTimers} from './helpers/with-server.js';
`;
    const body = (title: string, stop: string) => `
test('${title}', async t => {
	const request = new Request('http://example.com');
	const response = new PassThrough({highWaterMark: 1});
	const transferredEvents: number[] = [];
	request.on('downloadProgress', progress => {
		transferredEvents.push(progress.transferred);
		if (progress.transferred > 0) {
			${stop}
		}
	});
	t.deepEqual(transferredEvents, [0, 1]);
});
`;
    const oldText = `${imports}${body('stops reading buffered response data when aborted from downloadProgress', 'controller.abort();')}`;
    const newText = `${imports.replace("import got from '../source/index.js';", "import got, {type Progress} from '../source/index.js';")}${body(
      'stops reading buffered response data when destroyed from downloadProgress',
      "request.destroy(new Error('Stop reading'));",
    )}`;
    const gotPatch = `diff --git a/test/abort.ts b/test/abort.ts
--- a/test/abort.ts
+++ b/test/abort.ts
@@ -4 +4 @@ import {createSandbox} from 'sinon';
-import got from '../source/index.js';
+import got, {type Progress} from '../source/index.js';
@@ -11 +11 @@ import withServer, {withServerAndFakeTimers} from './helpers/with-server.js';
-test('stops reading buffered response data when aborted from downloadProgress', async t => {
+test('stops reading buffered response data when destroyed from downloadProgress', async t => {
@@ -18 +18 @@ test('stops reading buffered response data when aborted from downloadProgress',
-			controller.abort();
+			request.destroy(new Error('Stop reading'));
`;
    const abort: QuizFile = { path: 'test/abort.ts', hunks: parsePatchHunks(gotPatch).get('test/abort.ts')!, oldText, newText };
    let asked = 0;
    for (let seed = 0; seed < 20; seed++) {
      const quiz = buildQuiz({ files: [abort], seed, attempt: 1 });
      asked += quiz.length;
      for (const q of quiz) expect(q.question.choices!.map((c) => c.value).filter((c) => /^import\s/.test(c))).toEqual([]);
    }
    // The change is still asked about: its other lines.
    expect(asked).toBeGreaterThan(0);
  });

  test("a line a question quotes is not offered, though it holds `=== 'literal'` (xstate e913eebb65's new branch)", () => {
    const path = HISTORY_PATH;
    const utils: QuizFile = { path, hunks: parsePatchHunks(HISTORY_PATCH).get(path)!, oldText: HISTORY_BEFORE, newText: HISTORY_AFTER };
    const printed = [
      "In packages/core/src/stateUtils.ts, `initialMicrostep` changed its implementation through `resolveHistoryDefaultTransition` (a new branch `if (stateNode.parent!.type === 'parallel')`): what does it do differently now …?",
    ];
    let offered = 0;
    for (let seed = 0; seed < 20; seed++)
      for (const q of buildQuiz({ files: [utils], seed, attempt: 1, printed })) {
        const choices = q.question.choices!.map((c) => c.value);
        offered += choices.length;
        expect(choices.filter((c) => c.includes("type === 'parallel'"))).toEqual([]);
      }
    expect(offered).toBeGreaterThan(0);
  });
});

// mswjs/interceptors b393ded9 (`Symbol` -> `Symbol.for`), staged with prettier 3's reformatting of
// src/BatchInterceptor.ts: the quiz asked which of `> = InterceptorList extends …` and
// `InterceptorList extends …` the change removed, a line the formatter only re-broke.
describe('buildQuiz: lines a formatter only re-broke', () => {
  const reflowBefore = `import { EventMap, Listener } from 'strict-event-emitter'
import { Interceptor, ExtractEventNames } from './Interceptor'

export interface BatchInterceptorOptions<
  InterceptorList extends ReadonlyArray<Interceptor<any>>
> {
  name: string
  interceptors: InterceptorList
}

export type ExtractEventMapType<
  InterceptorList extends ReadonlyArray<Interceptor<any>>
> = InterceptorList extends ReadonlyArray<infer InterceptorType>
  ? InterceptorType extends Interceptor<infer EventMap>
    ? EventMap
    : never
  : never

/**
 * A batch interceptor that exposes a single interface
 * to apply and operate with multiple interceptors at once.
 */
export class BatchInterceptor<
  InterceptorList extends ReadonlyArray<Interceptor<any>>,
  Events extends EventMap = ExtractEventMapType<InterceptorList>
> extends Interceptor<Events> {
  static symbol: symbol

  private interceptors: InterceptorList

  constructor(options: BatchInterceptorOptions<InterceptorList>) {
    BatchInterceptor.symbol = Symbol(options.name)
    super(BatchInterceptor.symbol)
    this.interceptors = options.interceptors
  }

  protected setup() {
    const logger = this.logger.extend('setup')

    logger.info('applying all %d interceptors...', this.interceptors.length)
`;
  const reflowAfter = `import { EventMap, Listener } from 'strict-event-emitter'
import { Interceptor, ExtractEventNames } from './Interceptor'

export interface BatchInterceptorOptions<
  InterceptorList extends ReadonlyArray<Interceptor<any>>,
> {
  name: string
  interceptors: InterceptorList
}

export type ExtractEventMapType<
  InterceptorList extends ReadonlyArray<Interceptor<any>>,
> =
  InterceptorList extends ReadonlyArray<infer InterceptorType>
    ? InterceptorType extends Interceptor<infer EventMap>
      ? EventMap
      : never
    : never

/**
 * A batch interceptor that exposes a single interface
 * to apply and operate with multiple interceptors at once.
 */
export class BatchInterceptor<
  InterceptorList extends ReadonlyArray<Interceptor<any>>,
  Events extends EventMap = ExtractEventMapType<InterceptorList>,
> extends Interceptor<Events> {
  static symbol: symbol

  private interceptors: InterceptorList

  constructor(options: BatchInterceptorOptions<InterceptorList>) {
    BatchInterceptor.symbol = Symbol.for(options.name)
    super(BatchInterceptor.symbol)
    this.interceptors = options.interceptors
  }

  protected setup() {
    const logger = this.logger.extend('setup')

    logger.info('applying all %d interceptors...', this.interceptors.length)
`;
  const reflowPatch = `diff --git a/src/BatchInterceptor.ts b/src/BatchInterceptor.ts
index 8e91c75..ebd45ba 100644
--- a/src/BatchInterceptor.ts
+++ b/src/BatchInterceptor.ts
@@ -5 +5 @@ export interface BatchInterceptorOptions<
-  InterceptorList extends ReadonlyArray<Interceptor<any>>
+  InterceptorList extends ReadonlyArray<Interceptor<any>>,
@@ -12,4 +12,6 @@ export type ExtractEventMapType<
-  InterceptorList extends ReadonlyArray<Interceptor<any>>
-> = InterceptorList extends ReadonlyArray<infer InterceptorType>
-  ? InterceptorType extends Interceptor<infer EventMap>
-    ? EventMap
+  InterceptorList extends ReadonlyArray<Interceptor<any>>,
+> =
+  InterceptorList extends ReadonlyArray<infer InterceptorType>
+    ? InterceptorType extends Interceptor<infer EventMap>
+      ? EventMap
+      : never
@@ -17 +18,0 @@ export type ExtractEventMapType<
-  : never
@@ -25 +26 @@ export class BatchInterceptor<
-  Events extends EventMap = ExtractEventMapType<InterceptorList>
+  Events extends EventMap = ExtractEventMapType<InterceptorList>,
@@ -32 +33 @@ export class BatchInterceptor<
-    BatchInterceptor.symbol = Symbol(options.name)
+    BatchInterceptor.symbol = Symbol.for(options.name)
`;
  const reflowed: QuizFile = {
    path: 'src/BatchInterceptor.ts',
    hunks: parsePatchHunks(reflowPatch).get('src/BatchInterceptor.ts')!,
    oldText: reflowBefore,
    newText: reflowAfter,
  };
  test('are never asked, nor offered: only the edit that changes what runs is', () => {
    for (let seed = 0; seed < 20; seed++) {
      const quiz = buildQuiz({ files: [reflowed], seed, attempt: 1 });
      expect(quiz.length).toBeGreaterThan(0);
      for (const question of quiz) {
        expect(question.answer).toMatch(/BatchInterceptor\.symbol = Symbol/);
        for (const choice of question.question.choices ?? [])
          expect(choice.value).not.toMatch(/InterceptorList extends ReadonlyArray<infer/);
      }
    }
  });
});

// consola c5c1534d1f: a 32-line example gains one askable line; too few unchanged lines are left
// for its empty side's question, so the pair gives up some of its own: four lines each and "none".
test('a small file: the one question and its empty side share the unchanged lines, four each, none offered twice', () => {
  const before = [
    'export function banner(title: string): string {',
    '  const label = title.trim();',
    '  const width = label.length + 4;',
    '  const edge = "-".repeat(width);',
    '  return [edge, `| ${label} |`, edge].join("\\n");',
    '}',
    '',
    'export function main(): void {',
    '  console.log(banner("Release notes"));',
    '  console.log(banner("Known issues"));',
    '}',
    '',
  ].join('\n');
  const after = before.replace(
    '  console.log(banner("Known issues"));\n',
    '  console.log(banner("Known issues"));\n  console.log(banner("Upgrade guide"));\n',
  );
  const small: QuizFile = {
    path: 'examples/banner.ts',
    hunks: parsePatchHunks(
      'diff --git a/examples/banner.ts b/examples/banner.ts\n--- a/examples/banner.ts\n+++ b/examples/banner.ts\n@@ -10,0 +11 @@ export function main(): void {\n+  console.log(banner("Upgrade guide"));\n',
    ).get('examples/banner.ts')!,
    oldText: before,
    newText: after,
  };
  for (let seed = 0; seed < 10; seed++) {
    const quiz = buildQuiz({ files: [small], seed, attempt: 1 });
    expect(quiz).toHaveLength(2);
    const [a, b] = quiz.map((q) => q.question.choices!.map((c) => c.value));
    expect(a!.length).toBe(b!.length);
    expect(a!.length).toBeGreaterThanOrEqual(5);
    expect(a!.filter((v) => v !== '(none of these lines)' && b!.includes(v))).toEqual([]);
    expect(quiz.reduce((chance, q) => chance * q.chance, 1)).toBeLessThanOrEqual(1 / 25 + 1e-9);
    expect(new Set(quiz.map((q) => q.question.id)).size).toBe(2);
  }
});
