// The names a new file with no exports imports and runs: vercel/ai's new example
// compatible-alibaba-video.ts calls `createOpenAICompatible` and `generateText`. Read from the
// edit's added lines (same-edit.ts's text), an import statement over several lines included;
// type-only imports and Node's built-in modules name nothing the file runs of the project.

import { isBuiltin } from 'node:module';
import { readImportStatements } from './import-statements.js';
import type { ChangeUnit } from './change-units.js';
import { listNames } from '../text/list-names.js';

/** Local names the added lines import at runtime, in the order written, each once. */
export function readScriptImports(edit: string): string[] {
  const added = edit
    .split('\n')
    .filter((line) => line.startsWith('+'))
    .map((line) => line.slice(1))
    .join('\n');
  const names: string[] = [];
  for (const statement of readImportStatements(added)) {
    if (statement.isRequire || statement.isTypeOnly || isBuiltin(statement.specifier)) continue;
    for (const name of statement.locals) if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** A new file that exports nothing (an example, a script, a setup file): what it runs, by name
 * (vercel/ai's new example calls `createOpenAICompatible` and `generateText`). */
export function scriptQuestion(unit: ChangeUnit, rest: string, edits: ReadonlyMap<string, string>): string | null {
  if (unit.files.find((f) => f.path === unit.label)?.status !== 'added') return null;
  const imported = readScriptImports(edits.get(unit.label) ?? '').map((name) => `\`${name}\``);
  if (imported.length === 0) return null;
  return `${unit.label}${rest} is new and exports nothing: what does it do with ${listNames(imported, 3)}, and who runs it?`;
}
