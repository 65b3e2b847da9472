import type { ChangedSymbol } from './impact-report.js';

/** The name a person reads: `module.exports` for the whole-module export (`export =`, CommonJS's
 * `module.exports = req`), which the records call `export=`. */
export const shownName = (symbol: Pick<ChangedSymbol, 'name'>): string => (symbol.name === 'export=' ? 'module.exports' : symbol.name);
