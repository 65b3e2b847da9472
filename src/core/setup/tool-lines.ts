import { HOOK_NAMES, hookCommand, HOOK_SCRIPT, type HookName } from './hook-block.js';

// The lines init prints for the hook managers whose config it does not edit (lefthook,
// simple-git-hooks, the pre-commit framework, husky 4), and how the setup commit tells them in a
// staged config: the same lines, read back.

/** The pre-commit framework passes the message file to commit-msg; it has no prepare-commit-msg source. */
export const PRE_COMMIT_STAGES: readonly HookName[] = ['pre-commit', 'commit-msg', 'post-commit', 'post-merge'];

const passesNoArguments = (name: HookName) => name === 'pre-commit' || name.startsWith('post');

/** What simple-git-hooks runs for a hook: its command string calls ours with git's arguments. */
export function simpleGitHooksCommand(name: HookName): string {
  return hookCommand(name, passesNoArguments(name) ? '' : ' "$@"');
}

export function lefthookLines(): string {
  return HOOK_NAMES.map((name) =>
    [
      `${name}:`,
      '  commands:',
      '    selfreview:',
      `      run: ${hookCommand(name, passesNoArguments(name) ? '' : ' {0}')}`,
      ...(name === 'pre-commit' ? ['      interactive: true'] : []),
    ].join('\n'),
  ).join('\n');
}

/** `stage`: the stage name the installed pre-commit knows for a hook (`commit` before 3.2). */
export function preCommitLines(stage: (name: HookName) => string): string {
  return [
    // default_install_hook_types: 2.18 and later.
    "minimum_pre_commit_version: '2.18.0'",
    'default_install_hook_types: [pre-commit, commit-msg, post-commit, post-merge]',
    'repos:',
    '  - repo: local',
    '    hooks:',
    ...PRE_COMMIT_STAGES.flatMap((name) => [
      `      - id: selfreview-${name}`,
      `        name: selfreview ${name}`,
      `        entry: sh ${HOOK_SCRIPT} ${name}`,
      '        language: system',
      `        pass_filenames: ${name === 'commit-msg' ? 'true' : 'false'}`,
      '        always_run: true',
      `        stages: [${stage(name)}]`,
    ]),
  ].join('\n');
}

/** What husky 4 runs for a hook: git's arguments are in $HUSKY_GIT_PARAMS. */
export function husky4Command(name: HookName): string {
  return hookCommand(name, passesNoArguments(name) ? '' : ' $HUSKY_GIT_PARAMS');
}

/** package.json's husky block, or an rc file's whole object (`inPackageJson` false); `entries`
 * (name, JSON value) replace ours alone. */
export function husky4Lines(entries?: readonly (readonly [string, string])[], inPackageJson = true): string {
  const lines = (entries ?? HOOK_NAMES.map((name) => [name, JSON.stringify(husky4Command(name))] as const)).map(
    ([name, value]) => `    ${JSON.stringify(name)}: ${value}`,
  );
  const hooks = `"hooks": {\n${lines.join(',\n')}\n  }`;
  return inPackageJson ? `"husky": {\n  ${hooks}\n}` : `{\n  ${hooks}\n}`;
}

/** Our command, as any of these tools' configs write it (JSON-escaped quotes too). */
const OURS = `sh ${HOOK_SCRIPT.replace(/[./]/g, '\\$&')} [a-z-]+(?: \\\\?"\\$@\\\\?"| \\{0\\}| \\$HUSKY_GIT_PARAMS)?`;
/** Ours appended to a project's own command (`lint && sh …/hook.sh pre-commit`). */
const APPENDED = new RegExp(` && ${OURS}`, 'g');
const ALONE = new RegExp(`^${OURS}$`);

/** A command without ours appended to it. */
export function withoutAppendedHook(command: string): string {
  return command.replace(APPENDED, '');
}

/** Whether a config's command is ours alone. */
export function isHookCommand(command: string): boolean {
  return ALONE.test(command);
}

/** Where lefthook and simple-git-hooks read their config (package.json aside). */
export const LEFTHOOK_FILES = [
  'lefthook.yml',
  'lefthook.yaml',
  '.lefthook.yml',
  '.lefthook.yaml',
  'lefthook.json',
  'lefthook.toml',
  '.config/lefthook.yml',
];
export const SIMPLE_GIT_HOOKS_FILES = [
  '.simple-git-hooks.json',
  '.simple-git-hooks.js',
  '.simple-git-hooks.cjs',
  '.simple-git-hooks.mjs',
  'simple-git-hooks.json',
  'simple-git-hooks.js',
  'simple-git-hooks.cjs',
  'simple-git-hooks.mjs',
];
export const TOOL_CONFIG_FILES: readonly string[] = [...LEFTHOOK_FILES, ...SIMPLE_GIT_HOOKS_FILES, '.pre-commit-config.yaml'];

/** A string literal's text in any of JavaScript's quotes, or null. */
function stringValue(literal: string): string | null {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) return null;
  const body = literal.slice(1, -1);
  if (quote === '"') {
    try {
      return JSON.parse(literal) as string;
    } catch {
      return null;
    }
  }
  if (quote === "'") return body.replace(/\\(.)/g, '$1');
  return quote === '`' && !body.includes('${') ? body : null;
}

/**
 * A line as compared: trimmed, a trailing comma aside, and an entry `key: 'value'` written the
 * JSON way (a module config's quotes, template literals and bare keys; init prints JSON).
 */
function normalize(line: string): string {
  const text = line.trim().replace(/,$/, '');
  const entry = /^(['"`]?)([\w-]+)\1\s*:\s*(.*)$/.exec(text);
  if (entry === null) return text;
  const [, , key = '', rest = ''] = entry;
  const value = stringValue(rest);
  return `"${key}": ${value === null ? rest : JSON.stringify(value)}`;
}

/** Every line init can print for any of these tools, each as the setup check compares lines. */
const PRINTED = new Set(
  [
    lefthookLines(),
    preCommitLines((name) => name),
    preCommitLines((name) => (name === 'pre-commit' ? 'commit' : name)),
    husky4Lines(),
    ...HOOK_NAMES.map((name) => `"${name}": ${JSON.stringify(simpleGitHooksCommand(name))}`),
    '"simple-git-hooks": {\n{\n}\nexport default {\nmodule.exports = {',
  ]
    .flatMap((text) => text.split('\n'))
    .map(normalize)
    .filter((line) => line !== ''),
);

function countLines(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split('\n').map(normalize)) if (line !== '') counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

/**
 * A hook manager's config (lefthook.yml, simple-git-hooks.js, .pre-commit-config.yaml) whose
 * edit is init's printed lines and nothing else: each line it gains is one of them, or a line it
 * had with our command appended; each line it loses is one of those it kept so changed (lines
 * compared trimmed, a trailing comma aside, in any order). Anything else is reviewed.
 */
export function isSetupToolConfigEdit(oldText: string | null, newText: string): boolean {
  const before = countLines(oldText ?? '');
  const after = countLines(newText);
  const removed = new Map<string, number>();
  for (const [line, n] of before) if (n > (after.get(line) ?? 0)) removed.set(line, n - (after.get(line) ?? 0));
  let callsUs = false;
  for (const [line, n] of after) {
    const gained = n - (before.get(line) ?? 0);
    if (gained <= 0) continue;
    if (line.includes(HOOK_SCRIPT)) callsUs = true;
    if (PRINTED.has(line)) continue;
    const own = normalize(withoutAppendedHook(line));
    if (own === line || (removed.get(own) ?? 0) < gained) return false;
    removed.set(own, (removed.get(own) ?? 0) - gained);
  }
  return callsUs && [...removed.values()].every((n) => n === 0);
}
