// The review of a staged change (issue 2: staged change and size gate): `selfreview --dry-run
// --json` beside `git diff --cached --numstat` and `node -e 0`, measured side by side (one run of
// each per round) on repositories of each size with ~50 changed files staged; and a 50,000-line
// staged file. The target: on the 10k repository, the review within 2.5x of git + node.
import { writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, listModules } from './generate-repo.mjs';
import { fmt, ratio, time, timeSideBySide } from './measure.mjs';

const TARGET_RATIO = 2.5;
// Issue 9: the review with the blast radius on a warm cache, 5 TypeScript files staged, 10k files.
const IMPACT_TARGET_RATIO = 3;
const HUGE_TARGET_MS = 2000;

export function stageChange(dir, count) {
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

export function resetRepo(dir) {
  git(dir, ['reset', '-q', '--hard', 'HEAD']);
  git(dir, ['clean', '-qfd']);
}

export function run({ repos, cli, runs }) {
  console.log(`\n## review: selfreview --dry-run --json, ~50 staged files (median of ${runs} interleaved runs)\n`);
  console.log('The size gate alone is `--no-impact`; the default also computes the blast radius (issue 3), here with a warm cache.\n');
  console.log(
    '| files | selfreview --no-impact | selfreview (with impact) | git diff --cached --numstat | node -e 0 | ratio to (git + node): --no-impact / with impact |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  const ratios = {};
  for (const [size, dir] of repos) {
    resetRepo(dir);
    stageChange(dir, 50);
    time(process.execPath, [cli, '--dry-run', '--json'], { cwd: dir, runs: 1, warmup: 0 }); // fill the impact cache
    const [review, full, diff, node] = timeSideBySide(
      [
        { command: process.execPath, args: [cli, '--dry-run', '--json', '--no-impact'], cwd: dir },
        { command: process.execPath, args: [cli, '--dry-run', '--json'], cwd: dir },
        { command: 'git', args: ['diff', '--cached', '--numstat'], cwd: dir },
        { command: process.execPath, args: ['-e', '0'], cwd: dir },
      ],
      { runs },
    );
    ratios[size] = { review: review / (diff + node), full: full / (diff + node) };
    console.log(
      `| ${size} | ${fmt(review)} | ${fmt(full)} | ${fmt(diff)} | ${fmt(node)} | ${ratio(review, diff + node)} / ${ratio(full, diff + node)} |`,
    );
    resetRepo(dir);
  }
  const [midSize, mid] = repos.find(([size]) => size === 10000) ?? repos[repos.length - 1];
  if (ratios[midSize]) {
    const { review, full } = ratios[midSize];
    const verdict = (r) => `${r.toFixed(2)}x (${r <= TARGET_RATIO ? 'meets' : 'misses'} the ${TARGET_RATIO}x target)`;
    console.log(`\nOn the ${midSize}-file repository: --no-impact ${verdict(review)}; with impact ${verdict(full)}.`);
  }
  resetRepo(mid);
  stageChange(mid, 5);
  time(process.execPath, [cli, '--dry-run', '--json'], { cwd: mid, runs: 1, warmup: 0 }); // fill the impact cache
  const [five, fiveDiff, fiveNode] = timeSideBySide(
    [
      { command: process.execPath, args: [cli, '--dry-run', '--json'], cwd: mid },
      { command: 'git', args: ['diff', '--cached', '--numstat'], cwd: mid },
      { command: process.execPath, args: ['-e', '0'], cwd: mid },
    ],
    { runs },
  );
  const fiveRatio = five / (fiveDiff + fiveNode);
  console.log(
    `5 staged TypeScript files on the ${midSize}-file repository, blast radius on a warm cache: ${fmt(five).trim()}, ${fiveRatio.toFixed(2)}x git diff --cached --numstat + node -e 0 (target <= ${IMPACT_TARGET_RATIO}x: ${fiveRatio <= IMPACT_TARGET_RATIO ? 'met' : 'missed'})`,
  );
  resetRepo(mid);
  writeFileSync(join(mid, 'huge.sql'), Array.from({ length: 50000 }, (_, i) => `INSERT INTO t VALUES (${i});`).join('\n') + '\n');
  git(mid, ['add', 'huge.sql']);
  const huge = time(process.execPath, [cli, '--dry-run', '--json'], { cwd: mid, runs: Math.max(3, Math.floor(runs / 2)) });
  resetRepo(mid);
  console.log(
    `50,000-line staged file on the ${midSize}-file repository: ${fmt(huge).trim()} (target < ${HUGE_TARGET_MS} ms: ${huge < HUGE_TARGET_MS ? 'met' : 'missed'})`,
  );
  return { ratios, hugeMs: huge };
}
