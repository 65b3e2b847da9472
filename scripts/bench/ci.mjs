// CI mode (issue: CI mode): `selfreview ci` over a 200-commit range on the generated repository,
// time per commit, beside `git log --numstat` over the same range. BENCH_REPO=<a checkout> also
// runs it over that repository's commits (BENCH_CI_RANGE=<base>..<head>, default HEAD~200..HEAD)
// after one run that builds the caches and the graph (issue 23: ≤ 0.2 s a commit).
import { appendFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { git, listModules } from './generate-repo.mjs';
import { fmt, time } from './measure.mjs';

const COMMITS = 200;

function buildRange(dir) {
  git(dir, ['checkout', '-q', '-B', 'bench-ci', 'main']);
  const modules = listModules(dir);
  for (let i = 0; i < COMMITS; i++) {
    const path = modules[(i * 7919) % modules.length];
    appendFileSync(join(dir, path), `\nexport const ci_${i} = ${i};\n`);
    git(dir, ['add', '--', path]);
    const tree = git(dir, ['write-tree']).trim();
    git(dir, [
      'commit',
      '-q',
      '--no-verify',
      '-m',
      `Change ${i}\n\nSelf-Review: tree=${tree} risk=low lines=+2/-0 files=1 provenance=human`,
    ]);
  }
}

export function run({ repos, cli, runs }) {
  const fewer = Math.max(3, Math.floor(runs / 3));
  // BENCH_SIZES= (no generated repository) with BENCH_REPO: the real repository alone.
  if (repos.length === 0) {
    if (process.env.BENCH_REPO) runOnRepository(process.env.BENCH_REPO, cli, fewer);
    return;
  }
  const [size, dir] = repos.find(([s]) => s === 10000) ?? repos[repos.length - 1];
  console.log(`\n## ci: selfreview ci over ${COMMITS} commits on the ${size}-file repository (median)\n`);
  buildRange(dir);
  const range = ['--base', 'main', '--head', 'bench-ci', '--format', 'json'];
  const withoutImpact = time(process.execPath, [cli, 'ci', ...range, '--no-impact'], { cwd: dir, runs: fewer, warmup: 1 });
  const withImpact = time(process.execPath, [cli, 'ci', ...range], { cwd: dir, runs: fewer, warmup: 1 });
  const log = time('git', ['log', '--numstat', 'main..bench-ci'], { cwd: dir, runs });
  console.log('| | total | per commit | ratio to git log --numstat |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| selfreview ci --no-impact | ${fmt(withoutImpact)} | ${(withoutImpact / COMMITS).toFixed(1)} ms | ${(withoutImpact / log).toFixed(1)}x |`,
  );
  console.log(
    `| selfreview ci (with blast radius) | ${fmt(withImpact)} | ${(withImpact / COMMITS).toFixed(1)} ms | ${(withImpact / log).toFixed(1)}x |`,
  );
  console.log(`| git log --numstat | ${fmt(log)} | ${(log / COMMITS).toFixed(2)} ms | 1x |`);
  git(dir, ['checkout', '-q', 'main']);
  git(dir, ['branch', '-q', '-D', 'bench-ci']);
  if (process.env.BENCH_REPO) runOnRepository(process.env.BENCH_REPO, cli, fewer);
}

function runOnRepository(dir, cli, runs) {
  const [base, head] = (process.env.BENCH_CI_RANGE ?? 'HEAD~200..HEAD').split('..');
  const rev = (r) => execFileSync('git', ['rev-parse', '--verify', `${r}^{commit}`], { cwd: dir, encoding: 'utf8' }).trim();
  const range = ['--base', rev(base), '--head', rev(head || 'HEAD'), '--format', 'json'];
  const count = Number(execFileSync('git', ['rev-list', '--count', `${range[1]}..${range[3]}`], { cwd: dir, encoding: 'utf8' }));
  console.log(`\n### ci over ${count} commits of ${basename(dir)} (${base}..${head || 'HEAD'}), after one run that builds the caches\n`);
  // The warm-up run (not counted) parses what the range needs and fills the module cache.
  const ms = time(process.execPath, [cli, 'ci', ...range], { cwd: dir, runs, warmup: 1 });
  const log = time('git', ['log', '--numstat', `${range[1]}..${range[3]}`], { cwd: dir, runs });
  console.log('| | total | per commit | ratio to git log --numstat |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| selfreview ci | ${fmt(ms)} | ${(ms / count).toFixed(0)} ms | ${(ms / log).toFixed(1)}x |`);
  console.log(`| git log --numstat | ${fmt(log)} | ${(log / count).toFixed(1)} ms | 1x |`);
}
