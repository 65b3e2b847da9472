import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { CLI, createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { describeInTerminal, Terminal } from '../helpers/terminal.js';

// A review killed while a question is on the screen (kill, a closed terminal window, a CI
// timeout) must give the terminal back as it found it: cursor shown, line editing and echo on.
// inquirer restores both only when its prompt settles, which a signal does not wait for.

let repo: TempRepo | undefined;
let terminal: Terminal | undefined;
afterEach(() => {
  terminal?.close();
  repo?.cleanup();
  terminal = undefined;
  repo = undefined;
});

const SIGNALS: Array<[NodeJS.Signals, number]> = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

describeInTerminal.each(SIGNALS)('%s while a question is shown', (signal, exitCode) => {
  test('the cursor is shown again, raw mode is off, no temp folder is left', async () => {
    repo = createTempRepo({ 'docs/guide.md': lines(5) });
    repo.stage({ 'docs/guide.md': lines(8) });
    const snapshot = repo.snapshot();
    terminal = new Terminal(repo.dir, testEnv({ TERM: 'xterm-256color' }));
    // `exec` keeps the pid the shell printed: that is the process the test signals.
    terminal.type(`sh -c 'echo PID=$$; exec "${process.execPath}" "${CLI}"'; echo "EXIT=$?"`);
    const screen = await terminal.waitFor(/Who wrote this change\?/);
    expect(terminal.isCursorVisible()).toBe(false); // the prompt hides it: the test can fail
    const pid = Number(/PID=(\d+)/.exec(screen)?.[1]);
    process.kill(pid, signal);
    const after = await terminal.waitFor(/EXIT=\d+/);
    expect(after).toMatch(new RegExp(`EXIT=${exitCode}\\b`));
    expect(after).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(terminal.isCursorVisible()).toBe(true);
    terminal.type('stty -a | tr " ;" "\\n\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo MODES-$((6*7))');
    // The marker is computed by the shell, so the typed command line does not match it.
    const modes = await terminal.waitFor(/MODES-42/);
    expect(modes).toMatch(/^icanon echo MODES-42/m);
    expect(repo.snapshot()).toEqual(snapshot);
    const tmp = join(repo.dir, '.git', 'selfreview', 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  }, 60_000);
});

describeInTerminal.each(SIGNALS)('%s at the menu of split -i', (signal, exitCode) => {
  test('the cursor is shown again, raw mode is off, the index is as it was', async () => {
    repo = createTempRepo({
      '.selfreviewrc.json': JSON.stringify({ budgets: { human: { lines: 40, files: 25 } } }),
      'a/one.ts': lines(30),
      'b/two.ts': lines(30),
    });
    repo.stage({ 'a/one.ts': lines(60), 'b/two.ts': lines(55) });
    const snapshot = repo.snapshot();
    terminal = new Terminal(repo.dir, testEnv({ TERM: 'xterm-256color' }));
    terminal.type(`sh -c 'echo PID=$$; exec "${process.execPath}" "${CLI}" split -i'; echo "EXIT=$?"`);
    const screen = await terminal.waitFor(/What next\?/);
    expect(terminal.isCursorVisible()).toBe(false); // the menu hides it: the test can fail
    process.kill(Number(/PID=(\d+)/.exec(screen)?.[1]), signal);
    const after = await terminal.waitFor(/EXIT=\d+/);
    expect(after).toMatch(new RegExp(`EXIT=${exitCode}\\b`));
    expect(terminal.isCursorVisible()).toBe(true);
    terminal.type('stty -a | tr " ;" "\\n\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo MODES-$((6*7))');
    expect(await terminal.waitFor(/MODES-42/)).toMatch(/^icanon echo MODES-42/m);
    expect(repo.snapshot()).toEqual(snapshot);
  }, 60_000);
});
