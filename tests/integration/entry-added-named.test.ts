import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// An exported list that gains an entry (slidev a578f61da9 adds a talk to docs/.vitepress/showcases.ts,
// 0ae15fafbf an addon to `community`; lucide 7291cbcc0f a page to `reactNativeSidebar`) was asked
// "`showcases` … changed its implementation; 1 file uses it …": where, not what.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const entry = (title: string, at: string) =>
  `  {\n    title: '${title}',\n    author: {\n      name: 'Someone',\n      link: 'https://example.com/',\n    },\n    at: '${at}',\n    datetime: '2026-07-28',\n  },\n`;

test("an exported list's edit that adds one object is told by the literal that names it", () => {
  const showcases = (isNew: boolean) =>
    `export interface ShowCaseInfo {\n  title: string\n  at: string\n}\n\nexport const showcases: ShowCaseInfo[] = [\n${entry('Denuvo', 'A conference')}${
      isNew ? entry('Reliability: Manual → Autopilot', 'Karlsruhe Cloud Native') : ''
    }  // Add yours here!\n]\n`;
  repo = createTempRepo({
    'docs/.vitepress/showcases.ts': showcases(false),
    'docs/.vitepress/theme/ShowCases.ts': "import { showcases } from '../showcases'\n\nexport const count = () => showcases.length\n",
  });
  repo.stage({ 'docs/.vitepress/showcases.ts': showcases(true) });
  expect(messageOf(listQuestions(repo), 'impact:docs/.vitepress/showcases.ts#showcases')).toMatch(
    /^`showcases` in docs\/\.vitepress\/showcases\.ts changed its implementation \(an entry with `title: 'Reliability: Manual → Autopilot'` added\); 1 file uses it/,
  );
});
