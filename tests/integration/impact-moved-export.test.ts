import { afterEach, describe, expect, test } from '@jest/globals';
import { coldAndWarm, uses } from '../helpers/impact-json.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// milkdown 71c0ce53b6 moved `mathInlineId` into a new `latex/constants.ts` and kept it in
// `inline-latex.ts` as `import { mathInlineId } from './constants'; export { mathInlineId }`:
// read "signature changed  const mathInlineId: string → mathInlineId (binding)", a reshaped export.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('an export whose declaration moved to another staged file and is re-exported from there', () => {
  test('with the same shape it is no reshape (its users still listed); with another, the detail shows the shape it has now', () => {
    repo = createScenarioRepo('impact', 'moved-declaration');
    const impact = coldAndWarm(repo);
    const inline = (name: string) => impact.changedSymbols.find((s) => s.path === 'src/inline.ts' && s.name === name)!;
    expect(inline('mathInlineId').change).toBe('body-changed');
    expect(uses(inline('mathInlineId').valueUsers)).toEqual(['app/use.ts:3']);
    expect(inline('limit').change).toBe('shape-changed');
    expect(inline('limit').detail).toMatch(/number → .*string/);
    expect(impact.changedSymbols.some((s) => s.name === 'render')).toBe(false);
  });
});
