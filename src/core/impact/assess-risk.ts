import type { FileChange } from '../change/staged-change.js';
import type { ImpactConfig } from '../config/defaults.js';
import { compileGlobs } from '../globs.js';
import type { ChangedSymbol, DependentRef, RiskAssessment } from './impact-report.js';

// The risk of a change, from named reasons: each reason carries its level, the highest wins.

type Level = RiskAssessment['level'];
const RANK: Record<Level, number> = { low: 0, medium: 1, high: 2 };

export interface RiskInputs {
  readonly files: readonly FileChange[];
  readonly symbols: readonly ChangedSymbol[];
  readonly dependents: readonly DependentRef[];
  /** Files that are a package's entry point (package.json main/exports '.'). */
  readonly entryPoints: ReadonlySet<string>;
  /** Changes to configuration, described (e.g. "package.json: dependencies changed"). */
  readonly configChanges: readonly string[];
  readonly parseErrors: readonly { readonly path: string }[];
  readonly config: ImpactConfig;
}

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const TEST = /(?:^|\/)(?:__tests__|tests?|spec|e2e)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/;
const BREAKING = new Set(['removed', 'renamed', 'shape-changed', 'unknown']);

export function assessRisk(inputs: RiskInputs): RiskAssessment {
  const reasons: Array<{ code: string; message: string; level: Level }> = [];
  const add = (level: Level, code: string, message: string) => reasons.push({ level, code, message });
  const { config } = inputs;

  const breaking = inputs.symbols.filter((s) => BREAKING.has(s.change));
  const publicBreaking = breaking.filter((s) => inputs.entryPoints.has(s.path));
  if (publicBreaking.length > 0) {
    add(
      'high',
      'public-api',
      `public API changed: ${publicBreaking
        .map((s) => `${s.name} (${s.change}) in ${s.path}`)
        .slice(0, 3)
        .join(', ')}`,
    );
  }
  const breakingUsed = breaking.filter((s) => s.dependents.length > 0);
  if (breakingUsed.length > 0) {
    const most = Math.max(...breakingUsed.map((s) => s.dependents.length));
    add(
      most >= config.mediumDependents ? 'high' : 'medium',
      'breaking-export',
      `${breakingUsed.length} removed, renamed or reshaped export${breakingUsed.length === 1 ? '' : 's'} with dependents (up to ${most} files)`,
    );
  }
  const count = inputs.dependents.length;
  const direct = inputs.dependents.filter((d) => d.depth === 1).length;
  if (count >= config.highDependents) add('high', 'dependents', `${count} files depend on the changed exports (${direct} directly)`);
  else if (count >= config.mediumDependents)
    add('medium', 'dependents', `${count} files depend on the changed exports (${direct} directly)`);

  for (const change of inputs.configChanges) add('medium', 'config-changed', change);
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

  const counted = inputs.files.filter((f) => f.excluded === null);
  const sourceChanged = counted.some((f) => SOURCE.test(f.path) && !TEST.test(f.path) && !f.path.endsWith('.d.ts'));
  const testChanged = counted.some((f) => TEST.test(f.path));
  if (sourceChanged && !testChanged) add('medium', 'no-test-changed', 'source changed and no test did');

  const level = reasons.reduce<Level>((max, r) => (RANK[r.level] > RANK[max] ? r.level : max), 'low');
  return { level, reasons: reasons.map(({ code, message }) => ({ code, message })) };
}
