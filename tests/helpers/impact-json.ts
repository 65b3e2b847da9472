import { expect } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangedSymbol, ImpactReport } from '../../src/core/impact/impact-report.js';
import { withoutProgress } from './progress.js';
import { runUnchanged } from './review-run.js';
import type { TempRepo } from './temp-repo.js';

// `selfreview impact --json` on a fixture repository, read as the tests of the blast radius read it.

/** The report of one run, which must succeed with nothing on stderr but progress. */
export function impactOf(repo: TempRepo, args: string[] = []): ImpactReport {
  const result = runUnchanged(repo, ['impact', '--json', ...args]);
  expect(withoutProgress(result.stderr)).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ImpactReport;
}

/** A run with no cache at all (the module cache and the saved graph removed first). */
export function coldImpactOf(repo: TempRepo, args: string[] = []): ImpactReport {
  rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
  return impactOf(repo, args);
}

/** Cold (no cache), then warm: both must agree; the cold report is returned, with the warm stats. */
export function coldAndWarm(repo: TempRepo): ImpactReport {
  const { stats: _cold, ...cold } = coldImpactOf(repo);
  const { stats, ...warm } = impactOf(repo);
  expect(stats.cacheHits).toBeGreaterThan(0);
  expect(warm).toEqual(cold);
  return { ...cold, stats };
}

export function symbol(impact: ImpactReport, name: string): ChangedSymbol {
  const found = impact.changedSymbols.find((s) => s.name === name);
  if (!found) throw new Error(`${name} not among ${impact.changedSymbols.map((s) => s.name).join(', ')}`);
  return found;
}

/** `path:line` of each use. */
export const uses = (refs: readonly { path: string; line: number }[]): string[] => refs.map((r) => `${r.path}:${r.line}`);
