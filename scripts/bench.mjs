// npm run bench [section ...] — sections: review, impact, ci, hooks, check (default: every one present;
// check only with a baseline).
// BENCH_BASELINE=<built checkout or git rev>: the check section (and the hooks section) compare this
// build with that one side by side; a rev is built once into .bench/baseline-<sha>.
// Sizes: BENCH_SIZES=1000,10000,50000 (default; empty for none); runs: BENCH_RUNS=10.
// BENCH_REPO=/path/to/checkout: the impact and ci sections also run on that real repository
// (ci: BENCH_CI_RANGE=<base>..<head>, default HEAD~200..HEAD).
// Generated repositories are cached under .bench/ (delete it to regenerate).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baselinePackage } from './bench/baseline.mjs';
import { generateRepo } from './bench/generate-repo.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'selfreview.js');
const onlyCheck = process.argv.length === 3 && process.argv[2] === 'check';
// The check needs the 10,000-file repository alone.
const sizes = (process.env.BENCH_SIZES ?? (onlyCheck ? '10000' : '1000,10000,50000'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const runs = Number(process.env.BENCH_RUNS ?? 10);
const wanted = process.argv.slice(2);
if (process.env.BENCH_BASELINE) {
  process.env.BENCH_BASELINE_SPEC = process.env.BENCH_BASELINE;
  process.env.BENCH_BASELINE = baselinePackage(root, process.env.BENCH_BASELINE);
}
const everySection = ['review', 'impact', 'ci', 'hooks', ...(process.env.BENCH_BASELINE ? ['check'] : [])];
const sections = (wanted.length > 0 ? wanted : everySection).filter((name) => {
  const present = existsSync(join(root, 'scripts', 'bench', `${name}.mjs`));
  if (!present && wanted.includes(name)) console.error(`bench: no section '${name}'`);
  return present;
});

console.log(`# selfreview bench (node ${process.version}, ${sizes.join('/')} files)`);
// The hooks section makes its own small repositories: `npm run bench hooks` generates nothing big.
const repos = sections.every((name) => name === 'hooks')
  ? []
  : sizes.map((size) => {
      const started = Date.now();
      const dir = generateRepo(join(root, '.bench', `repo-${size}`), { files: size });
      console.log(`repository of ~${size} files ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dir}`);
      return [size, dir];
    });
for (const name of sections) {
  const section = await import(`./bench/${name}.mjs`);
  section.run({ repos, cli, runs, root });
}
