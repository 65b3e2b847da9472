import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// An ignore file or a `key=value` settings file is asked about by the lines the edit adds and
// removes: create-t3-app 969ebe92b5's template `_gitignore` gains `/generated/` (asked "What does the
// change to cli/template/base/_gitignore do?") and 5c657e2ff8 adds an `.npmrc` of two
// `public-hoist-pattern[]` lines (asked what it "change[s] in how the project builds").

let repo: TempRepo;
afterEach(() => repo?.cleanup());

test('ignore files are asked about by the paths they add and remove', () => {
  repo = createTempRepo({
    'src/build.ts': "export const outDir = 'dist';\n",
    'src/main.ts': "import { outDir } from './build.js';\nexport const main = () => outDir;\n",
    '.gitignore': 'node_modules/\n# local files\n.env.local\ncoverage/\n',
    'template/_npmignore': 'tests/\n',
  });
  repo.stage({
    'src/build.ts': "export const outDir = 'build/output';\n",
    '.gitignore': 'node_modules/\n# local files\n.env.local\n/build/output/\n',
    'template/_npmignore': 'tests/\n*.map\n',
  });
  const questions = listQuestions(repo);
  const about = (path: string) => questions.find((q) => q.id.endsWith(`:${path}`))?.message;
  expect(about('.gitignore')).toMatch(
    /^\.gitignore now ignores `\/build\/output\/` and no longer ignores `coverage\/`: why should git treat them differently now\?$/,
  );
  expect(about('template/_npmignore')).toMatch(
    /^template\/_npmignore now ignores `\*\.map`: what produces those files, and why should npm skip them\?$/,
  );
});

test('a new .npmrc is asked about by the settings it sets', () => {
  repo = createTempRepo({
    'src/install.ts': 'export const install = (dir: string) => dir;\n',
    'src/main.ts': "import { install } from './install.js';\nexport const main = () => install('.');\n",
  });
  repo.stage({
    'src/install.ts': 'export const install = (dir: string) => `${dir}/template/pnpm`;\n',
    'template/pnpm/.npmrc': 'auto-install-peers=true\n# peers\nstrict-peer-dependencies=false\n',
  });
  const questions = listQuestions(repo);
  expect(questions.find((q) => q.id === 'config:template/pnpm/.npmrc')?.message).toMatch(
    /^The change to template\/pnpm\/\.npmrc sets `auto-install-peers=true` and `strict-peer-dependencies=false`: what reads these settings/,
  );
});
