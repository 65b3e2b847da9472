import { describe, expect, test } from '@jest/globals';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import { mergeGroups, moveFile, renameGroup } from '../../../src/core/split/edit-plan.js';
import type { SplitGroup, SplitPlan } from '../../../src/core/split/split-plan.js';
import { computeStageEntries, listCommittedGroups } from '../../../src/core/split/stage-entries.js';
import { fileChange as file } from '../../helpers/file-change.js';

const group = (reason: string, files: FileChange[], dependsOn: number[] = []): SplitGroup => ({
  files,
  kind: 'code',
  countedFiles: files.length,
  lines: files.reduce((n, f) => n + f.added, 0),
  reason,
  dependsOn,
  isOverBudget: false,
});
const plan: SplitPlan = {
  budget: { lines: 100, files: 5 },
  groups: [
    group('one', [file('a.ts', 50)]),
    group('two', [file('b.ts', 30), file('c.ts', 30)], [1]),
    group('three', [file('d.ts', 10)], [2]),
  ],
  unsplittable: [],
};

describe('editing a plan (split -i)', () => {
  test('moving the last file of a group removes the group and renumbers what builds on it', () => {
    const edited = moveFile(plan, 'a.ts', 3);
    expect(edited.groups.map((g) => g.files.map((f) => f.path))).toEqual([
      ['b.ts', 'c.ts'],
      ['a.ts', 'd.ts'],
    ]);
    expect(edited.groups[1]).toMatchObject({ lines: 60, countedFiles: 2, dependsOn: [1] });
  });

  test('moving into a new group, over the budget when it is', () => {
    const edited = moveFile(moveFile(plan, 'b.ts', 4), 'a.ts', 2);
    expect(edited.groups.map((g) => g.files.map((f) => f.path))).toEqual([['a.ts', 'c.ts'], ['d.ts'], ['b.ts']]);
    expect(edited.groups[2]!.reason).toBe('b.ts on its own');
  });

  test('merging keeps both reasons; renaming changes only the name', () => {
    const merged = mergeGroups(plan, 1, 2);
    expect(merged.groups.map((g) => g.reason)).toEqual(['one; two', 'three']);
    expect(merged.groups[0]).toMatchObject({ lines: 110, isOverBudget: true });
    expect(merged.groups[1]!.dependsOn).toEqual([1]);
    expect(renameGroup(plan, 2, '  Parser rewrite ').groups[1]!.reason).toBe('Parser rewrite');
    expect(renameGroup(plan, 2, '   ')).toBe(plan);
  });
});

describe('what --stage puts in the index', () => {
  const renamed = file('new.ts', 1, { status: 'renamed', oldPath: 'old.ts' });
  const groups = [group('g1', [renamed]), group('g2', [file('x.ts', 1), file('gone.ts', 0, { status: 'deleted', removed: 3 })])];
  const original = { 'new.ts': { mode: '100644', blob: 'n1' }, 'old.ts': null, 'x.ts': { mode: '100755', blob: 'x1' }, 'gone.ts': null };
  const head = new Map([
    ['old.ts', { mode: '100644', blob: 'o0' }],
    ['x.ts', { mode: '100644', blob: 'x0' }],
    ['gone.ts', { mode: '100644', blob: 'g0' }],
  ]);

  test('the group as originally staged, every other path of the change as HEAD has it', () => {
    expect(computeStageEntries(groups, 1, original, head)).toEqual([
      { path: 'gone.ts', entry: { mode: '100644', blob: 'g0' } },
      { path: 'new.ts', entry: { mode: '100644', blob: 'n1' } },
      { path: 'old.ts', entry: null },
      { path: 'x.ts', entry: { mode: '100644', blob: 'x0' } },
    ]);
    expect(computeStageEntries(groups, 2, original, head)).toEqual([
      { path: 'gone.ts', entry: null },
      { path: 'new.ts', entry: null },
      { path: 'old.ts', entry: { mode: '100644', blob: 'o0' } },
      { path: 'x.ts', entry: { mode: '100755', blob: 'x1' } },
    ]);
  });

  test('a group is committed when HEAD holds its paths as the original index did', () => {
    expect(listCommittedGroups(groups, original, head)).toEqual([]);
    const afterFirst = new Map([
      ['new.ts', { mode: '100644', blob: 'n1' }],
      ['x.ts', { mode: '100644', blob: 'x0' }],
      ['gone.ts', { mode: '100644', blob: 'g0' }],
    ]);
    expect(listCommittedGroups(groups, original, afterFirst)).toEqual([1]);
  });
});
