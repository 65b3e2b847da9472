import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// hatchet 6605f67332 edits the docs site's styles/global.css (a heading rule gains `h3`, the
// sidebar's font rule goes) and deletes a font: the stylesheet, in a docs folder, was read as
// prose, "What should readers of …/F37Judge-Regular.woff2, …/global.css now know that they did
// not?"; read as code, it was asked about `body` and `samp`, the lines git heads its hunks with,
// which the change does not touch. The rules it puts in and takes out say what changed.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

// hatchet's frontend/docs/styles/global.css at 6605f67332's parent, cut to the rules around the change.
const css = (headings: string, sidebar: string) => `body {
  font-family: var(--font-sans);
}

${headings} {
  font-family: var(--font-judge);
  font-weight: normal;
}
#nd-page .prose h1 {
  font-size: 2.25rem;
  line-height: 1.1;
}

samp {
  color: hsl(var(--blue));
}
${sidebar}
#nd-sidebar a[href] {
  font-size: 0.78rem;
  line-height: 1.5;
}
`;
const SIDEBAR = `
#nd-sidebar {
  font-family: "dm-mono", ui-monospace, SFMono-Regular, Menlo, monospace;
  letter-spacing: -0.01em;
}
`;

test("a docs site's stylesheet is asked about by the rules its change puts in and takes out", () => {
  repo = createTempRepo({
    'frontend/docs/styles/global.css': css('#nd-page .prose :is(h1, h2, h4, h5, h6)', SIDEBAR),
    'frontend/docs/app/page.tsx': 'export const Page = () => null;\n',
  });
  // With the component it styles (the commit's cookie banner): a one-file change asks only its intent.
  repo.stage({
    'frontend/docs/styles/global.css': css('#nd-page .prose :is(h1, h2, h3, h4, h5, h6)', ''),
    'frontend/docs/app/page.tsx': 'export const Page = () => <main id="nd-page" />;\n',
  });
  const message = messageOf(listQuestions(repo), 'unit:frontend/docs/styles/global.css');
  expect(message).toBe(
    'In frontend/docs/styles/global.css, the change adds the rule `#nd-page .prose :is(h1, h2, h3, h4, h5, h6)` and removes `#nd-page .prose :is(h1, h2, h4, h5, h6)` and `#nd-sidebar`: what changes on screen, and which markup is styled differently?',
  );
});
