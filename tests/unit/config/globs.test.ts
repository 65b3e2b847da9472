import { createRequire } from 'node:module';
import { describe, expect, test } from '@jest/globals';
import type Picomatch from 'picomatch';
import { compileGlobs } from '../../../src/core/globs.js';

// `**/name/**` globs are answered without picomatch (compileGlobs' fast path); picomatch, with the
// options compileGlobs gives it, is the oracle here.

const picomatch = createRequire(import.meta.url)('picomatch') as typeof Picomatch;
const paths = [
  'auth',
  'auth/',
  'auth/x.ts',
  'a/auth',
  'a/auth/x.ts',
  'a/b/auth/c/d.ts',
  '.auth/x',
  'a/.auth/x',
  'xauth/y',
  'a/authx/y',
  'a/auth/.x',
  '.x/auth/y',
  'src/secrets.ts',
  'src/.github/workflows/ci.yml',
  '.github/x',
  'payments',
  'src/payment-service/x.ts',
  'src/payment/x.ts',
];

describe('compileGlobs: `**/name/**` without picomatch', () => {
  test.each(['**/auth/**', '**/.github/**', '**/payment/**', '**/secrets/**'])('%s answers as picomatch does', (glob) => {
    const oracle = picomatch(glob, { dot: true });
    expect(paths.map((p) => compileGlobs([glob])(p))).toEqual(paths.map((p) => oracle(p)));
  });

  test('mixed with other globs, each keeps its own meaning', () => {
    const test = compileGlobs(['**/auth/**', '*.lock', 'docs/**']);
    expect(['a/auth/x.ts', 'yarn.lock', 'x/yarn.lock', 'docs/a.md', 'a/docs/b.md', 'src/a.ts'].filter(test)).toEqual([
      'a/auth/x.ts',
      'yarn.lock',
      'x/yarn.lock',
      'docs/a.md',
    ]);
  });
});
