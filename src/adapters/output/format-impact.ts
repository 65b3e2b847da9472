import type { ChangedSymbol, DependentRef, ImpactReport } from '../../core/impact/impact-report.js';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import type { ChalkInstance } from './colors.js';

// The blast radius as text: a short summary inside the review report, and the full tree for
// `selfreview impact` (each changed file, its changed exports, their dependents nearest first
// with the import chain that reaches them).

const CHANGE_WORDS: Record<ChangedSymbol['change'], string> = {
  added: 'added',
  removed: 'removed',
  renamed: 'renamed',
  'shape-changed': 'signature changed',
  'body-changed': 'implementation changed',
  unknown: 'may have changed',
};

const LEVEL_COLOR = { low: 'green', medium: 'yellow', high: 'red' } as const;

function describeRisk(impact: ImpactReport, c: ChalkInstance): string {
  return c[LEVEL_COLOR[impact.risk.level]](impact.risk.level);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatImpactSummary(impact: ImpactReport, c: ChalkInstance): string[] {
  const lines = [`Impact: risk ${describeRisk(impact, c)}, ${plural(impact.dependents.length, 'dependent file')}`];
  for (const reason of impact.risk.reasons) lines.push(c.dim(`  - ${clean(reason.message)}`));
  const used = impact.changedSymbols.filter((s) => s.dependents.length > 0).slice(0, 5);
  for (const symbol of used) {
    const examples = symbol.dependents.slice(0, 3).map((d) => clean(d.path)).join(', ');
    lines.push(`  ${clean(symbol.name)} (${clean(symbol.path)}) ${CHANGE_WORDS[symbol.change]}: ${plural(symbol.dependents.length, 'dependent')}, e.g. ${examples}`);
  }
  return lines;
}

function formatDependent(ref: DependentRef, isLast: boolean, c: ChalkInstance): string {
  const via = ref.chain.slice(1, -1).map(clean);
  const route = via.length > 0 ? c.dim(`  via ${via.join(' → ')}`) : '';
  const typeOnly = ref.isTypeOnly ? c.dim('  (types only)') : '';
  return `      ${isLast ? '└' : '├'} ${clean(ref.path)}${route}${typeOnly}`;
}

const MAX_DEPENDENTS = 15;

export function formatImpactReport(impact: ImpactReport, c: ChalkInstance, heading: string): string {
  const out = [c.bold(heading)];
  const byFile = new Map<string, ChangedSymbol[]>();
  for (const symbol of impact.changedSymbols) byFile.set(symbol.path, [...(byFile.get(symbol.path) ?? []), symbol]);
  if (byFile.size === 0) out.push('  No exported symbol changed.');
  for (const [path, symbols] of byFile) {
    out.push(`  ${c.bold(clean(path))}`);
    for (const symbol of symbols) {
      const detail = symbol.detail ? c.dim(`  ${clean(symbol.detail)}`) : '';
      out.push(`    ${clean(symbol.name)}: ${CHANGE_WORDS[symbol.change]}${detail}`);
      if (symbol.dependents.length === 0) continue;
      const direct = symbol.dependents.filter((d) => d.depth === 1).length;
      out.push(c.dim(`      ${plural(symbol.dependents.length, 'dependent')} (${direct} direct, ${symbol.dependents.length - direct} transitive)`));
      const shown = symbol.dependents.slice(0, MAX_DEPENDENTS);
      shown.forEach((ref, i) => out.push(formatDependent(ref, i === shown.length - 1, c)));
      if (symbol.dependents.length > MAX_DEPENDENTS) out.push(c.dim(`        … and ${symbol.dependents.length - MAX_DEPENDENTS} more (--json lists all)`));
    }
  }
  for (const error of impact.parseErrors) out.push(c.yellow(`  ${clean(error.path)} does not parse: ${clean(error.message)}`));
  out.push(`Risk: ${describeRisk(impact, c)}`);
  for (const reason of impact.risk.reasons) out.push(`  - ${clean(reason.message)}`);
  const { stats } = impact;
  out.push(c.dim(`${stats.filesInGraph} modules in the graph, ${stats.parsed} parsed, ${stats.cacheHits} from cache, ${stats.unresolved} imports unresolved (--debug lists them)`));
  return `${out.join('\n')}\n`;
}
