import { expect } from '@jest/globals';
import type { RunResult, TempRepo } from './temp-repo.js';

// Every run of selfreview in a test goes through here: it records the user's work (index,
// working tree, stash) before, and fails the test if the run changed any of it.

export function runUnchanged(repo: TempRepo, args: readonly string[] = [], options: Parameters<TempRepo['run']>[1] = {}): RunResult {
  const before = repo.snapshot();
  const result = repo.run(args, options);
  expect(repo.snapshot()).toEqual(before);
  return result;
}

export interface JsonReport {
  verdict: 'pass' | 'reject';
  reasons: Array<{ code: string; message: string; actual?: number; limit?: number; group?: string }>;
  notes: string[];
  base: { kind: string; rev: string };
  provenance: { kind: string; signals: Array<{ signal: string; kind: string }>; decidedBy: string | null; isAgentDriven: boolean };
  budget: { lines: number; files: number; hunks?: number; kind: string };
  groups: Array<{ label: string; budget: { lines: number; files: number; hunks?: number }; files: number; lines: number; hunks?: number }>;
  totals: { files: number; added: number; removed: number; lines: number; excludedFiles: number };
  hunks?: number;
  files: Array<{
    path: string;
    oldPath?: string;
    status: string;
    similarity?: number;
    added: number;
    removed: number;
    binary: boolean;
    excluded: string | null;
    kind: string;
    modeOnly?: boolean;
  }>;
  split: Array<{ groups: string[]; paths: string[]; files: number; lines: number; isOverBudget: boolean }>;
  override: string | null;
  config: string | null;
  version: string;
}

/** Runs `--json` (plus args), asserting the work is unchanged and the output is one JSON document. */
export function reviewJson(
  repo: TempRepo,
  args: readonly string[] = [],
  options: Parameters<TempRepo['run']>[1] = {},
): { code: number; report: JsonReport; stderr: string } {
  const result = runUnchanged(repo, ['--json', ...args], options);
  let report: JsonReport;
  try {
    report = JSON.parse(result.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  return { code: result.code, report, stderr: result.stderr };
}

export function fileOf(report: JsonReport, path: string): JsonReport['files'][number] {
  const file = report.files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} not in report: ${report.files.map((f) => f.path).join(', ')}`);
  return file;
}
