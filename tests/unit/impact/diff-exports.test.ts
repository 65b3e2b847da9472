import { describe, expect, test } from '@jest/globals';
import { diffExports } from '../../../src/core/impact/diff-exports.js';
import type { ExportRecord, ModuleRecord } from '../../../src/core/impact/module-record.js';

const moduleOf = (exports: ExportRecord[]): ModuleRecord => ({
  imports: [],
  exports,
  declarations: [],
  hash: exports.map((e) => e.bodyHash).join(),
});
const pino = (bodyHash: string): ExportRecord => ({
  name: 'export=',
  kind: 'export-equals',
  shape: 'pino(opts?: LoggerOptions): Logger',
  bodyHash,
  local: 'pino',
});

describe('diffExports: a declaration file has no implementation', () => {
  test('what changed behind an unchanged shape in pino.d.ts is a type; in pino.js it is the implementation', () => {
    // pino b394c2c1 gave `MultiStreamRes` two members inside `declare namespace pino`: the
    // report said "module.exports (pino.d.ts) implementation changed".
    expect(diffExports('pino.d.ts', moduleOf([pino('a')]), moduleOf([pino('b')]))).toEqual([
      { path: 'pino.d.ts', name: 'export=', change: 'shape-changed', detail: 'declared types changed' },
    ]);
    expect(diffExports('pino.js', moduleOf([pino('a')]), moduleOf([pino('b')]))).toEqual([
      { path: 'pino.js', name: 'export=', change: 'body-changed' },
    ]);
  });
});
