import { afterEach, expect, test } from '@jest/globals';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';

// Defects `selfreview split --check` found on real repositories, each reduced to a fixture: the
// plan put a file in a group whose state did not type-check.

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const TSCONFIG = '{"compilerOptions":{"strict":true,"target":"ES2022","module":"NodeNext","moduleResolution":"NodeNext"}}\n';
const SMALL = JSON.stringify({ budgets: { human: { lines: 30, files: 25 } } });

interface Plan {
  groups: Array<{ files: Array<{ path: string }>; check: { typeChecks: boolean | null; errors: string[] } }>;
}

function plan(r: TempRepo): Plan {
  const result = runUnchanged(r, ['split', '--json', '--check']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Plan;
}
const groupOf = (p: Plan, path: string) =>
  p.groups
    .find((g) => g.files.some((f) => f.path === path))!
    .files.map((f) => f.path)
    .sort();

test('changesets 44df27d2: a deleted module goes with the file that stopped importing it', () => {
  repo = createTempRepo({
    '.selfreviewrc.json': SMALL,
    'tsconfig.json': TSCONFIG,
    'src/help.ts': 'export const HELP = "usage";\n',
    'src/index.ts': `import { HELP } from './help.js';\nexport const text: string = HELP;\n${lines(5, '// line')}`,
    'lib/other.ts': 'export const o = 1;\n',
  });
  repo.git(['rm', '-q', 'src/help.ts']);
  // index.ts alone is over this budget: only the rule, not the folder, can put help.ts with it.
  repo.stage({
    'src/index.ts': `export const text: string = "usage";\n${lines(30, '// new')}`,
    'lib/other.ts': `export const o = 2;\n${lines(25, '// more')}`,
  });
  const result = plan(repo);
  expect(groupOf(result, 'src/help.ts')).toEqual(['src/help.ts', 'src/index.ts']);
  expect(result.groups.map((g) => g.check.typeChecks)).toEqual(result.groups.map(() => true));
});

test('vite 2540ed06d0: a shape change goes with the file that reads it through another type', () => {
  repo = createTempRepo({
    '.selfreviewrc.json': SMALL,
    'tsconfig.json': TSCONFIG,
    'src/server.ts': 'export interface ServerOptions {\n  port: number;\n}\n',
    'src/config.ts': "import type { ServerOptions } from './server.js';\nexport interface Config {\n  server: ServerOptions;\n}\n",
    'plugins/inject.ts': "import type { Config } from '../src/config.js';\nexport const inject = (c: Config): number => c.server.port;\n",
    'lib/other.ts': 'export const o = 1;\n',
  });
  repo.stage({
    'src/server.ts': `export interface ServerOptions {\n  port: number;\n  forwardConsole: boolean;\n}\n${lines(12, '// doc')}`,
    'plugins/inject.ts': `import type { Config } from '../src/config.js';\nexport const inject = (c: Config): number => (c.server.forwardConsole ? c.server.port : 0);\n${lines(12, '// doc')}`,
    'lib/other.ts': `export const o = 2;\n${lines(25, '// more')}`,
  });
  const result = plan(repo);
  expect(groupOf(result, 'plugins/inject.ts')).toEqual(['plugins/inject.ts', 'src/server.ts']);
  expect(result.groups.map((g) => g.check.typeChecks)).toEqual(result.groups.map(() => true));
});
