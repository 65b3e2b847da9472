import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { fileOf, reviewJson } from '../helpers/review-run.js';

// Files nobody reads line by line are listed, marked with the reason, and not counted.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('excluded files', () => {
  test('lock files, snapshots, vendored and generated names, .gitattributes and config globs', () => {
    repo = createTempRepo({ 'src/app.ts': lines(2) });
    repo.write({ '.selfreviewrc.json': JSON.stringify({ exclude: ['fixtures/**'] }) });
    const big = lines(2000, 'generated');
    const excluded: Record<string, RegExp> = {
      'package-lock.json': /lock file/,
      'web/yarn.lock': /lock file/,
      'pnpm-lock.yaml': /lock file/,
      'Cargo.lock': /lock file/,
      'go.sum': /lock file/,
      'poetry.lock': /lock file/,
      'npm-shrinkwrap.json': /lock file/,
      'apps/site/bun.lock': /lock file/,
      'bun.lockb': /lock file/,
      'py/uv.lock': /lock file/,
      'php/composer.lock': /lock file/,
      'Gemfile.lock': /lock file/,
      'deno.lock': /lock file/,
      'src/__snapshots__/app.test.ts.snap': /snapshot/,
      'vendor/lib/x.js': /vendored/,
      'packages/a/node_modules/dep/index.js': /vendored/,
      'public/app.min.js': /generated/,
      'api/service.pb.go': /generated/,
      'src/schema.generated.ts': /generated/,
      'packages/db/drizzle/meta/0092_snapshot.json': /generated \(drizzle-kit\)/,
      'gen/client.ts': /linguist-generated/,
      'data/blob.dat': /-diff/,
      'third/lib.c': /linguist-vendored/,
      'fixtures/big.json': /excluded by config/,
    };
    repo.stage({
      '.gitattributes': 'gen/** linguist-generated\n*.dat -diff\nthird/** linguist-vendored=true\n',
      'src/app.ts': lines(12),
      'src/0092_snapshot.json': '{ "id": 92 }\n',
      'packages/db/drizzle/0092_add_last_saved_at.sql': 'ALTER TABLE bookmarks ADD lastSavedAt integer;\n',
      ...Object.fromEntries(Object.keys(excluded).map((p) => [p, big])),
    });
    const { code, report } = reviewJson(repo);
    expect(code).toBe(0);
    for (const [path, reason] of Object.entries(excluded)) expect(fileOf(report, path).excluded).toMatch(reason);
    expect(fileOf(report, 'src/app.ts').excluded).toBeNull();
    // drizzle's name outside its meta folder is somebody's file, and its migration SQL is read.
    expect(fileOf(report, 'src/0092_snapshot.json').excluded).toBeNull();
    expect(fileOf(report, 'packages/db/drizzle/0092_add_last_saved_at.sql').excluded).toBeNull();
    expect(report.totals).toEqual({ files: 4, added: 15, removed: 0, lines: 15, excludedFiles: Object.keys(excluded).length });
  });

  test('attributes are read as staged: a .gitattributes only in the working tree does not count', () => {
    repo = createTempRepo({ 'a.ts': lines(2) });
    repo.write({ '.gitattributes': 'gen.ts linguist-generated\n' });
    repo.stage({ 'gen.ts': lines(30) });
    expect(fileOf(reviewJson(repo).report, 'gen.ts').excluded).toBeNull();
  });

  test('the same attributes from a folder below the root, even one holding a .git that is not a repository', () => {
    // check-attr starts with the repository and reads paths relative to its folder: its answer
    // counts only where that folder is the root (git-client.ts). An empty `.git` folder makes
    // the review start it early in `sub`, where git itself looks further up for the repository.
    repo = createTempRepo({ 'a.ts': lines(2) });
    repo.stage({
      '.gitattributes': 'gen/** linguist-generated\n*.dat -diff\n',
      'gen/g.ts': lines(30),
      'x.dat': lines(5),
      'a.ts': lines(4),
    });
    mkdirSync(join(repo.dir, 'sub', '.git'), { recursive: true });
    const atRoot = reviewJson(repo, ['--no-impact']).report;
    expect(fileOf(atRoot, 'gen/g.ts').excluded).toMatch(/linguist-generated/);
    expect(fileOf(atRoot, 'x.dat').excluded).toMatch(/-diff/);
    for (const cwd of [join(repo.dir, 'sub'), join(repo.dir, 'gen')])
      expect(reviewJson(repo, ['--no-impact'], { cwd }).report).toEqual(atRoot);
  });
});
