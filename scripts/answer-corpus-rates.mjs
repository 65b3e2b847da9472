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
//
//   node scripts/answer-corpus-rates.mjs --grounded <git dir of angular/angular-cli> [--part holdout] [--show-misses]
//   node scripts/answer-corpus-rates.mjs --grounded <git dir of typeorm/typeorm> --corpus grounded-typeorm [--lookups grep]
//   node scripts/answer-corpus-rates.mjs --grounded <git dir of graphql/graphql-js> --corpus grounded-graphql [--repeat 5]
//   node scripts/answer-corpus-rates.mjs --mirrors /work/.mirror --corpus adversarial-own-change (each line's repo)
//   node scripts/answer-corpus-rates.mjs --grounded <git dir> --corpus grounded-pdfjs --cache <dir> (another build's rules, same inputs)
//
// Answers judged against THEIR OWN change (tests/fixtures/answers/grounded.*.jsonl): each line
// names a commit of a public repository (fetch it first: it is not kept here) and the change it
// is answered against (`against`, else the commit itself). The change is read as CI reads a
// record (the commit's parent against its tree: read-answer-grounding.ts) and the answer given
// to validateAnswer, the function the hook and CI call; an admission counts as refused (the
// hook stops with "I am not sure"). Prints the rates per part and category, and the time.

import { execFileSync, execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
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
// The grounded corpus: grounded (angular/angular-cli), grounded-typeorm (typeorm/typeorm), grounded-rxjs (ReactiveX/rxjs),
// grounded-mongodb (mongodb/node-mongodb-native), grounded-prettier (prettier/prettier), grounded-jest (jestjs/jest), grounded-ai (vercel/ai),
// grounded-mocha (mochajs/mocha), grounded-sinon (sinonjs/sinon), grounded-stylelint (stylelint/stylelint), grounded-sequelize (sequelize/sequelize),
// grounded-eslint (eslint/eslint), grounded-chartjs (chartjs/Chart.js), grounded-immutable (immutable-js/immutable-js), grounded-cheerio (cheeriojs/cheerio),
// grounded-graphql (graphql/graphql-js), grounded-pdfjs (mozilla/pdf.js), grounded-openlayers (openlayers/openlayers),
// grounded-pouchdb (pouchdb/pouchdb), grounded-hoppscotch (hoppscotch/hoppscotch), grounded-lerna (lerna/lerna), grounded-ava (avajs/ava),
// grounded-react-router (remix-run/react-router)
// or elsewhere-formik (jaredpalmer/formik), elsewhere-unkey (unkeyed/unkey), elsewhere-papermark (mfts/papermark), elsewhere-karakeep-ai (karakeep-app/karakeep: bodies an AI agent wrote),
// elsewhere-flowise-ai (FlowiseAI/Flowise: the same), elsewhere-midday (midday-ai/midday), elsewhere-saleor (saleor/saleor-dashboard),
// elsewhere-growthbook-ai (growthbook/growthbook: bodies an AI agent helped write), elsewhere-bruno (usebruno/bruno: held out only), elsewhere-hyperdx (hyperdxio/hyperdx: answers from the subject line only),
// grounded-keystone (keystonejs/keystone: bodies naming code, other projects' names), elsewhere-inbox-zero (elie222/inbox-zero),
// elsewhere-plasmo (PlasmoHQ/plasmo: answers from the subject line only).
const corpus = option('--corpus', 'grounded');
const lookups = option('--lookups', 'index');
// --repeat N: each answer validated N times, its time the median of them (the first call of a kind
// pays the JIT and a garbage collection now and then; the median is what a typed answer costs).
const repeat = Math.max(1, Number(option('--repeat', '1')));
// --cache <dir>: each change's patch and paths, and every name's verdict, kept by commit in <dir>, so
// that a run of another build's rules reads the same inputs and builds a names index only for a
// name no earlier run asked about (the index is built when the first such name is asked).
const cacheDir = option('--cache');

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

if (args.includes('--grounded') || args.includes('--mirrors')) {
  await runGrounded(resolve(option('--grounded', '.')));
  process.exit(process.exitCode ?? 0);
}

async function runGrounded(gitDir) {
  const { validateAnswer } = await import(join(root, 'dist/core/questionnaire/validate-answer.js'));
  const { isAdmission } = await import(join(root, 'dist/core/questionnaire/detect-admission.js'));
  const { buildChangeVocabulary } = await import(join(root, 'dist/core/questionnaire/change-vocabulary.js'));
  const { prepareQuotedCode } = await import(join(root, 'dist/core/questionnaire/verbatim-code.js'));
  const { readEnclosingPairs, selectTextPaths } = await import(join(root, 'dist/core/questionnaire/enclosing-pairs.js'));
  // The words beside the hunks and a sample of the repository (near-hunk-words.ts), as the hook reads them; absent from older builds.
  const nearHunkModule = await import(join(root, 'dist/core/questionnaire/near-hunk-words.js')).catch(() => undefined);
  const sampleModule = await import(join(root, 'dist/adapters/git/sample-texts-sync.js')).catch(() => undefined);
  const { createNameLookup } = await import(join(root, 'dist/adapters/git/lookup-name-sync.js'));
  const { createCommitPatchReader } = await import(join(root, 'dist/adapters/git/read-commit-patch-sync.js'));
  const { readNamesIndexSync } = await import(join(root, 'dist/adapters/git/names-index.js'));
  const indexMs = [];
  const { readPlatformNames } = await import(join(root, 'dist/adapters/typescript/read-platform-names.js'));
  // The hook reads the platform's names while the person reads the first question.
  readPlatformNames();
  // As the hook does while the person reads: the validator's first run (Unicode tables) is paid.
  const warm = 'Warm `upValidator` über ключ 键値 키';
  validateAnswer(warm, { minWords: 1, otherAnswers: [], fileNames: [], change: buildChangeVocabulary({ patch: `+${warm}`, paths: [] }) });
  // --mirrors <dir>: a corpus of several repositories (adversarial-own-change), each line's change
  // read from <dir>/<owner>+<name>/repo (the fetch tool's layout) instead of the one --grounded dir.
  const mirrors = option('--mirrors');
  const dirOf = (line) => (mirrors === undefined ? gitDir : join(resolve(mirrors), line.repo.replace('/', '+'), 'repo'));
  let cwd = gitDir;
  const git = (...a) => execFileSync('git', a, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const question = 'What problem does this change solve, and why this way?';
  /** `git cat-file --batch` of `commit:path` for each path: [{ path, text }] of those it holds. */
  const readTexts = (commit, paths) => {
    const asked = paths.filter((p) => !p.includes('\n'));
    const raw = execFileSync('git', ['cat-file', '--batch'], {
      cwd,
      input: asked.map((p) => `${commit}:${p}\n`).join(''),
      maxBuffer: 1 << 30,
    });
    const files = [];
    let at = 0;
    for (const path of asked) {
      const end = raw.indexOf(10, at);
      const header = raw.subarray(at, end).toString();
      at = end + 1;
      // "<name> missing" for a path the commit does not hold (a deleted file).
      if (/ (?:missing|ambiguous)$/.test(header)) continue;
      const [, type, size] = header.split(' ');
      if (type === 'blob') files.push({ path, text: raw.subarray(at, at + Number(size)).toString('utf8') });
      at += Number(size) + 1;
    }
    return files;
  };
  let buildMs = 0;
  /** The one-off read of the words beside the hunks and the repository's sample, per change that needed it. */
  const nearMs = [];
  let nearCpuMs = 0;
  const nearWallMs = () => nearMs.reduce((a, b) => a + b, 0);
  let lookupMs = 0;
  let changeCount = 0;
  /** One change at a time (an index of a large repository is tens of MB): its vocabulary, and
   * the names index the hook builds while the person reads (timed apart). */
  const readChange = (commit, dir) => {
    cwd = dir;
    const t0 = performance.now();
    const cacheFile = cacheDir === undefined ? undefined : join(resolve(cacheDir), `${commit}.json`);
    const cached = cacheFile !== undefined && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : undefined;
    const flags = ['-r', '-C', '--ignore-cr-at-eol', '--no-color', '--no-ext-diff', `${commit}^`, commit, '--'];
    const patch = cached?.patch ?? git('diff-tree', '-p', '-U0', '--src-prefix=a/', '--dst-prefix=b/', ...flags);
    const paths =
      cached?.paths ??
      git('diff-tree', '--name-only', ...flags)
        .split('\n')
        .filter(Boolean);
    const verdicts = cached?.verdicts ?? {};
    let isDirty = cached === undefined;
    const save = () => isDirty && cacheFile !== undefined && writeFileSync(cacheFile, JSON.stringify({ patch, paths, verdicts }));
    // The changed files' texts at the commit, as the hook reads the index's (read-answer-grounding.ts):
    // a commit's files do not change, so they are read from git, not kept in the cache.
    const files = readTexts(commit, selectTextPaths(paths));
    const enclosingPairs = readEnclosingPairs(files, patch);
    const change = buildChangeVocabulary({ patch, paths, enclosingPairs });
    let near;
    const nearHunk =
      nearHunkModule === undefined || sampleModule === undefined
        ? undefined
        : () => {
            if (near === undefined) {
              const t = performance.now();
              const c = process.cpuUsage();
              near = {
                stems: nearHunkModule.nearHunkStems(files, patch),
                share: nearHunkModule.wordSharesOf(sampleModule.readSampleTexts(dir, { kind: 'tree', rev: commit })),
              };
              const cpu = process.cpuUsage(c);
              nearMs.push(performance.now() - t);
              nearCpuMs += (cpu.user + cpu.system) / 1000;
            }
            return near;
          };
    buildMs += performance.now() - t0;
    changeCount++;
    // --lookups grep: each unknown name grepped when met instead (an answers file, CI).
    let index;
    const readIndex = () => {
      const t1 = performance.now();
      index = readNamesIndexSync(dir, { kind: 'tree', rev: commit });
      indexMs.push(performance.now() - t1);
    };
    if (lookups === 'index' && cacheFile === undefined) readIndex();
    const lookup = createNameLookup(dir, { kind: 'tree', rev: commit }, readPlatformNames, () => {
      if (lookups === 'index' && index === undefined) readIndex();
      return index;
    });
    const nameExists = (name, kind, qualifier) => {
      const key = `${kind}\0${name}\0${qualifier ?? ''}`;
      if (key in verdicts) return verdicts[key];
      const t = performance.now();
      const found = lookup(name, kind, qualifier);
      lookupMs += performance.now() - t;
      verdicts[key] = found;
      isDirty = true;
      return found;
    };
    // As the hook while the person reads: the validator's first run on this change is paid.
    validateAnswer(warm, { minWords: 1, otherAnswers: [], fileNames: [], change });
    prepareQuotedCode(change);
    // Run with --expose-gc: the build's garbage is collected before the answers are timed.
    globalThis.gc?.();
    // A commit an answer says the change reverts, read from the same repository (as the hook does).
    const readCommitPatch = createCommitPatchReader(dir);
    return { change, paths, nameExists, readCommitPatch, nearHunk, save };
  };
  const results = [];
  const times = [];
  for (const p of ['tune', 'holdout']) {
    if (part !== 'all' && part !== p) continue;
    // A corpus measured once, never tuned on, has a held-out part only (elsewhere-amplication, elsewhere-webiny, elsewhere-botpress).
    if (!existsSync(join(root, 'tests/fixtures/answers', `${corpus}.${p}.jsonl`))) continue;
    const lines = readFileSync(join(root, 'tests/fixtures/answers', `${corpus}.${p}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const byChange = new Map();
    for (const line of lines) byChange.set(line.against ?? line.commit, [...(byChange.get(line.against ?? line.commit) ?? []), line]);
    for (const [commit, group] of byChange) {
      const { change, paths, nameExists, readCommitPatch, nearHunk, save } = readChange(commit, dirOf(group[0]));
      for (const line of group) {
        const runs = [];
        let verdict;
        for (let i = 0; i < repeat; i++) {
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          const before = lookupMs;
          const nearBefore = nearWallMs();
          const nearCpuBefore = nearCpuMs;
          verdict = isAdmission(line.text)
            ? 'not sure'
            : validateAnswer(line.text, {
                minWords: 4,
                otherAnswers: [],
                fileNames: paths,
                question,
                change,
                nameExists,
                readCommitPatch,
                ...(nearHunk !== undefined && { nearHunk }),
                asksWhatChanged: true,
              });
          const cpu = process.cpuUsage(c0);
          // The one-off read of the words beside the hunks (its first answer pays it) is timed apart, as the index is.
          const nearRead = nearWallMs() - nearBefore;
          runs.push({
            all: performance.now() - t0 - nearRead,
            own: performance.now() - t0 - (lookupMs - before) - nearRead,
            cpu: (cpu.user + cpu.system) / 1000 - (nearCpuMs - nearCpuBefore),
          });
        }
        const middle = (key) => runs.map((r) => r[key]).sort((x, y) => x - y)[Math.floor(runs.length / 2)];
        times.push({ all: middle('all'), own: middle('own'), cpu: middle('cpu') });
        results.push({ ...line, part: p, accepted: verdict === null, reason: verdict });
      }
      save();
    }
  }
  // --out <file>: every verdict, one JSON line each, to compare two builds line by line.
  if (option('--out') !== undefined) writeFileSync(option('--out'), results.map((r) => JSON.stringify({ ...r, corpus })).join('\n') + '\n');
  const groups = new Map();
  for (const r of results) {
    const category = r.category.startsWith('translated-') ? 'translated' : r.category;
    for (const key of new Set([`${r.part} ${category}`, `${r.part} ${r.category}`])) {
      const g = groups.get(key) ?? { expect: r.expect, good: 0, n: 0 };
      g.n++;
      if ((r.expect === 'accept') === r.accepted) g.good++;
      groups.set(key, g);
    }
  }
  for (const [key, g] of [...groups].sort()) {
    if (/translated-/.test(key) && g.n === g.good) continue;
    console.log(`${key.padEnd(32)} ${g.expect}ed ${g.good}/${g.n} = ${((100 * g.good) / g.n).toFixed(1)}%`);
  }
  for (const p of ['tune', 'holdout']) {
    const adversarial = results.filter(
      (r) =>
        r.part === p && ['other-commit', 'foreign-name', 'different-change', 'filler', 'foreign-filler', 'admission'].includes(r.category),
    );
    if (adversarial.length > 0)
      console.log(
        `${`${p} adversarial (all)`.padEnd(32)} rejected ${adversarial.filter((r) => !r.accepted).length}/${adversarial.length} = ${((100 * adversarial.filter((r) => !r.accepted).length) / adversarial.length).toFixed(1)}%`,
      );
  }
  // Wall time counts the waits of a loaded machine; CPU time (this process) is what the validator costs.
  for (const key of ['own', 'all', 'cpu']) {
    const sorted = times.map((t) => t[key]).sort((x, y) => x - y);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
    const what = {
      own: 'without the name lookups',
      all: `with the name lookups (${lookups})`,
      cpu: `CPU time, lookups (${lookups}) included`,
    }[key];
    console.log(`validate per answer, ${what}: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  }
  console.log(
    `vocabulary per change: ${(buildMs / changeCount).toFixed(1)} ms (git diff-tree included); lookups (${lookups}) ${lookupMs.toFixed(0)} ms in all`,
  );
  if (indexMs.length > 0) {
    const sorted = indexMs.sort((x, y) => x - y);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
    console.log(`names index per change (built while the person reads): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  }
  if (nearMs.length > 0) {
    const sorted = nearMs.sort((x, y) => x - y);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
    console.log(
      `words beside the hunks + repository sample, read once per change that needed it (${sorted.length}): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
    );
  }
  if (showMisses)
    for (const r of results)
      if ((r.expect === 'accept') !== r.accepted)
        console.log(
          `  miss [${r.part} ${r.category}] ${r.commit.slice(0, 10)} ${JSON.stringify(r.text).slice(0, 150)} -> ${r.reason ?? 'accepted'}`,
        );
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
