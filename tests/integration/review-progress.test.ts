import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { CLI, createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { describeInTerminal, Terminal } from '../helpers/terminal.js';

// A first review on a large repository works for seconds before it shows anything (issue 23): on
// a terminal its one progress line says what the blast radius is doing (indexing the files,
// then reading those that import the change), updated in place, and is cleared at the end;
// --json's stdout holds the report alone.

let repo: TempRepo | undefined;
let terminal: Terminal | undefined;
let scratch: string | undefined;
afterEach(() => {
  terminal?.close();
  repo?.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  [terminal, repo, scratch] = [undefined, undefined, undefined];
});

const CLEAR = '\r\u001b[2K';

describeInTerminal('a first review on a terminal', () => {
  test('its progress line names what the blast radius is doing, and stdout is only the JSON report', async () => {
    const tree: Record<string, string> = { 'src/core.ts': 'export function core(): number {\n  return 1;\n}\n' };
    for (let i = 0; i < 1100; i++) tree[`src/m${i}.ts`] = `import { core } from './core';\nexport const v${i} = core() + ${i};\n`;
    repo = createTempRepo(tree);
    repo.stage({ 'src/core.ts': 'export function core(): number {\n  return 2;\n}\n' });
    scratch = mkdtempSync(join(tmpdir(), 'selfreview-progress-'));
    const [recorded, stdout] = [join(scratch, 'terminal'), join(scratch, 'stdout.json')];
    // Shown from the start (not after a second): the test does not depend on the machine's speed.
    terminal = new Terminal(repo.dir, testEnv({ TERM: 'xterm-256color', SELFREVIEW_PROGRESS_AFTER_MS: '0' }));
    terminal.record(recorded);
    terminal.type(`"${process.execPath}" "${CLI}" --dry-run --json > "${stdout}"; echo "EXIT=$((40+2))"`);
    await terminal.waitFor(/EXIT=42/, 120_000);
    const written = readFileSync(recorded, 'utf8');
    const shown = written.split(CLEAR).filter((line) => line.startsWith('selfreview: computing the blast radius'));
    expect(shown.some((line) => /^selfreview: computing the blast radius \(indexing 1,10\d files[^)]*\)+… \d+ s$/.test(line))).toBe(true);
    expect(shown.some((line) => /\(reading 1,100 files that import the change/.test(line))).toBe(true);
    // From the first second, every phase is named: the graph, the walk.
    expect(shown.some((line) => /\(building the import graph of 1,101 files/.test(line))).toBe(true);
    expect(shown.some((line) => /\(following 1 changed export to their users\)/.test(line))).toBe(true);
    // One line updated in place: no line ends, and it is cleared before the prompt comes back.
    expect(shown.every((line) => !line.includes('\n'))).toBe(true);
    expect(written.lastIndexOf(CLEAR)).toBeGreaterThan(written.lastIndexOf('selfreview: computing'));
    const report = JSON.parse(readFileSync(stdout, 'utf8')) as {
      impact: { changedSymbols: Array<{ name: string; valueUsers: unknown[] }> };
    };
    expect(report.impact.changedSymbols.map((s) => [s.name, s.valueUsers.length])).toEqual([['core', 1100]]);
  }, 180_000);
});
