import type { FileHunks } from '../split/split-plan.js';

// One edit made in several files: drizzle-orm adf9bf1f changes `buildUpdateSet` by the same two
// lines in five dialects (GelDialect, MySqlDialect, PgDialect …). Exports of other names, so the
// export-named pattern does not see it; the lines say it is one edit.

/** Each file's edit as text: its hunks' removed and added lines, trimmed, blank ones left out.
 * Two files with equal texts made the same edit, whatever their names or line numbers. */
export function listEdits(hunks: FileHunks): Map<string, string> {
  const edits = new Map<string, string>();
  for (const [path, fileHunks] of hunks) {
    const text = fileHunks
      .map((h) =>
        [...h.removed.map((line) => `-${line.trim()}`), ...h.added.map((line) => `+${line.trim()}`)]
          .filter((line) => line.length > 1)
          .join('\n'),
      )
      .filter((hunk) => hunk !== '')
      .join('\n@@\n');
    if (text !== '') edits.set(path, text);
  }
  return edits;
}
