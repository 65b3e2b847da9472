import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import { testEnv } from './env.js';
import { SETSID } from './no-terminal.js';
import { CLI } from './temp-repo.js';

// Hostile input: the run must end by itself, in one clear line, without a stack trace. A hang
// is proved by the child not exiting before a generous deadline (then it is killed and the test
// fails), not by a memory flag: the child's own exit is what is measured.

export interface BoundedRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Killed at the deadline: it hung. */
  readonly isHung: boolean;
  /** The child's peak resident memory in KiB (from /proc before exit, when available). */
  readonly peakRssKib: number | null;
}

function readPeakRss(pid: number): number | null {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) || null;
  } catch {
    return null;
  }
}

/** The children of `pid` (setsid's node), from /proc: no process is looked up by name. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter((p) => p !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/** Runs the CLI with a deadline; the child is killed (and the run marked hung) past it. */
export function runBounded(
  cwd: string,
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; deadlineMs?: number } = {},
): Promise<BoundedRun> {
  return new Promise((resolve) => {
    const child = spawn(SETSID, ['--wait', process.execPath, CLI, ...args], {
      cwd,
      env: testEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let isHung = false;
    let peakRssKib: number | null = null;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Sampled while it runs: the node child of setsid is the one that grows.
    const sampler = setInterval(() => {
      for (const pid of childrenOf(child.pid ?? 0)) peakRssKib = Math.max(peakRssKib ?? 0, readPeakRss(pid) ?? 0) || peakRssKib;
    }, 200);
    const timer = setTimeout(() => {
      isHung = true;
      for (const pid of childrenOf(child.pid ?? 0)) process.kill(pid, 'SIGKILL');
      child.kill('SIGKILL');
    }, options.deadlineMs ?? 20_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(sampler);
      resolve({ code, signal, stdout, stderr, isHung, peakRssKib });
    });
  });
}

/** The run ended by itself with `code`, one line on stderr, no stack trace, bounded memory. */
export function expectCleanFailure(run: BoundedRun, code: number, message: RegExp): void {
  expect(run.isHung).toBe(false);
  expect(run.code).toBe(code);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|Maximum call stack|heap out of memory/);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  // Generous: a review takes ~60 MB; the hangs this guards against grew to 2-3 GB.
  if (run.peakRssKib !== null) expect(run.peakRssKib).toBeLessThan(400 * 1024);
}

export function makeFifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** Four ways a V8 code cache file is damaged in place, each by name: bytes flipped at `flipAt`,
 * cut to `cutTo` bytes, a FIFO, a link to /dev/zero (`good`: the real cache's bytes). */
export function cacheDamages(cacheFile: string, good: Buffer, flipAt: number, cutTo: number): Array<[string, () => void]> {
  return [
    ['flipped', () => writeFileSync(cacheFile, Buffer.from(good).fill(0x5a, flipAt, flipAt + 64))],
    ['cut short', () => writeFileSync(cacheFile, good.subarray(0, cutTo))],
    ['fifo', () => (rmSync(cacheFile), makeFifo(cacheFile))],
    ['link to /dev/zero', () => (rmSync(cacheFile), symlinkSync('/dev/zero', cacheFile))],
  ];
}

/** A run that answered as `expected` did, with no crash, no hang and no planted code run (no `marker` file). */
export function expectSameRun(result: BoundedRun, expected: { code: number | null; stdout: string }, marker: string): void {
  expect(result.isHung).toBe(false);
  expect(result.signal).toBeNull();
  expect(result.code).toBe(expected.code);
  expect(result.stdout).toBe(expected.stdout);
  expect(result.stderr).not.toMatch(/V8_Fatal|\n\s+at .+:\d+:\d+/);
  expect(existsSync(marker)).toBe(false);
}

/**
 * Each of cacheDamages' four damages done to the real cache file in turn: a run answers as a
 * sound one (`expectSound`), says it ignored the cache (`ignored`), and leaves a real cache that
 * the next run reads without a word.
 */
export async function expectEachDamageRebuilt(
  cacheFile: string,
  [flipAt, cutTo]: readonly [number, number],
  run: () => Promise<BoundedRun>,
  expectSound: (result: BoundedRun) => void,
  ignored: RegExp,
): Promise<void> {
  const good = readFileSync(cacheFile);
  expect(good.length).toBeGreaterThan(100_000);
  for (const [name, damage] of cacheDamages(cacheFile, good, flipAt, cutTo)) {
    damage();
    const result = await run();
    expect([name, result.isHung]).toEqual([name, false]);
    expectSound(result);
    expect(result.stderr).toMatch(ignored);
    expect(statSync(cacheFile).isFile()).toBe(true);
    expect((await run()).stderr).not.toMatch(/ignored the cache/);
  }
}
