// What the record checks (check-light-records.mjs, check-user-records.mjs) compare of a module
// record: what a walk reads of it, and the JS/TS files of a clone they read.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PATTERNS = ['*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs'];

/** The imports with each binding's lines and members, the exports by name and kind, each declaration's uses. */
export const walked = (record, extra = {}) =>
  JSON.stringify({
    imports: record.imports,
    exports: record.exports.map(({ name, kind, from, local }) => ({ name, kind, from, local })),
    declarations: record.declarations.map(({ local, uses, isExported }) => ({ local, uses, isExported })),
    ...extra,
  });

/** The JS/TS files git tracks in `repo`. */
export const moduleFiles = (repo) =>
  execFileSync('git', ['ls-files', '-z', '--', ...PATTERNS], { cwd: repo, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);

/** Each JS/TS file of `repo` (or of `list`) with its text; a file not checked out (a symlink to a
 * folder, a sparse path) is passed over. */
export function* moduleTexts(repo, list = null) {
  for (const file of list ?? moduleFiles(repo)) {
    let text;
    try {
      text = readFileSync(join(repo, file), 'utf8');
    } catch {
      continue;
    }
    yield [file, text];
  }
}
