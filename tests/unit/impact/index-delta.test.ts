import { describe, expect, test } from '@jest/globals';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import { indexPaths, type GraphTable } from '../../../src/core/impact/graph-table.js';
import { deriveIndex, diffByPath, listDerivedModules, type PathDiff } from '../../../src/core/impact/index-delta.js';

// A saved graph derives the index's modules from its own and a diff since its base commit
// (index-delta.ts): every answer here is what a listing of that index would give, or null.

const id = (c: string) => c.repeat(40);
const isRead = (path: string) => /\.ts$|package\.json$/.test(path);
type Change = Pick<FileChange, 'path' | 'oldPath' | 'status' | 'oldBlob' | 'newBlob'>;
const none = '0'.repeat(40);

function table(entries: Array<[string, string]>): GraphTable {
  const paths = entries.map(([p]) => p);
  return { paths, blobs: entries.map(([, b]) => b), specifiers: [], start: new Int32Array(paths.length + 1), links: new Int32Array(0) };
}

describe('diffByPath', () => {
  test('a rename is a removal and an addition; a copy an addition; paths the graph does not read are left out', () => {
    const files: Change[] = [
      { path: 'b.ts', oldPath: 'a.ts', status: 'renamed', oldBlob: id('a'), newBlob: id('b') },
      { path: 'c.ts', oldPath: 'd.ts', status: 'copied', oldBlob: id('d'), newBlob: id('d') },
      { path: 'e.ts', status: 'deleted', oldBlob: id('e'), newBlob: none },
      { path: 'f.ts', status: 'type-changed', oldBlob: id('f'), newBlob: id('1') },
      { path: 'README.md', status: 'modified', oldBlob: id('2'), newBlob: id('3') },
    ];
    const diff = diffByPath(files, isRead)!;
    expect([...diff.then]).toEqual([
      ['a.ts', id('a')],
      ['b.ts', ''],
      ['c.ts', ''],
      ['e.ts', id('e')],
      ['f.ts', id('f')],
    ]);
    expect([...diff.now]).toEqual([
      ['a.ts', ''],
      ['b.ts', id('b')],
      ['c.ts', id('d')],
      ['e.ts', ''],
      ['f.ts', id('1')],
    ]);
  });

  test('unmerged entries, or two records that disagree on a path, give no diff', () => {
    expect(diffByPath([{ path: 'a.ts', status: 'unmerged', oldBlob: none, newBlob: none }], isRead)).toBeNull();
    const twice: Change[] = [
      { path: 'a.ts', status: 'modified', oldBlob: id('a'), newBlob: id('b') },
      { path: 'a.ts', status: 'modified', oldBlob: id('a'), newBlob: id('c') },
    ];
    expect(diffByPath(twice, isRead)).toBeNull();
  });
});

describe('deriveIndex', () => {
  // Saved: a.ts staged as 'b' over the base's 'a'; x.ts only kept resolvable.
  const saved = {
    table: table([
      ['a.ts', id('b')],
      ['c.ts', id('c')],
      ['x.ts', ''],
    ]),
    config: [['package.json', id('p')] as const],
  };
  const base = { rev: id('9'), changes: [['a.ts', id('a')] as const] };
  const diff = (then: Array<[string, string]>, now: Array<[string, string]>): PathDiff => ({ then: new Map(then), now: new Map(now) });

  test('an edit, an unstaged path (back to the base) and a config change', () => {
    const derived = deriveIndex(
      saved,
      base,
      diff(
        [
          ['c.ts', id('c')],
          ['package.json', id('p')],
        ],
        [
          ['c.ts', id('d')],
          ['package.json', id('q')],
        ],
      ),
    )!;
    expect(derived.blobs).toEqual([id('a'), id('d'), '']);
    expect([...derived.changedAt].sort()).toEqual([0, 1]);
    expect(listDerivedModules(saved.table, derived.blobs)).toEqual([
      { path: 'a.ts', blob: id('a') },
      { path: 'c.ts', blob: id('d') },
    ]);
    expect(derived.moduleCount).toBe(2);
    expect(derived.projectConfig).toEqual([{ path: 'package.json', blob: id('q') }]);
    // What a graph saved now says: the base's side of the paths that differ from it.
    expect(derived.base).toEqual({
      rev: id('9'),
      changes: [
        ['c.ts', id('c')],
        ['package.json', id('p')],
      ],
    });
  });

  test('nothing changed since: the saved blobs', () => {
    expect(deriveIndex(saved, base, diff([['a.ts', id('a')]], [['a.ts', id('b')]]))!.blobs).toEqual(saved.table.blobs);
  });

  test('a path added or removed, a config file removed, or a base that disagrees with the diff: null', () => {
    expect(deriveIndex(saved, base, diff([['n.ts', '']], [['n.ts', id('n')]]))).toBeNull();
    expect(deriveIndex(saved, base, diff([['x.ts', '']], [['x.ts', id('x')]]))).toBeNull();
    expect(deriveIndex(saved, base, diff([['c.ts', id('c')]], [['c.ts', '']]))).toBeNull();
    expect(deriveIndex(saved, base, diff([['package.json', id('p')]], [['package.json', '']]))).toBeNull();
    expect(deriveIndex(saved, base, diff([['a.ts', id('z')]], [['a.ts', id('b')]]))).toBeNull();
  });
});

describe('indexPaths', () => {
  test('sorted paths with a few kept resolvable after them: every path found, others not', () => {
    const paths = ['a/b.ts', 'a/c.ts', 'a/é.ts', 'b.ts', 'z.ts', 'a/a.ts', 'm.ts'];
    const index = indexPaths(table(paths.map((p) => [p, id('1')])));
    paths.forEach((p, i) => expect(index.get(p)).toBe(i));
    for (const missing of ['', 'a', 'a/d.ts', 'zz.ts', 'n.ts']) expect(index.has(missing)).toBe(false);
  });

  test('paths in no order', () => {
    const paths = Array.from({ length: 200 }, (_, i) => `f${(i * 7919) % 200}.ts`);
    const index = indexPaths(table(paths.map((p) => [p, id('1')])));
    paths.forEach((p, i) => expect(index.get(p)).toBe(i));
    expect(index.get('f200.ts')).toBeUndefined();
  });
});
