import { describe, expect, test } from '@jest/globals';
import type { Budget } from '../../../src/core/config/defaults.js';
import { nameInHeading } from '../../../src/core/split/changed-names.js';
import { describePlace } from '../../../src/core/split/describe-group.js';
import { planSplit } from '../../../src/core/split/plan-split.js';
import type { Hunk } from '../../../src/core/split/split-plan.js';
import { fileChange as file } from '../../helpers/file-change.js';

// What a group is called is the commit message `split --stage` suggests: what a person would
// write ("Update `parseCookie` and `getIP` under src/utils/"), never "25 files under
// packages/element/src/", and never a group of "0 files, 0 lines".

const HUMAN: Budget = { lines: 400, files: 25 };
const hunk = (heading: string, lines: number): Hunk => ({
  oldStart: 1,
  oldLines: 0,
  newStart: 1,
  newLines: lines,
  heading,
  removed: [],
  added: Array.from({ length: lines }, (_, i) => `line ${i}`),
});

describe('group names say what changes', () => {
  test('files with no export story are named by their changed exports, most changed first, and where they are', () => {
    const files = [
      file('src/utils/cookie.ts', 30),
      file('src/utils/ipaddr.ts', 60),
      file('src/utils/url.ts', 10),
      file('src/utils/stream.ts', 5),
    ];
    const impact = {
      changedSymbols: [
        { path: 'src/utils/ipaddr.ts', name: 'distinctRemoteAddr', change: 'body-changed' as const, valueUsers: [] },
        { path: 'src/utils/cookie.ts', name: 'parse', change: 'body-changed' as const, valueUsers: [] },
        { path: 'src/utils/url.ts', name: 'getPath', change: 'added' as const, valueUsers: [] },
        { path: 'src/utils/stream.ts', name: 'StreamingApi', change: 'body-changed' as const, valueUsers: [] },
      ],
    };
    const [group] = planSplit({ files, budget: HUMAN, impact }).groups;
    expect(group!.reason).toBe('Update `distinctRemoteAddr`, `parse`, `getPath` and 1 more under src/utils/');
  });

  test('the same story told by two parts is told once, with how many (TanStack table ff436663f: one `Person` per example)', () => {
    const files = [file('examples/vue/a/makeData.ts', 10), file('examples/vue/b/makeData.ts', 10), file('examples/vue/c/App.vue', 5)];
    const person = (path: string) => ({ path, name: 'Person', change: 'shape-changed' as const, valueUsers: [] });
    const impact = { changedSymbols: [person('examples/vue/a/makeData.ts'), person('examples/vue/b/makeData.ts')] };
    const [group] = planSplit({ files, budget: HUMAN, impact }).groups;
    expect(group!.reason).toBe('`Person` changed its signature (in 2 places); update examples/vue/c/App.vue');
  });

  test('without the blast radius, the functions the hunks sit in; without those, the file names', () => {
    const files = [file('lib/a.py', 40), file('lib/b.py', 20)];
    const hunks = new Map([
      ['lib/a.py', [hunk('def load_config(path):', 30), hunk('class Loader:', 10)]],
      ['lib/b.py', [hunk('if (x) {', 20)]],
    ]);
    expect(planSplit({ files, budget: HUMAN, hunks }).groups[0]!.reason).toBe('Update `load_config` and `Loader` under lib/');
    const added = [file('tools/x.sh', 5, { status: 'added' }), file('tools/y.sh', 3, { status: 'added' })];
    expect(planSplit({ files: added, budget: HUMAN }).groups[0]!.reason).toBe('Add x.sh and y.sh under tools/');
    expect(describePlace([file('tools/x.sh', 1), file('y.txt', 1)])).toBe('in tools/ and the root');
  });

  test('files moved or renamed say so, from where to where (hoppscotch 863b1b29a: ten .graphql files, 0 lines, "Update")', () => {
    const moved = (name: string) =>
      file(`packages/common/src/gql/subscriptions/${name}`, 0, {
        status: 'renamed',
        oldPath: `packages/web/src/api/subscriptions/${name}`,
      });
    const files = [
      'UserCollectionRemoved.graphql',
      'UserCollectionCreated.graphql',
      'UserHistoryDeleted.graphql',
      'UserEnvironmentCreated.graphql',
    ].map(moved);
    expect(planSplit({ files, budget: HUMAN }).groups[0]!.reason).toBe(
      'Move UserCollectionCreated.graphql, UserCollectionRemoved.graphql, UserEnvironmentCreated.graphql and 1 more from packages/web/src/api/subscriptions/ to packages/common/src/gql/subscriptions/',
    );
    expect(planSplit({ files: [files[0]!], budget: HUMAN }).groups[0]!.reason).toBe(
      'Move packages/web/src/api/subscriptions/UserCollectionRemoved.graphql to packages/common/src/gql/subscriptions/UserCollectionRemoved.graphql',
    );
    const renamed = file('src/utils/cookie.ts', 0, { status: 'renamed', oldPath: 'src/utils/cookies.ts' });
    expect(planSplit({ files: [renamed], budget: HUMAN }).groups[0]!.reason).toBe('Rename src/utils/cookies.ts to cookie.ts');
  });

  test('one file: its changed names and its path', () => {
    const impact = { changedSymbols: [{ path: 'src/router.ts', name: 'Router', change: 'body-changed' as const, valueUsers: [] }] };
    expect(planSplit({ files: [file('src/router.ts', 9)], budget: HUMAN, impact }).groups[0]!.reason).toBe(
      'Update `Router` in src/router.ts',
    );
  });

  test('nameInHeading takes the declared or called name, never a keyword', () => {
    expect(nameInHeading('export async function fetchUser(id: string) {')).toBe('fetchUser');
    expect(nameInHeading('  const handler = async (req) => {')).toBe('handler');
    expect(nameInHeading('  render(props) {')).toBe('render');
    expect(nameInHeading('if (enabled) {')).toBeNull();
    expect(nameInHeading("describe('parse', () => {")).toBeNull();
    expect(nameInHeading('')).toBeNull();
  });
});

describe('no group of uncounted files', () => {
  test('a lock file whose package.json is not staged joins the next group: no "0 files, 0 lines"', () => {
    const files = [
      file('pnpm-lock.yaml', 300, { excluded: 'lock file' }),
      file('src/a.ts', 300),
      file('src/b.ts', 300, { status: 'added' }),
    ];
    const plan = planSplit({ files, budget: HUMAN });
    expect(plan.groups.every((g) => g.countedFiles > 0)).toBe(true);
    expect(plan.groups.flatMap((g) => g.files.map((f) => f.path)).sort()).toEqual(['pnpm-lock.yaml', 'src/a.ts', 'src/b.ts']);
    // The group it joins keeps its own name.
    expect(plan.groups.find((g) => g.files.some((f) => f.path === 'pnpm-lock.yaml'))!.reason).not.toMatch(/lock file|excluded/);
  });

  test('a change of only uncounted files stays one group', () => {
    const plan = planSplit({ files: [file('yarn.lock', 50, { excluded: 'lock file' })], budget: HUMAN });
    expect(plan.groups).toHaveLength(1);
  });
});
