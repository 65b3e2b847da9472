import { describe, expect, test } from '@jest/globals';
import { decideCommitProvenance } from '../../../src/core/provenance/decide-commit-provenance.js';

const claude = { signal: 'trailer: Claude', kind: 'ai' as const, detail: '' };

describe('provenance of a commit in CI', () => {
  test('the record declares first, then trailers, git-ai notes, the config', () => {
    expect(
      decideCommitProvenance({
        record: { kind: 'ai', decidedBy: 'declared by the author', declared: 'ai-generated' },
        commitSignals: [],
        hasAiNote: false,
        assume: 'detect',
      }),
    ).toMatchObject({ kind: 'ai', source: 'review record: declared ai-generated' });
    expect(decideCommitProvenance({ record: null, commitSignals: [claude], hasAiNote: true, assume: 'human' })).toMatchObject({
      kind: 'ai',
      source: 'trailer: Claude',
    });
    expect(decideCommitProvenance({ record: null, commitSignals: [], hasAiNote: true, assume: 'detect' })).toMatchObject({
      kind: 'ai',
      source: 'git-ai note',
    });
    expect(
      decideCommitProvenance({
        record: { kind: 'human', decidedBy: null, declared: 'written' },
        commitSignals: [],
        hasAiNote: false,
        assume: 'ai',
      }),
    ).toMatchObject({ kind: 'human', source: 'review record: declared written' });
    expect(decideCommitProvenance({ record: null, commitSignals: [], hasAiNote: false, assume: 'detect' })).toMatchObject({
      kind: 'unknown',
    });
  });

  test('a declaration of human work does not outvote AI evidence, and says so', () => {
    const result = decideCommitProvenance({
      record: { kind: 'human', decidedBy: null, declared: 'written' },
      commitSignals: [claude],
      hasAiNote: false,
      assume: 'detect',
    });
    expect(result).toMatchObject({
      kind: 'ai',
      source: 'trailer: Claude',
      conflict: expect.stringMatching(/declared written, but the commit carries trailer: Claude/),
    });
  });

  test('line-level records alone measure line by line; a whole-commit signal or assume: ai measures every line', () => {
    const lines = { source: 'git-ai working log', ai: 30, human: 10, files: [{ path: 'a.ts', ai: 30, human: 0 }] };
    const byLines = decideCommitProvenance({ record: null, commitSignals: [], hasAiNote: false, assume: 'detect', lines });
    expect(byLines).toMatchObject({ kind: 'ai', source: 'git-ai working log', lines });
    const record = { kind: 'ai' as const, decidedBy: 'git-ai working log', lines };
    // The record the hook made from the working log, the commit's note giving the same lines.
    const noted = { ...lines, source: 'git-ai note' };
    expect(decideCommitProvenance({ record, commitSignals: [], hasAiNote: false, assume: 'detect', lines: noted })).toMatchObject({
      kind: 'ai',
      lines: noted,
    });
    for (const whole of [
      decideCommitProvenance({ record: null, commitSignals: [claude], hasAiNote: false, assume: 'detect', lines }),
      decideCommitProvenance({ record: null, commitSignals: [], hasAiNote: true, assume: 'detect', lines }),
      decideCommitProvenance({ record: null, commitSignals: [], hasAiNote: false, assume: 'ai', lines }),
      decideCommitProvenance({
        record: { kind: 'ai', decidedBy: 'env CLAUDECODE=1' },
        commitSignals: [],
        hasAiNote: false,
        assume: 'detect',
        lines,
      }),
    ]) {
      expect(whole.kind).toBe('ai');
      expect(whole.lines).toBeUndefined();
    }
    // An agent's lines are never a person's: a record of human work is reported against them.
    const human = decideCommitProvenance({
      record: { kind: 'human', decidedBy: null, declared: 'written' },
      commitSignals: [],
      hasAiNote: false,
      assume: 'detect',
      lines,
    });
    expect(human).toMatchObject({ kind: 'ai', conflict: expect.stringMatching(/git-ai working log/) });
    const none = decideCommitProvenance({
      record: null,
      commitSignals: [],
      hasAiNote: false,
      assume: 'detect',
      lines: { ...lines, ai: 0 },
    });
    expect(none.kind).toBe('unknown');
  });
});
