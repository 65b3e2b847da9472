import type { FileChange } from '../change/staged-change.js';
import type { BreakingSymbol, Unit } from './link-units.js';

// The one-line reason of a commit, from what holds its files together: "`total` changed its
// signature, with the 2 callers updated for it and its test", "12 new files under src/auth/
// that import each other", "docs only", "lock file and package.json: dependency update".

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const counted = (files: readonly FileChange[]) => files.filter((f) => f.excluded === null);
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Where files are: their common folder, or their top folders. */
export function describePlace(files: readonly FileChange[]): string {
  const folders = files.map((f) => f.path.split('/').slice(0, -1));
  const first = folders[0] ?? [];
  let depth = 0;
  while (depth < first.length && folders.every((f) => f[depth] === first[depth])) depth++;
  if (depth > 0) return `under ${first.slice(0, depth).join('/')}/`;
  const tops = [...new Set(folders.map((f) => (f.length === 0 ? '(root)' : `${f[0]}/`)))];
  return tops.length <= 3 ? `in ${tops.join(', ')}` : `in ${tops.length} folders`;
}

function describeSymbol(symbol: BreakingSymbol): string {
  if (symbol.name === '*') return `${symbol.path} changed (it does not parse)`;
  switch (symbol.change) {
    case 'shape-changed':
      return `\`${symbol.name}\` changed its signature`;
    case 'removed':
      return `\`${symbol.name}\` was removed`;
    case 'renamed':
      return `\`${symbol.previousName ?? '?'}\` was renamed to \`${symbol.name}\``;
    default:
      return `\`${symbol.name}\` changed`;
  }
}

function describeSymbols(unit: Unit): string {
  const [first, second, ...rest] = unit.symbols;
  const head =
    rest.length > 0
      ? `${describeSymbol(first!)}, ${describeSymbol(second!)} and ${plural(rest.length, 'more export')}`
      : [first, second]
          .filter((s) => s !== undefined)
          .map((s) => describeSymbol(s!))
          .join(' and ');
  const declaring = new Set(unit.symbols.map((s) => s.path));
  const callers = [...new Set(unit.symbols.flatMap((s) => s.callers))].filter((p) => !declaring.has(p)).length;
  const tests = unit.tests.length;
  const parts = [
    callers > 0 ? (callers === 1 ? 'the caller updated for it' : `the ${callers} callers updated for it`) : '',
    tests > 0 ? (tests === 1 ? 'its test' : `its ${tests} tests`) : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? `${head}, with ${parts.join(' and ')}` : head;
}

export function describeUnit(unit: Unit): string {
  const files = counted(unit.files);
  if (unit.mechanical !== undefined) return `the same edit in ${plural(files.length, 'file')}: ${unit.mechanical}`;
  if (unit.symbols.length > 0) return describeSymbols(unit);
  if (unit.isNewCluster) return `${plural(files.length, 'new file')} ${describePlace(files)} that import each other`;
  const sources = files.filter((f) => !unit.tests.includes(f.path));
  if (sources.length === 0)
    return files.length === 0 ? `excluded files only (${unit.files.map((f) => f.excluded).join(', ')})` : 'tests only';
  const what = sources.length === 1 ? sources[0]!.path : `${plural(sources.length, 'file')} ${describePlace(sources)}`;
  return unit.tests.length === 0
    ? what
    : `${what} and ${unit.tests.length === 1 && sources.length === 1 ? 'its test' : plural(unit.tests.length, 'test')}`;
}

export function describeGroup(units: readonly Unit[]): string {
  const files = units.flatMap((u) => u.files);
  const kind = units[0]!.kind;
  if (kind === 'docs') return 'docs only';
  if (kind === 'config') {
    const names = counted(files).map((f) => nameOf(f.path));
    return `configuration: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
  }
  if (kind === 'dependency') {
    const manifests = files.filter((f) => nameOf(f.path) === 'package.json').length;
    const what = manifests > 1 ? `${manifests} package.json files` : 'package.json';
    return files.some((f) => f.excluded === 'lock file') ? `lock file and ${what}: dependency update` : `${what}: manifest change`;
  }
  if (units.length === 1) return describeUnit(units[0]!);
  // The units with a story first; the rest summed up by place.
  const told = units.filter((u) => u.mechanical !== undefined || u.symbols.length > 0 || u.isNewCluster).slice(0, 2);
  const rest = counted(units.filter((u) => !told.includes(u)).flatMap((u) => u.files));
  if (told.length === 0) {
    const tests = units.reduce((n, u) => n + u.tests.length, 0);
    const sources = counted(files).length - tests;
    if (sources === 0) return tests === 0 ? 'excluded files only' : 'tests only';
    return `${plural(sources, 'file')} ${describePlace(counted(files))}${tests > 0 ? ` with ${plural(tests, 'test')}` : ''}`;
  }
  const tail = rest.length > 0 ? `; ${plural(rest.length, 'more file')} ${describePlace(rest)}` : '';
  return `${told.map(describeUnit).join('; ')}${tail}`;
}
