#!/usr/bin/env node
// What stands between the token reader (user-record.ts) and a changed file's whole record (issue 23:
// a cold run whose changed files need no TypeScript): for each side (HEAD and index) of each staged
// JS/TS file of a work tree, whether the token reader reads it, and whether TypeScript's whole
// record of it (parse-module.ts, not light) equals the token reader's light record in all but what
// only a whole record holds (exports' shapes and body hashes, declarations' hashes, `passes`,
// `keys`, `isType`, the file's hash); how many sides have `passes`, `keys`, `isType` or a parse
// error; and, in this one process, the CPU of the token reader over those sides against
// TypeScript's load and its whole records of them (what the token path would save, before the
// shapes and hashes it would add).
//
//   npm run build && node scripts/whole-record-gap.mjs /path/to/work-tree-with-a-staged-change ...

import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => import(pathToFileURL(join(root, 'dist', 'adapters/typescript', file)).href);
const MODULE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Both sides' texts of each staged module file: `HEAD:path` or `:path`. */
function stagedSides(dir) {
  const git = (...rest) => execFileSync('git', ['-C', dir, ...rest], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const rows = git('diff', '--cached', '--name-status', '--no-renames', '-z').split('\0').filter(Boolean);
  const sides = [];
  for (let i = 0; i < rows.length; i += 2) {
    const [status, path] = [rows[i], rows[i + 1]];
    if (!MODULE.test(path)) continue;
    const revs = status === 'A' ? [`:${path}`] : status === 'D' ? [`HEAD:${path}`] : [`HEAD:${path}`, `:${path}`];
    for (const rev of revs) sides.push({ rev, path, text: git('show', rev) });
  }
  return sides;
}

/** A record without what only a whole record holds (a named re-export's hash is the same in both;
 * `export *`'s is its statement's syntax hash). */
const isNamedReexport = (e) => e.kind === 'reexport' && e.from?.name !== '*';
const lightPart = (record) =>
  JSON.stringify({
    imports: record.imports,
    exports: record.exports.map((e) => ({ ...e, shape: '', bodyHash: isNamedReexport(e) ? e.bodyHash : '' })),
    declarations: record.declarations.map((d) => ({ local: d.local, uses: [...d.uses].sort(), isExported: d.isExported })),
  });

const sidesOf = process.argv.slice(2).map((dir) => [dir, stagedSides(dir)]);
let start = cpuMs();
const { readUserRecord } = await load('user-record.js');
const userLoadMs = cpuMs() - start;
start = cpuMs();
const { parseModule } = await load('parse-module.js');
const typescriptLoadMs = cpuMs() - start;
for (const [dir, sides] of sidesOf) {
  const counts = { sides: sides.length, read: 0, sameButWhole: 0, passes: 0, keys: 0, isType: 0, parseError: 0 };
  const differ = [];
  start = cpuMs();
  const users = sides.map(({ path, text }) => readUserRecord(path, text));
  const userMs = cpuMs() - start;
  start = cpuMs();
  const wholes = sides.map(({ path, text }) => parseModule(path, text, false));
  const wholeMs = cpuMs() - start;
  sides.forEach(({ rev }, i) => {
    const [user, whole] = [users[i], wholes[i]];
    if (user === null) return;
    counts.read++;
    if (lightPart(user) === lightPart(whole)) counts.sameButWhole++;
    else differ.push(rev);
    if (whole.declarations.some((d) => d.passes)) counts.passes++;
    if (whole.declarations.some((d) => d.keys)) counts.keys++;
    if (whole.declarations.some((d) => d.isType)) counts.isType++;
    if (whole.parseError !== undefined) counts.parseError++;
  });
  const ms = { userLoadMs, userMs, typescriptLoadMs, wholeMs };
  for (const key of Object.keys(ms)) ms[key] = Math.round(ms[key]);
  console.log(JSON.stringify({ dir, ...counts, ...ms, unread: sides.filter((_, i) => users[i] === null).map((s) => s.rev), differ }));
}
