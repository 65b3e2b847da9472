import { afterEach, describe, expect, test } from '@jest/globals';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';

// Changes far over the budget: rejected on their size, with a proposal a person can read (the
// first parts, then what the rest add up to) and without the blast radius of thousands of files
// or lines (a 20,000-file change took 85 s of CPU, one 5 MB file 518 MB). Times and memory are
// measured outside the suite (docs/speed.md); here, what the output says and that nothing moved.

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

describe('changes far over the budget', () => {
  test('2,100 files in 300 folders: a summarised proposal, no blast radius, the index untouched', () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 2100; i++) tree[`src/m${i % 300}/f${i}.ts`] = `export const v${i} = ${i};\n`;
    repo = createTempRepo({ 'package.json': '{"name":"big"}\n' });
    repo.stage(tree);
    const result = runUnchanged(repo, ['--dry-run']);
    expect(result.code).toBe(1);
    const parts = result.stdout.split('\n').filter((l) => /^ {2}\d+\. /.test(l));
    expect(parts).toHaveLength(10);
    expect(result.stdout).toMatch(/^ {2}… and \d+ more parts \(\d+ files, \d+ lines\): `npx selfreview split` lists them all\.$/m);
    expect(result.stdout).toMatch(
      /The blast radius is not computed for 2100 files and 2100 lines: split the change first \(`npx selfreview split`\)/,
    );
    expect(result.stdout).not.toMatch(/^Impact:/m);
  }, 300_000);

  test('one file of 60,000 lines: rejected without parsing it for the blast radius', () => {
    repo = createTempRepo({ 'package.json': '{"name":"one"}\n' });
    repo.stage({ 'src/huge.ts': lines(60_000, 'export const x') });
    const result = runUnchanged(repo, ['--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/The blast radius is not computed for 1 file and 60000 lines/);
  }, 300_000);
});
