import { describe, expect, test } from '@jest/globals';
import { wrapsImport } from '../../../src/core/impact/public-api.js';

// A file that exports an imported binding's value under another name passes it on (ant-design's
// components/anchor/index.tsx); one that builds a new value on it does not.
describe('wrapsImport', () => {
  test.each([
    [
      'a cast, exported by default later',
      'const Anchor = InternalAnchor as CompoundedComponent;\n\nAnchor.Link = AnchorLink;\n\nexport default Anchor;\n',
    ],
    ['satisfies, exported where declared', 'export const Anchor = InternalAnchor satisfies Component;\n'],
    ['parentheses and an export list', 'const Anchor = (InternalAnchor);\nexport { Anchor };\n'],
    ['a type written, a non-null, an export renamed', 'const Anchor: Component = InternalAnchor!;\nexport { Anchor as Root };\n'],
    ['no semicolon', 'const Anchor = InternalAnchor\nexport default Anchor\n'],
  ])('%s: a wrapper', (_name, text) => expect(wrapsImport(text, 'InternalAnchor')).toBe(true));

  test.each([
    ['a call of it', 'const Anchor = InternalAnchor(1);\nexport default Anchor;\n'],
    ['a member of it', 'const Anchor = InternalAnchor.Link;\nexport default Anchor;\n'],
    ['another name starting like it', 'const Anchor = InternalAnchorLink as C;\nexport default Anchor;\n'],
    ['not exported', 'const Anchor = InternalAnchor as C;\nrender(Anchor);\n'],
    ['a name exported from elsewhere', "const Anchor = InternalAnchor as C;\nexport { Anchor } from './other';\n"],
  ])('%s: no wrapper', (_name, text) => expect(wrapsImport(text, 'InternalAnchor')).toBe(false));
});
