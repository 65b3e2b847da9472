import { describeCap, type ChangedSymbol, type ImpactReport, type SymbolUse, type WalkCap } from '../../core/impact/impact-report.js';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import type { ChalkInstance } from './colors.js';
import { plural } from '../../core/text/plural.js';
import { nearestUsers } from '../../core/impact/nearest-users.js';
import { shownName } from '../../core/impact/shown-name.js';
import { describePublicApi } from '../../core/impact/public-api.js';

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

/** "signature changed", or what carries the change: "type changed through `BlueprintRelation`". */
function changeWords(symbol: ChangedSymbol): string {
  if (symbol.via === undefined) return CHANGE_WORDS[symbol.change];
  return `${symbol.change === 'shape-changed' ? 'type' : 'implementation'} changed through \`${clean(symbol.via)}\``;
}

const LEVEL_COLOR = { low: 'green', medium: 'yellow', high: 'red' } as const;

function describeRisk(impact: ImpactReport, c: ChalkInstance): string {
  return c[LEVEL_COLOR[impact.risk.level]](impact.risk.level);
}

/** What a walk that stopped early left out: a bound, said as such. */
const beyond = (capped: WalkCap | undefined): string => (capped === undefined ? '' : ` (${describeCap(capped)})`);

export function formatImpactSummary(impact: ImpactReport, c: ChalkInstance): string[] {
  const lines = [`Impact: risk ${describeRisk(impact, c)}, ${plural(impact.dependents.length, 'dependent file')}${beyond(impact.capped)}`];
  for (const reason of impact.risk.reasons) lines.push(c.dim(`  - ${clean(reason.message)}`));
  // The exports the change edits come before those that carry it (amplication 2eb1e527f adds two
  // fields to `BlueprintRelation`, and its five lines were `Entity`, `Module` … "signature changed");
  // within each, those with users here before those only public (radix's `ToastProvider` beside its
  // alias `Provider`, used in three files, had pushed `Root` and its users out of the five lines).
  const rank = (s: ChangedSymbol) => 2 * Number(s.via !== undefined) + Number(s.dependents.length + s.wholeModuleUsers.length === 0);
  const used = impact.changedSymbols
    .filter((s) => s.dependents.length + s.wholeModuleUsers.length > 0 || s.publicApi !== undefined)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, 5);
  for (const symbol of used) {
    const direct = nearestUsers(symbol.path, [...symbol.valueUsers, ...symbol.typeUsers]);
    const examples = direct
      .slice(0, 3)
      .map((u) => `${clean(u.path)}:${u.line}`)
      .join(', ');
    const whole = symbol.wholeModuleUsers.length;
    const counts = `${plural(symbol.valueUsers.length, 'value user')}, ${plural(symbol.typeUsers.length, 'type user')}${symbol.transitive.count > 0 ? `, ${symbol.transitive.count} further${beyond(symbol.capped)}` : ''}${whole > 0 ? `, ${whole} more hold the whole module` : ''}${symbol.publicApi === undefined ? '' : `; ${describePublicApi(symbol.publicApi)}`}`;
    lines.push(
      `  ${clean(shownName(symbol))} (${clean(symbol.path)}${symbol.isDefault ? ', default export' : ''}) ${changeWords(symbol)}: ${counts}${examples ? `, e.g. ${examples}` : ''}`,
    );
  }
  for (const warning of impact.warnings) lines.push(c.yellow(`  warning: ${clean(warning)}`));
  return lines;
}

const MAX_USERS = 15;
const MAX_WHOLE = 3;

/** Files that hold the whole module (a namespace that escapes): one line, they are not users. */
function formatWholeModule(symbol: ChangedSymbol, c: ChalkInstance): string[] {
  const whole = symbol.wholeModuleUsers;
  if (whole.length === 0) return [];
  const shown = whole.slice(0, MAX_WHOLE).map((u) => `${clean(u.path)}:${u.line}`);
  const more = whole.length > MAX_WHOLE ? `, … ${whole.length - MAX_WHOLE} more` : '';
  return [
    c.dim(
      `      ${plural(whole.length, 'more file')} ${whole.length === 1 ? 'holds' : 'hold'} the whole module (its namespace escapes): ${shown.join(', ')}${more}`,
    ),
  ];
}

/** Value users, then type users, each at its first use (`path:line`); then the farther ones. */
function formatUsers(symbol: ChangedSymbol, c: ChalkInstance): string[] {
  const users: Array<[SymbolUse, string]> = [
    ...symbol.valueUsers.map((u): [SymbolUse, string] => [u, '']),
    ...symbol.typeUsers.map((u): [SymbolUse, string] => [u, c.dim('  (types only)')]),
  ];
  const { transitive } = symbol;
  if (users.length === 0 && transitive.count === 0) return formatWholeModule(symbol, c);
  const out = [
    c.dim(
      `      ${plural(symbol.valueUsers.length, 'value user')}, ${plural(symbol.typeUsers.length, 'type user')}, ${transitive.count} further away${symbol.capped === undefined ? '' : `, ${describeCap(symbol.capped)} (--all follows them)`}`,
    ),
  ];
  const shown = users.slice(0, MAX_USERS);
  shown.forEach(([use, note], i) =>
    out.push(`      ${i === shown.length - 1 && transitive.count === 0 ? '└' : '├'} ${clean(use.path)}:${use.line}${note}`),
  );
  if (users.length > MAX_USERS) out.push(c.dim(`        … and ${users.length - MAX_USERS} more (--json lists all)`));
  for (const chain of transitive.chains.slice(0, 3)) out.push(c.dim(`      ┊ ${chain.map(clean).join(' → ')}`));
  return [...out, ...formatWholeModule(symbol, c)];
}

export function formatImpactReport(impact: ImpactReport, c: ChalkInstance, heading: string): string {
  const out = [c.bold(heading)];
  const byFile = new Map<string, ChangedSymbol[]>();
  for (const symbol of impact.changedSymbols) byFile.set(symbol.path, [...(byFile.get(symbol.path) ?? []), symbol]);
  if (byFile.size === 0) out.push('  No exported symbol changed.');
  for (const [path, symbols] of byFile) {
    out.push(`  ${c.bold(clean(path))}`);
    for (const symbol of symbols) {
      const words = changeWords(symbol);
      const detail = symbol.detail && symbol.via === undefined ? c.dim(`  ${clean(symbol.detail)}`) : '';
      out.push(`    ${clean(shownName(symbol))}${symbol.isDefault ? c.dim(' (default)') : ''}: ${words}${detail}`);
      out.push(...formatUsers(symbol, c));
      if (symbol.publicApi !== undefined) out.push(`      ${clean(describePublicApi(symbol.publicApi))}`);
    }
  }
  if (impact.triviaOnly.length > 0) out.push(c.dim(`  Comments or formatting only: ${impact.triviaOnly.map(clean).join(', ')}`));
  for (const warning of impact.warnings) out.push(c.yellow(`  warning: ${clean(warning)}`));
  for (const error of impact.parseErrors) out.push(c.yellow(`  ${clean(error.path)} does not parse: ${clean(error.message)}`));
  out.push(`Risk: ${describeRisk(impact, c)}`);
  for (const reason of impact.risk.reasons) out.push(`  - ${clean(reason.message)}`);
  const { stats } = impact;
  out.push(
    c.dim(
      `${stats.filesInGraph} modules in the graph, ${stats.parsed} parsed, ${stats.cacheHits} from cache, ${stats.unresolved} imports unresolved (--debug lists them)`,
    ),
  );
  return `${out.join('\n')}\n`;
}
