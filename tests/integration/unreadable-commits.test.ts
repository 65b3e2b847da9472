import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// A damaged repository: one commit's tree object is gone, one note's blob is gone, one note is
// not a record. `log` lists every commit and names the one git cannot read; `show` of each says
// what it can. Before, one missing tree aborted `log -n 12` with "git diff-tree failed".

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const removeObject = (r: TempRepo, id: string) => rmSync(join(r.dir, '.git', 'objects', id.slice(0, 2), id.slice(2)));

function damagedRepository(): { repo: TempRepo; commits: string[] } {
  const r = createTempRepo({ 'a.txt': 'one\n' });
  for (let i = 2; i <= 6; i++) {
    r.write({ [`f${i}.txt`]: `file ${i}\n` });
    r.git(['add', '-A']);
    r.git(['commit', '-q', '-m', `Commit ${i}`]);
  }
  const commits = r.git(['rev-list', 'HEAD']).trim().split('\n'); // newest first
  r.git(['notes', '--ref=selfreview', 'add', '-m', '{ not a record', commits[4]!]);
  r.git(['notes', '--ref=selfreview', 'add', '-m', '{"kind":"gone"}', commits[3]!]);
  removeObject(r, r.git(['notes', '--ref=selfreview', 'list', commits[3]!]).trim());
  // The tree of the third newest: it and the commit after it (the newer one, diffed against it) cannot be read.
  removeObject(r, r.git(['rev-parse', `${commits[2]!}^{tree}`]).trim());
  return { repo: r, commits };
}

describe('log and show on a damaged repository', () => {
  test('log -n 12 lists every commit and reports the unreadable ones with git’s reason', () => {
    let commits: string[];
    ({ repo, commits } = damagedRepository());
    const log = repo.run(['log', '-n', '12']);
    expect(log.code).toBe(0);
    const rows = log.stdout.split('\n').filter((line) => /^[0-9a-f]{10} /.test(line));
    expect(rows.map((row) => row.slice(0, 10))).toEqual(commits.map((c) => c.slice(0, 10)));
    expect(rows.filter((row) => /unreadable/.test(row))).toHaveLength(2);
    expect(log.stdout).toMatch(/git cannot read this commit's change: unable to read tree/);

    const json = JSON.parse(repo.run(['log', '-n', '12', '--json']).stdout) as { commits: { commit: string; status: string }[] };
    expect(json.commits.map((c) => c.status)).toEqual(['missing', 'unreadable', 'unreadable', 'missing', 'missing', 'missing']);
  });

  test('show names what it cannot read and goes on: an unreadable commit, a note whose object is gone', () => {
    let commits: string[];
    ({ repo, commits } = damagedRepository());
    const unreadable = repo.run(['show', commits[2]!]);
    expect(unreadable.stdout).toMatch(/Review: unreadable/);
    expect(unreadable.stdout).toMatch(/unable to read tree/);
    expect(unreadable.code).toBe(1);
    const goneNote = repo.run(['show', commits[3]!]);
    expect(goneNote.stdout).toMatch(/its review note cannot be read/);
    expect(goneNote.stderr).not.toMatch(/git failed/);
    expect(goneNote.code).toBe(1);
    const notARecord = repo.run(['show', commits[4]!]);
    expect(notARecord.stdout).toMatch(/Review: missing/);
    expect(notARecord.code).toBe(1);
  });
});
