import type { FileChange } from '../change/staged-change.js';
import type { Budget } from '../config/defaults.js';
import { attachRiders } from './attach-riders.js';
import { chunkNewFiles } from './chunk-new-files.js';
import { classifyFile } from './classify-file.js';
import type { MechanicalEdit } from './detect-mechanical.js';
import { pairTests } from './pair-tests.js';
import { countedFiles, countedLines, fitsBudget, type GroupKind, type SplitImpact } from './split-plan.js';
import { PathSets } from './union-find.js';

// Units: the files that must land in one commit. A breaking change to an export (signature,
// removal, rename) goes with the changed files that use it, or a commit in between would not
// build; new files that import each other go together; tests with what they test; excluded
// files with what needs them; a mechanical edit is one unit. Order edges say which unit builds
// on which: an importer after what it imports, a new export's users after it.

export interface BreakingSymbol {
  readonly path: string;
  readonly name: string;
  readonly change: string;
  readonly previousName?: string;
  /** Changed, non-test files that use it: the callers updated for it. */
  readonly callers: readonly string[];
}

export interface Unit {
  readonly id: number;
  readonly files: readonly FileChange[];
  readonly kind: GroupKind;
  readonly symbols: readonly BreakingSymbol[];
  readonly tests: readonly string[];
  /** Each of its tests that tests a changed file: the file it tests, which may sit in another unit (a
   * new cluster cut to the budget puts jsonforms dc02a1c7a's setData.test.ts apart from setData.ts). */
  readonly testSubjects: ReadonlyMap<string, string>;
  /** Only new files, linked by their imports of each other. */
  readonly isNewCluster: boolean;
  readonly mechanical?: string;
}

export interface LinkedUnits {
  readonly units: readonly Unit[];
  /** unit id -> ids of the units it builds on. */
  readonly after: ReadonlyMap<number, ReadonlySet<number>>;
  /** File-level imports among changed files (`from` imports `to`), for affinity and chunking. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
}

const BREAKING = new Set(['removed', 'renamed', 'shape-changed', 'unknown']);

function usersOf(symbol: SplitImpact['changedSymbols'][number]): string[] {
  const direct = [...(symbol.valueUsers ?? []), ...(symbol.typeUsers ?? [])].map((u) => u.path);
  // A changed shape reaches one step further through the types that carry it: vite's
  // `ResolvedServerOptions` gained a field that plugins read through `ResolvedConfig`
  // (2540ed06d0); committed apart, the plugin did not type-check.
  const maxDepth = symbol.change === 'shape-changed' ? 2 : 1;
  return [...new Set([...direct, ...(symbol.dependents ?? []).filter((d) => d.depth <= maxDepth).map((d) => d.path)])];
}

function kindOf(files: readonly FileChange[]): GroupKind {
  const roles = new Set(files.map((f) => classifyFile(f.path, f.excluded)));
  for (const kind of ['dependency', 'config', 'docs'] as const) if (roles.size === 1 && roles.has(kind)) return kind;
  return 'code';
}

export function linkUnits(
  files: readonly FileChange[],
  impact: SplitImpact | undefined,
  mechanical: MechanicalEdit | null,
  budget: Budget,
): LinkedUnits {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const sets = new PathSets(byPath.keys());
  const isTest = (path: string) => classifyFile(path, null) === 'test';
  const imports = new Map<string, string[]>();
  const importers = new Map<string, string[]>();
  const order: Array<[before: string, after: string]> = [];
  for (const { from, to } of impact?.changedFileEdges ?? []) {
    if (!byPath.has(from) || !byPath.has(to) || from === to) continue;
    imports.set(from, [...(imports.get(from) ?? []), to]);
    importers.set(to, [...(importers.get(to) ?? []), from]);
    order.push([to, from]);
    if (byPath.get(from)!.status === 'added' && byPath.get(to)!.status === 'added') sets.join(from, to);
  }
  // Before the change: who imported a file that is now deleted or renamed (and was updated, being changed).
  const previousImporters = new Map<string, string[]>();
  for (const { from, to } of impact?.previousFileEdges ?? []) {
    if (!byPath.has(from) || !byPath.has(to) || from === to) continue;
    previousImporters.set(to, [...(previousImporters.get(to) ?? []), from]);
    const target = byPath.get(to)!;
    // A rename with the files that now import it by its new name; a deletion after its last users.
    if (target.status === 'renamed' && (imports.get(from) ?? []).includes(to)) sets.join(from, to);
    if (target.status === 'deleted') order.push([from, to]);
  }
  const symbols: BreakingSymbol[] = [];
  for (const symbol of impact?.changedSymbols ?? []) {
    if (!byPath.has(symbol.path)) continue;
    let users = usersOf(symbol).filter((p) => byPath.has(p) && p !== symbol.path);
    // The graph is the new side: a caller updated for a removal or a rename no longer imports the
    // old name, so the changed files that import the declaring file stand for them.
    if (symbol.change === 'removed' || symbol.change === 'renamed') {
      users = [...new Set([...users, ...(importers.get(symbol.path) ?? []), ...(previousImporters.get(symbol.path) ?? [])])];
    }
    if (!BREAKING.has(symbol.change)) {
      for (const user of users) order.push([symbol.path, user]);
      continue;
    }
    for (const user of users) sets.join(symbol.path, user);
    symbols.push({ ...symbol, callers: users.filter((p) => !isTest(p)).sort() });
  }
  const pairs = pairTests(files, imports);
  for (const [test, subject] of pairs) sets.join(test, subject);
  const riders = attachRiders(files, importers);
  for (const [rider, host] of riders) sets.join(rider, host);
  for (let i = 1; i < (mechanical?.paths.length ?? 0); i++) sets.join(mechanical!.paths[0]!, mechanical!.paths[i]!);

  const isNewCluster = (group: readonly FileChange[]) =>
    group.length > 1 && group.every((f) => f.status === 'added') && group.some((f) => imports.has(f.path));
  const fits = (group: readonly FileChange[]) => fitsBudget({ lines: countedLines(group), files: countedFiles(group) }, budget);
  const pathSets = sets.sets().flatMap((paths) => {
    const group = paths.map((p) => byPath.get(p)!);
    return isNewCluster(group) && !fits(group) ? chunkNewFiles(group, imports, riders, budget) : [paths];
  });
  const units: Unit[] = pathSets.map((paths, id) => {
    const members = new Set(paths);
    const unitFiles = paths.map((p) => byPath.get(p)!);
    const isMechanical = mechanical !== null && mechanical.paths.some((p) => members.has(p));
    const tests = paths.filter((p) => isTest(p) && byPath.get(p)!.excluded === null);
    return {
      id,
      files: unitFiles,
      kind: kindOf(unitFiles),
      symbols: symbols.filter((s) => members.has(s.path)),
      tests,
      testSubjects: new Map(tests.filter((t) => pairs.has(t)).map((t) => [t, pairs.get(t)!])),
      isNewCluster: isNewCluster(unitFiles),
      ...(isMechanical && { mechanical: mechanical!.edit }),
    };
  });
  const unitOf = new Map(units.flatMap((u) => u.files.map((f) => [f.path, u.id] as const)));
  const after = new Map<number, Set<number>>();
  for (const [before, later] of order) {
    const [a, b] = [unitOf.get(before)!, unitOf.get(later)!];
    if (a === b) continue;
    if (!after.has(b)) after.set(b, new Set());
    after.get(b)!.add(a);
  }
  return { units, after, imports };
}
