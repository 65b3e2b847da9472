import type { GroupCheck } from '../core/contracts/split-view.js';
import { createBlobReader } from '../adapters/git/read-blob-sync.js';
import type { Logger } from '../adapters/log/logger.js';
import { pathsOfGroup } from '../core/split/stage-entries.js';
import type { SplitOutcome } from './run-split.js';

// `split --check`: does the code type-check after each group? States are HEAD (where the split
// starts) plus groups 1..k as the original index holds them, checked with the compiler API on
// blob ids (never the working tree), one program per tsconfig and state. A state "type-checks"
// when it has no error that neither the starting commit nor the whole change has: errors that
// are there anyway (a dependency not installed, an error the change itself brings) are not the
// split's doing.

const TS = /\.(?:ts|tsx|mts|cts)$/;

function nearestTsconfig(path: string, state: ReadonlyMap<string, string>): string | null {
  const parts = path.split('/').slice(0, -1);
  for (let depth = parts.length; depth >= 0; depth--) {
    const candidate = [...parts.slice(0, depth), 'tsconfig.json'].join('/');
    if (state.has(candidate)) return candidate;
  }
  return null;
}

export async function checkSplit(outcome: SplitOutcome, logger: Logger): Promise<GroupCheck[]> {
  const { git, plan } = outcome;
  const original = await outcome.readOriginal();
  const base = new Map(outcome.baseRev === null ? [] : (await git.listTree(outcome.baseRev)).map((e) => [e.path, e.blob] as const));
  const allFiles = plan.groups.flatMap((g) => g.files);
  const states = [base];
  for (const group of plan.groups) {
    const next = new Map(states[states.length - 1]!);
    for (const path of pathsOfGroup(group, allFiles)) {
      const entry = original[path];
      if (entry === null || entry === undefined) next.delete(path);
      else next.set(path, entry.blob);
    }
    states.push(next);
  }
  const final = states[states.length - 1]!;
  const candidates = [...new Set([...allFiles.map((f) => f.path), ...outcome.dependents])].filter(
    (p) => TS.test(p) && !p.endsWith('.d.ts'),
  );
  const byConfig = new Map<string, string[]>();
  for (const path of candidates) {
    const config = nearestTsconfig(path, final) ?? nearestTsconfig(path, base);
    if (config !== null) byConfig.set(config, [...(byConfig.get(config) ?? []), path]);
  }
  if (byConfig.size === 0) return plan.groups.map((_, i) => ({ group: i + 1, typeChecks: null, errors: [] }));
  const { typeCheckStates } = await logger.time('load typescript', () => import('../adapters/typescript/type-check-states.js'));
  const readBlob = createBlobReader(git.info);
  const errors: Array<Set<string>> = states.map(() => new Set());
  for (const [tsconfig, files] of byConfig) {
    const scope = tsconfig.slice(0, -'tsconfig.json'.length);
    // A group that changes nothing under this tsconfig's folder leaves its diagnostics as they were.
    const touched = states.map((_, k) => k === 0 || pathsOfGroup(plan.groups[k - 1]!, allFiles).some((p) => p.startsWith(scope)));
    const checked = states.filter((_, k) => touched[k]);
    const results = await logger.time(`type-check ${tsconfig} (${checked.length} states, ${files.length} files)`, async () =>
      typeCheckStates({ root: git.info.root, tsconfig, states: checked, files: checked.map(() => files), readBlob }),
    );
    let last: string[] = [];
    let at = 0;
    states.forEach((_, k) => {
      if (touched[k]) last = results[at++]!;
      for (const line of last) errors[k]!.add(line);
    });
  }
  const known = new Set([...errors[0]!, ...errors[errors.length - 1]!]);
  return plan.groups.map((_, i) => {
    const fresh = [...errors[i + 1]!].filter((e) => !known.has(e));
    return { group: i + 1, typeChecks: fresh.length === 0, errors: fresh.slice(0, 20) };
  });
}
