import type { FileChange } from '../change/staged-change.js';
import type { BreakingSymbol, Unit } from './link-units.js';
import { compareText } from '../text/compare-text.js';
import { plural } from '../text/plural.js';

// The one-line reason of a commit, from what holds its files together: "`total` changed its
// signature, with the 2 callers updated for it and its test", "12 new files under src/auth/
// that import each other", "docs only", "lock file and package.json: dependency update"; files
// with no such story by what they change: "Update `parseCookie` and `getIP` under src/utils/".

const counted = (files: readonly FileChange[]) => files.filter((f) => f.excluded === null);
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** What a group's files change, by name: changed declarations (blast radius), else hunk headings. */
export interface ChangedNames {
  /** Names of the changed declarations of each file, most telling first. */
  readonly byPath: ReadonlyMap<string, readonly string[]>;
}

const NO_NAMES: ChangedNames = { byPath: new Map() };

/** "`a`, `b` and `c`"; past three, "`a`, `b`, `c` and 4 more". */
function listNames(names: readonly string[], quote: (n: string) => string): string {
  const shown = names.slice(0, 3).map(quote);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`;
}

/**
 * The line a person would write for files with no export story: a verb, the names it changes
 * (the files' own when no name is known), and where: "Update `parseCookie` and `getIP` under
 * src/utils/", not "10 files under src/".
 */
function describeEdit(files: readonly FileChange[], names: ChangedNames): string {
  if (files.every((f) => f.status === 'renamed' && f.oldPath !== undefined)) return describeMove(files);
  const verb = files.every((f) => f.status === 'added') ? 'Add' : files.every((f) => f.status === 'deleted') ? 'Remove' : 'Update';
  const heaviest = [...files].sort((a, b) => b.added + b.removed - (a.added + a.removed) || compareText(a.path, b.path));
  const found = [...new Set(heaviest.flatMap((f) => names.byPath.get(f.path) ?? []))];
  if (files.length === 1) {
    const path = files[0]!.path;
    return found.length > 0 ? `${verb} ${listNames(found, (n) => `\`${n}\``)} in ${path}` : `${verb} ${path}`;
  }
  const what =
    found.length > 0 ? listNames(found, (n) => `\`${n}\``) : listNames([...new Set(heaviest.map((f) => nameOf(f.path)))], (n) => n);
  return `${verb} ${what} ${describePlace(files)}`;
}

/** Files moved or renamed (hoppscotch 863b1b29a's ten .graphql files, 0 lines: "Update" said
 * nothing of it): "Move a.graphql, b.graphql and 8 more from x/ to y/", "Rename a.ts and b.ts under src/". */
function describeMove(files: readonly FileChange[]): string {
  const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
  const inPlace = files.every((f) => dirOf(f.path) === dirOf(f.oldPath!));
  if (files.length === 1) {
    const [{ path, oldPath }] = files as [FileChange & { oldPath: string }];
    return inPlace ? `Rename ${oldPath} to ${nameOf(path)}` : `Move ${oldPath} to ${path}`;
  }
  const before = files.map((f) => ({ ...f, path: f.oldPath! }));
  const names = (group: readonly FileChange[]) => listNames([...new Set(group.map((f) => nameOf(f.path)))].sort(compareText), (n) => n);
  if (inPlace) return `Rename ${names(before)} ${describePlace(files)}`;
  const place = (group: readonly FileChange[]) => describePlace(group).replace(/^(under|in) /, '');
  return `Move ${names(files)} from ${place(before)} to ${place(files)}`;
}

/** Where files are: their common folder, or their top folders. */
export function describePlace(files: readonly FileChange[]): string {
  const folders = files.map((f) => f.path.split('/').slice(0, -1));
  const first = folders[0] ?? [];
  let depth = 0;
  while (depth < first.length && folders.every((f) => f[depth] === first[depth])) depth++;
  if (depth > 0) return `under ${first.slice(0, depth).join('/')}/`;
  const tops = [...new Set(folders.filter((f) => f.length > 0).map((f) => `${f[0]}/`))];
  if (folders.some((f) => f.length === 0)) tops.push('the root');
  if (tops.length > 3) return `in ${tops.length} folders`;
  return `in ${tops.length === 1 ? tops[0] : `${tops.slice(0, -1).join(', ')} and ${tops[tops.length - 1]}`}`;
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

/**
 * The tests a group holds: "its test", "2 tests", and a test whose subject went to another group
 * named by that subject, "the test of setData.ts" (jsonforms dc02a1c7a: the new 226-line setData.ts
 * filled a group alone, and its test, beside util/index.ts, read as index.ts's "1 test").
 */
function describeTests(
  tests: readonly string[],
  subjects: ReadonlyMap<string, string>,
  here: ReadonlySet<string>,
  { own: ownWords }: { own: (count: number) => string },
): string {
  const away = tests.filter((t) => subjects.has(t) && !here.has(subjects.get(t)!));
  const own = tests.length - away.length;
  const names = [...new Set(away.map((t) => nameOf(subjects.get(t)!)))].sort(compareText);
  const parts = [
    own > 0 ? ownWords(own) : '',
    away.length === 0 ? '' : `the ${away.length === 1 ? 'test' : 'tests'} of ${listNames(names, (n) => n)}`,
  ];
  return parts.filter((p) => p !== '').join(' and ');
}

function describeSymbols(unit: Unit, here: ReadonlySet<string>): string {
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
  const parts = [
    callers > 0 ? (callers === 1 ? 'the caller updated for it' : `the ${callers} callers updated for it`) : '',
    describeTests(unit.tests, unit.testSubjects, here, { own: (n) => (n === 1 ? 'its test' : `its ${n} tests`) }),
  ].filter((p) => p !== '');
  return parts.length > 0 ? `${head}, with ${parts.join(' and ')}` : head;
}

export function describeUnit(unit: Unit, names: ChangedNames = NO_NAMES): string {
  const files = counted(unit.files);
  const here = new Set(unit.files.map((f) => f.path));
  if (unit.mechanical !== undefined) return `the same edit in ${plural(files.length, 'file')}: ${unit.mechanical}`;
  if (unit.symbols.length > 0) return describeSymbols(unit, here);
  if (unit.isNewCluster) return `${plural(files.length, 'new file')} ${describePlace(files)} that import each other`;
  const sources = files.filter((f) => !unit.tests.includes(f.path));
  if (sources.length === 0)
    return files.length === 0 ? `excluded files only (${unit.files.map((f) => f.excluded).join(', ')})` : describeEdit(files, NO_NAMES);
  const what = describeEdit(sources, names);
  const tests = describeTests(unit.tests, unit.testSubjects, here, {
    own: (n) => (n === 1 && sources.length === 1 ? 'its test' : plural(n, 'test')),
  });
  return tests === '' ? what : `${what}, with ${tests}`;
}

export function describeGroup(units: readonly Unit[], names: ChangedNames = NO_NAMES): string {
  const files = units.flatMap((u) => u.files);
  const kind = units[0]!.kind;
  // Named by their files: "docs only" twenty times tells the commits apart by nothing.
  if (kind === 'docs') return describeEdit(counted(files), NO_NAMES);
  if (kind === 'config') {
    const names = counted(files).map((f) => nameOf(f.path));
    return `configuration: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
  }
  if (kind === 'dependency') {
    const manifests = files.filter((f) => nameOf(f.path) === 'package.json').length;
    const what = manifests > 1 ? `${manifests} package.json files` : 'package.json';
    return files.some((f) => f.excluded === 'lock file') ? `lock file and ${what}: dependency update` : `${what}: manifest change`;
  }
  if (units.length === 1) return describeUnit(units[0]!, names);
  // The units with a story first; the rest summed up by place. The same story twice (one `Person`
  // per example app) is told once, with how many.
  const stories = new Map<string, Unit[]>();
  for (const u of units)
    if (u.mechanical !== undefined || u.symbols.length > 0 || u.isNewCluster) {
      const story = describeUnit(u, names);
      stories.set(story, [...(stories.get(story) ?? []), u]);
    }
  const toldStories = [...stories].slice(0, 2);
  const told = toldStories.map(([story, same]) => (same.length > 1 ? `${story} (in ${same.length} places)` : story));
  const toldUnits = new Set(toldStories.flatMap(([, same]) => same));
  const rest = counted(units.filter((u) => !toldUnits.has(u)).flatMap((u) => u.files));
  if (told.length === 0) {
    const tests = units.reduce((n, u) => n + u.tests.length, 0);
    const sources = counted(files).length - tests;
    if (sources === 0) return tests === 0 ? 'excluded files only' : describeEdit(counted(files), NO_NAMES);
    const testPaths = new Set(units.flatMap((u) => u.tests));
    const edited = describeEdit(
      counted(files).filter((f) => !testPaths.has(f.path)),
      names,
    );
    const subjects = new Map(units.flatMap((u) => [...u.testSubjects]));
    const told = describeTests([...testPaths], subjects, new Set(files.map((f) => f.path)), { own: (n) => plural(n, 'test') });
    return told === '' ? edited : `${edited}, with ${told}`;
  }
  const edited = rest.length > 0 ? describeEdit(rest, names) : '';
  const tail = edited === '' ? '' : `; ${edited.charAt(0).toLowerCase()}${edited.slice(1)}`;
  return `${told.join('; ')}${tail}`;
}
