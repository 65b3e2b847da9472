import { describe, expect, test } from '@jest/globals';
import { listScriptEntries } from '../../../src/core/impact/script-entries.js';

describe('listScriptEntries', () => {
  test("a path argument builds a file of its own name, `--entry.NAME path` one named NAME (dnd-kit's packages/dom scripts)", () => {
    expect(
      listScriptEntries({
        'build:core': 'tsup src/core/index.ts',
        'build:modifiers': 'tsup --entry.modifiers src/modifiers/index.ts',
        'build:plugins': 'tsup --entry.debug=./src/plugins/debug/index.ts --outDir ./plugins',
        dev: 'bun build:core --watch & bun build:modifiers --watch',
        lint: 'eslint src/**/*.ts* --fix',
      }),
    ).toEqual({ index: 'src/core/index.ts', modifiers: 'src/modifiers/index.ts', debug: 'src/plugins/debug/index.ts' });
  });

  test("an option's value is no entry, and a name two scripts build from different sources is left out", () => {
    expect(listScriptEntries({ a: 'tsup --config tsup.config.ts src/main.ts', b: 'tsx scripts/index.ts && tsup src/index.ts' })).toEqual({
      main: 'src/main.ts',
    });
    expect(listScriptEntries(['tsup src/index.ts'])).toEqual({});
    expect(listScriptEntries(undefined)).toEqual({});
  });
});
