// The blast radius (issue: blast radius): `selfreview impact --json` for a 5-file change, cold
// (no cache: TypeScript loaded, every file parsed) and warm (cache filled: nothing parsed,
// TypeScript not loaded), beside the floor of reading every tracked file once plus starting node.
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { git, listModules } from './generate-repo.mjs';
import { fmt, ratio, time } from './measure.mjs';

export function run({ repos, cli, runs }) {
  console.log('\n## impact: selfreview impact --json, 5 changed files (median)\n');
  console.log('| files | cold | warm | floor: cat all files + node -e 0 | cold / floor | warm / floor |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [size, dir] of repos) {
    git(dir, ['reset', '-q', '--hard', 'HEAD']);
    const modules = listModules(dir);
    for (let i = 0; i < 5; i++) appendFileSync(join(dir, modules[(i * 997) % modules.length]), `\nexport const bench_${i} = ${i};\n`);
    git(dir, ['add', '-u']);
    const cache = join(dir, '.git', 'selfreview');
    const coldRuns = Math.max(3, Math.floor(runs / 3));
    const cold = time('sh', ['-c', `rm -rf '${cache}' && exec '${process.execPath}' '${cli}' impact --json > /dev/null`], { cwd: dir, runs: coldRuns, warmup: 1 });
    time(process.execPath, [cli, 'impact', '--json'], { cwd: dir, runs: 1, warmup: 0 }); // fill the cache
    const warm = time(process.execPath, [cli, 'impact', '--json'], { cwd: dir, runs });
    const cat = time('sh', ['-c', 'git ls-files -z | xargs -0 cat > /dev/null'], { cwd: dir, runs });
    const node = time(process.execPath, ['-e', '0'], { cwd: dir, runs });
    const floor = cat + node;
    console.log(`| ${size} | ${fmt(cold)} | ${fmt(warm)} | ${fmt(floor)} | ${ratio(cold, floor)} | ${ratio(warm, floor)} |`);
    git(dir, ['reset', '-q', '--hard', 'HEAD']);
    rmSync(cache, { recursive: true, force: true });
  }
}
