import { describe, expect, test } from '@jest/globals';
import { commitLogFormat, parseCommitLog } from '../../../src/core/git/parse-commit-log.js';
import { parseIndexEntries, parseTreeEntries } from '../../../src/core/git/parse-tree-entries.js';

// The parsers of git's own output, fed plain strings in git's formats.

describe('git output parsers', () => {
  test('ls-files -s -z: stage 0 only, any file name', () => {
    const out = [
      '100644 aaaa 0\tsrc/a b.ts',
      '100644 bbbb 1\tconflict.ts',
      '100644 cccc 2\tconflict.ts',
      '100755 dddd 0\tbin/\ttab\nnl',
      '',
    ].join('\0');
    expect(parseIndexEntries(out)).toEqual([
      { mode: '100644', blob: 'aaaa', path: 'src/a b.ts' },
      { mode: '100755', blob: 'dddd', path: 'bin/\ttab\nnl' },
    ]);
  });

  test('ls-tree -r -z: blobs only (a submodule is a commit, not a file)', () => {
    const out = ['100644 blob eeee\tREADME.md', '160000 commit ffff\tvendor/lib', '120000 blob 1111\tlink', ''].join('\0');
    expect(parseTreeEntries(out).map((e) => e.path)).toEqual(['README.md', 'link']);
  });

  test('git log records: fields and bodies with any text, parents, our trailer fields', () => {
    const format = commitLogFormat(['%(a)', '%(b)']);
    expect(format.split('\x1f')).toHaveLength(8);
    const record = (fields: string[]) => `${fields.join('\x1f')}\x1e`;
    const out = `${record(['c1', 't1', '', 'A <a@x>', 'first', 'first\n\nbody | with\x01odd text\n', '', ''])}\n${record(['c2', 't2', 'c1 c0', 'B <b@x>', 'merge', 'merge\n', 'tree=1\x01tree=2', 'why'])}\n`;
    const commits = parseCommitLog(out);
    expect(commits).toHaveLength(2);
    expect(commits[0]).toMatchObject({ commit: 'c1', parents: [], message: 'first\n\nbody | with\x01odd text\n' });
    expect(commits[1]).toMatchObject({
      commit: 'c2',
      tree: 't2',
      parents: ['c1', 'c0'],
      author: 'B <b@x>',
      reviewTrailers: 'tree=1\x01tree=2',
      overrideTrailers: 'why',
    });
  });
});
