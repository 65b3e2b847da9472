// The check to run before merging work on the review's path (issue 24): this build against the
// build it starts from, side by side in the same rounds, on the 10,000-file repository.
//   BENCH_BASELINE=/path/to/a/built/checkout npm run bench check
//   BENCH_BASELINE=9d52812 npm run bench check        (a git rev: built once into .bench/baseline-<sha>)
// Two measures, each against the floor (`git diff --cached --numstat` + `node -e 0`): the gate
// alone (`--dry-run --json --no-impact`, 50 staged files) and the review with a warm blast radius
// (`--dry-run --json`, 5 staged TypeScript files). Each round runs the floor, this build and the
// baseline once, the order of the two builds alternating (A B, then B A), so a burst of load on a
// shared machine hits both alike; the verdict is the median of each round's own ratio this/baseline.
// It fails (exit code 1) when either measure is more than 10% slower than the baseline.
// Each build reviews its own copy of the repository: their caches (module cache, saved graph,
// config mark) live in the git directory and may differ in format from one build to the other.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, git } from './generate-repo.mjs';
import { fmt, ratio } from './measure.mjs';
import { resetRepo, stageChange } from './review.mjs';

const LIMIT = 1.1;

/** A copy of `dir` for the baseline, made again when `dir`'s HEAD moved. */
function twinRepo(dir) {
  const twin = `${dir}-baseline`;
  const head = (d) => (existsSync(join(d, '.git')) ? git(d, ['rev-parse', 'HEAD']).trim() : '');
  if (head(twin) !== head(dir)) {
    rmSync(twin, { recursive: true, force: true });
    cpSync(dir, twin, { recursive: true, preserveTimestamps: true });
  }
  return twin;
}

function timeOnce(command, args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env: benchEnv(), encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return { ms, stdout: result.stdout };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** One measure: the floor, this build (A) and the baseline (B) in each round; medians and the paired ratio. */
function compare(label, args, { cli, baseCli, dir, twin, runs }) {
  const a = [];
  const b = [];
  const floor = [];
  const paired = [];
  let isSameOutput = true;
  for (let round = 0; round < runs + 2; round++) {
    const diff = timeOnce('git', ['diff', '--cached', '--numstat'], dir).ms;
    const node = timeOnce(process.execPath, ['-e', '0'], dir).ms;
    const runA = () => timeOnce(process.execPath, [cli, ...args], dir);
    const runB = () => timeOnce(process.execPath, [baseCli, ...args], twin);
    let ra, rb;
    if (round % 2 === 0) {
      ra = runA();
      rb = runB();
    } else {
      rb = runB();
      ra = runA();
    }
    if (round < 2) continue; // warm-up: fills the caches of each copy (a cold run reports other cache counts)
    if (ra.stdout !== rb.stdout) isSameOutput = false;
    a.push(ra.ms);
    b.push(rb.ms);
    floor.push(diff + node);
    paired.push(ra.ms / rb.ms);
  }
  const result = { label, a: median(a), b: median(b), floor: median(floor), paired: median(paired), isSameOutput };
  console.log(
    `| ${label} | ${fmt(result.a)} | ${fmt(result.b)} | ${fmt(result.floor)} | ${ratio(result.a, result.floor)} | ${ratio(result.b, result.floor)} | ${result.paired.toFixed(3)} | ${result.paired > LIMIT ? '**worse**' : 'ok'} |`,
  );
  return result;
}

export function run({ repos, cli, runs }) {
  const spec = process.env.BENCH_BASELINE_SPEC;
  const base = process.env.BENCH_BASELINE;
  if (!base) {
    console.error('bench check: set BENCH_BASELINE to a built checkout or a git rev (e.g. BENCH_BASELINE=main)');
    process.exitCode = 2;
    return;
  }
  const [size, dir] = repos.find(([n]) => n === 10000) ?? repos[repos.length - 1] ?? [];
  if (dir === undefined) throw new Error('bench check: no generated repository (BENCH_SIZES is empty)');
  const baseCli = join(base, 'bin', 'selfreview.js');
  const baseVersion = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8')).version;
  console.log(`\n## check: this build against ${spec} (${base}, version ${baseVersion}), ${size} files, median of ${runs} rounds\n`);
  console.log(
    '| measure | this | baseline | floor: git diff --cached --numstat + node -e 0 | this / floor | baseline / floor | this / baseline (paired) | |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  const twin = twinRepo(dir);
  const options = { cli, baseCli, dir, twin, runs };
  const results = [];
  for (const [count, label, args] of [
    [50, 'gate alone: --dry-run --json --no-impact, 50 staged files', ['--dry-run', '--json', '--no-impact']],
    [5, 'review, warm blast radius: --dry-run --json, 5 staged TypeScript files', ['--dry-run', '--json']],
  ]) {
    for (const d of [dir, twin]) {
      resetRepo(d);
      stageChange(d, count);
    }
    try {
      results.push(compare(label, args, options));
    } finally {
      resetRepo(dir);
      resetRepo(twin);
    }
  }
  uptimeNote();
  for (const r of results.filter((x) => !x.isSameOutput))
    console.log(`Note: ${r.label}: the two builds printed different output (a feature changed, or a regression).`);
  const worse = results.filter((r) => r.paired > LIMIT);
  if (worse.length > 0) {
    console.log(
      `\nCHECK FAILED: ${worse.map((r) => r.label.split(':')[0]).join('; ')} more than ${Math.round((LIMIT - 1) * 100)}% slower than ${spec}.`,
    );
    process.exitCode = 1;
  } else console.log(`\nCheck passed: neither measure is more than ${Math.round((LIMIT - 1) * 100)}% slower than ${spec}.`);
  return results;
}

function uptimeNote() {
  try {
    console.log(`\nLoad: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (1, 5, 15 min).`);
  } catch {
    // not Linux: no load figure
  }
}
