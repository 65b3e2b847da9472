import { afterEach, describe, expect, test } from '@jest/globals';
import { coldAndWarm, symbol, uses } from '../helpers/impact-json.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// `typeof ns` of a namespace import inside a type alias (issue 23, known open since round 40):
// `type Lib = typeof TLib` names the namespace's type, so `lib: Lib` reads the members `lib` reads,
// and `typeof TLib['a']` or `Lib['a']` names `a` alone. Neither holds the whole module.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('a type alias of a namespace', () => {
  test('`type Lib = typeof TLib` then `lib: Lib` reads what `lib` reads: `lib.parse()` is a use of `parse`, carried on by the function holding it', () => {
    repo = createScenarioRepo('impact', 'typeof-type-alias');
    const impact = coldAndWarm(repo);
    const parse = symbol(impact, 'parse');
    expect(uses([...parse.valueUsers, ...parse.typeUsers])).toEqual(['test/aliased.ts:6']);
    expect(parse.dependents.filter((d) => d.depth === 2).map((d) => d.path)).toEqual(['examples/run.ts']);
    expect(parse.wholeModuleUsers).toEqual([]);
  });

  test("`typeof TLib['exportToSvg']` and `Lib['exportToCanvas']` name that member alone: no file holds the whole module", () => {
    repo = createScenarioRepo('impact', 'typeof-type-alias');
    const impact = coldAndWarm(repo);
    const canvas = symbol(impact, 'exportToCanvas');
    expect(uses([...canvas.valueUsers, ...canvas.typeUsers])).toEqual(['test/alias-indexed.ts:5']);
    expect(canvas.wholeModuleUsers).toEqual([]);
    // indexed.ts names exportToSvg only, which did not change.
    expect(impact.changedSymbols.flatMap((s) => s.dependents.map((d) => d.path))).not.toContain('test/indexed.ts');
  });
});
