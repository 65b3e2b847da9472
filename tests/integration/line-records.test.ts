import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';

// Line-level records before the commit, through the built CLI on a real repository: git-ai's
// working log (git-ai src/authorship/working_log.rs, src/git/repo_storage.rs) and Agent Trace's
// traces.jsonl (cursor/agent-trace reference/trace-store.ts). Another tool's files are input: a
// damaged one is ignored with a one-line notice, never a crash or a hang.

const SESSION = 's_c9883b05a2487d::t_9f8e7d6c5b4a32';

let repo: TempRepo;
let head: string;
beforeEach(() => {
  repo = createTempRepo({ 'package.json': '{"name":"app"}\n', 'src/a.ts': lines(3, 'old') });
  head = repo.git(['rev-parse', 'HEAD']).trim();
});
afterEach(() => repo.cleanup());

const workingLogDir = () => join(repo.dir, '.git', 'ai', 'working_logs', head);
const sha256 = (path: string) =>
  createHash('sha256')
    .update(readFileSync(join(repo.dir, path)))
    .digest('hex');

function checkpoint(path: string, aiEnd: number, total: number, blobSha = sha256(path)): string {
  return JSON.stringify({
    kind: 'ai_agent',
    diff: '',
    author: 'Test Author',
    entries: [
      {
        file: path,
        blob_sha: blobSha,
        attributions: [],
        line_attributions: [
          { start_line: 1, end_line: aiEnd, author_id: SESSION, overrode: null },
          ...(aiEnd < total ? [{ start_line: aiEnd + 1, end_line: total, author_id: 'human', overrode: null }] : []),
        ],
      },
    ],
    timestamp: 1764885600,
    agent_id: { tool: 'claude', id: 'conversation-1', model: 'claude-sonnet-4' },
    api_version: 'checkpoint/1.0.0',
  });
}

function writeWorkingLog(text: string): void {
  mkdirSync(workingLogDir(), { recursive: true });
  writeFileSync(join(workingLogDir(), 'checkpoints.jsonl'), text);
}

interface Report {
  verdict: string;
  notes: string[];
  provenance: { kind: string; decidedBy: string | null; lines?: { ai: number; human: number; source: string } };
  budget: { kind: string; lineByLine?: { ai: number; rest: number } };
}
function dryRun(): Report {
  const result = repo.run(['--dry-run', '--json', '--no-impact'], { timeoutMs: 60_000 });
  expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  return JSON.parse(result.stdout) as Report;
}

describe('line-level records at commit time', () => {
  test('a git-ai working log splits the staged lines; the person keeps the human budget for theirs', () => {
    repo.stage({ 'src/a.ts': lines(3, 'old') + lines(255, 'new') });
    writeWorkingLog(`${checkpoint('src/a.ts', 153, 258)}\n`);
    const report = dryRun();
    expect(report.provenance).toMatchObject({ kind: 'ai', decidedBy: 'git-ai working log', lines: { ai: 150, human: 105 } });
    expect(report.verdict).toBe('pass');
    // Without the log, 255 lines declared AI would be over the AI budget of 200.
    expect(repo.run(['--dry-run', '--no-impact', '--ai']).code).toBe(1);
  });

  test('damaged records: a torn line, another version, a FIFO, a folder are ignored with one line each', () => {
    repo.stage({ 'src/a.ts': lines(3, 'old') + lines(20, 'new') });
    writeWorkingLog(
      `${checkpoint('src/a.ts', 23, 23).slice(0, 50)}\n{"api_version":"checkpoint/9","entries":[]}\n${checkpoint('src/a.ts', 13, 23)}\n`,
    );
    const torn = dryRun();
    expect(torn.notes).toContain('git-ai working log: 2 unreadable records ignored');
    expect(torn.provenance.lines).toMatchObject({ ai: 10, human: 10 });

    rmSync(workingLogDir(), { recursive: true });
    mkdirSync(workingLogDir(), { recursive: true });
    execFileSync('mkfifo', [join(workingLogDir(), 'checkpoints.jsonl')]);
    mkdirSync(join(repo.dir, '.agent-trace', 'traces.jsonl'), { recursive: true });
    const strange = dryRun();
    expect(strange.notes.filter((n) => n.includes('ignored'))).toHaveLength(2);
    expect(strange.provenance.kind).toBe('unknown');
    expect(strange.verdict).toBe('pass');
  });

  test('a record whose content hash does not match counts the file as AI, and says so', () => {
    repo.stage({ 'src/a.ts': lines(3, 'old') + lines(20, 'new') });
    writeWorkingLog(`${checkpoint('src/a.ts', 3, 23, 'b'.repeat(64))}\n`);
    const report = dryRun();
    expect(report.notes).toContain('git-ai working log of src/a.ts does not match its content: its added lines count as AI');
    expect(report.provenance.lines).toMatchObject({ ai: 20, human: 0 });
  });

  test('Agent Trace records of HEAD; the staged lines are found by text when the work tree moved them', () => {
    repo.stage({ 'src/a.ts': lines(3, 'old') + lines(30, 'new') });
    // Unstaged: two lines on top of the file, after the agent's edit was recorded on lines 6-25.
    writeFileSync(join(repo.dir, 'src/a.ts'), 'top 1\ntop 2\n' + lines(3, 'old') + lines(30, 'new'));
    const record = (revision: string, start: number, end: number) =>
      JSON.stringify({
        version: '1.0',
        id: '2f1c8a5e-3b7d-4e0a-9c41-5d6e7f8a9b0c',
        timestamp: '2026-12-04T22:00:00.000Z',
        vcs: { type: 'git', revision },
        tool: { name: 'claude-code' },
        files: [{ path: 'src/a.ts', conversations: [{ contributor: { type: 'ai' }, ranges: [{ start_line: start, end_line: end }] }] }],
      });
    mkdirSync(join(repo.dir, '.agent-trace'));
    // A record of an older HEAD does not count; a damaged line is ignored.
    writeFileSync(join(repo.dir, '.agent-trace', 'traces.jsonl'), `${record('0'.repeat(40), 1, 35)}\n{oops\n${record(head, 6, 25)}\n`);
    const report = dryRun();
    expect(report.notes).toContain('Agent Trace: 1 unreadable record ignored');
    expect(report.provenance).toMatchObject({ kind: 'ai', decidedBy: 'Agent Trace', lines: { ai: 20, human: 10 } });
    expect(report.budget.lineByLine).toMatchObject({ ai: 20, rest: 10 });
  });

  test('a range over a billion lines does not stall the review', () => {
    repo.stage({ 'src/a.ts': lines(3, 'old') + lines(5, 'new') });
    writeWorkingLog(`${checkpoint('src/a.ts', 999_999_999, 999_999_999)}\n`);
    expect(dryRun().provenance.lines).toMatchObject({ ai: 5 });
  });

  test("CI reads git-ai notes line by line; an empty note (hono's release commits) is no AI evidence", () => {
    const ci = () =>
      (
        JSON.parse(repo.run(['ci', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json', '--no-impact']).stdout) as {
          commits: Array<{ provenance: string; provenanceSource: string; findings: Array<{ code: string }> }>;
        }
      ).commits[0]!;
    const note = (attestation: string) =>
      repo.git([
        'notes',
        '--ref=ai',
        'add',
        '-f',
        '-m',
        `${attestation}---\n{"schema_version":"authorship/3.0.0","base_commit_sha":"${head}","prompts":{}}`,
        'HEAD',
      ]);
    // As in honojs/hono 0293343d ("4.13.3"): git-ai installed, no AI line in the commit.
    repo.commit('4.13.3', { 'package.json': '{"name":"app","version":"1.0.1"}\n' });
    note('');
    expect(ci()).toMatchObject({ provenance: 'unknown' });
    // 300 added lines, of which the note names 150 (and lines of another file the commit leaves alone).
    repo.commit('feature', { 'src/b.ts': lines(300, 'b') });
    note(`src/b.ts\n  s_7f408dd36510ee::t_e839accb024721 1-150\nsrc/untouched.ts\n  s_7f408dd36510ee::t_e839accb024721 1-400\n`);
    expect(ci()).toMatchObject({ provenance: 'ai', provenanceSource: 'git-ai note' });
    expect(ci().findings.map((f) => f.code)).not.toContain('lines-over-budget');
    note(`src/b.ts\n  s_7f408dd36510ee::t_e839accb024721 1-250\n`);
    expect(ci().findings.map((f) => f.code)).toContain('lines-over-budget');
  });
});
