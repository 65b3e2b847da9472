import { afterEach, expect, test } from '@jest/globals';
import { createBlobReader } from '../../src/adapters/git/read-blob-sync.js';
import type { RepoInfo } from '../../src/adapters/git/git-client.js';
import { typeCheckStates } from '../../src/adapters/typescript/type-check-states.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// `split --check`: states that exist only as blob ids are type-checked with the real compiler,
// and the CLI reports each group's state without touching the working tree.

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const TSCONFIG = '{"compilerOptions":{"strict":true,"target":"ES2022","module":"NodeNext","moduleResolution":"NodeNext"}}\n';
const DECL_V1 = 'export function total(items: number[]): number {\n  return items.length;\n}\n';
const DECL_V2 = 'export function total(items: number[], tax: number): number {\n  return items.length * tax;\n}\n';
const USE_V1 = "import { total } from './total.js';\nexport const n: number = total([1]);\n";
const USE_V2 = "import { total } from './total.js';\nexport const n: number = total([1], 2);\n";

test('a state with the declaration changed and its caller not yet is an error; the states around it are not', () => {
  repo = createTempRepo({ 'tsconfig.json': TSCONFIG });
  const blob = (text: string) => repo!.git(['hash-object', '-w', '--stdin'], { input: text }).trim();
  const config = blob(TSCONFIG);
  const state = (decl: string, use: string) =>
    new Map([
      ['tsconfig.json', config],
      ['src/total.ts', blob(decl)],
      ['src/use.ts', blob(use)],
    ]);
  const info = { root: repo.dir } as RepoInfo;
  const [before, broken, after] = typeCheckStates({
    root: repo.dir,
    tsconfig: 'tsconfig.json',
    states: [state(DECL_V1, USE_V1), state(DECL_V2, USE_V1), state(DECL_V2, USE_V2)],
    files: [
      ['src/total.ts', 'src/use.ts'],
      ['src/total.ts', 'src/use.ts'],
      ['src/total.ts', 'src/use.ts'],
    ],
    readBlob: createBlobReader(info),
  });
  expect(before).toEqual([]);
  expect(broken).toEqual([expect.stringMatching(/^src\/use\.ts: Expected 2 arguments, but got 1/)]);
  expect(after).toEqual([]);
});

test('selfreview split --check: each group says whether the code type-checks after it', () => {
  repo = createTempRepo({
    'tsconfig.json': TSCONFIG,
    'src/total.ts': DECL_V1,
    'src/use.ts': USE_V1,
    'src/other.ts': 'export const o = 1;\n',
  });
  repo.stage({ 'src/total.ts': DECL_V2, 'src/use.ts': USE_V2, 'src/other.ts': 'export const o = 2;\n', 'README.md': 'hello\n' });
  const result = runUnchanged(repo, ['split', '--json', '--check']);
  expect(result.code).toBe(0);
  const plan = JSON.parse(result.stdout) as { groups: Array<{ files: Array<{ path: string }>; check: { typeChecks: boolean | null } }> };
  const code = plan.groups.find((g) => g.files.some((f) => f.path === 'src/use.ts'))!;
  expect(code.files.map((f) => f.path)).toContain('src/total.ts');
  expect(plan.groups.map((g) => g.check.typeChecks)).toEqual(plan.groups.map(() => true));
});
