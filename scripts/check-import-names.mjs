#!/usr/bin/env node
// Checks the cold walk's second prefilter (scan-import-names.ts) against TypeScript on every JS/TS
// file of real repositories: for each import of a file's record (the light record a walk reads),
// every name it takes from its module (find-binding-use.ts: a named binding's name, a namespace's
// members, any name when it holds the module whole) must be let through (`mayTakeNames` true for
// that specifier and name). Prints the pairs checked, those dropped (must be 0), and how many
// imports it answers "cannot take" for a name they do not take (what it saves).
//
//   npm run build && node scripts/check-import-names.mjs /path/to/clone ...

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = async (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { parseModule } = await load('adapters/typescript/parse-module.js');
const { mayTakeNames } = await load('adapters/typescript/scan-import-names.js');
const PATTERNS = ['*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs'];
/** A name no module exports: an import holding its module whole takes it too. */
const ABSENT = 'zzNamedNowhere';

function namesTaken(edge) {
  const taken = new Set();
  if (edge.names === '*' && edge.bindings.length === 0) taken.add(ABSENT);
  else if (edge.names !== '*') for (const name of edge.names) taken.add(name);
  for (const binding of edge.bindings) {
    if (binding.imported !== '*') taken.add(binding.imported);
    else {
      if (binding.value !== 0 || binding.type !== 0) taken.add(ABSENT);
      for (const [member] of binding.members ?? []) taken.add(member.split('.', 1)[0]);
    }
  }
  return taken;
}

for (const repo of process.argv.slice(2)) {
  const files = execFileSync('git', ['ls-files', '-z', '--', ...PATTERNS], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 })
    .split('\0')
    .filter(Boolean);
  const totals = { files: 0, imports: 0, pairs: 0, dropped: 0, saved: 0 };
  for (const file of files) {
    let text;
    try {
      text = readFileSync(join(repo, file), 'utf8');
    } catch {
      continue; // not checked out
    }
    totals.files++;
    for (const edge of parseModule(file, text, true).imports) {
      totals.imports++;
      for (const name of namesTaken(edge)) {
        totals.pairs++;
        if (mayTakeNames(text, [`${edge.specifier}\0${name}`])) continue;
        if (++totals.dropped <= 10) console.log(`dropped: ${file}: ${edge.specifier} ${name}`);
      }
      if (!mayTakeNames(text, [`${edge.specifier}\0${ABSENT}`])) totals.saved++;
    }
  }
  console.log(
    `${repo}: ${totals.files} files, ${totals.imports} imports, ${totals.pairs} (import, name) pairs taken, ${totals.dropped} dropped; ${totals.saved} imports answered "cannot take" for a name they do not take`,
  );
}
