import type { ReviewRecord } from './review-record.js';

// The records in one note. Usually one JSON document; several when git concatenated notes (a
// squash with notes.rewriteRef set, `git notes append`): each pretty-printed record ends with a
// "}" line of its own. Anything that is not a JSON object is left out, and counted.

export function parseNoteRecords(text: string): { records: ReviewRecord[]; unreadable: number } {
  const records: ReviewRecord[] = [];
  let unreadable = 0;
  const accept = (chunk: string) => {
    if (chunk.trim() === '') return;
    try {
      const value: unknown = JSON.parse(chunk);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) records.push(value as ReviewRecord);
      else unreadable++;
    } catch {
      unreadable++;
    }
  };
  try {
    const whole: unknown = JSON.parse(text);
    if (whole !== null && typeof whole === 'object' && !Array.isArray(whole)) return { records: [whole as ReviewRecord], unreadable: 0 };
  } catch {
    // Several documents: split below.
  }
  let chunk: string[] = [];
  for (const line of text.split('\n')) {
    chunk.push(line);
    if (line === '}') {
      accept(chunk.join('\n'));
      chunk = [];
    }
  }
  accept(chunk.join('\n'));
  return { records, unreadable };
}
