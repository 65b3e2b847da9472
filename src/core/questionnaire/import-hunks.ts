// Hunks of import lines beside an edit: set aside where they only import what the edit uses, or
// stop importing what it took out.

/** The lines of one side of an edit's text, without the mark. */
const linesOf = (edit: string, mark: string) => edit.split('\n').flatMap((line) => (line.startsWith(mark) ? [line.slice(1)] : []));

/** Whether the import hunks only add names used on an added line of the other hunks, or drop names
 * the other hunks' removed lines used: angular/components 515b351d8b takes `changeDetection:
 * ChangeDetectionStrategy.OnPush` out of two components, and their import lines lose the name. */
function importsUsedBy(texts: readonly string[], code: readonly string[]): boolean {
  const imports = texts.filter((text) => !code.includes(text)).join('\n');
  const names = (mark: string) =>
    new Set(linesOf(imports, mark).flatMap((line) => line.replace(/\bfrom\s.*$/, '').match(/[\p{L}_$][\p{L}\p{N}_$]*/gu) ?? []));
  const [was, now] = [names('-'), names('+')];
  const isName = (n: string) => n !== 'import' && n !== 'type';
  const added = [...now].filter((n) => !was.has(n) && isName(n));
  const dropped = [...was].filter((n) => !now.has(n) && isName(n));
  const side = (mark: string) => code.flatMap((text) => linesOf(text, mark)).join('\n');
  const [gone, used] = [side('-'), side('+')];
  const uses = (text: string) => (n: string) => new RegExp(`(?<![\\w$])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
  return added.length + dropped.length > 0 && added.every(uses(used)) && dropped.every(uses(gone));
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
