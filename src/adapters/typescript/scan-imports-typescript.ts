import { withExportStarAs } from './scan-imports.js';
import { ts } from './typescript.js';

/** The specifiers of `text` by TypeScript's own `preProcessFile` (scan-imports.ts): for a text our
 * scanner gives back. */
export function scanImportsWithTypescript(text: string): string[] {
  const found = new Set<string>();
  const { importedFiles, referencedFiles } = ts.preProcessFile(text, true, true);
  for (const file of importedFiles) found.add(file.fileName);
  for (const file of referencedFiles) found.add(file.fileName);
  return withExportStarAs(text, found);
}
