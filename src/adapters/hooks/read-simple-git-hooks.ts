import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExportedObject } from '../typescript/read-exported-object.js';

// simple-git-hooks keeps its config in package.json, a JSON file, or a JavaScript module
// (`simple-git-hooks.js`: `export default {…}` or `module.exports = {…}`, as mswjs/interceptors
// has it). init prints the whole object back with our command after each existing one, so every
// entry is read as written: a hook's command, and the options beside them (`preserveUnused`),
// which the printed object must keep. A module is read, never run: its object literal is taken
// from TypeScript's parse of the text; a config built at run time cannot be read, and says so.

export interface SimpleGitHooksEntry {
  readonly name: string;
  /** The value as the printed object writes it (JSON, or the module's own source text). */
  readonly source: string;
  /** The command, when the value is a plain string. */
  readonly command: string | null;
}

/** The config's entries in their order, or null when a module's object cannot be read from its text. */
export function readSimpleGitHooks(root: string, file: string): readonly SimpleGitHooksEntry[] | null {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return [];
  }
  return /\.[cm]?js$/.test(file) ? readModule(file, text) : readJson(file, text);
}

/** Where husky 4 looks for its config after package.json's `husky` key, in its order (cosmiconfig's). */
const HUSKY4_FILES = [
  '.huskyrc',
  '.huskyrc.json',
  '.huskyrc.yaml',
  '.huskyrc.yml',
  '.huskyrc.js',
  '.huskyrc.cjs',
  'husky.config.js',
  'husky.config.cjs',
];

/** The file husky 4 reads its hooks from: package.json when it has a `husky` key or nothing else is there. */
export function husky4ConfigFile(root: string): string {
  try {
    const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8').replace(/^\uFEFF/, '')) as { husky?: unknown };
    if (json.husky !== undefined) return 'package.json';
  } catch {
    // No package.json to hold it: an rc file, or package.json once written.
  }
  return HUSKY4_FILES.find((name) => existsSync(join(root, name))) ?? 'package.json';
}

/** husky 4's hooks as written in `file` (package.json's `husky.hooks`, a JSON rc file's `hooks`), read the
 * same way; null for a file read only when it runs or as YAML. */
export function readHusky4Hooks(root: string, file: string): readonly SimpleGitHooksEntry[] | null {
  if (!['package.json', '.huskyrc', '.huskyrc.json'].includes(file)) return null;
  try {
    const json = JSON.parse(readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, '')) as {
      husky?: { hooks?: unknown };
      hooks?: unknown;
    };
    return entriesOf(file === 'package.json' ? json.husky?.hooks : json.hooks);
  } catch {
    return [];
  }
}

function readJson(file: string, text: string): readonly SimpleGitHooksEntry[] {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    return entriesOf(file === 'package.json' ? json['simple-git-hooks'] : json);
  } catch {
    return [];
  }
}

function entriesOf(config: unknown): readonly SimpleGitHooksEntry[] {
  if (config === null || typeof config !== 'object') return [];
  return Object.entries(config).map(([name, value]) => ({
    name,
    source: JSON.stringify(value),
    command: typeof value === 'string' ? value : null,
  }));
}

function readModule(file: string, text: string): readonly SimpleGitHooksEntry[] | null {
  const object = readExportedObject(file, text);
  return (
    object?.map(({ name, source, text: value }) => ({ name, source: value === null ? source : JSON.stringify(value), command: value })) ??
    null
  );
}
