import type { ReviewRecord } from './review-record.js';

// The records in one note. Usually one JSON document; several when git concatenated notes (a
// squash with notes.rewriteRef set, `git notes append`, push-notes' union merge): each
// pretty-printed record ends with a "}" line of its own. Anything that is not a JSON object is
// left out, and counted; so is an object that does not claim to be a review record (another
// tool's note merged beside ours, `{"theirs":1}`): it is not ours to verify, and must not make a
// valid record beside it look forged. An object that claims to be ours (a version, or
// selfreview as its tool) is kept, however damaged, for CI to judge.

const isClaimedRecord = (value: Record<string, unknown>) =>
  'version' in value || (typeof value.tool === 'object' && value.tool !== null && (value.tool as { name?: unknown }).name === 'selfreview');

export function parseNoteRecords(text: string): { records: ReviewRecord[]; unreadable: number } {
  const records: ReviewRecord[] = [];
  let unreadable = 0;
  const accept = (chunk: string) => {
    if (chunk.trim() === '') return;
    try {
      const value: unknown = JSON.parse(chunk);
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && isClaimedRecord(value as Record<string, unknown>))
        records.push(value as ReviewRecord);
      else unreadable++;
    } catch {
      unreadable++;
    }
  };
  try {
    const whole: unknown = JSON.parse(text);
    if (whole !== null && typeof whole === 'object' && !Array.isArray(whole))
      return isClaimedRecord(whole as Record<string, unknown>)
        ? { records: [whole as ReviewRecord], unreadable: 0 }
        : { records: [], unreadable: 1 };
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
