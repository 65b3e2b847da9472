#!/usr/bin/env node
// Checks the import scan of our own (scan-imports.ts: scan-specifiers.ts, leading-references.ts)
// against TypeScript's preProcessFile on every JS/TS file of real repositories: the specifiers
// must be the same, in the same order,
// wherever it answers (null sends a file to TypeScript). Prints the files, how many it answered,
// the files that differ (the first few shown) and the time of each, every file read twice (the
// second pass is the one timed: both warmed up).
//
//   npm run build && node scripts/check-scan-specifiers.mjs /path/to/clone ...

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ts = createRequire(join(root, 'package.json'))('typescript');
const { scanImports } = await import(pathToFileURL(join(root, 'dist', 'adapters/typescript/scan-imports.js')).href);
const { withExportStarAs } = await import(pathToFileURL(join(root, 'dist', 'adapters/typescript/scan-imports.js')).href);
const PATTERNS = ['*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs'];

for (const repo of process.argv.slice(2)) {
  const files = execFileSync('git', ['ls-files', '-z', '--', ...PATTERNS], { cwd: repo, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  const texts = [];
  for (const file of files) {
    try {
      texts.push([file, readFileSync(join(repo, file), 'utf8')]);
    } catch {
      // not checked out (a symlink to a folder, a sparse path)
    }
  }
  const totals = { files: texts.length, answered: 0, specifiers: 0, differ: 0, tsMs: 0, ownMs: 0 };
  for (let pass = 0; pass < 2; pass++) {
    for (const [file, text] of texts) {
      let start = performance.now();
      // What the import graph takes from TypeScript (scan-imports-typescript.ts): importedFiles,
      // then referencedFiles, then `export * as` forms.
      const { importedFiles, referencedFiles } = ts.preProcessFile(text, true, true);
      const expected = withExportStarAs(text, new Set([...importedFiles, ...referencedFiles].map((f) => f.fileName)));
      const tsMs = performance.now() - start;
      start = performance.now();
      const own = scanImports(text);
      const ownMs = performance.now() - start;
      if (pass === 0) continue;
      totals.tsMs += tsMs;
      totals.ownMs += ownMs;
      if (own === null) continue;
      totals.answered++;
      totals.specifiers += own.length;
      if (JSON.stringify(own) === JSON.stringify(expected)) continue;
      if (++totals.differ <= 5)
        console.log(`differs: ${file}\n  typescript: ${JSON.stringify(expected)}\n  own:        ${JSON.stringify(own)}`);
    }
  }
  console.log(
    `${repo}: ${totals.files} files, ${totals.answered} answered, ${totals.specifiers} specifiers, ${totals.differ} differ; preProcessFile ${Math.round(totals.tsMs)} ms, own ${Math.round(totals.ownMs)} ms`,
  );
}
