import { describe, expect, test } from '@jest/globals';
import { generateQuestions } from '../../../src/core/questionnaire/generate-questions.js';
import { describeImportEdit } from '../../../src/core/questionnaire/import-edits.js';
import { listEdits } from '../../../src/core/questionnaire/same-edit.js';
import { parsePatchHunks } from '../../../src/core/split/parse-patch-hunks.js';
import { fileChange } from '../../helpers/file-change.js';

// webiny bb500f4e48 (a new user's commit, round 45): three files of the change edit nothing but
// their imports and were each asked "What does the change to … do?". The patch is the commit's,
// as git prints it.

const SAVE = 'packages/app-headless-cms/src/admin/components/ContentEntryForm/SingletonHeader/SaveAction.tsx';
const ENTRY = 'packages/app-headless-cms/src/admin/views/contentEntries/ContentEntry/SingletonContentEntry.tsx';
const CONTEXT = 'packages/app-headless-cms/src/admin/views/contentEntries/ContentEntry/SingletonContentEntryContext.tsx';
const patch = `diff --git a/${SAVE} b/${SAVE}
--- a/${SAVE}
+++ b/${SAVE}
@@ -1,5 +1,5 @@
 import React from "react";
-import { ContentEntryEditorConfig } from "~/ContentEntryEditorConfig";
+import { ContentEntryEditorConfig } from "~/admin/config/contentEntries";
 import { useContentEntryForm } from "~/admin/components/ContentEntryForm/useContentEntryForm";
 
 const { Actions } = ContentEntryEditorConfig;
diff --git a/${ENTRY} b/${ENTRY}
--- a/${ENTRY}
+++ b/${ENTRY}
@@ -6,3 +6,3 @@ import { ContentEntryForm } from "~/admin/components/ContentEntryForm/ContentEntryForm";
 import { makeDecoratable } from "@webiny/app";
-import { useSingletonContentEntry } from "~/admin/views/contentEntries/hooks/useSingletonContentEntry";
+import { useSingletonContentEntry } from "../hooks/useSingletonContentEntry";
 import { PartialCmsContentEntryWithId } from "~/admin/contexts/Cms";
diff --git a/${CONTEXT} b/${CONTEXT}
--- a/${CONTEXT}
+++ b/${CONTEXT}
@@ -4,4 +4,4 @@ import { useCms } from "~/admin/hooks";
 import { useContentEntries } from "~/admin/views/contentEntries/hooks/useContentEntries";
-import { CmsContentEntry, CmsModel } from "~/types";
-import * as Cms from "~/admin/contexts/Cms";
+import type { CmsContentEntry, CmsModel } from "~/types";
+import type * as Cms from "~/admin/contexts/Cms";
 
`;

describe('a file whose only edit is its imports', () => {
  test('is asked about the imports it changes, by name and module (webiny bb500f4e48)', () => {
    const edits = listEdits(parsePatchHunks(patch));
    const files = [SAVE, ENTRY, CONTEXT].map((p) =>
      fileChange(p, p === CONTEXT ? 2 : 1, { removed: p === CONTEXT ? 2 : 1, newBlob: `b-${p}` }),
    );
    const messages = generateQuestions({ files, provenance: 'human', edits })
      .filter((q) => q.id.startsWith('unit:'))
      .map((q) => q.message);
    const asked = (path: string, what: string) =>
      `Why does ${path} change its imports (${what}), and does anything it uses behave differently?`;
    // The two-line edit first, as pieces are ordered by size.
    expect(messages).toEqual([
      asked(CONTEXT, '`CmsContentEntry`, `CmsModel` and `Cms` now imported as types only'),
      asked(SAVE, '`ContentEntryEditorConfig` now from `~/admin/config/contentEntries`, was `~/ContentEntryEditorConfig`'),
      asked(
        ENTRY,
        '`useSingletonContentEntry` now from `../hooks/useSingletonContentEntry`, was `~/admin/views/contentEntries/hooks/useSingletonContentEntry`',
      ),
    ]);
  });

  test('names imports added, dropped and made values; none when a line is more than an import', () => {
    expect(describeImportEdit('-import { a, type B } from "./m";\n+import { a, B } from "./m";\n+import "./polyfill";')).toBe(
      '`B` now imported as values; imports `./polyfill`',
    );
    expect(describeImportEdit('-import x from "x";\n-import {\n-y,\n-z\n-} from "yz";\n+import x from "x";')).toBe(
      'no longer imports `y` and `z`',
    );
    // An import moved and a statement changed beside it: more than imports, asked as before.
    expect(describeImportEdit('-import { a } from "./m";\n+import { a } from "./n";\n@@\n-a(1);\n+a(2);')).toBeNull();
    // Reordered, nothing else: no fact to ask about.
    expect(describeImportEdit('-import { a, b } from "./m";\n+import { b, a } from "./m";')).toBeNull();
  });

  test('many modules reached by one new path are one move (slidev 27a8ad5ee9: eight monaco-editor imports)', () => {
    const lines = [
      ['EditorWorker', 'editor/editor.worker?worker'],
      ['{ StandaloneServices }', 'editor/standalone/browser/standaloneServices'],
      ['CssWorker', 'language/css/css.worker?worker'],
      ['HtmlWorker', 'language/html/html.worker?worker'],
      ['{ SyncDescriptor }', 'platform/instantiation/common/descriptors'],
    ];
    const edit = [
      ...lines.map(([name, path]) => `-import ${name} from 'monaco-editor/esm/vs/${path}'`),
      ...lines.map(([name, path]) => `+import ${name} from 'monaco-editor/${path}'`),
    ].join('\n');
    // Before: five facts, more than three, so "What does the change to packages/client/setup/monaco.ts do?".
    expect(describeImportEdit(edit)).toBe(
      '`EditorWorker`, `StandaloneServices` and 3 more now from `monaco-editor/…`, was `monaco-editor/esm/vs/…`',
    );
    // Two moves of different paths stay two facts.
    expect(describeImportEdit("-import a from './x/a'\n-import b from './y/b'\n+import a from './z/a'\n+import b from './w/b'")).toBe(
      '`a` now from `./z/a`, was `./x/a`; `b` now from `./w/b`, was `./y/b`',
    );
  });
});
