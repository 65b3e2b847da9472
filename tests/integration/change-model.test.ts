import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { fileOf, reviewJson, runUnchanged } from '../helpers/review-run.js';

// The change model against real git: every status, odd names, line endings, partial staging.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('the staged change as git will commit it', () => {
  test('added, modified, deleted, renamed (with similarity) and copied files, with counts', () => {
    repo = createTempRepo({
      'src/keep.ts': lines(10),
      'src/old-name.ts': lines(40, 'stable'),
      'src/gone.ts': lines(5, 'doomed'),
      'src/template.ts': lines(30, 'template'),
    });
    repo.write({ 'src/keep.ts': lines(12) });
    repo.git(['mv', 'src/old-name.ts', 'src/new-name.ts']);
    repo.write({ 'src/new-name.ts': `${lines(40, 'stable')}one more\n` });
    repo.git(['rm', '-q', 'src/gone.ts']);
    repo.write({ 'src/template-copy.ts': `${lines(30, 'template')}extra\n`, 'src/template.ts': `${lines(30, 'template')}edit\n` });
    repo.stage({ 'src/brand-new.ts': lines(7, 'fresh') });
    repo.git(['add', '-A']);

    const { code, report } = reviewJson(repo);
    expect(code).toBe(0);
    expect(fileOf(report, 'src/keep.ts')).toMatchObject({ status: 'modified', added: 2, removed: 0 });
    expect(fileOf(report, 'src/new-name.ts')).toMatchObject({ status: 'renamed', oldPath: 'src/old-name.ts', added: 1, removed: 0 });
    expect(fileOf(report, 'src/new-name.ts').similarity).toBeGreaterThanOrEqual(90);
    expect(fileOf(report, 'src/gone.ts')).toMatchObject({ status: 'deleted', added: 0, removed: 5 });
    expect(fileOf(report, 'src/template-copy.ts')).toMatchObject({ status: 'copied', oldPath: 'src/template.ts', added: 1 });
    expect(fileOf(report, 'src/brand-new.ts')).toMatchObject({ status: 'added', added: 7 });
    expect(report.totals).toEqual({ files: 6, added: 12, removed: 5, lines: 17, excludedFiles: 0 });
  });

  test('mode-only, type change, symlink, binary and submodule entries', () => {
    repo = createTempRepo({
      'run.sh': '#!/bin/sh\necho hi\n',
      'was-file': 'content\n',
      'img.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
    });
    const sub = createTempRepo({ 'lib.txt': 'library\n' });
    try {
      repo.write({ 'run.sh': { executable: '#!/bin/sh\necho hi\n' } });
      repo.git(['rm', '-q', '--cached', 'was-file']);
      repo.write({ 'was-file': { symlink: 'run.sh' } });
      repo.write({ 'img.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 9, 9, 9, 9]), 'link-to-img': { symlink: 'img.png' } });
      repo.git(['add', '-A']);
      // A gitlink entry, as `git submodule add` stages it, without needing a remote.
      const subHead = sub.git(['rev-parse', 'HEAD']).trim();
      repo.git(['update-index', '--add', '--cacheinfo', `160000,${subHead},deps/lib`]);

      const { report } = reviewJson(repo);
      expect(fileOf(report, 'run.sh')).toMatchObject({ status: 'modified', modeOnly: true, kind: 'executable', added: 0, removed: 0 });
      expect(fileOf(report, 'was-file')).toMatchObject({ status: 'type-changed', kind: 'symlink' });
      expect(fileOf(report, 'img.png')).toMatchObject({ binary: true, added: 0, removed: 0 });
      expect(fileOf(report, 'link-to-img')).toMatchObject({ status: 'added', kind: 'symlink', added: 1 });
      expect(fileOf(report, 'deps/lib')).toMatchObject({ status: 'added', kind: 'submodule', added: 0, removed: 0 });
      expect(report.totals.files).toBe(5);
    } finally {
      sub.cleanup();
    }
  });

  test('any file name git allows, and the text report cannot be used to inject escapes', () => {
    repo = createTempRepo({ 'README.md': 'hi\n' });
    const names = [
      'with space.ts',
      'quote"d\'.ts',
      'ünïcødé/ファイル.ts',
      'new\nline.ts',
      '-leading-dash.ts',
      'tab\there.ts',
      'esc\u001b[31mred.ts',
    ];
    repo.stage(Object.fromEntries(names.map((n) => [n, 'x\n'])));
    const { report } = reviewJson(repo);
    expect(report.files.map((f) => f.path).sort()).toEqual([...names].sort());

    const text = runUnchanged(repo).stdout;
    expect(text).not.toContain('\u001b');
    expect(text).toContain('esc\\e[31mred.ts');
    expect(text).toContain('new\\nline.ts');
    expect(text).toContain('ünïcødé/ファイル.ts');
    // --debug logs git's command lines, which hold the staged names: sanitized as well. (At the
    // root the names go to check-attr on its stdin; from a folder it is asked again with them.)
    mkdirSync(join(repo.dir, 'sub'));
    const debug = runUnchanged(repo, ['--debug'], { cwd: join(repo.dir, 'sub') }).stderr;
    expect(debug).toContain('esc\\e[31mred.ts');
    expect(debug).not.toContain('\u001b');
  });

  test('a line-ending-only change counts no lines; a real edit in a CRLF file counts once', () => {
    repo = createTempRepo({ 'unix.txt': 'a\nb\nc\n', 'dos.txt': 'a\r\nb\r\n' });
    repo.stage({ 'unix.txt': 'a\r\nb\r\nc\r\n', 'dos.txt': 'a\r\nB\r\n' });
    const { report } = reviewJson(repo);
    expect(fileOf(report, 'unix.txt')).toMatchObject({ added: 0, removed: 0, status: 'modified' });
    expect(fileOf(report, 'dos.txt')).toMatchObject({ added: 1, removed: 1 });
    expect(runUnchanged(repo).stdout).toMatch(/unix\.txt\s+line endings only/);
  });

  test('partial staging: only the staged part counts, the working tree is not read', () => {
    repo = createTempRepo({ 'a.ts': lines(10) });
    repo.stage({ 'a.ts': `${lines(10)}staged 1\nstaged 2\n` });
    repo.write({ 'a.ts': `${lines(10)}staged 1\nstaged 2\n${lines(300, 'unstaged')}`, 'untracked.ts': lines(500) });
    const { report } = reviewJson(repo);
    expect(report.files).toHaveLength(1);
    expect(fileOf(report, 'a.ts')).toMatchObject({ added: 2, removed: 0 });
  });

  test('the first commit is compared with the empty tree', () => {
    repo = createTempRepo({ 'a.ts': lines(3), 'b.ts': lines(4) }, { commit: false });
    const { code, report } = reviewJson(repo);
    expect(code).toBe(0);
    expect(report.base.kind).toBe('empty-tree');
    expect(report.totals).toMatchObject({ files: 2, added: 7, removed: 0 });
    expect(report.notes.join(' ')).toMatch(/first commit/i);
  });

  test('run from a subfolder: paths stay relative to the repository root', () => {
    repo = createTempRepo({ 'src/deep/a.ts': lines(3), 'b.ts': lines(2) });
    repo.stage({ 'src/deep/a.ts': lines(5), 'b.ts': lines(3) });
    const { report } = reviewJson(repo, [], { cwd: `${repo.dir}/src/deep` });
    expect(report.files.map((f) => f.path).sort()).toEqual(['b.ts', 'src/deep/a.ts']);
  });

  test('nothing staged passes and says so', () => {
    repo = createTempRepo({ 'a.ts': lines(3) });
    const result = runUnchanged(repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/nothing is staged/i);
  });

  test('GIT_INDEX_FILE names the index that is reviewed', () => {
    repo = createTempRepo({ 'a.ts': lines(3) });
    repo.write({ 'b.ts': lines(9) });
    const other = `${repo.dir}/.git/other-index`;
    repo.git(['read-tree', 'HEAD'], { env: { GIT_INDEX_FILE: other } });
    repo.git(['add', 'b.ts'], { env: { GIT_INDEX_FILE: other } });
    expect(reviewJson(repo).report.files).toHaveLength(0);
    const { report } = reviewJson(repo, [], { env: { GIT_INDEX_FILE: other } });
    expect(report.files.map((f) => f.path)).toEqual(['b.ts']);
  });
});
