import type { FileChange } from '../change/staged-change.js';
import { isTestPath } from '../change/test-path.js';
import type { ImpactConfig } from '../config/defaults.js';
import { compileGlobs } from '../globs.js';
import { describeCap, type ChangedSymbol, type DependentRef, type RiskAssessment, type WalkCap } from './impact-report.js';
import { describePublicApi } from './public-api.js';
import { shownName } from './shown-name.js';
import { plural } from '../text/plural.js';

// The risk of a change, from named reasons: each reason carries its level, the highest wins.

type Level = RiskAssessment['level'];
const RANK: Record<Level, number> = { low: 0, medium: 1, high: 2 };

export interface RiskInputs {
  readonly files: readonly FileChange[];
  readonly symbols: readonly ChangedSymbol[];
  readonly dependents: readonly DependentRef[];
  /** The walk stopped past the users: `dependents` is whole up to its depth only. */
  readonly capped?: WalkCap;
  /** Files that are a package's entry point (package.json main/exports '.'). */
  readonly entryPoints: ReadonlySet<string>;
  /** Changes to configuration, described (e.g. "package.json: dependencies changed"). */
  readonly configChanges: readonly string[];
  readonly parseErrors: readonly { readonly path: string }[];
  readonly config: ImpactConfig;
  /** Source files whose syntax did not change (comments, whitespace, formatting): no test is owed for them. */
  readonly triviaOnly?: readonly string[];
  /** By `path#name` of a symbol with `changedMembers`: the files among its users and further
   * dependents that name one of them (read-member-readers.ts). */
  readonly memberReaders?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The users a change reaches: every file that uses the export, or of a type whose change is only
 * to some members, the files that name one of them, users or further away (ts-node 2ee80a87's
 * `TSInternal`: 6 files use the type, 1 calls the reshaped `nodeModuleNameResolver`). */
function reachedUsers(s: ChangedSymbol, readers: RiskInputs['memberReaders']): Set<string> {
  const naming = readers?.get(`${s.path}#${s.name}`);
  return naming === undefined ? new Set([...s.valueUsers, ...s.typeUsers].map((u) => u.path)) : new Set(naming);
}

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const BREAKING = new Set(['removed', 'renamed', 'shape-changed', 'unknown']);
const KEPT = new Set(['body-changed', 'shape-changed']);
const describePublic = (s: ChangedSymbol): string => (s.publicApi === undefined ? '' : ` (${describePublicApi(s.publicApi)})`);

/** ", 55 of them only through `BlueprintRelation`": exports whose type carries another's change
 * (amplication 2eb1e527f adds two fields to one generated type, and 57 exports were "reshaped"). */
function carriedBy(symbols: readonly ChangedSymbol[]): string {
  const carried = symbols.filter((s) => s.via !== undefined && s.bodyChanged !== true);
  if (carried.length === 0) return '';
  const vias = [...new Set(carried.map((s) => `\`${s.via!}\``))];
  const named = vias.length <= 2 ? vias.join(' and ') : `${vias.slice(0, 2).join(', ')} and ${vias.length - 2} more`;
  const which = carried.length === symbols.length ? (carried.length === 1 ? '' : 'each ') : `${carried.length} of them `;
  return `, ${which}only through ${named}`;
}

export function assessRisk(inputs: RiskInputs): RiskAssessment {
  const reasons: Array<{ code: string; message: string; level: Level }> = [];
  const add = (level: Level, code: string, message: string) => reasons.push({ level, code, message });
  const { config } = inputs;

  // A shape that only gained something optional breaks no user: it is counted by its users below.
  const breaking = inputs.symbols.filter((s) => BREAKING.has(s.change) && s.widened !== true);
  const publicBreaking = breaking.filter((s) => inputs.entryPoints.has(s.path) || s.publicApi !== undefined);
  if (publicBreaking.length > 0) {
    add(
      'high',
      'public-api',
      `public API changed: ${publicBreaking
        .map((s) => `${shownName(s)} (${s.change}) in ${s.path}${describePublic(s)}`)
        .slice(0, 3)
        .join(', ')}`,
    );
  }
  // A published export whose contract holds (its body, or an optional addition) still changes what
  // users outside the repository run; none of them can be counted here, nor asked to update.
  const publicKept = inputs.symbols.filter((s) => s.publicApi !== undefined && KEPT.has(s.change) && !publicBreaking.includes(s));
  if (publicKept.length > 0)
    add(
      'medium',
      'public-api',
      `public API's behaviour changed: ${publicKept
        .slice(0, 3)
        .map((s) => `${shownName(s)} in ${s.path}${describePublic(s)}`)
        .join(', ')}`,
    );
  // Risk is read from the changed exports' real users (depth 1): files further away reach them
  // only through an export that may not change at all, so they are named, not counted.
  // A change to some members of a type reaches the users that name them.
  const reached = new Map(inputs.symbols.map((s) => [s, reachedUsers(s, inputs.memberReaders)]));
  const users = (s: ChangedSymbol) => reached.get(s)!.size;
  const breakingUsed = breaking.filter((s) => users(s) > 0);
  if (breakingUsed.length > 0) {
    const most = Math.max(...breakingUsed.map(users));
    add(
      most >= config.mediumDependents ? 'high' : 'medium',
      'breaking-export',
      `${breakingUsed.length} removed, renamed or reshaped export${breakingUsed.length === 1 ? '' : 's'} with users (up to ${plural(most, 'file')})${carriedBy(breakingUsed)}`,
    );
  }
  const reachedAll = new Set([...reached.values()].flatMap((paths) => [...paths]));
  const direct = reachedAll.size;
  const unnamed = new Set(
    inputs.symbols.flatMap((s) => [...s.valueUsers, ...s.typeUsers].map((u) => u.path)).filter((path) => !reachedAll.has(path)),
  ).size;
  const further = inputs.dependents.length - inputs.dependents.filter((d) => d.depth === 1).length;
  const { capped } = inputs;
  const beyond = capped === undefined ? '' : `, ${describeCap(capped)}`;
  const apart = unnamed > 0 ? `; ${unnamed} more use a changed type but name none of its changed members` : '';
  const message = `${direct} files use the changed exports${further > 0 ? ` (${further} more depend on them further away${beyond})` : ''}${apart}`;
  if (direct >= config.highDependents) add('high', 'dependents', message);
  else if (direct >= config.mediumDependents) add('medium', 'dependents', message);

  // The tests' own config (a fixture project's tsconfig.json) is named, and changes no user's build.
  for (const change of inputs.configChanges)
    add(isTestPath(change.slice(0, change.indexOf(': '))) ? 'low' : 'medium', 'config-changed', change);
  const isSensitive = compileGlobs(config.sensitivePaths);
  const sensitive = inputs.files.filter((f) => isSensitive(f.path) || (f.oldPath !== undefined && isSensitive(f.oldPath)));
  if (sensitive.length > 0)
    add(
      'high',
      'sensitive-path',
      `sensitive paths changed: ${sensitive
        .slice(0, 3)
        .map((f) => f.path)
        .join(', ')}`,
    );
  for (const error of inputs.parseErrors) add('medium', 'parse-error', `${error.path} does not parse: its exports could not be compared`);

  const trivia = new Set(inputs.triviaOnly ?? []);
  const counted = inputs.files.filter((f) => f.excluded === null && !trivia.has(f.path));
  const sourceChanged = counted.some((f) => SOURCE.test(f.path) && !isTestPath(f.path) && !f.path.endsWith('.d.ts'));
  const testChanged = counted.some((f) => isTestPath(f.path));
  if (sourceChanged && !testChanged) add('medium', 'no-test-changed', 'source changed and no test did');

  const level = reasons.reduce<Level>((max, r) => (RANK[r.level] > RANK[max] ? r.level : max), 'low');
  return { level, reasons: reasons.map(({ code, message }) => ({ code, message })) };
}
