// The cost of the hooks on a commit (issue 12): `git commit` through the five hooks that
// `selfreview init` installs, beside `git commit --no-verify` and beside husky 9 running a no-op
// lint-staged (the usual pre-commit a project already pays for), in a small repository. Each
// round runs every case once, in turn (a burst of load hits them alike); medians are reported.
// Targets: SELFREVIEW=0 <= 2x --no-verify; a small reviewed change faster than husky + lint-staged.
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

function timeCommit(dir, args, extra) {
  const started = process.hrtime.bigint();
  const result = spawnSync('setsid', ['--wait', 'git', 'commit', '-q', ...args], { cwd: dir, env: env(extra), encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`git commit ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 400)}`);
  return ms;
}

export function run({ cli, runs, root }) {
  const tools = installTools(root);
  const ours = makeRepo(root, 'hooks-selfreview', (dir) => {
    writeFileSync(join(dir, 'package.json'), '{"name":"bench","private":true}\n');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'selfreview'));
    execFileSync(process.execPath, [cli, 'init'], { cwd: dir, env: env(), stdio: 'ignore' });
  });
  const answers = join(ours, '.git', 'bench-answers.json');
  // Distinct answers: the questionnaire refuses one that repeats another.
  writeFileSync(
    answers,
    JSON.stringify({
      provenance: 'written',
      intent: 'Every bench round bumps the constant in src/a.ts so that each commit records a new tree.',
      'unit:src/a.ts': 'The file exports a second constant derived from the first, a one-line arithmetic edit.',
      verification: 'Nothing reads these constants; the benchmark only times how long git commit takes.',
      'no-test': 'A generated benchmark repository has no test suite, and the values are never checked.',
    }),
  );
  const husky = makeRepo(root, 'hooks-husky', (dir) => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench', private: true, 'lint-staged': { '*.nomatch': 'true' } }));
    symlinkSync(tools, join(dir, 'node_modules'));
    execFileSync(join(tools, '.bin', 'husky'), [], { cwd: dir, stdio: 'ignore' });
    writeFileSync(join(dir, '.husky', 'pre-commit'), 'lint-staged\n');
  });

  const cases = [
    ['git commit --no-verify (empty)', () => timeCommit(ours, ['--allow-empty', '--no-verify', '-m', 'x'])],
    ['SELFREVIEW=0 git commit (empty)', () => timeCommit(ours, ['--allow-empty', '-m', 'x'], { SELFREVIEW: '0' })],
    ['git commit, nothing staged (empty)', () => timeCommit(ours, ['--allow-empty', '-m', 'x'])],
    [
      'small change reviewed first (npx selfreview), then git commit',
      () => {
        stageSmallChange(ours);
        execFileSync(process.execPath, [cli, '--answers', answers], { cwd: ours, env: env(), stdio: 'ignore' });
        return timeCommit(ours, ['-m', 'x']);
      },
    ],
    [
      'small change, the hook runs the review (answers file)',
      () => {
        stageSmallChange(ours);
        return timeCommit(ours, ['-m', 'x'], { SELFREVIEW_ANSWERS: answers });
      },
    ],
    [
      'husky 9 + no-op lint-staged, small change',
      () => {
        stageSmallChange(husky);
        return timeCommit(husky, ['-m', 'x']);
      },
    ],
  ];
  const samples = cases.map(() => []);
  const warmup = 1;
  for (let round = 0; round < warmup + runs; round++) {
    cases.forEach(([, measure], i) => {
      const ms = measure();
      if (round >= warmup) samples[i].push(ms);
    });
  }
  const median = samples.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
  console.log(`\n## hooks: git commit through selfreview's hooks (median of ${runs} interleaved runs)\n`);
  console.log('| case | time | ratio to --no-verify |');
  console.log('| --- | ---: | ---: |');
  cases.forEach(([name], i) => console.log(`| ${name} | ${fmt(median[i])} | ${ratio(median[i], median[0])} |`));
  const skip = median[1] / median[0];
  console.log(`\nTarget: SELFREVIEW=0 <= 2x --no-verify: ${skip.toFixed(2)}x ${skip <= 2 ? 'met' : 'NOT met'}.`);
  console.log(
    `Target: a small reviewed change faster than husky + lint-staged (${fmt(median[5]).trim()}): reviewed first ${fmt(median[3]).trim()} ${median[3] < median[5] ? 'met' : 'NOT met'}; review in the hook ${fmt(median[4]).trim()} ${median[4] < median[5] ? 'met' : 'NOT met'}.`,
  );
}
