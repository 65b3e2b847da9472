import { describe, expect, test } from '@jest/globals';
import { detectProvenance } from '../../../src/core/provenance/detect-provenance.js';

describe('detectProvenance', () => {
  test('nothing said: unknown', () => {
    expect(detectProvenance({ env: {}, aiFlag: false, assume: 'detect' })).toEqual({
      kind: 'unknown',
      signals: [],
      decidedBy: null,
      isAgentDriven: false,
    });
  });

  test('signals in order of strength: agent env, --ai, SELFREVIEW_AI, config', () => {
    const all = detectProvenance({ env: { CODEX_SANDBOX: 'seatbelt', SELFREVIEW_AI: '0' }, aiFlag: true, assume: 'human' });
    expect(all.signals.map((s) => s.signal)).toEqual([
      'env CODEX_SANDBOX=seatbelt',
      '--ai',
      'env SELFREVIEW_AI=0',
      'config provenance.assume=human',
    ]);
    expect(all).toMatchObject({ kind: 'ai', isAgentDriven: true });
    expect(detectProvenance({ env: { SELFREVIEW_AI: '0' }, aiFlag: false, assume: 'ai' })).toMatchObject({
      kind: 'human',
      decidedBy: 'env SELFREVIEW_AI=0',
    });
    expect(detectProvenance({ env: {}, aiFlag: false, assume: 'ai' })).toMatchObject({ kind: 'ai', isAgentDriven: false });
  });

  test('prefix and value-bound signals', () => {
    expect(detectProvenance({ env: { COPILOT_AGENT_RUN_ID: '7' }, aiFlag: false, assume: 'detect' }).decidedBy).toBe(
      'env COPILOT_AGENT_RUN_ID=7',
    );
    expect(
      detectProvenance({ env: { CURSOR_EXTENSION_HOST_ROLE: 'user', CURSOR_TRACE_ID: 'x' }, aiFlag: false, assume: 'detect' }).kind,
    ).toBe('unknown');
    expect(detectProvenance({ env: { CLAUDECODE: '' }, aiFlag: false, assume: 'detect' }).kind).toBe('unknown');
  });

  test('line-level records make the change AI line by line, unless a whole-change signal decides', () => {
    const lines = { source: 'Agent Trace', ai: 5, human: 3, files: [{ path: 'a.ts', ai: 5, human: 0 }] };
    expect(detectProvenance({ env: {}, aiFlag: false, assume: 'detect', lines })).toMatchObject({
      kind: 'ai',
      decidedBy: 'Agent Trace',
      lines,
    });
    // A declaration of human work does not outvote them.
    expect(detectProvenance({ env: { SELFREVIEW_AI: '0' }, aiFlag: false, assume: 'human', lines })).toMatchObject({ kind: 'ai', lines });
    for (const whole of [
      detectProvenance({ env: { CLAUDECODE: '1' }, aiFlag: false, assume: 'detect', lines }),
      detectProvenance({ env: {}, aiFlag: true, assume: 'detect', lines }),
      detectProvenance({ env: {}, aiFlag: false, assume: 'ai', lines }),
    ]) {
      expect(whole.kind).toBe('ai');
      expect(whole.lines).toBeUndefined();
    }
    expect(detectProvenance({ env: {}, aiFlag: false, assume: 'detect', lines: { ...lines, ai: 0 } }).kind).toBe('unknown');
  });
});
