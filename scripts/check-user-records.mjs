#!/usr/bin/env node
// Checks the records read without TypeScript's parser (user-record.ts) against the light record of
// the same text (parse-module.ts) on every JS/TS file of real repositories: what a walk reads of
// a record (the imports with each binding's lines and members, the exports, each declaration's
// uses) must be the same. Prints the files, how many it read, the files that differ (the first
// few shown) and the time of each. With `--list FILE` (paths, one a line), counts those alone; with
// `--whole`, the records must be equal whole (shapes and hashes of re-exports and exports too). With
// `--tokens`, the whole records read from tokens (user-whole.ts) against TypeScript's whole records:
// equal but for the hashes' values, whose equalities must be the same (each record's hashes renamed
// h0, h1… in the order met); a file user-whole.ts leaves to TypeScript is counted, not compared.
//
//   npm run build && node scripts/check-user-records.mjs [--list FILE] [--whole | --tokens] /path/to/clone ...

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { moduleTexts, walked } from './walked-record.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => import(pathToFileURL(join(root, 'dist', 'adapters/typescript', file)).href);
const { parseModule } = await load('parse-module.js');
const { readUserRecord } = await load('user-record.js');
const { readUserWhole } = await load('user-whole.js');
const withLight = (record) => walked(record, { isLight: record.isLight });

const args = process.argv.slice(2);
const listAt = args.indexOf('--list');
const list = listAt < 0 ? null : readFileSync(args.splice(listAt, 2)[1], 'utf8').split('\n').filter(Boolean);
const wholeAt = args.indexOf('--whole');
if (wholeAt >= 0) args.splice(wholeAt, 1);
const tokensAt = args.indexOf('--tokens');
if (tokensAt >= 0) args.splice(tokensAt, 1);
/** The record with its hashes renamed in the order met: two readers' records compare by their hashes' equalities. */
function relabelled(record) {
  const ids = new Map();
  const id = (hash) => (hash === '' ? '' : (ids.get(hash) ?? (ids.set(hash, `h${ids.size}`), ids.get(hash))));
  const hash = id(record.hash);
  const exports = record.exports.map((e) => ({ ...e, bodyHash: id(e.bodyHash) }));
  return JSON.stringify({ ...record, hash, exports, declarations: record.declarations.map((d) => ({ ...d, hash: id(d.hash) })) });
}
const isTokens = tokensAt >= 0;
// TypeScript's record and ours, and the text each is compared by.
const reference = isTokens ? (file, text) => parseModule(file, text, false) : (file, text) => parseModule(file, text, true);
const candidate = isTokens ? readUserWhole : readUserRecord;
const shown = isTokens ? relabelled : withLight;
const same = (light, user) => shown(light) === shown(user) && (isTokens || wholeAt < 0 || JSON.stringify(light) === JSON.stringify(user));
for (const repo of args) {
  const totals = { files: 0, read: 0, bytes: 0, readBytes: 0, differ: 0, lightMs: 0, userMs: 0 };
  for (const [file, text] of moduleTexts(repo, list)) {
    totals.files++;
    totals.bytes += text.length;
    let start = performance.now();
    const light = reference(file, text);
    totals.lightMs += performance.now() - start;
    start = performance.now();
    const user = candidate(file, text);
    totals.userMs += performance.now() - start;
    if (user === null) continue;
    totals.read++;
    totals.readBytes += text.length;
    if (same(light, user)) continue;
    if (++totals.differ <= 8)
      console.log(`differs: ${file}\n  typescript: ${shown(light).slice(0, 3000)}\n  tokens:     ${shown(user).slice(0, 3000)}`);
  }
  console.log(
    `${repo}: ${totals.files} files (${totals.bytes} chars), ${totals.read} read without TypeScript (${totals.readBytes} chars), ${totals.differ} differ; light ${Math.round(totals.lightMs)} ms, user ${Math.round(totals.userMs)} ms`,
  );
}
