import { describe, expect, test } from '@jest/globals';
import { listAddedHeadings } from '../../../src/core/questionnaire/doc-headings.js';
import { generateQuestions } from '../../../src/core/questionnaire/generate-questions.js';
import { listEdits } from '../../../src/core/questionnaire/same-edit.js';
import { parsePatchHunks } from '../../../src/core/split/parse-patch-hunks.js';
import { fileChange } from '../../helpers/file-change.js';

// A docs question names the sections a change adds (react-three-fiber e1a375c3 asked "What should
// readers of docs/advanced/pitfalls.mdx now know that they did not?" of a page gaining a section).

const patch = `diff --git a/docs/advanced/pitfalls.mdx b/docs/advanced/pitfalls.mdx
--- a/docs/advanced/pitfalls.mdx
+++ b/docs/advanced/pitfalls.mdx
@@ -120,0 +121,12 @@ Avoid setState in loops
+## Shader material uniforms
+
+\`ShaderMaterial\` keeps the material's uniforms object stable.
+
+\`\`\`sh
+# not a heading: a shell comment in a fence
+npm i three
+\`\`\`
+
+### Stable references ###
+
+## Shader material uniforms
@@ -200 +212 @@ Closing words
-# Old title
+Plain text
`;

describe('the sections a docs change adds', () => {
  test('headings of added lines, outside fences, each once; a removed heading is not one', () => {
    const edits = listEdits(parsePatchHunks(patch));
    expect(listAddedHeadings(edits.get('docs/advanced/pitfalls.mdx')!)).toEqual(['Shader material uniforms', 'Stable references']);
  });

  test('the docs question names them; a page that adds none is asked as before', () => {
    const edits = listEdits(parsePatchHunks(patch));
    const ask = (files: ReturnType<typeof fileChange>[], e: ReadonlyMap<string, string>) =>
      generateQuestions({ files, provenance: 'human', edits: e }).find((q) => q.id.startsWith('docs:'))!.message;
    expect(ask([fileChange('docs/advanced/pitfalls.mdx', 44), fileChange('src/core/utils.tsx', 14)], edits)).toBe(
      'docs/advanced/pitfalls.mdx adds the sections "Shader material uniforms" and "Stable references": what should its readers now know that they did not?',
    );
    expect(ask([fileChange('docs/advanced/pitfalls.mdx', 44), fileChange('src/core/utils.tsx', 14)], new Map())).toBe(
      'What should readers of docs/advanced/pitfalls.mdx now know that they did not?',
    );
  });
});
