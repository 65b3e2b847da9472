import { describeSymbol } from '../../src/core/questionnaire/impact-question.js';
import type { ChangedSymbol } from '../../src/core/impact/impact-report.js';
import type { SymbolDiff } from '../../src/core/impact/diff-exports.js';

/** How an impact question names a changed export of `diffExports`, with no users. */
export const askedOf = (diff: SymbolDiff | undefined): string =>
  describeSymbol({
    ...diff!,
    valueUsers: [],
    typeUsers: [],
    wholeModuleUsers: [],
    transitive: { count: 0, chains: [] },
    dependents: [],
  } as ChangedSymbol);
