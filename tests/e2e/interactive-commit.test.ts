import { existsSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { installPackedTarball } from '../helpers/installed-package.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { reviewLineOfNote } from '../helpers/reviewed-commit.js';
import { Terminal } from '../helpers/terminal.js';
import { describeWithTool } from '../helpers/optional-tool.js';

// The whole product as a user meets it: the packed tarball installed into a repository,
// `selfreview init`, and real `git commit`s answered in a real terminal (tmux).

let nodeModules: string;
let repo: TempRepo;
let terminal: Terminal;

beforeAll(() => {
  nodeModules = installPackedTarball();
}, 120_000);
afterAll(() => rmSync(dirname(nodeModules), { recursive: true, force: true }));
afterEach(() => {
  terminal?.close();
  repo?.cleanup();
});

function setUp(): TempRepo {
  const r = createTempRepo({
    'docs/guide.md': lines(5),
    '.gitignore': 'node_modules\n',
    'package.json': '{"name":"app","version":"1.0.0"}\n',
  });
  symlinkSync(nodeModules, join(r.dir, 'node_modules'));
  const init = r.run(['init']);
  if (init.code !== 0) throw new Error(init.stderr);
  r.git(['add', '-A']);
  r.git(['commit', '-q', '--no-verify', '-m', 'Set up selfreview']);
  r.stage({ 'docs/guide.md': `${lines(5)}A new section on deploying.\n` });
  terminal = new Terminal(r.dir, testEnv({ TERM: 'xterm-256color' }));
  return r;
}

const head = (r: TempRepo) => r.git(['rev-parse', 'HEAD']).trim();

describeWithTool('tmux')('git commit in a terminal, through the installed hooks', () => {
  test('answering every question commits with the trailers and the note', async () => {
    repo = setUp();
    const before = head(repo);
    terminal.type('git commit -m "Document deploying"; echo "COMMIT-EXIT=$?"');
    await terminal.waitFor(/Who wrote this change\?/);
    terminal.key('Enter'); // "I wrote it"
    await terminal.waitFor(/What problem does the change to docs\/guide\.md solve/);
    terminal.type('fix');
    await terminal.waitFor(/placeholder/);
    terminal.key('C-u');
    terminal.type('New team members kept asking how deploys work, so the guide explains it');
    await terminal.waitFor(/How did you check that it works\?/);
    terminal.type('Read the rendered page and followed the steps on a staging box');
    const screen = await terminal.waitFor(/COMMIT-EXIT=\d+/);
    expect(screen).not.toMatch(/What does the change to/); // a one-file change is asked about once
    expect(screen).toMatch(/COMMIT-EXIT=0/);
    expect(head(repo)).not.toBe(before);
    const message = repo.git(['log', '-1', '--format=%B']);
    expect(message).toMatch(/^Self-Review: risk=\w+ lines=\+1\/-0 files=1 human digest=[0-9a-f]{20}$/m);
    expect(message.split('\n')).toContain(reviewLineOfNote(repo));
    expect(message).toMatch(/^Self-Review-Intent: New team members kept asking how deploys work/m);
    expect(JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD'])).answers).toHaveLength(3);
  }, 60_000);

  test('"I am not sure" stops the commit', async () => {
    repo = setUp();
    const before = head(repo);
    terminal.type('git commit -m "Document deploying"; echo "COMMIT-EXIT=$?"');
    await terminal.waitFor(/Who wrote this change\?/);
    terminal.key('Enter');
    await terminal.waitFor(/What problem does the change to docs\/guide\.md solve/);
    terminal.type('I am not sure');
    const screen = await terminal.waitFor(/COMMIT-EXIT=\d+/);
    expect(screen).toMatch(/that is the right place to stop/);
    expect(screen).toMatch(/COMMIT-EXIT=1/);
    expect(head(repo)).toBe(before);
    // The next attempt does not offer "I am not sure" as the default answer.
    terminal.type('clear; git commit -m "Document deploying"; echo "SECOND-EXIT=$?"');
    await terminal.waitFor(/Who wrote this change\?/);
    terminal.key('Enter');
    const again = await terminal.waitFor(/What problem does the change to docs\/guide\.md solve/);
    expect(again).not.toMatch(/\(I am not sure\)/);
    terminal.key('C-c');
    await terminal.waitFor(/SECOND-EXIT=\d+/);
  }, 60_000);

  test('Ctrl-C aborts the commit, leaves the index as it was, and the answers come back next time', async () => {
    repo = setUp();
    const before = { head: head(repo), snapshot: repo.snapshot() };
    terminal.type('git commit -m "Document deploying"; echo "COMMIT-EXIT=$?"');
    await terminal.waitFor(/Who wrote this change\?/);
    terminal.key('Enter');
    await terminal.waitFor(/What problem does the change to docs\/guide\.md solve/);
    terminal.type('New team members kept asking how deploys work');
    await terminal.waitFor(/How did you check that it works\?/);
    terminal.key('C-c');
    const screen = await terminal.waitFor(/COMMIT-EXIT=\d+/);
    expect(screen).toMatch(/Interrupted: nothing was committed; your answers are kept/);
    expect(screen).not.toMatch(/COMMIT-EXIT=0/);
    expect(head(repo)).toBe(before.head);
    expect(repo.snapshot()).toEqual(before.snapshot);
    expect(readdirSync(join(repo.dir, '.git', 'selfreview', 'drafts'))).toHaveLength(1);

    terminal.type('clear; git commit -m "Document deploying"; echo "SECOND-EXIT=$?"');
    await terminal.waitFor(/Who wrote this change\?/);
    terminal.key('Enter');
    // The intent typed before is offered as the default: Enter keeps it.
    await terminal.waitFor(/What problem does the change to docs\/guide\.md solve.*\(New team members kept asking how deploys work\)/);
    terminal.key('Enter');
    await terminal.waitFor(/How did you check that it works\?/);
    terminal.type('Read the rendered page and followed the steps on a staging box');
    expect(await terminal.waitFor(/SECOND-EXIT=\d+/)).toMatch(/SECOND-EXIT=0/);
    expect(repo.git(['log', '-1', '--format=%B'])).toMatch(/^Self-Review-Intent: New team members kept asking how deploys work$/m);
    expect(existsSync(join(repo.dir, '.git', 'selfreview', 'drafts', `${repo.git(['rev-parse', 'HEAD^{tree}']).trim()}.json`))).toBe(false);
  }, 90_000);
});

describeWithTool('tmux')('the comprehension check for AI-generated changes', () => {
  test('a wrong pick shows the right answer and asks a second, different question; a right one continues', async () => {
    const r = createTempRepo({
      '.gitignore': 'node_modules\n',
      'package.json': '{"name":"app","version":"1.0.0"}\n',
      'src/config/parse.ts': 'export function parseConfig(text: string): string {\n  return text;\n}\n',
      'src/config/defaults.ts': 'export const DEFAULTS = {};\n',
      'src/config/schema.ts': 'export const SCHEMA = {};\n',
      'src/app/start.ts': "import { parseConfig } from '../config/parse.js';\nexport const start = () => parseConfig('x');\n",
      'src/app/start.test.ts': "import { start } from './start.js';\nstart();\n",
    });
    repo = r;
    symlinkSync(nodeModules, join(r.dir, 'node_modules'));
    r.run(['init']);
    r.git(['add', '-A']);
    r.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    r.stage({
      'src/config/parse.ts':
        'export function parseConfig(text: string, strict = false): string {\n  return strict ? text.trim() : text;\n}\n',
    });
    terminal = new Terminal(r.dir, testEnv({ TERM: 'xterm-256color' }));
    terminal.type('git commit -m "Strict parsing"; echo "COMMIT-EXIT=$?"');
    await terminal.waitFor(/Who wrote this change\?/);
    terminal.key('Down');
    terminal.key('Down');
    terminal.key('Enter'); // AI-generated
    await terminal.waitFor(/What problem does the change to src\/config\/parse\.ts solve/);
    terminal.type('Configs with stray spaces broke the loader, so strict mode trims them');
    const options = (screen: string, question: string) =>
      screen
        .slice(screen.lastIndexOf(question))
        .split('\n')
        .slice(1, 5)
        .map((l) => l.replace(/^[❯\s]+/, '').trim());
    const first = await terminal.waitFor(/Which of these files uses `parseConfig` \(from src\/config\/parse\.ts\) at runtime\?/);
    // The one runtime user in the fixture is src/app/start.ts: pick anything else.
    const wrong = options(first, 'Which of these files').findIndex((o) => o !== 'src/app/start.ts');
    for (let i = 0; i < wrong; i++) terminal.key('Down');
    terminal.key('Enter');
    await terminal.waitFor(/Not quite: `parseConfig` is called from src\/app\/start\.ts:2\./);
    const second = await terminal.waitFor(/What does `parseConfig` \(in src\/config\/parse\.ts\) look like after this change\?/);
    const right = options(second, 'look like after this change').findIndex((o) => o.includes('strict = false'));
    expect(right).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < right; i++) terminal.key('Down');
    terminal.key('Enter');
    await terminal.waitFor(
      /`parseConfig` in src\/config\/parse\.ts changed its signature; 1 file uses it \(src\/app\/start\.ts:2\): why do they keep working\?/,
    );
    terminal.key('Enter'); // compatible
    await terminal.waitFor(/\? Why\?/);
    terminal.type('The new parameter is optional and defaults to the old behaviour');
    await terminal.waitFor(/\? How did you check that it works\?/);
    terminal.type('Ran the start test and a strict parse of a padded config by hand');
    await terminal.waitFor(/\? Source changed and no test did: why is no test needed\?/);
    terminal.type('The existing start test already runs the default path unchanged');
    expect(await terminal.waitFor(/COMMIT-EXIT=\d+/)).toMatch(/COMMIT-EXIT=0/);
    const note = JSON.parse(r.git(['notes', '--ref=selfreview', 'show', 'HEAD']));
    expect(note.provenance).toMatchObject({ kind: 'ai', declared: 'ai-generated' });
    expect(
      note.answers.filter((a: { questionId: string }) => a.questionId.startsWith('quiz:')).map((a: { questionId: string }) => a.questionId),
    ).toEqual(['quiz:calls:src/config/parse.ts#parseConfig', 'quiz:shape:src/config/parse.ts#parseConfig']);
  }, 90_000);
});
