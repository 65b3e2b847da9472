import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// A cold run reads the index's files from the working tree when a file is the staged blob byte
// for byte (its git object id is checked), and from git otherwise: what is analysed is always
// what would be committed, whatever the working tree holds.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

function coldImpact(): { report: ImpactReport; debug: string } {
  rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
  // (git diff cannot read the named pipe this test puts in the working tree: the index and the
  // staged change are compared, the rest of runUnchanged's snapshot is not possible here.)
  const index = () => [repo.git(['ls-files', '-s', '-z']), repo.git(['diff', '--cached', '--binary', '--no-color'])];
  const before = index();
  const result = repo.run(['impact', '--json', '--debug']);
  expect(index()).toEqual(before);
  expect(result.code).toBe(0);
  return { report: JSON.parse(result.stdout) as ImpactReport, debug: result.stderr };
}

const withoutStats = ({ stats, ...rest }: ImpactReport) => (void stats, rest);
const usersOf = (report: ImpactReport, name: string) =>
  (report.changedSymbols.find((s) => s.name === name)?.valueUsers ?? []).map((u) => `${u.path}:${u.line}`).sort();

describe('the texts the blast radius reads', () => {
  test('unstaged edits, removed files, a named pipe and a symlink in the working tree: the staged blobs are read', () => {
    repo = createTempRepo({
      'src/a.ts': 'export function add(x: number, y: number) {\n  return x + y;\n}\n',
      'src/b.ts': "import { add } from './a';\nexport const two = add(1, 1);\n",
      'src/c.ts': "import { add } from './a';\nexport const four = add(2, 2);\n",
      'src/d.ts': 'export const d = 4;\n',
      'src/e.ts': "import { add } from './a';\nexport const six = add(3, 3);\n",
      'src/f.ts': "import { add } from './a';\nexport const eight = add(4, 4);\n",
    });
    repo.stage({ 'src/a.ts': 'export function add(x: number, y: number, z = 0) {\n  return x + y + z;\n}\n' });
    const clean = coldImpact();
    // The old side of a.ts, which the working tree no longer holds, is read from git with the
    // config at once: no file of the working tree had to be read again.
    expect(clean.debug).not.toMatch(/read from git, not the working tree/);
    expect(usersOf(clean.report, 'add')).toEqual(['src/b.ts:2', 'src/c.ts:2', 'src/e.ts:2', 'src/f.ts:2']);

    // The working tree now says otherwise for every user; the index does not.
    writeFileSync(join(repo.dir, 'src/b.ts'), 'export const two = 2;\n');
    // A named pipe would block a plain read for ever.
    rmSync(join(repo.dir, 'src/c.ts'));
    execFileSync('mkfifo', [join(repo.dir, 'src/c.ts')]);
    rmSync(join(repo.dir, 'src/f.ts'));
    rmSync(join(repo.dir, 'src/e.ts'));
    symlinkSync('d.ts', join(repo.dir, 'src/e.ts'));
    writeFileSync(join(repo.dir, 'src/d.ts'), "import { add } from './a';\nexport const d = add(2, 2);\n");
    const dirty = coldImpact();
    // And now b, c, d, e and f.
    expect(dirty.debug).toMatch(/impact: 5 files read from git, not the working tree/);
    expect(usersOf(dirty.report, 'add')).toEqual(usersOf(clean.report, 'add'));
    expect(withoutStats(dirty.report)).toEqual(withoutStats(clean.report));
  });

  test('core.autocrlf: a checked-out file with CRLF is not the staged blob, and git reads it', () => {
    repo = createTempRepo({
      'src/a.ts': 'export function add(x: number, y: number) {\n  return x + y;\n}\n',
      'src/b.ts': "import { add } from './a';\nexport const two = add(1, 1);\n",
      'src/c.ts': "import { add } from './a';\n\nexport const four = add(2, 2);\n",
    });
    repo.git(['config', 'core.autocrlf', 'true']);
    repo.stage({ 'src/a.ts': 'export function add(x: number, y: number, z = 0) {\n  return x + y + z;\n}\n' });
    // Checked out again under autocrlf: git status calls it clean, its bytes are not the blob's.
    rmSync(join(repo.dir, 'src/c.ts'));
    repo.git(['checkout', '--', 'src/c.ts']);
    expect(readFileSync(join(repo.dir, 'src/c.ts'), 'utf8')).toBe("import { add } from './a';\r\n\r\nexport const four = add(2, 2);\r\n");
    expect(repo.git(['status', '--porcelain', '--', 'src/c.ts'])).toBe('');
    const { report, debug } = coldImpact();
    expect(debug).toMatch(/impact: 1 file read from git, not the working tree/);
    expect(usersOf(report, 'add')).toEqual(['src/b.ts:2', 'src/c.ts:3']);
  });
});
