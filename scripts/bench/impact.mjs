// The blast radius (issue: blast radius): `selfreview impact --json` for a 5-file change, cold
// (no cache: TypeScript loaded, every file parsed) and warm (cache filled), beside the floor of reading every tracked file once
// plus starting node, measured side by side so load on a shared machine hits all alike.
// BENCH_REPO=/path/to/a/checkout also measures a real repository (e.g. sentry-javascript): 5 of
// its source files get an appended export, staged, and are restored afterwards.
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { git, listModules } from './generate-repo.mjs';
import { fmt, ratio, time, timeSideBySide } from './measure.mjs';

function pickModules(dir, isGenerated) {
  if (isGenerated) return listModules(dir);
  return git(dir, ['ls-files', '-z', '--', '*.ts'])
    .split('\0')
    .filter((p) => /(?:^|\/)src\/.+\.ts$/.test(p) && !p.endsWith('.d.ts'));
}

function measure(label, dir, { cli, runs, isGenerated }) {
  const modules = pickModules(dir, isGenerated);
  const touched = [0, 1, 2, 3, 4].map((i) => modules[(i * 997) % modules.length]);
  const saved = touched.map((path) => [path, readFileSync(join(dir, path))]);
  const cache = join(
    git(dir, ['rev-parse', '--git-common-dir'])
      .trim()
      .replace(/^(?!\/)/, `${dir}/`),
    'selfreview',
  );
  try {
    touched.forEach((path, i) => appendFileSync(join(dir, path), `\nexport const bench_${i} = ${i};\n`));
    git(dir, ['add', '--', ...touched]);
    const coldRuns = Math.max(3, Math.floor(runs / 3));
    // The floor is measured in the same rounds as each run: a burst of load hits both alike.
    const floorCommands = [
      // 123: xargs saw cat fail on a tracked symlink to a folder (sentry-javascript has one).
      { command: 'sh', args: ['-c', 'git ls-files -z | xargs -0 cat > /dev/null 2>&1'], cwd: dir, expectCodes: [0, 123] },
      { command: process.execPath, args: ['-e', '0'], cwd: dir },
    ];
    const [cold, coldCat, coldNode] = timeSideBySide(
      [
        {
          command: 'sh',
          args: ['-c', `rm -rf '${cache}' && exec '${process.execPath}' '${cli}' impact --json > /dev/null 2>&1`],
          cwd: dir,
        },
        ...floorCommands,
      ],
      { runs: coldRuns, warmup: 1 },
    );
    time(process.execPath, [cli, 'impact', '--json'], { cwd: dir, runs: 1, warmup: 0 }); // fill the cache
    const [warm, cat, node] = timeSideBySide([{ command: process.execPath, args: [cli, 'impact', '--json'], cwd: dir }, ...floorCommands], {
      runs,
    });
    const floor = cat + node;
    console.log(`| ${label} | ${fmt(cold)} | ${fmt(warm)} | ${fmt(floor)} | ${ratio(cold, coldCat + coldNode)} | ${ratio(warm, floor)} |`);
  } finally {
    git(dir, ['reset', '-q', '--', ...touched]);
    for (const [path, bytes] of saved) writeFileSync(join(dir, path), bytes);
    rmSync(cache, { recursive: true, force: true });
  }
}

export function run({ repos, cli, runs }) {
  console.log('\n## impact: selfreview impact --json, 5 changed files (median)\n');
  console.log('| repository | cold | warm | floor: cat all files + node -e 0 (warm rounds) | cold / floor of its rounds | warm / floor |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [size, dir] of repos) measure(`${size} files (generated)`, dir, { cli, runs, isGenerated: true });
  if (process.env.BENCH_REPO)
    measure(basename(process.env.BENCH_REPO), process.env.BENCH_REPO, { cli, runs: Math.max(3, Math.floor(runs / 2)), isGenerated: false });
}
