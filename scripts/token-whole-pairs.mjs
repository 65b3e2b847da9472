#!/usr/bin/env node
// Whether a changed file's whole record read from tokens (user-whole.ts) tells what changed as
// TypeScript's whole record (parse-module.ts) does. Token hashes are not TypeScript's values; a diff
// reads only whether a file's two versions' hashes are equal: the file's (a trivia-only edit), each
// declaration's, each export's body. For the modified JS/TS files of real commits whose two sides
// user-whole.ts reads, each of those equalities is compared with TypeScript's: "agree" when both
// say equal or both say changed; "tokensSameTsDiffer" would hide a change (must be 0),
// "tokensDifferTsSame" would report a change that is none. The shapes, `isType` and the rest of a
// record are held equal by check-user-records.mjs --tokens. Commits are split before any run by
// SHA-256 of the commit id: held out when its first hex digit is 0-3 (as token-hash-pairs.mjs).
// `--show`: each disagreement on stderr.
//
//   npm run build && node scripts/token-whole-pairs.mjs [--commits N] [--part tune|held-out|all] [--show] GIT_DIR ...

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { modifiedPairs } from './modified-pairs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => import(pathToFileURL(join(root, 'dist', 'adapters/typescript', file)).href);
const { parseModule } = await load('parse-module.js');
const { readUserWhole } = await load('user-whole.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args.splice(at, 2)[1];
};
const commitCount = Number(option('--commits', '100'));
const part = option('--part', 'all');
const showAt = args.indexOf('--show');
if (showAt >= 0) args.splice(showAt, 1);

const newCounts = () => ({ agree: 0, tokensSameTsDiffer: 0, tokensDifferTsSame: 0 });
function count(counts, ts, tokens, where) {
  if (ts === tokens) return void counts.agree++;
  counts[tokens ? 'tokensSameTsDiffer' : 'tokensDifferTsSame']++;
  if (showAt >= 0) console.error(`${tokens ? 'TOKENS SAME, TS DIFFER' : 'TOKENS DIFFER, TS SAME'}: ${where}`);
}
const byName = (list, key) => new Map(list.map((item) => [key(item), item]));

for (const dir of args) {
  const totals = { commits: 0, pairs: 0, readBoth: 0, files: newCounts(), declarations: newCounts(), exports: newCounts() };
  for (const { commit, path, texts } of modifiedPairs(dir, commitCount, part, totals)) {
    totals.pairs++;
    const [oldTokens, newTokens] = texts.map((text) => readUserWhole(path, text));
    if (oldTokens === null || newTokens === null) continue;
    totals.readBoth++;
    const [oldTs, newTs] = texts.map((text) => parseModule(path, text, false));
    const where = `${commit} ${path}`;
    count(totals.files, oldTs.hash === newTs.hash, oldTokens.hash === newTokens.hash, where);
    const fields = [
      [(d) => d.local, 'declarations', 'hash'],
      [(e) => `${e.kind} ${e.name}`, 'exports', 'bodyHash'],
    ];
    for (const [key, field, hash] of fields) {
      const maps = [oldTs, newTs, oldTokens, newTokens].map((record) => byName(record[field], key));
      for (const [name, before] of maps[0]) {
        const after = maps[1].get(name);
        const [tokenBefore, tokenAfter] = [maps[2].get(name), maps[3].get(name)];
        if (after === undefined || tokenBefore === undefined || tokenAfter === undefined) continue;
        count(totals[field], before[hash] === after[hash], tokenBefore[hash] === tokenAfter[hash], `${where} ${field} ${name}`);
      }
    }
  }
  console.log(JSON.stringify({ repo: dir, part, ...totals }));
}
