import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { createTempRepo, linkSelfreview, lines, type TempRepo } from '../helpers/temp-repo.js';

// `selfreview init` adds review-notes settings to .git/config (each remote fetches its notes
// beside ours; a union merge strategy). `uninstall` takes out exactly those: the config file is
// byte for byte as before init, and settings the repository had of its own stay.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

function project(): TempRepo {
  const r = createTempRepo({ 'package.json': '{ "name": "app" }\n', 'src/a.ts': lines(3), '.gitignore': 'node_modules\n' });
  linkSelfreview(r.dir);
  return r;
}

const gitConfig = (r: TempRepo) => readFileSync(join(r.dir, '.git', 'config'), 'utf8');

describe('uninstall and the review notes settings', () => {
  test('init (twice) then uninstall leaves .git/config as it was', () => {
    repo = project();
    repo.git(['remote', 'add', 'origin', 'https://example.com/app.git']);
    const before = gitConfig(repo);
    expect(repo.run(['init']).code).toBe(0);
    expect(repo.run(['init']).code).toBe(0);
    expect(repo.git(['config', '--get-all', 'remote.origin.fetch']).trim().split('\n')).toEqual([
      '+refs/heads/*:refs/remotes/origin/*',
      '+refs/notes/selfreview:refs/notes/remotes/origin/selfreview',
    ]);
    expect(repo.git(['config', 'notes.selfreview.mergeStrategy']).trim()).toBe('union');
    const uninstall = repo.run(['uninstall']);
    expect(uninstall.code).toBe(0);
    expect(uninstall.stdout).toMatch(/removed the review notes fetch of origin/);
    expect(uninstall.stdout).toMatch(/unset notes\.selfreview\.mergeStrategy/);
    expect(gitConfig(repo)).toBe(before);
  });

  test("a repository's own notes settings stay; only what init added goes", () => {
    repo = project();
    repo.git(['remote', 'add', 'origin', 'https://example.com/app.git']);
    repo.git(['config', '--add', 'remote.origin.fetch', '+refs/notes/selfreview:refs/notes/remotes/origin/selfreview']);
    repo.git(['config', 'notes.selfreview.mergeStrategy', 'cat_sort_uniq']);
    repo.git(['remote', 'add', 'upstream', 'https://example.com/upstream.git']);
    const before = gitConfig(repo);
    expect(repo.run(['init']).code).toBe(0);
    expect(repo.git(['config', '--get-all', 'remote.upstream.fetch'])).toMatch(/refs\/notes\/remotes\/upstream\/selfreview/);
    const uninstall = repo.run(['uninstall']);
    expect(uninstall.stdout).toMatch(/removed the review notes fetch of upstream \(init/);
    expect(uninstall.stdout).not.toMatch(/mergeStrategy/);
    expect(gitConfig(repo)).toBe(before);
    expect(repo.git(['config', 'notes.selfreview.mergeStrategy']).trim()).toBe('cat_sort_uniq');
  });
});
