import type { FileChange } from '../change/staged-change.js';
import { CONFIG_FILES } from '../config/config-files.js';
import { toCanonicalJson } from '../record/canonical-json.js';
import { buildBlock, hasBlock, HOOK_NAMES, HOOK_PREAMBLES, removeBlocks, removeLegacyLine, type HookName } from './hook-block.js';
import { isHookCommand, isSetupToolConfigEdit, TOOL_CONFIG_FILES, withoutAppendedHook } from './tool-lines.js';

// The setup commit: what `selfreview init` (and installing selfreview) changed, committed without
// a questionnaire. Told from the content alone, so the hook, `ci`, `log` and `show` agree and a
// teammate's clone needs no local state: a hook file that gains exactly our block and nothing
// else, a config file that did not exist, a hook manager's config (lefthook, simple-git-hooks, the
// pre-commit framework; in package.json, simple-git-hooks and husky 4) that gains init's printed
// lines and nothing else, and a package.json whose only changes are selfreview and husky in
// devDependencies, a husky `prepare` script and the `selfreview` config key. Lock
// files are excluded from every review already. A hook line anyone else wrote, a changed config,
// any other package.json change: reviewed as usual. Setup files are listed as excluded with
// SETUP_REASON, so what else is staged with them is measured and asked about alone.

export const SETUP_REASON = 'selfreview setup';

export type SetupKind = 'hook' | 'config' | 'package' | 'tool';

const CONFIG_NAMES: readonly string[] = CONFIG_FILES;
const HOOKS: readonly string[] = HOOK_NAMES;
const SETUP_DEPENDENCIES = ['selfreview', 'husky'];
const PREAMBLES = new Set(Object.values(HOOK_PREAMBLES).map((text) => text.trim()));

/** Which setup file this could be, from its path and status alone (its text is read only then). */
export function setupCandidateKind(file: FileChange): SetupKind | null {
  if (file.excluded !== null || (file.status !== 'added' && file.status !== 'modified')) return null;
  if (file.newKind !== 'file' && file.newKind !== 'executable') return null;
  const slash = file.path.lastIndexOf('/');
  // A hook file lives in a folder (.husky/, a core.hooksPath folder); a pre-commit at the root is
  // some other file.
  if (slash > 0 && HOOKS.includes(file.path.slice(slash + 1))) return 'hook';
  if (file.status === 'added' && CONFIG_NAMES.includes(file.path)) return 'config';
  if (TOOL_CONFIG_FILES.includes(file.path)) return 'tool';
  if (file.path === 'package.json' && file.status === 'modified') return 'package';
  return null;
}

const trimEnd = (text: string) => text.replace(/\s+$/, '');

/** The hook file gains our block, byte for byte, and nothing else (an older block of ours may go). */
export function isSetupHookEdit(hook: HookName, oldText: string | null, newText: string): boolean {
  const block = buildBlock(hook);
  const at = newText.indexOf(block);
  if (at < 0) return false;
  const rest = newText.slice(0, at) + newText.slice(at + block.length);
  if (hasBlock(rest)) return false; // a second block, or a marked one we did not write
  if (oldText === null) return PREAMBLES.has(rest.trim());
  return trimEnd(rest) === trimEnd(removeBlocks(removeLegacyLine(oldText)));
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseObject(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** A hook manager's commands (simple-git-hooks, husky 4) without ours, appended or alone. */
function withoutOurCommands(hooks: Json): Json {
  return Object.fromEntries(
    Object.entries(hooks).flatMap(([name, command]) => {
      if (typeof command !== 'string') return [[name, command]];
      return isHookCommand(command) ? [] : [[name, withoutAppendedHook(command)]];
    }),
  );
}

/** package.json without what installing selfreview and husky changes in it. */
function withoutSetupKeys(manifest: Json, dropPrepare: boolean): Json {
  const { selfreview: _config, ...rest } = manifest;
  const result: Json = { ...rest };
  if (isObject(rest.devDependencies)) {
    const dev = Object.fromEntries(Object.entries(rest.devDependencies).filter(([name]) => !SETUP_DEPENDENCIES.includes(name)));
    if (Object.keys(dev).length > 0) result.devDependencies = dev;
    else delete result.devDependencies;
  }
  for (const [key, hooks] of [
    ['simple-git-hooks', rest['simple-git-hooks']],
    ['husky', isObject(rest.husky) ? rest.husky.hooks : undefined],
  ] as const) {
    if (!isObject(hooks)) continue;
    const kept = withoutOurCommands(hooks);
    const isEmpty = Object.keys(kept).length === 0;
    if (key === 'simple-git-hooks') {
      if (isEmpty) delete result[key];
      else result[key] = kept;
    } else {
      const { hooks: _hooks, ...husky } = rest.husky as Json;
      if (isEmpty && Object.keys(husky).length === 0) delete result.husky;
      else result.husky = isEmpty ? husky : { ...husky, hooks: kept };
    }
  }
  if (dropPrepare && isObject(rest.scripts)) {
    const { prepare: _prepare, ...scripts } = rest.scripts;
    if (Object.keys(scripts).length > 0) result.scripts = scripts;
    else delete result.scripts;
  }
  return result;
}

/** The only changes are selfreview and husky as devDependencies, a husky prepare script, the selfreview key. */
export function isSetupPackageEdit(oldText: string, newText: string): boolean {
  const before = parseObject(oldText);
  const after = parseObject(newText);
  if (before === null || after === null) return false;
  if (toCanonicalJson(before) === toCanonicalJson(after)) return false; // layout only: nothing of ours
  const prepare = isObject(after.scripts) ? after.scripts.prepare : undefined;
  const dropPrepare = typeof prepare === 'string' && /^husky(\s+install)?$/.test(prepare.trim());
  return toCanonicalJson(withoutSetupKeys(before, dropPrepare)) === toCanonicalJson(withoutSetupKeys(after, dropPrepare));
}

/** Whether this candidate's edit is setup, given both sides' text (old null: the file is new). */
export function isSetupEdit(file: FileChange, kind: SetupKind, oldText: string | null, newText: string): boolean {
  switch (kind) {
    case 'hook':
      return isSetupHookEdit(file.path.slice(file.path.lastIndexOf('/') + 1) as HookName, oldText, newText);
    case 'config':
      return oldText === null;
    case 'package':
      return oldText !== null && isSetupPackageEdit(oldText, newText);
    case 'tool':
      return isSetupToolConfigEdit(oldText, newText);
  }
}

/**
 * The files with setup edits marked excluded (SETUP_REASON); `texts` holds blob texts by id
 * (a candidate whose text is missing stays as it was).
 */
export function markSetupFiles(files: readonly FileChange[], texts: ReadonlyMap<string, string>): FileChange[] {
  return files.map((file) => {
    const kind = setupCandidateKind(file);
    if (kind === null) return file;
    const newText = texts.get(file.newBlob);
    const oldText = file.status === 'added' ? null : texts.get(file.oldBlob);
    if (newText === undefined || oldText === undefined) return file;
    return isSetupEdit(file, kind, oldText, newText) ? { ...file, excluded: SETUP_REASON } : file;
  });
}

/** The blob ids markSetupFiles needs for these files. */
export function listSetupBlobs(files: readonly FileChange[]): string[] {
  return files.flatMap((file) => {
    if (setupCandidateKind(file) === null) return [];
    return file.status === 'added' ? [file.newBlob] : [file.oldBlob, file.newBlob];
  });
}

/** A change made only of setup files (and files excluded anyway, say the lock file): the setup commit. */
export function isSetupOnly(files: readonly FileChange[]): boolean {
  return files.some((f) => f.excluded === SETUP_REASON) && files.every((f) => f.excluded !== null);
}
