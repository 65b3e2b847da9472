import { describe, expect, test } from '@jest/globals';
import { listMembers } from '../../../src/adapters/typescript/list-members.js';
import { describeMemberChanges, diffMembers } from '../../../src/core/questionnaire/changed-members.js';

// pnpm 7bee7dace4: `applyPatch` ran its removals beside its changes and now awaits them first (a
// path the source turned from a directory into a file is emptied before it is replaced). No piece,
// branch or call was gained or lost: its questions said "changed its implementation". The source
// is the commit's, cut to the function.

const BEFORE = `export async function applyPatch (optimizedDirPatch: DirDiff, sourceDir: string, targetDir: string): Promise<void> {
  async function applyChange (item: ValueChange): Promise<void> {
    const targetPath = path.join(targetDir, item.path)
    if (item.oldValue !== undefined) await removeRecursive(targetPath)
    await addRecursive(path.join(sourceDir, item.path), targetPath)
  }

  const changes = [...optimizedDirPatch.added, ...optimizedDirPatch.modified]
  const newDirs = changes.filter(item => item.newValue === DIR).sort((a, b) => comparePaths(a.path, b.path))
  const newFiles = changes.filter(item => item.newValue !== DIR)

  const changing = (async () => {
    for (const item of newDirs) {
      await applyChange(item) // eslint-disable-line no-await-in-loop
    }
    await Promise.all(newFiles.map(applyChange))
  })()

  const removing = Promise.all(optimizedDirPatch.removed.map(async item => {
    const targetPath = path.join(targetDir, item.path)
    await removeRecursive(targetPath)
  }))

  await Promise.all([changing, removing])
}
`;
const AFTER = `export async function applyPatch (optimizedDirPatch: DirDiff, sourceDir: string, targetDir: string): Promise<void> {
  async function applyChange (item: ValueChange): Promise<void> {
    const targetPath = path.join(targetDir, item.path)
    if (item.oldValue !== undefined) await removeRecursive(targetPath)
    await addRecursive(path.join(sourceDir, item.path), targetPath)
  }

  const changes = [...optimizedDirPatch.added, ...optimizedDirPatch.modified]
  const newDirs = changes.filter(item => item.newValue === DIR).sort((a, b) => comparePaths(a.path, b.path))
  const newFiles = changes.filter(item => item.newValue !== DIR)

  await Promise.all(optimizedDirPatch.removed.map(async item => {
    await removeRecursive(path.join(targetDir, item.path))
  }))

  for (const item of newDirs) {
    await applyChange(item) // eslint-disable-line no-await-in-loop
  }
  await Promise.all(newFiles.map(applyChange))
}
`;

const describeChange = (oldText: string, newText: string) => {
  // The hunk's lines: below the local function, which calls `removeRecursive` where it is declared.
  const all = [[11, 24]] as const;
  const sides = listMembers('src/DirPatcher.ts', { oldText, newText, oldRanges: all, newRanges: all });
  return describeMemberChanges(diffMembers(sides.old, sides.new).get('applyPatch'));
};

describe('calls made in another order', () => {
  test('are named where nothing else is: the callee moved ahead, and the first it used to follow', () => {
    expect(describeChange(BEFORE, AFTER)).toBe('now calls `removeRecursive` before `applyChange`');
    // The other way round, the locals it gains are named first: the order is said only where nothing else is.
    expect(describeChange(AFTER, BEFORE)).toBe('new locals `changing` and `removing`');
  });

  test('the same order is no change of order', () => {
    const renamed = AFTER.replace(
      'await removeRecursive(path.join(targetDir, item.path))',
      'await removeRecursive(path.join(targetDir, item.path), true)',
    );
    expect(describeChange(AFTER, renamed)).toBe('');
  });

  test('an error thrown earlier is no call made earlier (jose 3a918336 wraps `Uint8Array.fromBase64` in a `try`)', () => {
    const decode = (fromBase64: string) => `export function decode(input) {
  if (Uint8Array.fromBase64) {
${fromBase64}
  }
  let encoded = input
  if (encoded instanceof Uint8Array) {
    encoded = decoder.decode(encoded)
  }
  if (encoded.includes('+') || encoded.includes('/')) {
    throw new TypeError('The input to be decoded is not correctly encoded.')
  }
  return decodeBase64(encoded)
}
`;
    const call = "return Uint8Array.fromBase64(typeof input === 'string' ? input : decoder.decode(input), { alphabet: 'base64url' })";
    const all = [[1, 20]] as const;
    const sides = listMembers('src/util/base64url.ts', {
      oldText: decode(`    ${call}`),
      newText: decode(
        `    try {\n      ${call}\n    } catch (cause) {\n      throw new TypeError('The input to be decoded is not correctly encoded.', { cause })\n    }`,
      ),
      oldRanges: all,
      newRanges: all,
    });
    expect(describeMemberChanges(diffMembers(sides.old, sides.new).get('decode'))).not.toMatch(/calls `TypeError`/);
  });
});
