#!/usr/bin/env node
// Runs every answer of the corpora in tests/fixtures/answers through the CLI's --answers path
// and prints how many were accepted or rejected, per corpus and part (tune / holdout).
//
//   npm run build && node scripts/answer-corpus-rates.mjs [--part holdout] [--limit N] [--jobs 2] [--show-misses]
//   node scripts/answer-corpus-rates.mjs --file my-set.jsonl --expect reject
//
// Each answer is the intent answer of a one-file change in a temporary repository; the other
// questions get fixed, distinct answers, so the exit code (0 recorded, 1 rejected) is the verdict
// on that one text.

import { execFileSync, execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'selfreview.js');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const part = option('--part', 'all');
const limit = Number(option('--limit', '0'));
const jobs = Number(option('--jobs', '2'));
const showMisses = args.includes('--show-misses');

const home = mkdtempSync(join(tmpdir(), 'selfreview-corpus-home-'));
const env = {
  PATH: process.env.PATH,
  HOME: home,
  LANG: 'C.UTF-8',
  NO_COLOR: '1',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Corpus',
  GIT_AUTHOR_EMAIL: 'corpus@example.com',
  GIT_COMMITTER_NAME: 'Corpus',
  GIT_COMMITTER_EMAIL: 'corpus@example.com',
};

function makeRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'selfreview-corpus-'));
  const git = (...a) => execFileSync('git', a, { cwd: dir, env, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'notes.md'), '# Notes\n');
  git('add', '-A');
  git('commit', '-qm', 'init', '--no-verify');
  writeFileSync(join(dir, 'notes.md'), '# Notes\n\nRelease steps live in RELEASING.md.\n');
  git('add', '-A');
  return dir;
}

function judge(repo, text) {
  return new Promise((done) => {
    rmSync(join(repo, '.git', 'selfreview'), { recursive: true, force: true });
    const file = join(repo, '.git', `answers-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        provenance: 'written',
        intent: text,
        verification: 'Rendered notes.md in the Markdown preview and followed the RELEASING.md link',
      }),
    );
    execFile(process.execPath, [cli, '--answers', file], { cwd: repo, env }, (error, _stdout, stderr) => {
      const code = error ? error.code : 0;
      done({ code, reason: (stderr.match(/- intent: (.*)/) ?? [])[1] ?? stderr.trim().split('\n').pop() });
    });
  });
}

const sets = [];
if (args.includes('--file')) {
  sets.push({ name: option('--file'), expect: option('--expect', 'reject'), path: resolve(option('--file')) });
} else {
  for (const [name, expect] of [
    ['explanations', 'accept'],
    ['low-effort-subjects', 'reject'],
    ['generic-answers', 'reject'],
  ]) {
    for (const p of ['tune', 'holdout']) {
      if (part === 'all' || part === p)
        sets.push({ name: `${name}.${p}`, expect, path: join(root, 'tests/fixtures/answers', `${name}.${p}.jsonl`) });
    }
  }
}

const template = makeRepo();
const repos = Array.from({ length: jobs }, () => {
  const copy = mkdtempSync(join(tmpdir(), 'selfreview-corpus-job-'));
  cpSync(template, copy, { recursive: true });
  return copy;
});
let failed = false;
for (const set of sets) {
  let items = readFileSync(set.path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).text);
  if (limit > 0) items = items.slice(0, limit);
  const verdicts = new Array(items.length);
  let next = 0;
  await Promise.all(
    repos.map(async (repo) => {
      while (next < items.length) {
        const i = next++;
        verdicts[i] = await judge(repo, items[i]);
      }
    }),
  );
  const errors = verdicts.filter((v) => v.code !== 0 && v.code !== 1).length;
  const good = verdicts.filter((v) => (set.expect === 'accept' ? v.code === 0 : v.code === 1)).length;
  if (errors > 0) failed = true;
  console.log(
    `${set.name.padEnd(28)} ${set.expect}ed ${good}/${items.length} = ${((100 * good) / items.length).toFixed(1)}%${errors ? `  (${errors} runs failed otherwise)` : ''}`,
  );
  if (showMisses) {
    verdicts.forEach((v, i) => {
      if ((set.expect === 'accept') !== (v.code === 0))
        console.log(`    miss: ${JSON.stringify(items[i]).slice(0, 120)} -> ${v.reason ?? v.code}`);
    });
  }
}
for (const dir of [template, ...repos, home]) rmSync(dir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
