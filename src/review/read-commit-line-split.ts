import type { CommitEntry } from '../core/git/parse-commit-log.js';
import { attributeLines, type OwnedFile } from '../core/provenance/lines/attribute-lines.js';
import { readRecordedSplit, type LineRecords, type LineSplit } from '../core/provenance/lines/line-owners.js';
import { parseAgentTrace } from '../core/provenance/lines/parse-agent-trace.js';
import { parseGitAiNote } from '../core/provenance/lines/parse-git-ai-note.js';
import { parsePatchHunks } from '../core/split/parse-patch-hunks.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import type { CommitProvenanceInput } from '../core/provenance/decide-commit-provenance.js';
import type { GitClient } from '../adapters/git/git-client.js';

// A commit's AI-written lines in CI, from its committed notes: git-ai's authorship log
// (refs/notes/ai) and Agent Trace records (refs/notes/agent-trace), both numbering the lines of
// the committed files, so they map onto the commit's added lines as they are. The review record
// keeps the split the hook measured; CI verifies it against the notes where they exist: the split
// with more AI lines is the one measured (an agent's lines are never counted as a person's), and
// a difference is reported.

export interface NotedCommits {
  readonly ai: ReadonlySet<string>;
  readonly agentTrace: ReadonlySet<string>;
}

export interface CommitLineSplit {
  /** The split measured, or null when neither the notes nor the record give lines. */
  readonly lines: LineSplit | null;
  /** The commit has a git-ai note that is not an authorship log: it counts as a whole-commit signal. */
  readonly unreadableAiNote: boolean;
  /** The record's split and the notes' differ: said as a note in the report. */
  readonly difference: string | null;
}

async function readNoteRecords(
  git: GitClient,
  commit: CommitEntry,
  noted: NotedCommits,
): Promise<{ records: LineRecords[]; unreadableAiNote: boolean }> {
  const records: LineRecords[] = [];
  let unreadableAiNote = false;
  if (noted.ai.has(commit.commit)) {
    const parsed = parseGitAiNote((await git.readNote('ai', commit.commit)) ?? '');
    if (parsed === null) unreadableAiNote = true;
    else records.push(parsed);
  }
  if (noted.agentTrace.has(commit.commit)) {
    // The note belongs to this commit: every record in it counts, whatever revision it names.
    records.push(parseAgentTrace((await git.readNote('agent-trace', commit.commit)) ?? '', null, 'Agent Trace note'));
  }
  return { records, unreadableAiNote };
}

export async function readCommitLineSplit(
  git: GitClient,
  commit: CommitEntry,
  noted: NotedCommits,
  recorded: unknown,
): Promise<CommitLineSplit> {
  const fromRecord = recorded === undefined ? null : readRecordedSplit(recorded);
  // A merge's lines are not measured line by line (its first-parent diff holds the other branch).
  if (commit.parents.length > 1) return { lines: null, unreadableAiNote: false, difference: null };
  const { records, unreadableAiNote } = await readNoteRecords(git, commit, noted);
  if (records.length === 0) return { lines: fromRecord, unreadableAiNote, difference: null };
  const parent = commit.parents[0] ?? (await git.readEmptyTree());
  const hunks = parsePatchHunks(await git.readTreeHunkPatch(parent, commit.commit));
  const owned = new Map<string, OwnedFile>();
  // git-ai's log is read last, so it wins for a file both describe (it covers the whole file).
  for (const record of [...records].reverse()) for (const file of record.files) owned.set(file.path, { owners: file, text: null });
  const source = records.map((r) => r.source).join(' + ');
  const fromNotes = attributeLines(source, hunks, owned);
  if (fromRecord === null) return { lines: fromNotes, unreadableAiNote, difference: null };
  const difference =
    fromRecord.ai === fromNotes.ai
      ? null
      : `the review recorded ${fromRecord.ai} lines by AI (${fromRecord.source}); the commit's ${source} gives ${fromNotes.ai}`;
  return { lines: fromNotes.ai >= fromRecord.ai ? fromNotes : fromRecord, unreadableAiNote, difference };
}

/** What decideCommit needs of a commit's lines and notes, for `ci`, `log` and `show` alike. */
export async function readCommitProvenanceInputs(
  git: GitClient,
  commit: CommitEntry,
  noted: NotedCommits,
  provenance: ReviewRecord['provenance'] | null,
): Promise<Pick<CommitProvenanceInput, 'record' | 'hasAiNote' | 'lines'> & { readonly difference: string | null }> {
  const split = await readCommitLineSplit(git, commit, noted, provenance?.lines);
  let record: CommitProvenanceInput['record'] = null;
  if (provenance !== null) {
    // A record read from a note is input: its split counts only when its shape is right.
    const { lines: _unchecked, ...rest } = provenance;
    const lines = provenance.lines === undefined ? null : readRecordedSplit(provenance.lines);
    record = lines === null ? rest : { ...rest, lines };
  }
  return { record, hasAiNote: split.unreadableAiNote, lines: split.lines, difference: split.difference };
}

export async function listNotedCommits(git: GitClient): Promise<NotedCommits> {
  const [ai, agentTrace] = await Promise.all([git.listNotedCommits('ai'), git.listNotedCommits('agent-trace')]);
  return { ai, agentTrace };
}
