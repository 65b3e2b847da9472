import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect } from '@jest/globals';
import { writeAnswersFor } from '../helpers/answers.js';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { createTempRepo, linkSelfreview, lines, type TempRepo } from '../helpers/temp-repo.js';
import { testWithTool } from '../helpers/optional-tool.js';
import { reviewLineOfNote } from '../helpers/reviewed-commit.js';

// The pre-commit framework (pre-commit.com), the real one (.ci/run installs Debian's): init
// prints the lines for .pre-commit-config.yaml instead of editing it; with those lines added and
// `pre-commit install` run, a commit is reviewed and carries its trailers and note, and one that
// cannot be reviewed is stopped with the way forward. Debian 12 ships pre-commit 3.0, whose first
// stage is named `commit`: lines written for 3.2's `pre-commit` made it refuse the whole config.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const run = (command: string, args: string[], env: Record<string, string> = {}) => {
  const result = spawnWithoutTerminal(command, args, { cwd: repo.dir, env: testEnv(env), encoding: 'utf8', input: '' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
};

testWithTool('pre-commit', ['--version'])(
  'the printed lines, added to .pre-commit-config.yaml: reviewed commits pass, unreviewable ones stop',
  () => {
    repo = createTempRepo({
      'package.json': '{\n  "name": "app",\n  "version": "1.0.0"\n}\n',
      'src/a.ts': lines(3),
      '.gitignore': 'node_modules\n',
      '.pre-commit-config.yaml': 'repos: []\n',
    });
    linkSelfreview(repo.dir);

    const init = repo.run(['init']);
    // Nothing is wired until the lines are in the config: init says so and fails.
    expect(init.code).toBe(1);
    expect(init.stderr).toMatch(/\.pre-commit-config\.yaml does not call selfreview from: pre-commit, commit-msg, post-commit, post-merge/);
    // The YAML block ends at the first blank line (init's advice on existing history follows it).
    const printed = `${init.stdout.slice(init.stdout.indexOf('minimum_pre_commit_version')).split('\n\n')[0]}\n`;
    expect(printed).toMatch(/entry: sh node_modules\/selfreview\/hooks\/hook\.sh commit-msg/);
    writeFileSync(join(repo.dir, '.pre-commit-config.yaml'), printed);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up selfreview']);
    const installed = run('pre-commit', ['install']);
    expect(installed.output).toMatch(/pre-commit installed at \.git\/hooks\/commit-msg/);
    expect(repo.run(['doctor']).stdout).toMatch(/✔ commit-msg: \.pre-commit-config\.yaml calls selfreview/);

    repo.stage({ 'src/a.ts': lines(5) });
    const committed = run('git', ['commit', '-q', '-m', 'Grow a'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) });
    expect(committed.output).toMatch(/selfreview pre-commit\.+Passed/);
    expect(committed.code).toBe(0);
    const tree = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
    expect(repo.git(['log', '-1', '--format=%(trailers)']).split('\n')[0]).toBe(reviewLineOfNote(repo));
    expect(JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD'])).tree).toBe(tree);

    repo.stage({ 'src/b.ts': lines(2) });
    const stopped = run('git', ['commit', '-q', '-m', 'Add b']);
    expect(stopped.code).not.toBe(0);
    expect(stopped.output).toMatch(/selfreview pre-commit\.+Failed/);
    expect(stopped.output).toMatch(/SELFREVIEW_ANSWERS=answers\.json git commit/);
    expect(repo.git(['log', '-1', '--format=%s']).trim()).toBe('Grow a');
  },
);
