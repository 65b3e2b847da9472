import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { reviewJson, type JsonReport } from '../helpers/review-run.js';

// The --json contract (README "JSON output"): later versions add keys, never remove or rename
// them. One rejected change with a rename, a binary and an excluded file fills every part.

let repo: TempRepo;
let report: JsonReport;
let code: number;

beforeAll(() => {
  repo = createTempRepo({ 'src/old.ts': lines(30, 'keep'), 'logo.png': Buffer.from([0x89, 0x50, 0, 1]) });
  repo.git(['mv', 'src/old.ts', 'src/new.ts']);
  repo.stage({
    'src/new.ts': `${lines(30, 'keep')}extra\n`,
    'logo.png': Buffer.from([0x89, 0x50, 0, 2]),
    'yarn.lock': lines(900),
    'src/big.md': lines(450),
  });
  ({ code, report } = reviewJson(repo, ['--dry-run']));
});
afterAll(() => repo?.cleanup());

describe('--json', () => {
  test('top level: the contract keys with their types', () => {
    expect(code).toBe(1);
    expect(report).toMatchObject({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      verdict: 'reject',
      reasons: expect.any(Array),
      provenance: { kind: 'unknown', signals: [] },
      budget: { lines: 400, files: 25 },
      totals: { files: 3, added: 451, removed: 0, lines: 451, excludedFiles: 1 },
      files: expect.any(Array),
    });
  });

  test('reasons carry a code, a message and the numbers involved', () => {
    expect(report.reasons).toEqual([{ code: 'lines-over-budget', message: expect.stringContaining('451'), actual: 451, limit: 400 }]);
  });

  test('files: path, oldPath for renames, status, counts, binary, excluded (null or the reason)', () => {
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(['logo.png', 'src/big.md', 'src/new.ts', 'yarn.lock']);
    expect(byPath['src/new.ts']).toMatchObject({
      oldPath: 'src/old.ts',
      status: 'renamed',
      added: 1,
      removed: 0,
      binary: false,
      excluded: null,
    });
    expect(byPath['logo.png']).toMatchObject({ status: 'modified', added: 0, removed: 0, binary: true, excluded: null });
    expect(byPath['yarn.lock']).toMatchObject({ status: 'added', added: 900, excluded: 'lock file' });
    for (const file of report.files) {
      expect(Object.keys(file)).toEqual(expect.arrayContaining(['path', 'status', 'added', 'removed', 'binary', 'excluded']));
      if (file.status !== 'renamed' && file.status !== 'copied') expect(file).not.toHaveProperty('oldPath');
    }
  });
});
