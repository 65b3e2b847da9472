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
});
