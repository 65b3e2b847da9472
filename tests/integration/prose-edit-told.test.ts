import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// webstudio-is/webstudio 68b745872 rewords a list item of `blockMeta`'s help text (a JSX element's
// text inside a template kept in `coreTemplates`). Its question said `coreTemplates` "now uses
// `content`, `inside` and 5 more, no longer `any`, `direct`" (words of a sentence are no names), and
// named template.tsx "which reads `builtWithWebstudio.template`": another template's, not the changed one.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const templates = (item: string) => `const blockMeta = {
  label: "Content Block",
  template: (
    <ul>
      <li>
${item}
      </li>
      <li>To predefine instances for insertion in Content mode, switch to Design mode.</li>
    </ul>
  ),
};

const builtWithWebstudioMeta = {
  label: "Built with Webstudio",
  template: <a href="https://webstudio.is">Built with Webstudio</a>,
};

export const coreTemplates = {
  block: blockMeta,
  builtWithWebstudio: builtWithWebstudioMeta,
};
`;

const OLD = `        In Content mode, you can edit any direct child instances that were
        pre-added to the Content Block, as well as add new instances
        predefined in templates.`;
const NEW = `        In Content mode, you can edit content inside this Content Block and
        add new instances predefined in templates. Content outside Content
        Blocks is read-only.`;

const MODE = (mode: string) => `export const defaultMode = "${mode}";\n`;

const page = `import { coreTemplates } from "./core-templates";

export const NotFound = () => <main>{coreTemplates.builtWithWebstudio.template}</main>;
`;

test('a reworded text is told by the words it now says, and a reader of another member is named as a user', () => {
  repo = createTempRepo({ 'src/core-templates.tsx': templates(OLD), 'src/not-found.tsx': page, 'src/mode.ts': MODE('design') });
  repo.stage({ 'src/core-templates.tsx': templates(NEW), 'src/mode.ts': MODE('content') });
  const asked = messageOf(listQuestions(repo), 'unit:src/core-templates.tsx');
  expect(asked).toContain(
    '`coreTemplates` changed its implementation through `blockMeta.template` (now says "… edit content inside this Content Block and add new …")',
  );
  expect(asked).not.toMatch(/now uses|no longer `/);
  expect(asked).not.toContain('which reads `builtWithWebstudio.template`');
  expect(asked).toContain('src/not-found.tsx:3, which uses it');
});

test('a line of code among the changed lines is no prose: its names are told', () => {
  repo = createTempRepo({ 'src/core-templates.tsx': templates(OLD), 'src/not-found.tsx': page });
  repo.stage({ 'src/core-templates.tsx': templates(`${NEW}\n        {renderHint(instances)}`) });
  const asked = messageOf(listQuestions(repo), 'impact:src/core-templates.tsx#coreTemplates');
  expect(asked).not.toContain('now says');
  expect(asked).toContain('`renderHint`');
});
