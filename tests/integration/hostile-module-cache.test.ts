import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { readCacheContent, rewriteCacheContent } from '../helpers/cache-files.js';
import { makeFifo, runBounded } from '../helpers/hostile.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// Issue 22: a damaged module or graph cache gave a wrong blast radius, silently, on every later
// run (`truncate -s 500 modules-*.dat`: 0 changed symbols instead of 2), and a FIFO at
// graph.json hung. Each cache file is damaged here in each way, and the blast radius must be the
// cold one, said in one line, with no hang; the next run is quiet again (the cache was rebuilt).

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
let repo: TempRepo;
let base: string;
let snapshot: string;
let cold: ImpactReport;
const cacheDir = () => join(repo.dir, '.git', 'selfreview', 'cache');
const withoutStats = ({ stats, ...rest }: ImpactReport) => (void stats, rest);

async function impact(): Promise<{ report: ImpactReport; stderr: string }> {
  const run = await runBounded(repo.dir, ['impact', '--json'], { deadlineMs: 90_000 });
  expect(run.isHung).toBe(false);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.code).toBe(0);
  return { report: JSON.parse(run.stdout) as ImpactReport, stderr: run.stderr };
}

function restore(): void {
  rmSync(cacheDir(), { recursive: true, force: true });
  cpSync(snapshot, cacheDir(), { recursive: true, preserveTimestamps: true });
}

const dataFile = () => readdirSync(cacheDir()).find((name) => name.endsWith('.dat'))!;
const FILES: ReadonlyArray<readonly [string, () => string]> = [
  ['the module index', () => 'modules-index.json'],
  ['the records', dataFile],
  ['the scanned list', () => 'modules-scanned.json'],
  ['the saved graph', () => 'graph.json'],
  ['the kept routes', () => 'routes.json'],
];

/** Replaces 20 digits after the header (JSON numbers, offsets, base64 digits) with others. */
function changeDigits(bytes: Buffer): Buffer {
  const header = bytes.indexOf(0x0a) + 1;
  const changed = Buffer.from(bytes);
  let count = 0;
  for (let at = header; at < changed.length && count < 20; at++) {
    if (changed[at]! < 0x30 || changed[at]! > 0x39) continue;
    changed[at] = 0x30 + ((changed[at]! - 0x30 + 3) % 10);
    count++;
  }
  return changed;
}

/** One byte in each quarter of the file flipped. */
function flipBytes(bytes: Buffer): Buffer {
  const changed = Buffer.from(bytes);
  for (const at of [1, 2, 3].map((q) => Math.floor((changed.length * q) / 4))) changed[at] = changed[at]! ^ 0x01;
  return changed;
}

const DAMAGES: ReadonlyArray<readonly [string, (path: string) => void]> = [
  ['cut to 500 bytes', (path) => writeFileSync(path, readFileSync(path).subarray(0, 500))],
  ['random bytes', (path) => writeFileSync(path, Buffer.from(readFileSync(path).map(() => Math.floor(Math.random() * 256))))],
  ['bytes flipped', (path) => writeFileSync(path, flipBytes(readFileSync(path)))],
  ['20 digits changed', (path) => writeFileSync(path, changeDigits(readFileSync(path)))],
  ['a FIFO', (path) => (rmSync(path), makeFifo(path))],
  ['a link to /dev/zero', (path) => (rmSync(path), symlinkSync('/dev/zero', path))],
  ['mode 666', (path) => chmodSync(path, 0o666)],
  ...(isRoot ? [['owned by nobody', (path: string) => chownSync(path, NOBODY, NOBODY)] as const] : []),
];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'selfreview-hostile-module-cache-'));
  snapshot = join(base, 'cache');
  const tree: Record<string, string> = {
    'src/a.ts': 'export function one(): number {\n  return 1;\n}\nexport const two = 2;\n',
  };
  for (let i = 0; i < 12; i++)
    tree[`src/user${i}.ts`] = `import { ${i % 2 ? 'one' : 'two'} } from './a';\nexport const u${i} = ${i % 2 ? 'one()' : 'two'};\n`;
  for (let i = 0; i < 6; i++) tree[`src/far${i}.ts`] = `import { u${i} } from './user${i}';\nexport const f${i} = u${i};\n`;
  for (let i = 0; i < 6; i++) tree[`src/apart${i}.ts`] = `export const apart${i} = ${i};\n`;
  repo = createTempRepo(tree);
  repo.stage({ 'src/a.ts': 'export function one(): string {\n  return "1";\n}\nexport const two = 3;\n' });
  cold = (await impact()).report;
  const warm = await impact();
  expect(withoutStats(warm.report)).toEqual(withoutStats(cold));
  expect(warm.stderr).toBe('');
  cpSync(cacheDir(), snapshot, { recursive: true, preserveTimestamps: true });
}, 300_000);

afterAll(() => {
  repo?.cleanup();
  rmSync(base, { recursive: true, force: true });
});

describe('a damaged or foreign module or graph cache', () => {
  test('the cold answer has symbols and dependents to lose', () => {
    expect(cold.changedSymbols.map((s) => s.name).sort()).toEqual(['one', 'two']);
    expect(cold.changedSymbols.flatMap((s) => s.valueUsers)).toHaveLength(12);
    for (const [, name] of FILES) expect(existsSync(join(cacheDir(), name()))).toBe(true);
  });

  for (const [what, name] of FILES) {
    test(`${what}: each damage gives the cold blast radius, in one line, and is rebuilt`, async () => {
      for (const [damage, apply] of DAMAGES) {
        restore();
        // With the kept routes the walk reads no record but the changed file's: a damaged one
        // would go unread (and unsaid). Without them, every record is read.
        if (what === 'the records') rmSync(join(cacheDir(), 'routes.json'));
        apply(join(cacheDir(), name()));
        const damaged = await impact();
        expect([damage, withoutStats(damaged.report)]).toEqual([damage, withoutStats(cold)]);
        // The scanned list is read only by a run that meets a file it has no record of.
        const said =
          what === 'the scanned list' ? /^(selfreview: ignored the cache [^\n]+\.\n)?$/ : /^selfreview: ignored the cache [^\n]+\.\n$/;
        expect([damage, damaged.stderr]).toEqual([damage, expect.stringMatching(said)]);
        const next = await impact();
        expect([damage, withoutStats(next.report), next.stderr]).toEqual([damage, withoutStats(cold), '']);
      }
    }, 900_000);
  }

  test('an index whose records are shifted by one or past the end (its own digest made to match): records parsed again', async () => {
    for (const shift of [1, 1_000_000_000]) {
      restore();
      const path = join(cacheDir(), 'modules-index.json');
      const index = JSON.parse(readCacheContent(path).toString()) as { entries: Record<string, [string[], number, number, string]> };
      for (const entry of Object.values(index.entries)) entry[1] += shift;
      rewriteCacheContent(path, JSON.stringify(index));
      const damaged = await impact();
      expect(withoutStats(damaged.report)).toEqual(withoutStats(cold));
      expect(damaged.report.stats.parsed).toBeGreaterThan(0);
      expect(damaged.stderr).toMatch(/ignored the cache .*\.dat: the record of \w+ is damaged/);
      expect((await impact()).stderr).toBe('');
    }
  }, 300_000);
});
