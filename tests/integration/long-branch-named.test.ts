import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// A new branch whose condition is too long to quote is quoted with its calls' arguments left out:
// capacitor 790bd27123's `copyPluginsNativeFiles` gains `if (isSPM && fileContent.includes('[NSBundle
// mainBundle] URLForResource'))` and its export was asked "changed its implementation through
// `copyPluginsNativeFiles`", a helper named alone. The quiz still offers no line the question quotes.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const copier = (branch: string) => `import { readFileSync, writeFileSync } from 'node:fs';

function rewriteSources(files: string[], isModule: boolean) {
  for (const file of files) {
    let content = readFileSync(file, 'utf8');
    if (content.includes('[Bundle forClass:self]')) {
      content = content.replace('[Bundle forClass:self]', '[Bundle main]');
      writeFileSync(file, content);
    }
${branch}  }
}

export function copyPlugins(files: string[], isModule: boolean): number {
  rewriteSources(files, isModule);
  return files.length;
}
`;

test('a new branch with a long condition is named, shortened, and its line is not offered', () => {
  repo = createTempRepo({
    'src/copy.ts': copier(''),
    'src/update.ts': "import { copyPlugins } from './copy.js';\nexport const update = (files: string[]) => copyPlugins(files, true);\n",
  });
  repo.stage({
    'src/copy.ts': copier(
      "    if (isModule && content.includes('[Bundle main] resourceURLForName')) {\n      content = content.replace('[Bundle main] resourceURLForName', 'MODULE_BUNDLE resourceURLForName');\n      writeFileSync(file, content);\n    }\n",
    ),
  });
  const questions = listQuestions(repo);
  expect(messageOf(questions, 'impact:src/copy.ts#copyPlugins')).toMatch(
    /changed its implementation through `rewriteSources` \(a new branch `if \(isModule && content\.includes\(…\)\)`\); 1 file uses it/,
  );
  for (const q of questions.filter((q) => q.quiz === true))
    for (const choice of q.choices ?? []) expect(choice).not.toContain("if (isModule && content.includes('[Bundle main]");
});
