import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEnv } from '../helpers/env.js';
import { CLI, createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { Terminal } from '../helpers/terminal.js';
import { describeWithTool } from '../helpers/optional-tool.js';

// Ctrl-C at every point of a split: at a prompt of `split -i` (tmux, a real terminal), and in the
// middle of the index replacement (a git that stalls in update-index). Either way the index,
// the working tree and the stash are as they were, no index.lock is left behind, and the
// original index saved under the git directory survives.

let repo: TempRepo | undefined;
let terminal: Terminal | undefined;
let bin: string | undefined;
afterEach(() => {
  terminal?.close();
  repo?.cleanup();
  if (bin) rmSync(bin, { recursive: true, force: true });
});

const TINY = JSON.stringify({ budgets: { human: { lines: 40, files: 25 } } });

function setUp(): TempRepo {
  const r = createTempRepo({ '.selfreviewrc.json': TINY, 'a/one.ts': lines(30), 'b/two.ts': lines(30), 'c/three.ts': lines(30) });
  r.stage({ 'a/one.ts': lines(60), 'b/two.ts': lines(55), 'c/three.ts': lines(50) });
  r.write({ 'a/one.ts': `${lines(60)}unstaged\n` });
  return r;
}

describeWithTool('tmux')('split -i in a terminal', () => {
  test('Ctrl-C at the menu: exit 130, nothing staged, nothing saved', async () => {
    repo = setUp();
    const before = repo.snapshot();
    terminal = new Terminal(repo.dir, testEnv({ TERM: 'xterm-256color' }));
    terminal.type(`node ${CLI} split -i; echo "SPLIT-EXIT=$?"`);
    await terminal.waitFor(/What next\?/);
    terminal.key('C-c');
    const screen = await terminal.waitFor(/SPLIT-EXIT=\d+/);
    expect(screen).toMatch(/SPLIT-EXIT=130/);
    expect(screen).toMatch(/Interrupted: the index is as it was/);
    expect(repo.snapshot()).toEqual(before);
    expect(existsSync(join(repo.dir, '.git/selfreview/split/index.orig'))).toBe(false);
  }, 60_000);

  test('merge two groups, then stage: the index holds exactly both', async () => {
    repo = setUp();
    terminal = new Terminal(repo.dir, testEnv({ TERM: 'xterm-256color' }));
    terminal.type(`node ${CLI} split -i; echo "SPLIT-EXIT=$?"`);
    await terminal.waitFor(/What next\?/);
    terminal.key('Down');
    terminal.key('Down'); // "Merge two groups"
    terminal.key('Enter');
    await terminal.waitFor(/Merge into which group\?/);
    terminal.key('Enter'); // group 1
    await terminal.waitFor(/Which group goes into group 1\?/);
    terminal.key('Enter'); // group 2
    await terminal.waitFor(/What next\?[\s\S]*What next\?/);
    terminal.key('Enter'); // "Stage group 1 now"
    const screen = await terminal.waitFor(/SPLIT-EXIT=\d+/);
    expect(screen).toMatch(/SPLIT-EXIT=0/);
    expect(repo.git(['diff', '--cached', '--name-only']).trim().split('\n').sort()).toEqual(['a/one.ts', 'b/two.ts']);
    expect(repo.git(['diff', '--name-only']).trim().split('\n').sort()).toEqual(['a/one.ts', 'c/three.ts']);
  }, 60_000);
});

describe('split --stage interrupted while the index is being replaced', () => {
  test('SIGINT mid update-index: exit 130, the old index, no lock, the saved index kept', async () => {
    repo = setUp();
    const before = repo.snapshot();
    bin = mkdtempSync(join(tmpdir(), 'selfreview-slow-git-'));
    const marker = join(bin, 'in-update-index');
    const realGit = ['/usr/bin/git', '/usr/local/bin/git', '/bin/git'].find((p) => existsSync(p))!;
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ "$1" = update-index ]; then touch '${marker}'; sleep 30; fi\nexec ${realGit} "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const env = testEnv({ PATH: `${bin}:${process.env.PATH ?? ''}` });
    // Its own process group, as a shell gives a foreground job: Ctrl-C reaches node and git alike.
    const child = spawn(process.execPath, [CLI, 'split', '--stage', '1'], {
      cwd: repo.dir,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    for (let i = 0; i < 300 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(marker)).toBe(true);
    expect(existsSync(join(repo.dir, '.git/index.lock'))).toBe(true); // mid-replacement, really
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/Interrupted/);
    expect(existsSync(join(repo.dir, '.git/index.lock'))).toBe(false);
    expect(repo.snapshot()).toEqual(before);
    expect(existsSync(join(repo.dir, '.git/selfreview/split/index.orig'))).toBe(true);
  }, 60_000);
});
