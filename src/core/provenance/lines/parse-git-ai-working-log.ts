import { isPositiveLine, type FileOwners, type LineRecords, type OwnedRange } from './line-owners.js';

// git-ai's pre-commit working log: `.git/ai/working_logs/<HEAD or "initial">/checkpoints.jsonl`,
// one checkpoint a line (git-ai-project/git-ai, src/authorship/working_log.rs `Checkpoint`,
// src/git/repo_storage.rs `checkpoints_file`, `read_all_checkpoints`). A checkpoint's `entries`
// hold, per file, `blob_sha` (SHA-256 of the file's content at that checkpoint) and
// `line_attributions` ({start_line, end_line, author_id}, 1-indexed, inclusive; attribution_tracker.rs
// `LineAttribution`) for the whole file as it was then, so the latest checkpoint of a file
// describes it entirely. An author id is human when it is "human" or starts with "h_" (a known
// human), AI otherwise (a session key `s_…::t_…` or a legacy prompt hash: attribution_recovery.rs).
// Like git-ai, checkpoints of another api_version than "checkpoint/1.0.0" are skipped.

const API_VERSION = 'checkpoint/1.0.0';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readEntry(entry: unknown): FileOwners | null {
  if (!isObject(entry) || typeof entry.file !== 'string' || entry.file === '') return null;
  const attributions = entry.line_attributions ?? [];
  if (!Array.isArray(attributions)) return null;
  const ranges: OwnedRange[] = [];
  for (const a of attributions) {
    if (!isObject(a) || !isPositiveLine(a.start_line) || !isPositiveLine(a.end_line) || a.end_line < a.start_line) return null;
    if (typeof a.author_id !== 'string') return null;
    const human = a.author_id === 'human' || a.author_id.startsWith('h_');
    ranges.push({ start: a.start_line, end: a.end_line, kind: human ? 'human' : 'ai' });
  }
  const sha = typeof entry.blob_sha === 'string' && /^[0-9a-f]{64}$/.test(entry.blob_sha) ? entry.blob_sha : undefined;
  return { path: entry.file, ranges, ...(sha !== undefined && { sha256: sha }) };
}

export function parseGitAiWorkingLog(text: string): LineRecords {
  const latest = new Map<string, FileOwners>();
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let checkpoint: unknown;
    try {
      checkpoint = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    if (!isObject(checkpoint) || !Array.isArray(checkpoint.entries)) {
      skipped++;
      continue;
    }
    if (checkpoint.api_version !== API_VERSION) {
      skipped++;
      continue;
    }
    for (const entry of checkpoint.entries) {
      const owners = readEntry(entry);
      if (owners === null) skipped++;
      // Checkpoints are appended in order: the last one of a file describes it as it is now.
      else latest.set(owners.path, owners);
    }
  }
  return { source: 'git-ai working log', files: [...latest.values()], skipped };
}
