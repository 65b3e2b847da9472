import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// lucide 74c46711c7 adds `&utm_source=…&utm_medium=…` to the studio link of a Vue component and of a
// script's template literal: asked "changed its implementation" and "what does the change to `const
// getImageTagsByFiles = (` do differently now?", which say where and not what.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

test('a link that gains a query is told by the text it gains, for an export and for a private function', () => {
  const link = (query: string) =>
    `export function studioLink(name: string, svg: string) {\n  return \`<a target="_blank" href="https://studio.lucide.dev/edit?value=\${encodeURI(svg)}&name=\${name}${query}">\`\n}\n`;
  const script = (query: string) =>
    `const tags = (names: string[]) =>\n  names.map((name) => {\n    return \`<a href="https://studio.lucide.dev/edit?name=\${name}${query}">\${name}</a>\`\n  })\n\nconsole.log(tags(process.argv.slice(2)).join(''))\n`;
  repo = createTempRepo({
    'src/links.ts': link(''),
    'src/page.ts': "import { studioLink } from './links'\n\nexport const page = () => studioLink('x', '<svg/>')\n",
    'scripts/comment.ts': script(''),
  });
  repo.stage({ 'src/links.ts': link('&utm_source=lucide.dev'), 'scripts/comment.ts': script('&utm_source=github.com') });
  const questions = listQuestions(repo);
  // Told by its piece's question; its users' question says so, once.
  expect(messageOf(questions, 'unit:src/links.ts')).toContain(
    '`studioLink` changed its implementation (`&utm_source=lucide.dev` inserted)',
  );
  expect(messageOf(questions, 'impact:src/links.ts#studioLink')).toMatch(
    /^`studioLink` in src\/links\.ts changed its implementation \(as told above\); 1 file uses it/,
  );
  expect(messageOf(questions, 'unit:scripts/comment.ts')).toBe(
    'In scripts/comment.ts, what does the change to `const tags = (names: string[]) =>` (`&utm_source=github.com` inserted) do differently now?',
  );
});
