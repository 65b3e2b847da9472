import { withExportStarAs } from './scan-imports.js';
import { ts } from './typescript.js';

// NOTE: at U+FFFD TypeScript's raw scanner jumps to the end of the text ("File appears to be
// binary"). The parser reads a regular expression's body by itself, so `/�/` (continue's
// runTerminalCommand.ts) is no mark for the program, but preProcessFile's loop, which reads it as
// tokens, stops there and loses every import after it. Read past it as one invalid character.
const BINARY_MARK = /\uFFFD/g;
const INVALID_CHARACTER = '\u00A7';

/** The specifiers of `text` by TypeScript's own `preProcessFile` (scan-imports.ts): for a text our
 * scanner gives back. */
export function scanImportsWithTypescript(text: string): string[] {
  const found = new Set<string>();
  const readable = text.includes('\uFFFD') ? text.replace(BINARY_MARK, INVALID_CHARACTER) : text;
  const { importedFiles, referencedFiles } = ts.preProcessFile(readable, true, true);
  for (const file of importedFiles) found.add(file.fileName);
  for (const file of referencedFiles) found.add(file.fileName);
  return withExportStarAs(text, found);
}
