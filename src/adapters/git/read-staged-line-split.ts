import { statSync } from 'node:fs';
import { join } from 'node:path';
import { nodeCrypto } from '../../core/node-crypto.js';
import { attributeLines, type OwnedFile } from '../../core/provenance/lines/attribute-lines.js';
import type { LineRecords, LineSplit } from '../../core/provenance/lines/line-owners.js';
import { parseAgentTrace } from '../../core/provenance/lines/parse-agent-trace.js';
import { parseGitAiWorkingLog } from '../../core/provenance/lines/parse-git-ai-working-log.js';
import { parsePatchHunks } from '../../core/split/parse-patch-hunks.js';
import { MIB, readBoundedFile } from '../fs/read-bounded-file.js';
import type { GitClient } from './git-client.js';

// The line-level records that cover the staged change before the commit exists: git-ai's working
// log for HEAD (`<git dir>/ai/working_logs/<HEAD or "initial">/checkpoints.jsonl`,
// git-ai src/git/repo_storage.rs) and Agent Trace's `.agent-trace/traces.jsonl` at the work tree's
// root (cursor/agent-trace reference/trace-store.ts). Both number the lines of the files as they
// were in the work tree, so the work tree's text maps them onto the staged added lines. Where no
// record exists this costs a stat or two and no git process; a damaged record is skipped with a
// one-line notice, never an error.

const MAX_RECORD_BYTES = 32 * MIB;
const MAX_SOURCE_BYTES = 8 * MIB;

interface Found {
  readonly records: LineRecords;
  readonly notices: string[];
}

function readRecords(path: string, label: string, parse: (text: string) => LineRecords): Found | null {
  // NOTE: statSync without throwing, so the common case (no records) is one system call.
  if (statSync(path, { throwIfNoEntry: false }) === undefined) return null;
  const file = readBoundedFile(path, { maxBytes: MAX_RECORD_BYTES });
  if (file.kind === 'absent') return null;
  if (file.kind === 'refused') return { records: { source: label, files: [], skipped: 0 }, notices: [`${label} ignored: ${file.reason}`] };
  const records = parse(file.text);
  const notices = records.skipped > 0 ? [`${label}: ${records.skipped} unreadable record${records.skipped === 1 ? '' : 's'} ignored`] : [];
  return { records, notices };
}

const sha256 = (text: string) => nodeCrypto().createHash('sha256').update(text, 'utf8').digest('hex');

/** The split of the staged change against `base`, or null when no line-level record covers it. */
export async function readStagedLineSplit(git: GitClient, base: string): Promise<LineSplit | null> {
  const { gitDir, root, head } = git.info;
  const workingLog = readRecords(
    join(gitDir, 'ai', 'working_logs', head ?? 'initial', 'checkpoints.jsonl'),
    'git-ai working log',
    parseGitAiWorkingLog,
  );
  const trace = readRecords(join(root, '.agent-trace', 'traces.jsonl'), 'Agent Trace', (text) => parseAgentTrace(text, head));
  if (workingLog === null && trace === null) return null;
  // git-ai's record of a file is complete (the whole file as of its last checkpoint): it wins
  // over Agent Trace's ranges for the same file.
  const owners = new Map<string, { owners: LineRecords['files'][number]; source: string }>();
  for (const found of [trace, workingLog]) {
    for (const file of found?.records.files ?? []) owners.set(file.path, { owners: file, source: found!.records.source });
  }
  const notices = [...(workingLog?.notices ?? []), ...(trace?.notices ?? [])];
  if (owners.size === 0) return notices.length === 0 ? null : { source: 'line records', ai: 0, human: 0, files: [], notices };
  const hunks = parsePatchHunks(await git.readStagedHunkPatch(base));
  const owned = new Map<string, OwnedFile>();
  const sources = new Set<string>();
  for (const [path, { owners: fileOwners, source }] of owners) {
    if (!hunks.has(path)) continue;
    const file = readBoundedFile(join(root, path), { maxBytes: MAX_SOURCE_BYTES, within: root });
    const text = file.kind === 'text' ? file.text : null;
    const mismatch = fileOwners.sha256 !== undefined && (text === null || sha256(text) !== fileOwners.sha256);
    if (mismatch) notices.push(`${source} of ${path} does not match its content: its added lines count as AI`);
    owned.set(path, { owners: fileOwners, text: text === null ? [] : text.split('\n'), ...(mismatch && { mismatch }) });
    sources.add(source);
  }
  if (owned.size === 0) return notices.length === 0 ? null : { source: 'line records', ai: 0, human: 0, files: [], notices };
  return attributeLines([...sources].join(' + '), hunks, owned, notices);
}
