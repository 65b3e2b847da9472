import type { FileHunks } from '../../split/split-plan.js';
import type { FileOwners, LineOwnerKind, LineSplit } from './line-owners.js';

// Maps line-level records onto a change's added lines (from its zero-context patch): each added
// line is AI when a record says so, the rest are the author's. A removed line has no record (the
// formats attribute lines that exist), so it goes with its hunk: AI when every line the hunk adds
// is AI (an agent's rewrite of a block), the author's otherwise. Lines no record covers stay the
// author's here; a whole-commit signal (an agent's environment, a trailer) still puts the whole
// change under the AI budget (decide-commit.ts).

export interface OwnedFile {
  readonly owners: FileOwners;
  /**
   * The text of the file the ranges number, when that is not the change's new side (the work tree
   * a working log describes): an added line is matched by its number when the text there is the
   * same, else by its text among the AI-written lines. null: the ranges number the new side.
   */
  readonly text: readonly string[] | null;
  /** The record's content hash does not match the file: every added line counts as AI. */
  readonly mismatch?: boolean;
}

/** The owner of each line number of a file, the later ranges over the earlier. */
function ownerTable(owners: FileOwners): Map<number, LineOwnerKind> {
  const table = new Map<number, LineOwnerKind>();
  for (const range of owners.ranges) {
    // NOTE: bounded, so a damaged record claiming lines 1-999999999 cannot stall the hook.
    const end = Math.min(range.end, range.start + 200_000);
    for (let line = range.start; line <= end; line++) table.set(line, range.kind);
  }
  return table;
}

function classifier(file: OwnedFile): (lineNo: number, text: string) => boolean {
  if (file.mismatch === true) return () => true;
  const table = ownerTable(file.owners);
  const source = file.text;
  if (source === null) return (lineNo) => table.get(lineNo) === 'ai';
  // The AI-written texts of the described file, each usable once.
  const aiTexts = new Map<string, number>();
  for (const [lineNo, kind] of table) {
    const text = source[lineNo - 1];
    if (kind === 'ai' && text !== undefined) aiTexts.set(text, (aiTexts.get(text) ?? 0) + 1);
  }
  return (lineNo, text) => {
    if (source[lineNo - 1] === text) return table.get(lineNo) === 'ai';
    const left = aiTexts.get(text) ?? 0;
    if (left === 0) return false;
    aiTexts.set(text, left - 1);
    return true;
  };
}

export function attributeLines(
  source: string,
  hunks: FileHunks,
  owned: ReadonlyMap<string, OwnedFile>,
  notices: readonly string[] = [],
): LineSplit {
  const files: { path: string; ai: number; human: number }[] = [];
  let ai = 0;
  let human = 0;
  for (const [path, fileHunks] of hunks) {
    const file = owned.get(path);
    const isAi = file === undefined ? null : classifier(file);
    let fileAi = 0;
    let fileHuman = 0;
    for (const hunk of fileHunks) {
      let hunkAi = 0;
      hunk.added.forEach((text, i) => {
        if (isAi?.(hunk.newStart + i, text) === true) hunkAi++;
      });
      const removedAi = hunkAi > 0 && hunkAi === hunk.added.length ? hunk.removed.length : 0;
      fileAi += hunkAi + removedAi;
      fileHuman += hunk.added.length - hunkAi + hunk.removed.length - removedAi;
    }
    ai += fileAi;
    human += fileHuman;
    files.push({ path, ai: fileAi, human: fileHuman });
  }
  return { source, ai, human, files, notices };
}
