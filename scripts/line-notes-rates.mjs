#!/usr/bin/env node
// How git-ai authorship notes found in real repositories read as line splits (issue 20):
//   npm run build && node scripts/line-notes-rates.mjs <git dir> [max commits]
// For each non-merge commit with a note under refs/notes/ai: is it an authorship log, how many
// entries were skipped, how many AI lines it names, and how many of them are lines the commit adds
// (the rest number unchanged lines of the file: counted by git-ai, not by the gate).
import { execFileSync } from 'node:child_process';
import { attributeLines } from '../dist/core/provenance/lines/attribute-lines.js';
import { parseGitAiNote } from '../dist/core/provenance/lines/parse-git-ai-note.js';
import { parsePatchHunks } from '../dist/core/split/parse-patch-hunks.js';

const [gitDir, max = '200'] = process.argv.slice(2);
const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
const noted = git('notes', '--ref=ai', 'list')
  .trim()
  .split('\n')
  .map((l) => l.split(' ')[1])
  .filter(Boolean);
const totals = {
  absent: 0,
  notes: 0,
  merges: 0,
  logs: 0,
  notLogs: 0,
  empty: 0,
  withAi: 0,
  skipped: 0,
  aiNamed: 0,
  aiAdded: 0,
  aiChanged: 0,
  added: 0,
  changed: 0,
};
for (const commit of noted.slice(0, Number(max))) {
  let parents;
  try {
    parents = git('rev-list', '--parents', '-n', '1', commit).trim().split(' ').slice(1);
  } catch {
    totals.absent++; // a note on a commit this clone does not have (a pull request's branch)
    continue;
  }
  if (parents.length > 1) {
    totals.merges++;
    continue;
  }
  totals.notes++;
  const records = parseGitAiNote(git('notes', '--ref=ai', 'show', commit));
  if (records === null) {
    totals.notLogs++;
    continue;
  }
  totals.logs++;
  totals.skipped += records.skipped;
  const ai = records.files.reduce((n, f) => n + f.ranges.filter((r) => r.kind === 'ai').reduce((m, r) => m + r.end - r.start + 1, 0), 0);
  if (ai === 0) {
    totals.empty++;
    continue;
  }
  totals.withAi++;
  totals.aiNamed += ai;
  const base = parents[0] ?? git('hash-object', '-t', 'tree', '/dev/null').trim();
  const patch = git(
    'diff-tree',
    '-r',
    '-p',
    '-U0',
    '-C',
    '--ignore-cr-at-eol',
    '--no-color',
    '--no-ext-diff',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    base,
    commit,
    '--',
  );
  const hunks = parsePatchHunks(patch);
  const owned = new Map(records.files.map((f) => [f.path, { owners: f, text: null }]));
  // Changed lines (removed ones go with their hunk) as the gate counts them; added lines alone to compare with the note.
  const split = attributeLines('git-ai note', hunks, owned);
  const addedOnly = new Map([...hunks].map(([path, list]) => [path, list.map((h) => ({ ...h, removed: [] }))]));
  totals.aiChanged += split.ai;
  totals.changed += split.ai + split.human;
  totals.aiAdded += attributeLines('git-ai note', addedOnly, owned).ai;
  totals.added += [...hunks.values()].flat().reduce((n, h) => n + h.added.length, 0);
}
console.log(JSON.stringify({ gitDir, ...totals }));
