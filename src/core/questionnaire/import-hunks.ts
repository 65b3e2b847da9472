// Hunks of import lines beside an edit: set aside where they only import what the edit uses.

/** The lines of one side of an edit's text, without the mark. */
const linesOf = (edit: string, mark: string) => edit.split('\n').flatMap((line) => (line.startsWith(mark) ? [line.slice(1)] : []));

/** Whether the import hunks only add names, each used on an added line of the other hunks. */
function importsUsedBy(texts: readonly string[], code: readonly string[]): boolean {
  const imports = texts.filter((text) => !code.includes(text)).join('\n');
  const names = (mark: string) =>
    new Set(linesOf(imports, mark).flatMap((line) => line.replace(/\bfrom\s.*$/, '').match(/[\p{L}_$][\p{L}\p{N}_$]*/gu) ?? []));
  const [was, now] = [names('-'), names('+')];
  const added = [...now].filter((n) => !was.has(n) && n !== 'import' && n !== 'type');
  const used = code.flatMap((text) => linesOf(text, '+')).join('\n');
  return (
    added.length > 0 &&
    [...was].every((n) => now.has(n)) &&
    added.every((n) => new RegExp(`(?<![\\w$])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(used))
  );
}

/** A hunk whose changed lines are all import lines (a name imported for the edit beside it). */
const isImportsOnly = (hunk: string) => hunk.split('\n').every((line) => !/^[-+]/.test(line) || IMPORT_LINE.test(line));
/** A line of an import statement: its start, one name of a list laid out a line each, or its end.
 * (A nested quantifier here, `(?:[\w$]+,?\s*)*`, backtracked without end on a long line of code.) */
const IMPORT_LINE = /^[-+]\s*(?:import\b|(?:type\s+)?[\w$]+(?:\s+as\s+[\w$]+)?,?\s*$|\}\s*from\s)/;

/** The hunks an edit is shown by: those of code, where the others import only names they use. */
export function codeHunks(texts: readonly string[]): readonly string[] | undefined {
  const kept = texts.filter((text) => !isImportsOnly(text));
  return kept.length > 0 && kept.length < texts.length && importsUsedBy(texts, kept) ? kept : undefined;
}
