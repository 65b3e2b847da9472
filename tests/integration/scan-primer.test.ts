import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scanImports } from '../../src/adapters/typescript/scan-imports.js';
import { scanImportsWithTypescript } from '../../src/adapters/typescript/scan-imports-typescript.js';
import { PRIMER } from '../../src/adapters/typescript/scan-primer.js';
import { testEnv } from '../helpers/env.js';

// The primer (scan-primer.ts) is scanned once per thread before a large batch, so that V8 optimizes
// the import scan for every branch at once instead of compiling it again each time a file reaches a
// branch no earlier file had (dub's cold scan: 13 compiles of scan() on 2 threads, 2 once primed).
// It only works if it reaches those branches: V8's own block coverage of the built scanner says so.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dist = (file: string) => pathToFileURL(join(ROOT, 'dist/adapters/typescript', file)).href;

describe('the scan primer', () => {
  test('its texts are scanned as TypeScript scans them, or given back (an escape, a conflict marker, U+FFFD)', () => {
    const given = PRIMER.filter((text) => scanImports(text) === null);
    expect(given.length).toBeLessThanOrEqual(4);
    for (const text of PRIMER) {
      const own = scanImports(text);
      if (own !== null) expect([text, own.sort()]).toEqual([text, scanImportsWithTypescript(text).sort()]);
    }
    // The first text holds every import form: all found.
    expect(scanImports(PRIMER[0]!)!.length).toBeGreaterThanOrEqual(20);
  });

  test("reaches every block of scan() and every function of the scan's loop (V8's block coverage of the build)", () => {
    const script = `import { Session } from 'node:inspector/promises';
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
const { primeScan } = await import(${JSON.stringify(dist('scan-primer.js'))});
primeScan();
const { result } = await session.post('Profiler.takePreciseCoverage');
const out = {};
for (const file of ['raw-scanner.js', 'scan-specifiers.js']) {
  const functions = result.find((s) => s.url.endsWith('/' + file)).functions;
  for (const fn of functions) out[file + ' ' + fn.functionName] = fn.ranges.map((r) => r.count);
}
console.log(JSON.stringify(out));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: testEnv(), encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const counts = JSON.parse(run.stdout) as Record<string, number[]>;
    // scan(): every block reached.
    expect(counts['raw-scanner.js scan']!.filter((count) => count === 0)).toEqual([]);
    // Each method of the scanner and each step of preProcessFile's loop: called.
    const methods = [
      'scan',
      'scanWord',
      'scanNumber',
      'scanString',
      'scanTemplate',
      'reScanTemplate',
      'skipIdle',
      'lookAhead',
      'operator',
      'punctuator',
      'isConflictMarker',
      'stringValue',
      'isWord',
    ];
    const steps = [
      'processImports',
      'passToken',
      'recordModuleName',
      'tryConsumeDeclare',
      'tryConsumeImport',
      'tryConsumeExport',
      'tryConsumeRequireCall',
      'tryConsumeDefine',
      'consumeNamedFrom',
    ];
    const uncalled = [...methods.map((m) => `raw-scanner.js ${m}`), ...steps.map((s) => `scan-specifiers.js ${s}`)].filter(
      (name) => (counts[name]?.[0] ?? 0) === 0,
    );
    expect(uncalled).toEqual([]);
  });
});
