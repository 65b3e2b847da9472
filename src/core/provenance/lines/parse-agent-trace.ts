import { isPositiveLine, type FileOwners, type LineRecords, type OwnedRange } from './line-owners.js';

// Agent Trace records (cursor/agent-trace, schemas.ts `TraceRecordSchema`; README §6): a JSON
// object with `files[].conversations[].ranges[]` ({start_line, end_line} 1-indexed, inclusive,
// optional `content_hash`), a `contributor.type` ("human" | "ai" | "mixed" | "unknown") on the
// conversation, overridable per range, and `vcs.revision`. The reference implementation appends
// one record a line to `.agent-trace/traces.jsonl` (reference/trace-store.ts `appendTrace`) with the
// revision HEAD had when the edit was made; a commit's records kept in `refs/notes/agent-trace`
// are read the same way (one JSON record, a JSON array or JSON lines). "mixed" counts as AI (an
// agent wrote part of it), "unknown" is left unattributed. `content_hash` is not checked: the
// spec names no input for its hash ("murmur3:…" of what exactly is left open).

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function contributorKind(value: unknown): 'ai' | 'human' | 'unknown' | null {
  if (!isObject(value)) return null;
  if (value.type === 'ai' || value.type === 'mixed') return 'ai';
  if (value.type === 'human') return 'human';
  return value.type === 'unknown' ? 'unknown' : null;
}

/** The ranges one record gives each file; null when the record is not an Agent Trace record. */
function readRecord(record: unknown): { revision: string | null; files: FileOwners[] } | null {
  if (!isObject(record) || !Array.isArray(record.files)) return null;
  const revision = isObject(record.vcs) && typeof record.vcs.revision === 'string' ? record.vcs.revision : null;
  const files: FileOwners[] = [];
  for (const file of record.files) {
    if (!isObject(file) || typeof file.path !== 'string' || !Array.isArray(file.conversations)) return null;
    const ranges: OwnedRange[] = [];
    for (const conversation of file.conversations) {
      if (!isObject(conversation) || !Array.isArray(conversation.ranges)) return null;
      const outer = contributorKind(conversation.contributor);
      for (const range of conversation.ranges) {
        if (!isObject(range) || !isPositiveLine(range.start_line) || !isPositiveLine(range.end_line)) return null;
        if (range.end_line < range.start_line) return null;
        const kind = contributorKind(range.contributor) ?? outer;
        if (kind === 'ai' || kind === 'human') ranges.push({ start: range.start_line, end: range.end_line, kind });
      }
    }
    files.push({ path: file.path, ranges });
  }
  return { revision, files };
}

function splitRecords(text: string): { values: unknown[]; skipped: number } {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return { values: parsed, skipped: 0 };
    } catch {
      // Not one array: read it line by line below.
    }
  }
  const values: unknown[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      skipped++;
    }
  }
  // One pretty-printed record spans lines.
  if (values.length === 0 && trimmed.startsWith('{')) {
    try {
      return { values: [JSON.parse(trimmed)], skipped: 0 };
    } catch {
      return { values, skipped };
    }
  }
  return { values, skipped };
}

/**
 * The files' ranges from the records whose revision is `revision` (records with no revision are
 * kept), in the order written, so a later record's ranges override an earlier one's.
 */
export function parseAgentTrace(text: string, revision: string | null, source = 'Agent Trace'): LineRecords {
  const { values, skipped: unreadable } = splitRecords(text);
  let skipped = unreadable;
  const byPath = new Map<string, OwnedRange[]>();
  for (const value of values) {
    const record = readRecord(value);
    if (record === null) {
      skipped++;
      continue;
    }
    if (revision !== null && record.revision !== null && record.revision !== revision) continue;
    for (const file of record.files) byPath.set(file.path, [...(byPath.get(file.path) ?? []), ...file.ranges]);
  }
  return { source, files: [...byPath].map(([path, ranges]) => ({ path, ranges })), skipped };
}
