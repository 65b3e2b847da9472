import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import ts from 'typescript';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { runUnchanged } from '../helpers/review-run.js';
import { PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// An independent oracle: TypeScript's own language service (with the type checker) finds every
// reference to the changed function; the files it names must be exactly our direct dependents.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

function readFixture(scenario: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const side of ['before', 'after']) {
    const dir = join(PROJECT_ROOT, 'tests', 'fixtures', 'impact', scenario, side);
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const full = join(folder, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.set(`/repo/${relative(dir, full)}`, readFileSync(full, 'utf8'));
      }
    };
    walk(dir);
  }
  return files;
}

function filesReferencing(files: Map<string, string>, file: string, name: string): string[] {
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [...files.keys()],
    getScriptVersion: () => '1',
    getScriptSnapshot: (path) => (files.has(path) ? ts.ScriptSnapshot.fromString(files.get(path)!) : undefined),
    getCurrentDirectory: () => '/repo',
    getCompilationSettings: () => ({
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noLib: true,
    }),
    getDefaultLibFileName: () => 'lib.d.ts',
    fileExists: (path) => files.has(path),
    readFile: (path) => files.get(path),
  };
  const service = ts.createLanguageService(host);
  const source = files.get(file)!;
  const position = source.indexOf(`function ${name}`) + 'function '.length;
  const referenced = service.findReferences(file, position) ?? [];
  return [...new Set(referenced.flatMap((r) => r.references.map((ref) => ref.fileName)))]
    .filter((f) => f !== file)
    .map((f) => f.replace('/repo/', ''))
    .sort();
}

describe('dependents against the language service', () => {
  test('barrels: the files that reference formatPrice are its depth-1 dependents', () => {
    repo = createScenarioRepo('impact', 'barrels');
    const impact = JSON.parse(runUnchanged(repo, ['impact', '--json']).stdout) as ImpactReport;
    const ours = impact.changedSymbols
      .find((s) => s.name === 'formatPrice')!
      .dependents.filter((d) => d.depth === 1)
      .map((d) => d.path)
      .sort();
    const languageService = filesReferencing(readFixture('barrels'), '/repo/src/lib/format.ts', 'formatPrice');
    expect(languageService.length).toBeGreaterThan(0);
    expect(ours).toEqual(languageService);
  });
});
