import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { testEnv } from '../helpers/env.js';
import { CLI, createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// The saved module records, graph and routes are the answers of the code that made them. Keyed
// only by a hand-raised format number, a release that changed how a file is read kept a user's
// old answers whenever the number was not raised. They are keyed by the build too: another
// build's cache is not read (parsed again), the same build's is.

let repo: TempRepo;
let other: string;
const withoutStats = ({ stats, ...rest }: ImpactReport) => (void stats, rest);

function impact(cli: string): ImpactReport {
  const run = spawnSync(process.execPath, [cli, 'impact', '--json'], { cwd: repo.dir, env: testEnv(), encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ImpactReport;
}

/** A copy of the built package whose bundle says another build id, as a new release would. */
function anotherBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'selfreview-other-build-'));
  for (const part of ['bin', 'dist', 'hooks', 'schema', 'package.json'])
    cpSync(join(PROJECT_ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  const bundle = join(dir, 'dist', 'bundle');
  const ids = readdirSync(bundle)
    .filter((name) => name.endsWith('.js') || name.endsWith('.cjs'))
    .flatMap((name) =>
      [...readFileSync(join(bundle, name), 'utf8').matchAll(/"(build-[0-9a-f]{23})"/g)].map((m) => [name, m[1]!] as const),
    );
  // The bundle step wrote one id, in the chunk that holds it and in the one-script form (cli.cjs).
  expect(ids.map(([name]) => name.endsWith('.cjs')).sort()).toEqual([false, true]);
  expect(new Set(ids.map(([, id]) => id)).size).toBe(1);
  for (const [name, id] of ids) {
    const text = readFileSync(join(bundle, name), 'utf8');
    writeFileSync(join(bundle, name), text.replace(id, `build-${'0'.repeat(23)}`));
  }
  return dir;
}

beforeAll(() => {
  repo = createTempRepo({
    'src/price.ts': 'export function price(cents: number): string {\n  return `${cents / 100}`;\n}\n',
    'src/invoice.ts': "import { price } from './price';\nexport const line = (cents: number) => price(cents);\n",
    'src/total.ts': "import { line } from './invoice';\nexport const total = (all: number[]) => all.map(line).join('\\n');\n",
  });
  repo.stage({ 'src/price.ts': 'export function price(cents: number): string {\n  return (cents / 100).toFixed(2);\n}\n' });
  other = anotherBuild();
});

afterAll(() => {
  repo.cleanup();
  rmSync(other, { recursive: true, force: true });
});

describe("the saved blast-radius data is this build's", () => {
  test('the same build reads its cache; another build parses again and gives the same report', () => {
    const cold = impact(CLI);
    expect(cold.stats.parsed).toBeGreaterThan(0);
    const warm = impact(CLI);
    expect(warm.stats.parsed).toBe(0);
    expect(withoutStats(warm)).toEqual(withoutStats(cold));

    const otherBuild = impact(join(other, 'bin', 'selfreview.js'));
    expect(otherBuild.stats.parsed).toBe(cold.stats.parsed);
    expect(withoutStats(otherBuild)).toEqual(withoutStats(cold));
    // And back: the cache now holds the other build's answers, which this one does not take.
    expect(impact(CLI).stats.parsed).toBe(cold.stats.parsed);
  });
});
