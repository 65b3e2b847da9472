// The files beside a changed one (same folder and kind, not in the change) lend the quiz wrong
// choices where the file has too few of its own: a file deleted whole (quiz-deleted.ts), a short
// file (quiz-beside.ts). A line that names its file gives itself away (radio-group.ws.ts's
// `descendants: [radix.RadioGroupItem]` among accordion.ws.ts's `[radix.AccordionItem]`): a line
// holding the name of any file the question draws from is offered by none.

export interface Neighbour {
  readonly path: string;
  readonly text: string;
}

/** A file's name as a line may hold it: its letters before the first dot, lowercased (`radiogroup`). */
const stemOf = (path: string) =>
  path
    .slice(path.lastIndexOf('/') + 1)
    .split('.')[0]!
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
/** Shorter stems (`ui`, `api`) are words of any code. */
const MIN_STEM = 4;

/** Whether a line names one of the files (by their stems, letters compared alone). */
export function namesFileOf(paths: readonly string[]): (line: string) => boolean {
  const stems = [...new Set(paths.map(stemOf))].filter((stem) => stem.length >= MIN_STEM);
  return (line) => {
    const letters = line.toLowerCase().replace(/[^\p{L}]/gu, '');
    return stems.some((stem) => letters.includes(stem));
  };
}

/** The neighbours' lines. */
export const linesOf = (neighbours: readonly Neighbour[]): string[] => neighbours.flatMap((n) => n.text.split('\n'));
