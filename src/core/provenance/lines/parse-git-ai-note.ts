import { parseRangeList, type FileOwners, type LineRecords, type OwnedRange } from './line-owners.js';

// git-ai's authorship log, the note of a commit under refs/notes/ai (git-ai-project/git-ai,
// specs/git_ai_standard_v3.0.0.md §1.2): an attestation section, then a line `---`, then JSON
// metadata. The attestation section is a file path at the start of a line (double-quoted when it
// holds spaces), then entries indented by two spaces: `<key> <ranges>`, ranges "1-4,9-10,12" in
// the committed file, 1-indexed. Keys `s_…::t_…` (session) and bare hex (legacy prompt) are AI,
// `h_…` a known human (§1.2.3.1). Lines no entry covers are untracked: git-ai knows nothing of them.

const ENTRY = /^ {2}(\S+) (\S+)$/;

function unquotePath(line: string): string {
  return line.startsWith('"') && line.endsWith('"') && line.length >= 2 ? line.slice(1, -1) : line;
}

export function parseGitAiNote(text: string): LineRecords | null {
  const lines = text.split('\n');
  const divider = lines.indexOf('---');
  // Without the divider this is not an authorship log: the caller keeps the note's presence only.
  if (divider === -1) return null;
  const files: FileOwners[] = [];
  let current: { path: string; ranges: OwnedRange[] } | null = null;
  let skipped = 0;
  for (const line of lines.slice(0, divider)) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      current = { path: unquotePath(line), ranges: [] };
      files.push(current);
      continue;
    }
    const match = ENTRY.exec(line);
    const ranges = match === null ? null : parseRangeList(match[2]!);
    if (current === null || match === null || ranges === null) {
      skipped++;
      continue;
    }
    const kind = match[1]!.startsWith('h_') ? 'human' : 'ai';
    for (const range of ranges) current.ranges.push({ ...range, kind });
  }
  return { source: 'git-ai note', files, skipped };
}
