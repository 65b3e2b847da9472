// The review of a staged change (issue: staged change and size gate): `selfreview --dry-run
// --json` beside `git diff --cached --numstat` and `node -e 0`, on repositories of each size,
// with ~50 changed files staged; and a 50,000-line staged file.
import { writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, listModules } from './generate-repo.mjs';
import { fmt, ratio, time } from './measure.mjs';

function stageChange(dir, count) {
  const modules = listModules(dir);
  const step = Math.max(1, Math.floor(modules.length / count));
  const changed = [];
  for (let i = 0; i < count && i * step < modules.length; i++) {
    const path = modules[i * step];
    appendFileSync(join(dir, path), `\nexport const added_${i} = ${i};\nexport const more_${i} = added_${i} + 1;\n`);
    changed.push(path);
  }
  git(dir, ['add', '--', ...changed]);
  return changed.length;
}

function resetRepo(dir) {
  git(dir, ['reset', '-q', '--hard', 'HEAD']);
  git(dir, ['clean', '-qfd']);
}

export function run({ repos, cli, runs }) {
  console.log('\n## review: selfreview --dry-run --json, ~50 staged files (median of %d runs)\n', runs);
  console.log('| files | selfreview --no-impact | with impact (warm cache) | git diff --cached --numstat | node -e 0 | ratio to (git + node), without / with impact |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  const results = {};
  for (const [size, dir] of repos) {
    resetRepo(dir);
    stageChange(dir, 50);
    const review = time(process.execPath, [cli, '--dry-run', '--json', '--no-impact'], { cwd: dir, runs });
    const full = time(process.execPath, [cli, '--dry-run', '--json'], { cwd: dir, runs });
    const diff = time('git', ['diff', '--cached', '--numstat'], { cwd: dir, runs });
    const node = time(process.execPath, ['-e', '0'], { cwd: dir, runs });
    results[size] = review / (diff + node);
    console.log(`| ${size} | ${fmt(review)} | ${fmt(full)} | ${fmt(diff)} | ${fmt(node)} | ${ratio(review, diff + node)} / ${ratio(full, diff + node)} |`);
    resetRepo(dir);
  }
  const [largestSize, mid] = repos.find(([size]) => size === 10000) ?? repos[repos.length - 1];
  writeFileSync(join(mid, 'huge.sql'), Array.from({ length: 50000 }, (_, i) => `INSERT INTO t VALUES (${i});`).join('\n') + '\n');
  git(mid, ['add', 'huge.sql']);
  const huge = time(process.execPath, [cli, '--dry-run', '--json', '--no-impact'], { cwd: mid, runs: Math.max(3, Math.floor(runs / 2)) });
  resetRepo(mid);
  console.log(`\n50,000-line staged file on the ${largestSize}-file repository: ${fmt(huge).trim()} (target < 2000 ms)`);
  return { ratios: results, hugeMs: huge };
}
