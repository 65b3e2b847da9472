import { afterEach, describe, expect, test } from '@jest/globals';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';

// `selfreview ci` points each failing commit at the largest hunk of its heaviest file. The patches
// of a whole range are read in one git call restricted to every such file: each commit's hunk
// must still come from its own file, not from another asked path the same commit touches.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

interface CiJson {
  commits: Array<{ subject: string; files: Array<{ path: string; lines: number; startLine?: number; endLine?: number }> }>;
}

// Each file's 30 lines as they stand; `edit` changes lines from..to (1-based) and gives the text.
const files = new Map<string, string[]>();
const edit = (path: string, from: number, to: number, tag: string): string => {
  const text = files.get(path) ?? Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
  for (let n = from; n <= to; n++) text[n - 1] = `${tag} ${n}`;
  files.set(path, text);
  return text.join('\n') + '\n';
};

describe('ci: the largest hunk of each commit', () => {
  test('each commit gets the hunk of its own heaviest file, with spaces and pattern characters in names', () => {
    repo = createTempRepo({ 'src/big.ts': lines(30), 'src/sp ace.ts': lines(30), 'src/star*.ts': lines(30), 'src/other.ts': lines(30) });
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    repo.commit('big heaviest, sp ace touched', {
      'src/big.ts': edit('src/big.ts', 11, 20, 'x'),
      'src/sp ace.ts': edit('src/sp ace.ts', 2, 2, 'x'),
    });
    repo.commit('sp ace heaviest, big touched', {
      'src/sp ace.ts': edit('src/sp ace.ts', 5, 7, 'y'),
      'src/big.ts': edit('src/big.ts', 1, 1, 'y'),
    });
    repo.commit('star heaviest, other touched', {
      'src/star*.ts': edit('src/star*.ts', 2, 3, 'z'),
      'src/other.ts': edit('src/other.ts', 9, 9, 'z'),
    });
    repo.commit('other heaviest, star touched', {
      'src/other.ts': edit('src/other.ts', 12, 15, 'w'),
      'src/star*.ts': edit('src/star*.ts', 2, 2, 'w'),
    });
    const result = runUnchanged(repo, ['ci', '--base', base, '--format', 'json', '--no-impact']);
    const report = JSON.parse(result.stdout) as CiJson;
    const first = (subject: string) => {
      const { path, startLine, endLine } = report.commits.find((c) => c.subject === subject)!.files[0]!;
      return { path, startLine, endLine };
    };
    expect(first('big heaviest, sp ace touched')).toEqual({ path: 'src/big.ts', startLine: 11, endLine: 20 });
    expect(first('sp ace heaviest, big touched')).toEqual({ path: 'src/sp ace.ts', startLine: 5, endLine: 7 });
    expect(first('star heaviest, other touched')).toEqual({ path: 'src/star*.ts', startLine: 2, endLine: 3 });
    expect(first('other heaviest, star touched')).toEqual({ path: 'src/other.ts', startLine: 12, endLine: 15 });
  });
});
