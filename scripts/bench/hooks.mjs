// The cost of the hooks on a commit (issue 12): `git commit` through the five hooks that
// `selfreview init` installs, beside `git commit --no-verify` and beside husky 9 running a no-op
// lint-staged (the usual pre-commit a project already pays for), in a small repository. Each
// round runs every case once, in turn (a burst of load hits them alike); medians are reported.
// Targets: SELFREVIEW=0 <= 2x --no-verify; a small reviewed change faster than husky + lint-staged;
// without a terminal, a change that needs answers refused within the time of a node start.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv } from './generate-repo.mjs';
import { fmt, ratio } from './measure.mjs';

const env = (extra = {}) => benchEnv({ GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...extra });
const git = (cwd, args, extra) => execFileSync('git', args, { cwd, env: env(extra), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** husky and lint-staged from the registry, once, into .bench/hooks-tools (npm's cache after that). */
function installTools(root) {
  const dir = join(root, '.bench', 'hooks-tools');
  if (!existsSync(join(dir, 'node_modules', '.bin', 'lint-staged'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"hooks-tools","private":true}');
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', 'husky@9', 'lint-staged@16'], {
      cwd: dir,
      stdio: 'ignore',
    });
  }
  return join(dir, 'node_modules');
}

function makeRepo(root, name, setUp) {
  const dir = join(root, '.bench', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  for (const [k, v] of [
    ['user.name', 'Bench'],
    ['user.email', 'bench@example.com'],
    ['commit.gpgsign', 'false'],
    ['gc.auto', '0'],
  ])
    git(dir, ['config', k, v]);
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  writeFileSync(join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
  setUp(dir);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--no-verify', '-m', 'initial']);
  return dir;
}

let counter = 0;
function stageSmallChange(dir) {
  counter += 1;
  writeFileSync(join(dir, 'src', 'a.ts'), `export const a = ${counter};\nexport const b = a + ${counter};\n`);
  git(dir, ['add', 'src/a.ts']);
}

function timeCommit(dir, args, extra, expectStatus = 0) {
  const started = process.hrtime.bigint();
  const result = spawnSync('setsid', ['--wait', 'git', 'commit', '-q', ...args], { cwd: dir, env: env(extra), encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== expectStatus)
    throw new Error(`git commit ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 400)}`);
  return ms;
}

/** `node -e 0` as the hooks start it: the price of one node start, without a terminal. */
function timeNodeStart(dir) {
  const started = process.hrtime.bigint();
  spawnSync('setsid', ['--wait', process.execPath, '-e', '0'], { cwd: dir, env: env() });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** A repository whose hooks `selfreview init` installed from the package at `pkg` (this checkout, or a baseline). */
function makeOurRepo(root, name, pkg) {
  return makeRepo(root, name, (dir) => {
    writeFileSync(join(dir, 'package.json'), '{"name":"bench","private":true}\n');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(pkg, join(dir, 'node_modules', 'selfreview'));
    execFileSync(process.execPath, [join(pkg, 'bin', 'selfreview.js'), 'init'], { cwd: dir, env: env(), stdio: 'ignore' });
  });
}

/** The commits through selfreview's hooks, for the package at `pkg`; `tag` names its rows. */
function ourCases(root, pkg, tag) {
  const cli = join(pkg, 'bin', 'selfreview.js');
  const ours = makeOurRepo(root, `hooks-selfreview${tag ? `-${tag}` : ''}`, pkg);
  const answers = join(ours, '.git', 'bench-answers.json');
  // Distinct answers: the questionnaire refuses one that repeats another.
  writeFileSync(
    answers,
    JSON.stringify({
      provenance: 'written',
      intent: 'Every bench round bumps the constant in src/a.ts so that each commit records a new tree.',
      'unit:src/a.ts': 'The file exports a second constant derived from the first, a one-line arithmetic edit.',
      verification: 'Nothing reads these constants; the benchmark only times how long git commit takes.',
      // Names of the change (the constants a and b of src/a.ts): the answer validator refuses an
      // answer that connects to nothing in the change (issue 19).
      'no-test': 'No test reads the constants a and b of src/a.ts: the generated bench repository has no test suite.',
    }),
  );
  const name = (text) => (tag ? `${text} [${tag}]` : text);
  return [
    [name('SELFREVIEW=0 git commit (empty)'), () => timeCommit(ours, ['--allow-empty', '-m', 'x'], { SELFREVIEW: '0' })],
    [name('git commit, nothing staged (empty)'), () => timeCommit(ours, ['--allow-empty', '-m', 'x'])],
    [
      name('small change reviewed first (selfreview --answers), then git commit'),
      () => {
        stageSmallChange(ours);
        execFileSync(process.execPath, [cli, '--answers', answers], { cwd: ours, env: env(), stdio: 'ignore' });
        return timeCommit(ours, ['-m', 'x']);
      },
    ],
    [
      name('small change, the hook runs the review (SELFREVIEW_ANSWERS)'),
      () => {
        stageSmallChange(ours);
        return timeCommit(ours, ['-m', 'x'], { SELFREVIEW_ANSWERS: answers });
      },
    ],
    [
      name('small change, no terminal (setsid) and no answers: refused'),
      () => {
        stageSmallChange(ours);
        const ms = timeCommit(ours, ['-m', 'x'], {}, 1);
        git(ours, ['reset', '-q']);
        return ms;
      },
    ],
    [
      name('lock file only, no terminal: nothing to ask, committed'),
      () => {
        writeFileSync(join(ours, 'package-lock.json'), `{"lockfileVersion":3,"round":${++counter}}\n`);
        git(ours, ['add', 'package-lock.json']);
        return timeCommit(ours, ['-m', 'x']);
      },
    ],
  ];
}

/**
 * BENCH_BASELINE=/path/to/another/checkout (built) adds the same cases through that package's
 * hooks, side by side in the same rounds: before and after a change, under the same load.
 */
export function run({ runs, root }) {
  const tools = installTools(root);
  const plain = makeOurRepo(root, 'hooks-plain', root);
  const husky = makeRepo(root, 'hooks-husky', (dir) => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench', private: true, 'lint-staged': { '*.nomatch': 'true' } }));
    symlinkSync(tools, join(dir, 'node_modules'));
    execFileSync(join(tools, '.bin', 'husky'), [], { cwd: dir, stdio: 'ignore' });
    writeFileSync(join(dir, '.husky', 'pre-commit'), 'lint-staged\n');
  });
  const baseline = process.env.BENCH_BASELINE;
  const cases = [
    ['git commit --no-verify (empty)', () => timeCommit(plain, ['--allow-empty', '--no-verify', '-m', 'x'])],
    ['node -e 0 (setsid)', () => timeNodeStart(plain)],
    [
      'husky 9 + no-op lint-staged, small change',
      () => {
        stageSmallChange(husky);
        return timeCommit(husky, ['-m', 'x']);
      },
    ],
    ...ourCases(root, root, baseline ? 'this' : ''),
    ...(baseline ? ourCases(root, baseline, 'baseline') : []),
  ];
  const samples = cases.map(() => []);
  const warmup = 1;
  for (let round = 0; round < warmup + runs; round++) {
    cases.forEach(([, measure], i) => {
      const ms = measure();
      if (round >= warmup) samples[i].push(ms);
    });
  }
  const median = Object.fromEntries(cases.map(([name], i) => [name, samples[i].sort((a, b) => a - b)[Math.floor(runs / 2)]]));
  const noVerify = median['git commit --no-verify (empty)'];
  const nodeStart = median['node -e 0 (setsid)'];
  const husky9 = median['husky 9 + no-op lint-staged, small change'];
  console.log(`\n## hooks: git commit through selfreview's hooks (median of ${runs} interleaved runs)\n`);
  console.log('| case | time | ratio to --no-verify | over --no-verify |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name] of cases)
    console.log(`| ${name} | ${fmt(median[name])} | ${ratio(median[name], noVerify)} | ${fmt(median[name] - noVerify)} |`);
  const tag = baseline ? ' [this]' : '';
  const at = (text) => median[`${text}${tag}`];
  const skip = at('SELFREVIEW=0 git commit (empty)') / noVerify;
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log(`\nTarget: SELFREVIEW=0 <= 2x --no-verify: ${skip.toFixed(2)}x ${verdict(skip <= 2)}.`);
  const reviewed = at('small change reviewed first (selfreview --answers), then git commit');
  const inHook = at('small change, the hook runs the review (SELFREVIEW_ANSWERS)');
  console.log(
    `Target: a small reviewed change faster than husky + lint-staged (${fmt(husky9).trim()}): reviewed first ${fmt(reviewed).trim()} ${verdict(reviewed < husky9)}; review in the hook ${fmt(inHook).trim()} ${verdict(inHook < husky9)}.`,
  );
  const refused = at('small change, no terminal (setsid) and no answers: refused') - noVerify;
  console.log(
    `Target: without a terminal, refused within a node start: the hook adds ${fmt(refused).trim()} to the commit, node -e 0 takes ${fmt(nodeStart).trim()} (${ratio(refused, nodeStart)}).`,
  );
}
