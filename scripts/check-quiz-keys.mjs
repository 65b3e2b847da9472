#!/usr/bin/env node
// Checks every quiz key of real staged changes against the change itself, not against the code
// that built it: for each repository given (its index holds the change, staged on its parent),
// attempts 1..N of the product's own quiz (the questions printed before it passed as the review
// does), each question checked by reading both sides of its file:
//   - exactly one choice is a fact of the change (a line added: on the new side and not the old;
//     removed: the mirror; a test title: in the new file and not the old; a default: the one
//     literal the new file gives the name) and it is the key;
//   - every choice is a line, title or literal of that file (no option that contradicts the
//     question, such as "It is unchanged");
//   - the key is not printed before the question: not in the report (`--dry-run` text before the
//     questions), nor in the messages of the questions asked before it;
//   - `--dry-run --json` lists attempt 1 exactly as built here, and holds no key: with every
//     `choices` list taken out, no key is left in it.
//
//   npm run build && node scripts/check-quiz-keys.mjs /path/to/repo-with-staged-change ...

import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { DEFAULT_CONFIG } = await load('core/config/defaults.js');
const { openRepository } = await load('adapters/git/git-client.js');
const { silentLogger } = await load('adapters/log/logger.js');
const { addStagedImpact, analyseStagedChange } = await load('review/analyse-change.js');
const { listQuiz, readQuizFiles } = await load('review/run-quiz.js');

const ATTEMPTS = 10;
const norm = (line) => line.trim().replace(/\s+/g, ' ');
// A choice is shown cut at 110 characters with `…`; a signature line without its `{`.
const matches = (choice, line) => {
  const c = norm(choice);
  const l = norm(line);
  return c.endsWith('…') ? l.startsWith(c.slice(0, -1)) : l === c;
};
const git = (dir, args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
const env = { ...process.env, NO_COLOR: '1', SELFREVIEW_AI: '1', SELFREVIEW_PROGRESS_AFTER_MS: '999999' };
for (const name of ['CLAUDECODE', 'GEMINI_CLI', 'CODEX_SANDBOX', 'CURSOR_AGENT', 'AI_AGENT']) delete env[name];
const cli = (dir, args) => {
  try {
    return execFileSync(process.execPath, [join(root, 'bin', 'selfreview.js'), ...args], {
      cwd: dir,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    return error.stdout; // a rejected change still prints its report
  }
};

const readOld = (dir, path) => {
  try {
    return execFileSync('git', ['show', `HEAD:${path}`], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 28,
    });
  } catch {
    return ''; // a new file
  }
};

/** The file a quiz question asks about, from its message. */
const pathOf = (message) => /(?:to|from) (\S+?)(?: \(near |\?$)/.exec(message)?.[1] ?? /\(([^()\s]+)\)\?$/.exec(message)?.[1];

function facts(kind, message, choice, oldText, newText) {
  const oldLines = oldText.split('\n');
  const newLines = newText.split('\n');
  const inOld = oldLines.some((l) => matches(choice, l));
  const inNew = newLines.some((l) => matches(choice, l));
  if (kind === 'added') return { right: inNew && !inOld, known: inNew || inOld };
  if (kind === 'removed') return { right: inOld && !inNew, known: inNew || inOld };
  if (kind === 'test') {
    const title = (text) => text.includes(`'${choice}'`) || text.includes(`"${choice}"`) || text.includes(`\`${choice}\``);
    return { right: title(newText) && !title(oldText), known: title(newText) || title(oldText) };
  }
  // default: "what does `name` default to"; the new file gives the name this literal.
  const name = /what does `([^`]+)` default to/.exec(message)[1];
  const escaped = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const gives = new RegExp(`\\b${escaped(name)}\\s*(?::[^=,)]*)?=\\s*${escaped(choice)}\\s*[,)}]`);
  return { right: gives.test(newText), known: newText.includes(choice) || oldText.includes(choice) };
}

let checked = 0;
const problems = [];
for (const dir of process.argv.slice(2).map((d) => resolve(d))) {
  const text = cli(dir, ['--dry-run']);
  const report = text.split('\nQuestions the review would ask')[0];
  const json = JSON.parse(cli(dir, ['--dry-run', '--json']));
  const listed = json.questions ?? [];
  // The review builds the quiz knowing every other question; those before it are printed before it.
  const first = listed.findIndex((q) => q.quiz);
  const others = listed.filter((q) => !q.quiz);
  const asked = first < 0 ? listed : listed.slice(0, first);
  const repo = await openRepository(dir, silentLogger);
  const gated = await analyseStagedChange({
    git: repo,
    config: DEFAULT_CONFIG,
    env: {},
    aiFlag: true,
    override: null,
    logger: silentLogger,
  });
  // The blast radius too: the quiz leaves out lines the report prints (an export's shape).
  const analysis = await addStagedImpact(gated, repo, DEFAULT_CONFIG, silentLogger);
  const files = await readQuizFiles(repo, analysis);
  const read = () => Promise.resolve(files);
  const withoutChoices = JSON.stringify(json, (key, value) => (key === 'choices' ? undefined : value));
  let count = 0;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const quiz = await listQuiz(analysis, read, attempt, others);
    if (attempt === 1) {
      const mine = quiz.map((q) => [q.question.id, q.question.message, q.question.choices.map((c) => c.value)]);
      const theirs = listed.filter((q) => q.quiz).map((q) => [q.id, q.message, q.choices]);
      if (JSON.stringify(mine) !== JSON.stringify(theirs))
        problems.push(`${dir}: --dry-run --json lists another quiz than the one built here`);
    }
    const before = [report, ...asked.map((q) => q.message)];
    for (const q of quiz) {
      const where = `${dir} ${q.question.id}`;
      const path = pathOf(q.question.message);
      const oldText = readOld(dir, path);
      const newText = git(dir, ['show', `:${path}`]);
      const verdicts = q.question.choices.map((c) => ({
        choice: c.value,
        ...facts(q.kind, q.question.message, c.value, oldText, newText),
      }));
      const right = verdicts.filter((v) => v.right);
      if (right.length !== 1 || right[0].choice !== q.answer)
        problems.push(`${where}: ${right.length} right choices (${right.map((v) => v.choice).join(' | ')}), key ${q.answer}`);
      for (const v of verdicts) if (!v.known) problems.push(`${where}: "${v.choice}" is nowhere in ${path}`);
      const key = norm(q.answer).replace(/[\s{(,;]+$/, '');
      if (key.length > 0 && before.some((b) => norm(b).includes(key)))
        problems.push(`${where}: the key "${q.answer}" is printed before the question`);
      if (attempt === 1 && withoutChoices.includes(JSON.stringify(q.answer).slice(1, -1)))
        problems.push(`${where}: --dry-run --json holds the key "${q.answer}" outside the choices`);
      before.push(q.question.message);
      count++;
    }
  }
  checked += count;
  console.log(`${dir}: ${count} questions in ${ATTEMPTS} attempts checked`);
}
for (const p of problems) console.log(`PROBLEM ${p}`);
console.log(`${checked} questions, ${problems.length} problems`);
process.exitCode = problems.length === 0 ? 0 : 1;
