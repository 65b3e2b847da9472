import { describe, expect, test } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../../../src/core/config/defaults.js';
import { evaluateSizeGate } from '../../../../src/core/policy/size-gate.js';
import { attributeLines } from '../../../../src/core/provenance/lines/attribute-lines.js';
import { parsePatchHunks } from '../../../../src/core/split/parse-patch-hunks.js';
import { fileChange } from '../../../helpers/file-change.js';

// A zero-context patch as `git diff-index -p -U0` writes it.
const patch = [
  'diff --git a/a.ts b/a.ts',
  'index 1111111..2222222 100644',
  '--- a/a.ts',
  '+++ b/a.ts',
  '@@ -2,0 +3,3 @@ export function f() {',
  '+const one = 1;',
  '+const two = 2;',
  '+const three = 3;',
  '@@ -10 +12 @@',
  '-old line',
  '+new line',
  'diff --git a/b.ts b/b.ts',
  'index 1111111..2222222 100644',
  '--- a/b.ts',
  '+++ b/b.ts',
  '@@ -1,2 +1 @@',
  '-gone',
  '-also gone',
  '+kept by a person',
  '',
].join('\n');

describe('attributeLines', () => {
  test('ranges that number the new side: added lines by number, a rewritten block goes with its lines', () => {
    const owners = {
      path: 'a.ts',
      ranges: [
        { start: 3, end: 4, kind: 'ai' as const },
        { start: 12, end: 12, kind: 'ai' as const },
      ],
    };
    const split = attributeLines('git-ai note', parsePatchHunks(patch), new Map([['a.ts', { owners, text: null }]]));
    expect(split).toEqual({
      source: 'git-ai note',
      ai: 4, // lines 3, 4 and 12, and the line 12 replaced
      human: 4, // line 5 of a.ts and b.ts's three lines
      files: [
        { path: 'a.ts', ai: 4, human: 1 },
        { path: 'b.ts', ai: 0, human: 3 },
      ],
      notices: [],
    });
  });

  test('ranges that number the work tree: by number where the text agrees, else by the AI lines text', () => {
    // The work tree has one more line on top than the index (an unstaged edit), so numbers shift.
    const text = ['// unstaged', 'x', 'y', 'const one = 1;', 'const two = 2;', 'const three = 3;'];
    const owners = { path: 'a.ts', ranges: [{ start: 4, end: 5, kind: 'ai' as const }] };
    const split = attributeLines('Agent Trace', parsePatchHunks(patch), new Map([['a.ts', { owners, text }]]));
    expect(split.files[0]).toEqual({ path: 'a.ts', ai: 2, human: 3 });
  });

  test('a record whose content hash does not match counts every added line as AI', () => {
    const owners = { path: 'b.ts', ranges: [] };
    const split = attributeLines('git-ai working log', parsePatchHunks(patch), new Map([['b.ts', { owners, text: [], mismatch: true }]]));
    expect(split.files[1]).toEqual({ path: 'b.ts', ai: 3, human: 0 });
  });

  test('a range over a billion lines is bounded', () => {
    const owners = { path: 'a.ts', ranges: [{ start: 1, end: 999_999_999, kind: 'ai' as const }] };
    expect(attributeLines('x', parsePatchHunks(patch), new Map([['a.ts', { owners, text: null }]])).files[0]?.ai).toBe(5);
  });
});

describe('the size gate line by line', () => {
  const files = [fileChange('a.ts', 212), fileChange('b.ts', 20)];
  const split = (ai: number) => ({
    source: 'git-ai working log',
    ai,
    human: 232 - ai,
    files: [
      { path: 'a.ts', ai, human: 212 - ai },
      { path: 'b.ts', ai: 0, human: 20 },
    ],
  });

  test('AI lines meet the AI budget, the rest the human one, each with its source', () => {
    const gate = evaluateSizeGate({ files, provenance: 'ai', config: DEFAULT_CONFIG, lineSplit: split(212) });
    expect(gate.verdict).toBe('reject');
    expect(gate.reasons.map((r) => r.message)).toEqual(['212 lines by AI (git-ai working log): 12 over the AI budget of 200']);
    expect(gate.split).toEqual({ source: 'git-ai working log', ai: 212, rest: 20, humanBudget: DEFAULT_CONFIG.budgets.human });
    const within = evaluateSizeGate({ files, provenance: 'ai', config: DEFAULT_CONFIG, lineSplit: split(150) });
    // The same 232 lines as one AI change would be over the AI budget.
    expect(within.verdict).toBe('pass');
    expect(evaluateSizeGate({ files, provenance: 'ai', config: DEFAULT_CONFIG }).verdict).toBe('reject');
  });

  test('the human part meets the human budget', () => {
    const big = [fileChange('a.ts', 10), fileChange('b.ts', 420)];
    const lineSplit = { source: 'Agent Trace', ai: 10, human: 420, files: [{ path: 'a.ts', ai: 10, human: 0 }] };
    const gate = evaluateSizeGate({ files: big, provenance: 'ai', config: DEFAULT_CONFIG, lineSplit });
    expect(gate.reasons.map((r) => r.message)).toEqual(['420 lines by you: 20 over the human budget of 400']);
  });

  test('a split is ignored unless the change is AI', () => {
    expect(evaluateSizeGate({ files, provenance: 'human', config: DEFAULT_CONFIG, lineSplit: split(212) }).split).toBeUndefined();
  });
});
