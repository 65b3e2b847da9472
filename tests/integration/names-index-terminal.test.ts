import { afterEach, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { CLI, createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { describeInTerminal, Terminal } from '../helpers/terminal.js';

// In a terminal the hook indexes the repository's names in the background while the person
// reads (names-index.ts): answers are judged as with the per-name grep, a name found only in
// another file of the repository is welcome, an invented one is refused by name, and the run
// ends when the person stops it, the background build with it.

let repo: TempRepo | undefined;
let terminal: Terminal | undefined;
afterEach(() => {
  terminal?.close();
  repo?.cleanup();
  terminal = undefined;
  repo = undefined;
});

describeInTerminal('the names index in the questionnaire', () => {
  test('an invented name is refused, a name of another file accepted, and Ctrl-C ends the run', async () => {
    repo = createTempRepo({
      'package.json': '{"name":"shop","type":"module"}',
      'src/price.ts': 'export function formatPrice(cents: number): string {\n  return (cents / 100).toFixed(2);\n}\n',
      'src/report.ts': 'export function loadInvoices(): string[] {\n  return [];\n}\n',
    });
    repo.stage({
      'src/price.ts':
        "export function formatPrice(cents: number, currency = 'EUR'): string {\n  return `${(cents / 100).toFixed(2)} ${currency}`;\n}\n",
    });
    terminal = new Terminal(repo.dir, testEnv({ TERM: 'xterm-256color' }));
    terminal.type(`"${process.execPath}" "${CLI}" --no-impact; echo "EXIT=$?"`);
    await terminal.waitFor(/Who wrote this change\?/);
    terminal.key('Enter');
    await terminal.waitFor(/What problem does/);
    terminal.type('formatPrice now appends the currency, which useQueryClient needs for the invoice totals.');
    expect(await terminal.waitFor(/is not in this repository/)).toMatch(/`useQueryClient` is not in this repository/);
    terminal.key('C-u');
    terminal.type('formatPrice now appends the currency, EUR by default, so loadInvoices can print totals without adding it.');
    const next = await terminal.waitFor(/How did you check|why is no test needed/);
    expect(next).not.toMatch(/`loadInvoices` is not in this repository/);
    terminal.key('C-c');
    expect(await terminal.waitFor(/EXIT=\d+/)).toMatch(/EXIT=130/);
  });
});
