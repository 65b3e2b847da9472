import { describe, expect, test } from '@jest/globals';
import { readPackages } from '../../../src/core/impact/read-project-config.js';

// A CI range reads every package.json again for each commit that changes one: a manifest whose
// text is the same gives the same package, and one whose text changed is read anew, whatever was
// read before under its path.

const manifest = (fields: Record<string, unknown>) => JSON.stringify(fields, null, 2);

describe('readPackages across reads', () => {
  test('a manifest read again gives its package; one changed under the same path gives the new one', () => {
    const lib = manifest({ name: '@x/lib', version: '1.0.0', exports: { '.': './src/index.ts' } });
    const web = manifest({ name: '@x/web', private: true, main: './src/main.ts' });
    const first = readPackages(
      new Map([
        ['packages/lib/package.json', lib],
        ['apps/web/package.json', web],
      ]),
    );
    expect(first).toEqual([
      { dir: 'packages/lib', name: '@x/lib', exports: { '.': './src/index.ts' } },
      { dir: 'apps/web', name: '@x/web', main: './src/main.ts', isPrivate: true },
    ]);
    // The same text again (a copy of it, as another commit's blob would be).
    expect(
      readPackages(
        new Map([
          ['packages/lib/package.json', `${lib}`],
          ['apps/web/package.json', web],
        ]),
      ),
    ).toEqual(first);
    // The exports change, then the name goes: each read says what the text says now.
    const moved = manifest({ name: '@x/lib', version: '1.0.1', exports: { '.': './src/other.ts' } });
    expect(readPackages(new Map([['packages/lib/package.json', moved]]))).toEqual([
      { dir: 'packages/lib', name: '@x/lib', exports: { '.': './src/other.ts' } },
    ]);
    expect(readPackages(new Map([['packages/lib/package.json', manifest({ version: '2.0.0' })]]))).toEqual([]);
    expect(readPackages(new Map([['packages/lib/package.json', lib]]))).toEqual([first[0]]);
  });
});
