import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';

// Repository text (commit subjects, file names) in every output format: escape sequences never
// reach a terminal raw, Markdown renders the characters, workflow commands cannot be forged.
// And colour follows --no-color, FORCE_COLOR and NO_COLOR as chalk's users expect.

const ESC = '\u001b';
const SUBJECT = `Fix ${ESC}[2J${ESC}]0;pwned${ESC}\\ <img src=//t.example/p> [x](javascript:y) | \`z\` 100% ::error::forged \u009b31m`;
const NASTY_FILE = `src/odd ${ESC}[31mred%,:name.ts`;

// Generous: a hang is caught by runBounded's own deadline; a loaded machine is slow.
jest.setTimeout(90_000);

let repo: TempRepo;
beforeAll(() => {
  repo = createTempRepo({ 'src/a.ts': lines(3) });
  repo.git(['tag', 'base']);
  repo.stage({ [NASTY_FILE]: lines(2), 'src/a.ts': lines(4) });
  repo.git(['commit', '-q', '--no-verify', '-m', SUBJECT]);
  repo.stage({ [NASTY_FILE]: lines(5) });
});
afterAll(() => repo?.cleanup());

const ci = (format: string) => runUnchanged(repo, ['ci', '--base', 'base', '--format', format, '--no-impact']);
// eslint-disable-next-line no-control-regex
const RAW_CONTROLS = /[\u001b\u009b\u0007]/;
const noRawControls = (text: string) => expect(text).not.toMatch(RAW_CONTROLS);

describe('ci output formats neutralise repository text', () => {
  test.each(['text', 'markdown', 'github', 'json', 'sarif'])('%s: no raw escape sequence', (format) => {
    const result = ci(format);
    expect(result.code).toBe(1); // the commit has no review: a finding that names the file
    noRawControls(result.stdout);
    noRawControls(result.stderr);
  });

  test('markdown: HTML, links, code spans and pipes render as text; the row keeps its columns', () => {
    const out = ci('markdown').stdout;
    expect(out).not.toMatch(/(^|[^\\])(<img|\]\(javascript)/m);
    expect(out).toContain('\\<img src=//t.example/p\\>');
    const row = out.split('\n').find((l) => l.startsWith('|') && l.includes('img'))!;
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(9); // 7 cells between 8 pipes
  });

  test('github: exactly our annotations are commands; subjects cannot forge one', () => {
    const out = ci('github').stdout;
    const commands = out.split('\n').filter((l) => l.startsWith('::'));
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands) {
      // ::level props::message — the properties hold no raw ':' (it would end them early).
      expect(line).toMatch(/^::(error|warning|notice) file=[^:\n]*,title=[^:\n]*::[^\n]*$/);
    }
    expect(commands.join('\n')).toContain('100%25');
  });

  test('json and sarif keep the exact text, escaped only as JSON escapes', () => {
    const json = JSON.parse(ci('json').stdout) as { commits: Array<{ subject: string; files: Array<{ path: string }> }> };
    expect(json.commits[0]!.subject).toBe(SUBJECT);
    const sarif = JSON.parse(ci('sarif').stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(sarif.runs[0]!.results[0]!.message.text).toContain(SUBJECT);
  });

  test('the review report and its JSON: the staged file name is inert', () => {
    const text = runUnchanged(repo, ['--dry-run', '--no-impact']);
    noRawControls(text.stdout);
    expect(text.stdout).toContain('src/odd \\e[31mred%,:name.ts');
    const json = runUnchanged(repo, ['--dry-run', '--json', '--no-impact']);
    noRawControls(json.stdout);
    expect((JSON.parse(json.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path)).toContain(NASTY_FILE);
  });
});

describe('colour', () => {
  const hasColour = (env: Record<string, string | undefined>, args: string[] = []) =>
    // eslint-disable-next-line no-control-regex -- an escape sequence is what is looked for
    /\u001b\[\d+m/.test(runUnchanged(repo, ['--dry-run', '--no-impact', ...args], { env }).stdout);

  test('off by default when the output is not a terminal, and for NO_COLOR', () => {
    expect(hasColour({ NO_COLOR: undefined })).toBe(false);
    expect(hasColour({ NO_COLOR: '1' })).toBe(false);
  });
  test('FORCE_COLOR=1 turns it on, even over NO_COLOR; FORCE_COLOR=0 and false turn it off', () => {
    expect(hasColour({ NO_COLOR: undefined, FORCE_COLOR: '1' })).toBe(true);
    expect(hasColour({ NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(true);
    expect(hasColour({ NO_COLOR: undefined, FORCE_COLOR: '0' })).toBe(false);
    expect(hasColour({ NO_COLOR: undefined, FORCE_COLOR: 'false' })).toBe(false);
  });
  test('--no-color wins over FORCE_COLOR', () => {
    expect(hasColour({ NO_COLOR: undefined, FORCE_COLOR: '1' }, ['--no-color'])).toBe(false);
    expect(hasColour({ NO_COLOR: undefined, FORCE_COLOR: '3' }, ['--no-color'])).toBe(false);
  });
});
