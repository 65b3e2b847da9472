import { describe, expect, test } from '@jest/globals';
import { parseAgentTrace } from '../../../../src/core/provenance/lines/parse-agent-trace.js';
import { parseGitAiNote } from '../../../../src/core/provenance/lines/parse-git-ai-note.js';
import { parseGitAiWorkingLog } from '../../../../src/core/provenance/lines/parse-git-ai-working-log.js';

// Records written as the tools write them: git-ai src/authorship/working_log.rs (Checkpoint),
// specs/git_ai_standard_v3.0.0.md (authorship log); cursor/agent-trace schemas.ts (TraceRecord).

const SHA = 'a'.repeat(64);
const checkpoint = (kind: string, file: string, attributions: object[], api = 'checkpoint/1.0.0') =>
  JSON.stringify({
    kind,
    diff: '',
    author: 'Test User',
    entries: [{ file, blob_sha: SHA, attributions: [], line_attributions: attributions }],
    timestamp: 1733350000,
    agent_id: { tool: 'claude', id: 'session-1', model: 'claude-sonnet-4' },
    line_stats: { additions: 3, deletions: 0, additions_sloc: 3, deletions_sloc: 0 },
    api_version: api,
  });

describe('git-ai working log', () => {
  test('the last checkpoint of a file describes it; human and h_ ids are the author', () => {
    const text = [
      checkpoint('ai_agent', 'src/a.ts', [{ start_line: 1, end_line: 9, author_id: 's_c9883b05a2487d::t_9f8e7d6c5b4a32', overrode: null }]),
      checkpoint('human', 'src/a.ts', [
        { start_line: 1, end_line: 3, author_id: 's_c9883b05a2487d::t_9f8e7d6c5b4a32', overrode: null },
        { start_line: 4, end_line: 4, author_id: 'human', overrode: null },
        { start_line: 5, end_line: 5, author_id: 'h_31dce776f88375', overrode: null },
        { start_line: 6, end_line: 7, author_id: 'd9978a8723e02b52', overrode: null },
      ]),
    ].join('\n');
    expect(parseGitAiWorkingLog(text)).toEqual({
      source: 'git-ai working log',
      skipped: 0,
      files: [
        {
          path: 'src/a.ts',
          sha256: SHA,
          ranges: [
            { start: 1, end: 3, kind: 'ai' },
            { start: 4, end: 4, kind: 'human' },
            { start: 5, end: 5, kind: 'human' },
            { start: 6, end: 7, kind: 'ai' },
          ],
        },
      ],
    });
  });

  test('a torn line, another api version and a bad range are skipped and counted', () => {
    const good = checkpoint('ai_agent', 'b.ts', [{ start_line: 2, end_line: 2, author_id: 's_x::t_y' }]);
    const text = [
      good.slice(0, 40),
      checkpoint('ai_agent', 'c.ts', [], 'checkpoint/0.9.0'),
      checkpoint('ai_agent', 'd.ts', [{ start_line: 5, end_line: 2, author_id: 's_x::t_y' }]),
      '[]',
      good,
    ].join('\n');
    const parsed = parseGitAiWorkingLog(text);
    expect(parsed.skipped).toBe(4);
    expect(parsed.files.map((f) => f.path)).toEqual(['b.ts']);
  });
});

describe('git-ai authorship note', () => {
  test('session and legacy keys are AI, h_ keys human, quoted paths unquoted', () => {
    const note = [
      'src/main.rs',
      '  s_c9883b05a2487d::t_9f8e7d6c5b4a32 1-10,15-20',
      '  h_31dce776f88375 35-40',
      '"src/my file.rs"',
      '  d9978a8723e02b52 3',
      '---',
      '{"schema_version":"authorship/3.0.0","base_commit_sha":"abc","prompts":{}}',
    ].join('\n');
    expect(parseGitAiNote(note)).toEqual({
      source: 'git-ai note',
      skipped: 0,
      files: [
        {
          path: 'src/main.rs',
          ranges: [
            { start: 1, end: 10, kind: 'ai' },
            { start: 15, end: 20, kind: 'ai' },
            { start: 35, end: 40, kind: 'human' },
          ],
        },
        { path: 'src/my file.rs', ranges: [{ start: 3, end: 3, kind: 'ai' }] },
      ],
    });
  });

  test('without the divider it is not an authorship log; a bad entry is skipped', () => {
    expect(parseGitAiNote('just some note')).toBeNull();
    expect(parseGitAiNote('a.ts\n  s_x::t_y 1-x\n  s_x::t_y 4\n---\n{}')).toMatchObject({
      skipped: 1,
      files: [{ path: 'a.ts', ranges: [{ start: 4, end: 4, kind: 'ai' }] }],
    });
  });
});

const trace = (revision: string, path: string, type: string, ranges: object[]) =>
  JSON.stringify({
    version: '1.0',
    id: '2f1c8a5e-3b7d-4e0a-9c41-5d6e7f8a9b0c',
    timestamp: '2026-12-04T22:00:00.000Z',
    vcs: { type: 'git', revision },
    tool: { name: 'claude-code' },
    files: [{ path, conversations: [{ contributor: { type, model_id: 'anthropic/claude-sonnet-4' }, ranges }] }],
  });

describe('Agent Trace records', () => {
  test('records of HEAD count, a range overrides its conversation, mixed is AI, unknown is left out', () => {
    const text = [
      trace('old', 'a.ts', 'ai', [{ start_line: 1, end_line: 50 }]),
      trace('head', 'a.ts', 'ai', [
        { start_line: 3, end_line: 5, content_hash: 'murmur3:9f2e8a1b' },
        { start_line: 6, end_line: 6, contributor: { type: 'human' } },
      ]),
      trace('head', 'a.ts', 'mixed', [{ start_line: 9, end_line: 9 }]),
      trace('head', 'a.ts', 'unknown', [{ start_line: 12, end_line: 12 }]),
    ].join('\n');
    expect(parseAgentTrace(text, 'head')).toEqual({
      source: 'Agent Trace',
      skipped: 0,
      files: [
        {
          path: 'a.ts',
          ranges: [
            { start: 3, end: 5, kind: 'ai' },
            { start: 6, end: 6, kind: 'human' },
            { start: 9, end: 9, kind: 'ai' },
          ],
        },
      ],
    });
  });

  test('a JSON array (a note) and damaged records', () => {
    const record = JSON.parse(trace('c1', 'b.ts', 'ai', [{ start_line: 2, end_line: 3 }])) as object;
    expect(parseAgentTrace(JSON.stringify([record]), null).files).toEqual([{ path: 'b.ts', ranges: [{ start: 2, end: 3, kind: 'ai' }] }]);
    const damaged = ['{"files":[{"path":"c.ts","conversations":[{"ranges":[{"start_line":0,"end_line":2}]}]}]}', '{not json', '"a string"'];
    expect(parseAgentTrace(damaged.join('\n'), null)).toEqual({ source: 'Agent Trace', skipped: 3, files: [] });
  });
});
