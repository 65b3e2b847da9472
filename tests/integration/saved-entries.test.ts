import { afterEach, describe, expect, test } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { formatGraphFile, parseGraphFile } from '../../src/adapters/cache/graph-cache.js';
import { readCacheContent, rewriteCacheContent } from '../helpers/cache-files.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// The packages' entries (package-entries.ts: each package's entry file, its public entries, its
// subpaths' types sources) are kept in the saved graph: a warm run on sentry-javascript resolved
// every package's manifest again (~15% of its CPU). A run whose graph is the saved one (same
// paths, same resolution) reads them; any other resolves them again, and writes them with the
// graph. The tests rewrite the kept entries to see which runs read them.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const withoutStats = ({ stats, ...rest }: ImpactReport) => (void stats, rest);
const graphFile = () => join(repo.dir, '.git', 'selfreview', 'cache', 'graph.json');

function impact(): { report: ImpactReport; debug: string } {
  const result = runUnchanged(repo, ['impact', '--json', '--debug']);
  expect(result.code).toBe(0);
  return { report: JSON.parse(result.stdout) as ImpactReport, debug: result.stderr };
}

const publicApiOf = (report: ImpactReport, name: string) => report.changedSymbols.find((s) => s.name === name)?.publicApi;
const GREET = (body: string) => `export function greet(name: string): string {\n  return ${body};\n}\n`;

function createWorkspace(): TempRepo {
  return createTempRepo({
    'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }),
    'packages/core/package.json': JSON.stringify({ name: '@acme/core', main: 'dist/index.js', types: 'dist/index.d.ts' }),
    'packages/core/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
    'packages/core/src/index.ts': "export { greet } from './greet';\n",
    'packages/core/src/greet.ts': GREET('`hi ${name}`'),
    'packages/app/package.json': JSON.stringify({ name: '@acme/app', private: true }),
    'packages/app/src/main.ts': "import { greet } from '@acme/core';\nexport const line = greet('a');\n",
  });
}

/** The saved graph rewritten with other public entries than resolution gives. */
function rewriteEntries(publicEntries: unknown): void {
  const saved = parseGraphFile(readCacheContent(graphFile()))!;
  rewriteCacheContent(graphFile(), formatGraphFile({ ...saved, entries: { ...saved.entries!, publicEntries } as never }));
}

describe('the packages’ entries kept with the saved graph', () => {
  test('a warm run on the saved graph reads them; a changed manifest or path set resolves them again', () => {
    repo = createWorkspace();
    repo.stage({ 'packages/core/src/greet.ts': GREET('`hello ${name}`') });
    const cold = impact();
    expect(cold.debug).toMatch(/stage: import graph/);
    expect(publicApiOf(cold.report, 'greet')).toEqual(['@acme/core']);
    // Written with the graph, as resolution found them.
    const saved = parseGraphFile(readCacheContent(graphFile()))!;
    expect(saved.entries).toEqual({
      entryPoints: ['packages/core/src/index.ts'],
      publicEntries: [['packages/core/src/index.ts', ['@acme/core']]],
      typesSources: [],
    });
    // Warm: the same report.
    const warm = impact();
    expect(warm.debug).toMatch(/\(0 re-resolved in the saved graph\)/);
    expect(withoutStats(warm.report)).toEqual(withoutStats(cold.report));

    // The warm run takes them from the graph file, not from the manifests.
    rewriteEntries([['packages/core/src/index.ts', ['@acme/kept']]]);
    expect(publicApiOf(impact().report, 'greet')).toEqual(['@acme/kept']);

    // Entries not of their shape: resolved again, as a cold run does.
    for (const damaged of ['x', [['packages/core/src/index.ts', 'not a list']], [[1, ['@acme/core']]]]) {
      rewriteEntries(damaged);
      expect(withoutStats(impact().report)).toEqual(withoutStats(cold.report));
    }

    // The package renamed: another resolution, the entries resolved again (and written again).
    rewriteEntries([['packages/core/src/index.ts', ['@acme/kept']]]);
    repo.stage({ 'packages/core/package.json': JSON.stringify({ name: '@acme/base', main: 'dist/index.js', types: 'dist/index.d.ts' }) });
    const renamed = impact();
    expect(publicApiOf(renamed.report, 'greet')).toEqual(['@acme/base']);
    expect(parseGraphFile(readCacheContent(graphFile()))!.entries!.publicEntries).toEqual([['packages/core/src/index.ts', ['@acme/base']]]);
    rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
    expect(withoutStats(impact().report)).toEqual(withoutStats(renamed.report));

    // A file added: the graph is refitted to other paths, whose entries are resolved again.
    rewriteEntries([['packages/core/src/index.ts', ['@acme/kept']]]);
    repo.stage({ 'packages/core/src/other.ts': 'export const other = 1;\n' });
    const added = impact();
    expect(added.debug).toMatch(/stage: saved import graph patched/);
    expect(publicApiOf(added.report, 'greet')).toEqual(['@acme/base']);
  });
});
