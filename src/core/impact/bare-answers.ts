import type { PathSet, Resolution, TsconfigPaths, WorkspacePackage } from './resolve-specifier.js';

// A bare specifier's resolution kept from one resolver to the next (a CI range's commits), each
// answer with the paths it looked for. An answer depends on the tsconfig `paths` and `baseUrl`
// it was resolved under (part of its key), on the workspace packages and the tsconfigs' build
// folders (all answers go when those change), and on whether each looked-for path was there: the
// answer is dropped when one of those paths came or went. Nothing else is read, so a kept answer
// is the one the resolver would work out again.

interface Answer {
  readonly resolution: Resolution;
  readonly checked: readonly string[];
}

export interface BareAnswers {
  /** Before resolving against `paths`: drops the answers a change of packages or of a checked
   * path makes stale, and gives the set of `paths` the resolver must use. */
  begin(paths: readonly string[], packages: readonly WorkspacePackage[], tsconfigs: readonly TsconfigPaths[]): PathSet;
  /** The kept answer for the specifier under a tsconfig, or one worked out by `resolveBare` and kept. */
  answer(config: TsconfigPaths | undefined, specifier: string, files: PathSet, resolveBare: (files: PathSet) => Resolution): Resolution;
}

const settingOf = (packages: readonly WorkspacePackage[], tsconfigs: readonly TsconfigPaths[]): string =>
  JSON.stringify([packages, tsconfigs.map((c) => [c.dir, c.outDirs ?? [], c.rootDir ?? null])]);

export function createBareAnswers(): BareAnswers {
  // Answers by the tsconfig settings they were resolved under, then by specifier.
  const answers = new Map<string, Map<string, Answer>>();
  // Each checked path -> the answers that looked for it.
  const byPath = new Map<string, Array<readonly [Map<string, Answer>, string]>>();
  let paths: ReadonlySet<string> = new Set();
  let setting: string | null = null;
  let bySettings = new WeakMap<TsconfigPaths, Map<string, Answer>>();
  // What the last `begin` was given: a commit that keeps the previous commit's config and paths
  // passes the very same objects (the kept graph's), so neither is serialized nor hashed again
  // (sentry: ~250 packages and 7,000 paths a commit).
  let given: { next: readonly string[]; packages: readonly WorkspacePackage[]; tsconfigs: readonly TsconfigPaths[] } | null = null;
  const answersOf = (config: TsconfigPaths | undefined): Map<string, Answer> => {
    let found = config === undefined ? undefined : bySettings.get(config);
    if (found === undefined) {
      const key = config === undefined ? '' : JSON.stringify([config.baseUrl, config.paths]);
      found = answers.get(key);
      if (found === undefined) answers.set(key, (found = new Map()));
      if (config !== undefined) bySettings.set(config, found);
    }
    return found;
  };
  const drop = (path: string) => {
    for (const [within, specifier] of byPath.get(path) ?? []) within.delete(specifier);
    byPath.delete(path);
  };
  return {
    begin(next, packages, tsconfigs) {
      if (given !== null && given.next === next && given.packages === packages && given.tsconfigs === tsconfigs) return paths;
      given = { next, packages, tsconfigs };
      const nextSetting = settingOf(packages, tsconfigs);
      const nextPaths = new Set(next);
      if (nextSetting !== setting) {
        answers.clear();
        byPath.clear();
        bySettings = new WeakMap();
      } else {
        for (const path of nextPaths) if (!paths.has(path)) drop(path);
        for (const path of paths) if (!nextPaths.has(path)) drop(path);
      }
      [paths, setting] = [nextPaths, nextSetting];
      return nextPaths;
    },
    answer(config, specifier, files, resolveBare) {
      const within = answersOf(config);
      const known = within.get(specifier);
      if (known !== undefined) return known.resolution;
      const checked: string[] = [];
      const resolution = resolveBare({ has: (path) => (checked.push(path), files.has(path)) });
      within.set(specifier, { resolution, checked });
      for (const path of checked) {
        const list = byPath.get(path);
        if (list === undefined) byPath.set(path, [[within, specifier]]);
        else list.push([within, specifier]);
      }
      return resolution;
    },
  };
}
