import { describe, expect, test } from '@jest/globals';
import {
  buildBlock,
  findScriptEnd,
  insertBlock,
  isBlockReachable,
  LEGACY_MARK,
  removeBlocks,
  removeLegacyLine,
} from '../../../src/core/setup/hook-block.js';

// The marked block in a user's hook script: where it goes, whether it can run, how it comes out.

const block = buildBlock('pre-commit');

describe('insertBlock', () => {
  test('appends to a script that runs to its end, adding the missing newline', () => {
    expect(insertBlock('#!/bin/sh\nnpx lint-staged', block)).toEqual({ text: `#!/bin/sh\nnpx lint-staged\n${block}`, before: null });
  });

  test('goes before an unindented exit or exec, which would end the script first', () => {
    const exit = insertBlock('#!/bin/sh\necho hi\nexit 0\n', block);
    expect(exit.before).toEqual({ line: 3, text: 'exit 0' });
    expect(exit.text).toBe(`#!/bin/sh\necho hi\n${block}exit 0\n`);
    expect(insertBlock('exec npx lint-staged\n', block).before).toEqual({ line: 1, text: 'exec npx lint-staged' });
  });

  test('an indented exit (inside an if) does not end every run: the block goes at the end', () => {
    const script = '#!/bin/sh\nif [ -n "$CI" ]; then\n  exit 0\nfi\n';
    expect(insertBlock(script, block).before).toBeNull();
    expect(findScriptEnd('exiting=1\nexecutable=1\n')).toBeNull();
  });
});

describe('isBlockReachable', () => {
  test('false when an exit comes before the block, true otherwise, false without a block', () => {
    expect(isBlockReachable(`#!/bin/sh\n${block}exit 0\n`)).toBe(true);
    expect(isBlockReachable(`#!/bin/sh\nexit 0\n${block}`)).toBe(false);
    expect(isBlockReachable('#!/bin/sh\necho hi\n')).toBe(false);
  });
});

describe('removeBlocks', () => {
  test("gives back the user's script exactly, wherever the block was put", () => {
    for (const original of ['#!/bin/sh\necho "team check"\n', '#!/bin/sh\necho hi\nexit 0\n', 'exec npx lint-staged\n']) {
      expect(removeBlocks(insertBlock(original, block).text)).toBe(original);
    }
  });

  test('takes out the one marked line of an older install, and the line after it', () => {
    const old = `#!/bin/sh\necho keep\n${LEGACY_MARK}\n"$(test -x node_modules/.bin/selfreview && echo x)"\n`;
    expect(removeBlocks(old)).toBe('#!/bin/sh\necho keep\n');
    expect(removeLegacyLine(old)).toBe('#!/bin/sh\necho keep\n');
  });
});
