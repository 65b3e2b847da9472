#!/usr/bin/env node
// Checks the light record of every JS/TS file of real repositories against the full parse of the
// same text (parse-module.ts): what a walk reads of a record (the imports with each binding's
// lines and members, the exports by name and kind, each declaration's uses) must be the same, or
// a user would move or be lost from a report. Prints the files, how many took the light path, the
// (file, binding or use) pairs compared, the files that differ (the first few shown) and the time
// of each parse.
//
//   npm run build && node scripts/check-light-records.mjs /path/to/clone ...

import { performance } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { moduleTexts, walked } from './walked-record.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { parseModule } = await import(pathToFileURL(join(root, 'dist', 'adapters/typescript/parse-module.js')).href);
const withError = (record) => walked(record, { parseError: record.parseError });

const pairsOf = (record) =>
  record.imports.reduce((n, edge) => n + edge.bindings.reduce((m, b) => m + 1 + (b.members?.length ?? 0), 0), 0) +
  record.declarations.reduce((n, d) => n + d.uses.length, 0);

for (const repo of process.argv.slice(2)) {
  const totals = { files: 0, light: 0, pairs: 0, differ: 0, fullMs: 0, lightMs: 0 };
  for (const [file, text] of moduleTexts(repo)) {
    totals.files++;
    let start = performance.now();
    const full = parseModule(file, text);
    totals.fullMs += performance.now() - start;
    start = performance.now();
    const light = parseModule(file, text, true);
    totals.lightMs += performance.now() - start;
    if (light.isLight === true) totals.light++;
    totals.pairs += pairsOf(full);
    if (withError(full) === withError(light)) continue;
    if (++totals.differ <= 5)
      console.log(`differs: ${file}\n  full:  ${withError(full).slice(0, 2000)}\n  light: ${withError(light).slice(0, 2000)}`);
  }
  console.log(
    `${repo}: ${totals.files} files, ${totals.light} light, ${totals.pairs} pairs, ${totals.differ} differ; full ${Math.round(totals.fullMs)} ms, light ${Math.round(totals.lightMs)} ms`,
  );
}
