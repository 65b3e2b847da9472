import { describe, expect, test } from '@jest/globals';
import { generateQuestions } from '../../../src/core/questionnaire/generate-questions.js';
import { describeInsertion, describeReplacement } from '../../../src/core/questionnaire/replaced-words.js';
import { listEdits } from '../../../src/core/questionnaire/same-edit.js';
import { listNamesOfOneSide } from '../../../src/core/questionnaire/printed-names.js';
import { parsePatchHunks } from '../../../src/core/split/parse-patch-hunks.js';
import { fileChange } from '../../helpers/file-change.js';

// motion 1946162db drops `.new()` from the animateView builder and turns the three playwright
// pages that called it to `.enter()`. The pages export nothing and name no function: they were
// asked "What does the change to … do?" and "The same edit is made in …" with nothing named.
// The patch is the commit's, as git prints it.

const page = (path: string, before: string, after: string) => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -30 +30 @@
-${before}
+${after}
`;
const VIEW_PAGE = 'dev/html/public/playwright/animate/view-page.html';
const VIEW_PAUSE = 'dev/html/public/playwright/animate/view-pause.html';
const PRENAMED = 'dev/html/public/playwright/view/view-target-prenamed.html';
const patch = [
  page(VIEW_PAGE, '                }).new(', '                }).enter('),
  page(VIEW_PAUSE, '                }).new(', '                }).enter('),
  page(
    PRENAMED,
    '                .new({ opacity: [0, 1] }, { duration: 3, ease: "linear" })',
    '                .enter({ opacity: [0, 1] }, { duration: 3, ease: "linear" })',
  ),
].join('');

describe('one small replacement in a file that names nothing', () => {
  test('is quoted: a piece of its own and a same edit in several files (motion 1946162db)', () => {
    const edits = listEdits(parsePatchHunks(patch));
    const files = [VIEW_PAGE, VIEW_PAUSE, PRENAMED].map((p) => fileChange(p, 1, { removed: 1, newBlob: `b-${p}` }));
    const questions = generateQuestions({ files, provenance: 'human', edits });
    const messages = questions.filter((q) => /^(unit|pattern):/.test(q.id)).map((q) => q.message);
    expect(messages).toEqual([
      `The same edit (\`new\` → \`enter\`) is made in ${VIEW_PAGE}, ${VIEW_PAUSE}: what does the edit do, and why does each of them need it?`,
      `What does the change to ${PRENAMED} (\`new\` → \`enter\`) do differently now?`,
    ]);
    // Printed, the old word is on removed lines and the new one on added lines: the quiz offers neither.
    expect(listNamesOfOneSide(messages[1]!)).toEqual(['new', 'enter']);
  });

  test('none where the lines differ in more than one run, in a long run, or only in spacing', () => {
    expect(describeReplacement('-a(1, 2)\n+b(1, 3)')).toBeNull();
    expect(describeReplacement(`-x = ${'a'.repeat(50)}\n+x = ${'b'.repeat(50)}`)).toBeNull();
    expect(describeReplacement('-f(a,b)\n+f(a, b)')).toBeNull();
    expect(describeReplacement('-const limit = 10\n+const limit = 20\n@@\n-const limit = 10\n+const limit = 30')).toBeNull();
    expect(describeReplacement('-timeout: 10,\n+timeout: 20,')).toBe('`10` → `20`');
    // A line added beside the replaced one: more than a replacement.
    expect(describeReplacement('-a.new()\n+a.enter()\n+a.log()')).toBeNull();
  });

  test('one piece of text put into (or taken out of) every changed line is named (lucide 74c46711c7: a link gains a query)', () => {
    const link = (query: string) =>
      `return \`<a title="Open \${name} in lucide studio" target="_blank" href="https://studio.lucide.dev/edit?value=\${encodeURI(minifiedSvg)}&name=\${name}${query}">\``;
    expect(describeInsertion(`-${link('')}\n+${link('&utm_source=github.com&utm_medium=pr-comment')}`)).toBe(
      '`&utm_source=github.com&utm_medium=pr-comment` inserted',
    );
    expect(describeInsertion(`-${link('&utm_medium=pr-comment')}\n+${link('')}`)).toBe('`&utm_medium=pr-comment` taken out');
    // Two places, two lines for one, a backtick or nothing quotable: no insertion to name.
    expect(describeInsertion('-a(1, 2)\n+a(1, 3, 2, 4)')).toBeNull();
    expect(describeInsertion('-a(1)\n+a(1)\n+b()')).toBeNull();
    expect(describeInsertion('-f(x)\n+f(x, `y`)')).toBeNull();
    expect(describeInsertion('-f(x)\n+f(x, {})')).toBeNull();
  });
});
