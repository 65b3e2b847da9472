import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// `selfreview ci` over a range keeps work from one commit to the next (range-impact-memo.ts): the
// resolver's answers for bare specifiers, each with the paths it looked for (bare-answers.ts),
// the routes of each import by module record, the files the text prefilter found not to use a
// name. Each commit of the range must get the blast radius a run on that commit alone gets with
// no cache at all, through the changes that make a kept answer wrong: a package.json `exports`
// change, a tsconfig `paths` change, a new workspace package, a file a wildcard export now finds.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

interface CiJson {
  commits: Array<{ commit: string; subject: string; risk?: { level: string; reasons: Array<{ code: string; message: string }> } }>;
}

// Every user counts in the risk's reasons (mediumDependents 1), so a missed or extra user shows.
const CONFIG = { '.selfreviewrc.json': JSON.stringify({ impact: { mediumDependents: 1, highDependents: 100 } }) };

const pkg = (name: string, exports: unknown) => JSON.stringify({ name, version: '1.0.0', exports }, null, 2);
const tsconfig = (paths: Record<string, string[]>) => JSON.stringify({ compilerOptions: { baseUrl: '.', paths } }, null, 2);
const fn = (name: string, body: string) => `export function ${name}(): number {\n  return ${body};\n}\n`;
const user = (name: string, from: string, local: string) =>
  `import { ${name} } from '${from}';\n\nexport const ${local} = (): number => ${name}() + 1;\n`;

function ci(base: string, head: string): CiJson {
  const result = runUnchanged(repo, ['ci', '--base', base, '--head', head, '--format', 'json'], { timeoutMs: 120_000 });
  expect(result.stderr).not.toMatch(/unexpected error|Error:/);
  return JSON.parse(result.stdout) as CiJson;
}

/** The commit alone, as a first run on a fresh clone sees it. */
function coldRisk(commit: string): CiJson['commits'][number]['risk'] {
  rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
  return ci(`${commit}^`, commit).commits[0]!.risk;
}

const dependents = (risk: CiJson['commits'][number]['risk']) => risk?.reasons.find((r) => r.code === 'dependents')?.message ?? null;

describe('ci over a range: what one commit hands to the next', () => {
  test('each commit gets the blast radius of a run on it alone with no cache, through exports, paths and package changes', () => {
    repo = createTempRepo({
      ...CONFIG,
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*', 'apps/*'] }),
      'packages/lib/package.json': pkg('@x/lib', { './a': './src/a.ts', './*': './src/*.ts' }),
      'packages/lib/src/a.ts': fn('fa', '1'),
      'packages/lib/src/b.ts': fn('fa', '2'),
      'packages/lib/src2/a.ts': fn('fa', '3'),
      'apps/web/package.json': pkg('@x/web', './src/use-a.ts'),
      'apps/web/tsconfig.json': tsconfig({ '#lib/*': ['../../packages/lib/src/*'] }),
      'apps/web/src/use-a.ts': user('fa', '@x/lib/a', 'viaExports'),
      'apps/web/src/use-p.ts': user('fa', '#lib/a', 'viaPaths'),
      'apps/web/src/use-c.ts': user('fc', '@x/lib/c', 'viaWildcard'),
      'apps/web/src/use-n.ts': user('fn', 'newpkg', 'viaNewPackage'),
      'apps/web/src/both.ts': `import { fa } from '@x/lib/a';\nimport { fa as pa } from '#lib/a';\n\nexport const both = (): number => fa() + pa();\n`,
    });
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    const steps: Array<[string, Record<string, string>]> = [
      ['a.ts changes: its users by exports and by paths', { 'packages/lib/src/a.ts': fn('fa', '10') }],
      ['exports ./a names b.ts', { 'packages/lib/package.json': pkg('@x/lib', { './a': './src/b.ts', './*': './src/*.ts' }) }],
      ['b.ts changes: now the exports users', { 'packages/lib/src/b.ts': fn('fa', '20') }],
      ['a.ts changes: now the paths users only', { 'packages/lib/src/a.ts': fn('fa', '11') }],
      ['paths #lib/* name src2', { 'apps/web/tsconfig.json': tsconfig({ '#lib/*': ['../../packages/lib/src2/*'] }) }],
      ['src2/a.ts changes: now the paths users', { 'packages/lib/src2/a.ts': fn('fa', '30') }],
      ['a.ts changes: no user left', { 'packages/lib/src/a.ts': fn('fa', '12') }],
      [
        'a new workspace package named newpkg',
        { 'packages/newpkg/package.json': pkg('newpkg', { '.': './src/index.ts' }), 'packages/newpkg/src/index.ts': fn('fn', '1') },
      ],
      ['newpkg changes: its user', { 'packages/newpkg/src/index.ts': fn('fn', '2') }],
      ['c.ts appears where the wildcard export looks', { 'packages/lib/src/c.ts': fn('fc', '1') }],
      ['c.ts changes: its user', { 'packages/lib/src/c.ts': fn('fc', '2') }],
      [
        'an unrelated file comes and b.ts changes again',
        { 'apps/web/src/other.ts': fn('other', '1'), 'packages/lib/src/b.ts': fn('fa', '21') },
      ],
    ];
    for (const [message, tree] of steps) repo.commit(message, tree);
    const head = repo.git(['rev-parse', 'HEAD']).trim();

    // Twice over the range: once filling the caches, once reading them.
    const first = ci(base, head);
    const range = ci(base, head);
    expect(range).toEqual(first);
    expect(range.commits.map((c) => c.subject)).toEqual(steps.map(([message]) => message));
    const bySubject = new Map(range.commits.map((c) => [c.subject, c]));

    // What the fixture means, said independently of the code: who uses each change.
    const users = (subject: string) => dependents(bySubject.get(subject)!.risk);
    expect(users('a.ts changes: its users by exports and by paths')).toMatch(/^3 files use/);
    expect(users('b.ts changes: now the exports users')).toMatch(/^2 files use/);
    expect(users('a.ts changes: now the paths users only')).toMatch(/^2 files use/);
    expect(users('src2/a.ts changes: now the paths users')).toMatch(/^2 files use/);
    expect(users('a.ts changes: no user left')).toBeNull();
    expect(users('newpkg changes: its user')).toMatch(/^1 files use/);
    expect(users('c.ts changes: its user')).toMatch(/^1 files use/);
    expect(users('an unrelated file comes and b.ts changes again')).toMatch(/^2 files use/);

    // And every commit exactly as a cold run on it alone.
    for (const commit of range.commits)
      expect({ subject: commit.subject, risk: coldRisk(commit.commit) }).toEqual({ subject: commit.subject, risk: commit.risk });
  });

  test("one parse pool serves the range: a later commit's walk reads with the worker an earlier one started, as a cold run reads", () => {
    // 120 files import lib.ts but use none of the names that change: each change's walk reaches
    // them all and reads them (a round of 120 files: a worker), and finds them passed by their
    // text. The second change asks them about another name, so its walk reads them again.
    const { base, head } = twoChangesPastUnusedImporters();

    const result = runUnchanged(repo, ['ci', '--base', base, '--head', head, '--format', 'json', '--debug'], { timeoutMs: 120_000 });
    expect(result.stderr).not.toMatch(/unexpected error|Error:/);
    expect(result.stderr).toMatch(/walk round of 120 files: 0 parsed, 120 passed by their text/);
    // Started by the first change's walk, kept for the second.
    expect(result.stderr).toMatch(/impact: the parse pool of an earlier commit of the range/);
    const range = JSON.parse(result.stdout) as CiJson;
    expect(range.commits.map((c) => c.subject)).toEqual(['alpha changes', 'gamma changes']);
    for (const commit of range.commits) {
      expect(dependents(commit.risk)).toBeNull();
      expect({ subject: commit.subject, risk: coldRisk(commit.commit) }).toEqual({ subject: commit.subject, risk: commit.risk });
    }
  });

  test('a second ci over the same commits reads none of the files the first passed by their text, and answers the same', () => {
    // As above: each change's walk reaches 120 files that use none of its names. The first run
    // reads and scans them (a walk round each commit); what it found is kept by blob
    // (unused-names-cache.ts), so the second reads none of them.
    const { base, head } = twoChangesPastUnusedImporters();
    const run = () => {
      const result = runUnchanged(repo, ['ci', '--base', base, '--head', head, '--format', 'json', '--debug'], { timeoutMs: 120_000 });
      expect(result.stderr).not.toMatch(/unexpected error|Error:/);
      return { range: JSON.parse(result.stdout) as CiJson, debug: result.stderr };
    };
    const first = run();
    expect(first.debug.match(/walk round of 120 files: 0 parsed, 120 passed by their text/g)).toHaveLength(2);
    const second = run();
    expect(second.debug).toMatch(/impact: 120 blobs passed by their text in an earlier run/);
    expect(second.debug).not.toMatch(/walk round of/);
    expect(second.range).toEqual(first.range);
    // The kept answers gone: read again, the same answers.
    rmSync(join(repo.dir, '.git', 'selfreview', 'cache', 'modules-unused.json'));
    const third = run();
    expect(third.debug).toMatch(/walk round of 120 files: 0 parsed, 120 passed by their text/);
    expect(third.range).toEqual(first.range);
  });
});

/** 120 files import lib.ts but use none of the names two commits change (`alpha`, then `gamma`):
 * each change's walk reaches them all and finds them passed by their text. */
function twoChangesPastUnusedImporters(): { base: string; head: string } {
  const users = Object.fromEntries(
    Array.from({ length: 120 }, (_, i) => [
      `src/u${i}.ts`,
      `import { keep } from './lib';\n\nexport const u${i} = (): number => keep() + ${i};\n`,
    ]),
  );
  const lib = (a: string, c: string) => `${fn('keep', '0')}\n${fn('alpha', a)}\n${fn('gamma', c)}`;
  repo = createTempRepo({ ...CONFIG, 'src/lib.ts': lib('1', '1'), ...users });
  const base = repo.git(['rev-parse', 'HEAD']).trim();
  repo.commit('alpha changes', { 'src/lib.ts': lib('2', '1') });
  repo.commit('gamma changes', { 'src/lib.ts': lib('2', '2') });
  return { base, head: repo.git(['rev-parse', 'HEAD']).trim() };
}
