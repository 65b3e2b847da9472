import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// webstudio-is/webstudio 1c043a870a rewrites `collectExclusiveInstanceIds`: reference counts gone,
// candidates collected and the shared ones preserved, the candidates given back. Its question said
// "(new locals `candidateIds`, `preservedIds` and `preserve`)" and nothing of what it now gives back.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const before = `export const collectExclusiveIds = (children: Map<string, string[]>, roots: Set<string>) => {
  const referenceCounts = new Map<string, number>();
  for (const ids of children.values()) {
    if (ids.length === 0) {
      continue;
    }
    for (const id of ids) {
      referenceCounts.set(id, (referenceCounts.get(id) ?? 0) + 1);
    }
  }
  const instanceIds = new Set<string>();
  const visit = (id: string) => {
    if (instanceIds.has(id)) {
      return;
    }
    instanceIds.add(id);
    for (const child of children.get(id) ?? []) {
      if (roots.has(child) === false && (referenceCounts.get(child) ?? 0) > 1) {
        continue;
      }
      visit(child);
    }
  };
  for (const root of roots) {
    visit(root);
  }
  return instanceIds;
};
`;

const after = `export const collectExclusiveIds = (children: Map<string, string[]>, roots: Set<string>) => {
  const candidateIds = new Set<string>();
  const collect = (id: string) => {
    candidateIds.add(id);
    for (const child of children.get(id) ?? []) {
      collect(child);
    }
  };
  for (const root of roots) {
    collect(root);
  }
  const preservedIds = new Set<string>();
  const preserve = (id: string) => {
    if (roots.has(id) || preservedIds.has(id)) {
      return;
    }
    preservedIds.add(id);
    for (const child of children.get(id) ?? []) {
      preserve(child);
    }
  };
  for (const [id, ids] of children) {
    if (candidateIds.has(id)) {
      continue;
    }
    for (const child of ids) {
      if (candidateIds.has(child)) {
        preserve(child);
      }
    }
  }
  for (const id of preservedIds) {
    candidateIds.delete(id);
  }
  return candidateIds;
};
`;

const user = `import { collectExclusiveIds } from "./instances";

export const idsToDelete = (children: Map<string, string[]>, root: string) => collectExclusiveIds(children, new Set([root]));
`;

test('a body rewritten with new locals is told by them and by what it now gives back', () => {
  repo = createTempRepo({ 'src/instances.ts': before, 'src/page-copy.ts': user });
  repo.stage({ 'src/instances.ts': after });
  expect(messageOf(listQuestions(repo), 'impact:src/instances.ts#collectExclusiveIds')).toMatch(
    /^`collectExclusiveIds` in src\/instances\.ts changed its implementation \(new locals `candidateIds`, `collect`, `preservedIds` and 1 more, now returns `candidateIds` where it returned `instanceIds`\)/,
  );
});
