// The keys a data file's edit adds, removes or gives a new value: outline's translation.json
// gains "Starred" and "Shared with me". A JSON file that is no configuration is data some code
// reads; its question names what changed in it, from the edit's lines (same-edit.ts's text).

import { listNames } from '../text/list-names.js';
import { settingsQuestion } from './settings-lines.js';
import { svgQuestion } from './svg-edits.js';

export interface DataKeys {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
  /** Keys whose lines are the same on both sides: moved, not changed. */
  readonly moved: readonly string[];
  /** A changed key's old and new value where each side is one line of one plain value
   * (mobx-state-tree's `"version": "6.0.1"` → `"7.0.0-pre.1"`). */
  readonly values: ReadonlyMap<string, readonly [before: string, after: string]>;
}

const PLAIN_VALUE = /:\s*("(?:[^"\\]|\\.){0,40}"|-?\d[\w.+-]{0,20}|true|false|null)\s*,?\s*$/;

const KEY_LINE = /^([+-])"((?:[^"\\]|\\.)+)"\s*:/;

/** The keys on the edit's added and removed lines: on one side only, or on both with other lines. */
export function readDataKeys(edit: string): DataKeys {
  const added = new Map<string, string[]>();
  const removed = new Map<string, string[]>();
  for (const line of edit.split('\n')) {
    const match = KEY_LINE.exec(line);
    if (match === null) continue;
    const side = match[1] === '+' ? added : removed;
    side.set(match[2]!, [...(side.get(match[2]!) ?? []), line.slice(1)]);
  }
  const both = [...added.keys()].filter((key) => removed.has(key));
  // A key whose line is the same on both sides only moved; one whose lines differ only by the
  // comma after them kept its value (lucide 0f7ac1f988: the next key removed, `"deprecationReason":
  // "alias.name",` lost its comma): neither moved nor changed.
  const isSame = (key: string) => added.get(key)!.join('\n') === removed.get(key)!.join('\n');
  const bare = (lines: readonly string[]) => lines.map((line) => line.replace(/,?\s*$/, '')).join('\n');
  const isComma = (key: string) => !isSame(key) && bare(added.get(key)!) === bare(removed.get(key)!);
  const changed = both.filter((key) => !isSame(key) && !isComma(key));
  const plain = (lines: readonly string[]) => (lines.length === 1 ? PLAIN_VALUE.exec(lines[0]!)?.[1] : undefined);
  const values = new Map<string, readonly [string, string]>();
  for (const key of changed) {
    const [before, after] = [plain(removed.get(key)!), plain(added.get(key)!)];
    if (before !== undefined && after !== undefined) values.set(key, [before, after]);
  }
  return {
    values,
    moved: both.filter(isSame),
    added: [...added.keys()].filter((key) => !removed.has(key)),
    removed: [...removed.keys()].filter((key) => !added.has(key)),
    changed,
  };
}

/** ` ("6.0.1" → "7.0.0-pre.1")`: the one changed key's values, where the edit shows them plainly. */
function valueOf(keys: DataKeys): string {
  const values = keys.values.get(keys.changed[0]!);
  return values === undefined ? '' : ` (${values.join(' → ')})`;
}

/** A dotenv file: `.env`, `.env.production`, `docker.env`. */
export const isDotenv = (path: string) => /(?:^|\/)\.env(?:\.[\w.-]+)?$|\.env$/.test(path);

const ENV_LINE = /^([+-])\s*(?:export\s+)?([A-Za-z_][\w.]*)\s*=/;

/** A dotenv edit's variables added, removed or given a new value (amplication 68175f494 adds
 * `DSG_RESOURCE_DATA_BASE_FOLDER` and `DSG_RESOURCE_DATA_FILE` to two packages' `.env`). */
export function readEnvKeys(edit: string): { added: string[]; removed: string[]; changed: string[] } {
  const [added, removed] = [new Map<string, string>(), new Map<string, string>()];
  for (const line of edit.split('\n')) {
    const match = ENV_LINE.exec(line);
    if (match !== null) (match[1] === '+' ? added : removed).set(match[2]!, line.slice(1).trim());
  }
  return {
    added: [...added.keys()].filter((key) => !removed.has(key)),
    removed: [...removed.keys()].filter((key) => !added.has(key)),
    changed: [...added.keys()].filter((key) => removed.has(key) && removed.get(key) !== added.get(key)),
  };
}

/** "`A` and `B` added, `C` removed"; empty when the edit names no variable. */
export function describeEnvKeys(edit: string): string {
  const keys = readEnvKeys(edit);
  const quote = (list: readonly string[]) =>
    listNames(
      list.map((k) => `\`${k}\``),
      3,
    );
  return [
    keys.added.length > 0 ? `${quote(keys.added)} added` : '',
    keys.removed.length > 0 ? `${quote(keys.removed)} removed` : '',
    keys.changed.length > 0 ? `${quote(keys.changed)} changed` : '',
  ]
    .filter((p) => p !== '')
    .join(', ');
}

/** The question on a JSON file's edit (`label`'s, `rest` naming the files beside it): its keys
 * added, removed or given a new value, by name; null when it is no JSON or names no key. A dotenv
 * file's variables the same way; an ignore or `key=value` file's lines (settings-lines.ts); an
 * SVG drawing's elements (svg-edits.ts). A new JSON file (`isNew`) is asked about as new. */
export function dataQuestion(label: string, rest: string, edit: string, isNew = false): string | null {
  if (isDotenv(label)) {
    const said = describeEnvKeys(edit);
    const keys = readEnvKeys(edit);
    const one = keys.added.length + keys.removed.length + keys.changed.length === 1;
    return said === '' ? null : `In ${label}${rest}, ${said}: what reads ${one ? 'it' : 'them'}, and what must each environment set?`;
  }
  if (label.endsWith('.svg')) return svgQuestion(label, rest, edit);
  if (!label.endsWith('.json')) return settingsQuestion(label, rest, edit);
  const keys = readDataKeys(edit);
  const quote = (list: readonly string[]) =>
    listNames(
      list.map((k) => `"${k}"`),
      3,
    );
  // A new file is named as new, by its keys but its `$schema` (lucide 59978cecf: every icon is an
  // SVG and a new JSON file of its tags and categories, not "adds "$schema", "contributors" …").
  const own = keys.added.filter((key) => key !== '$schema');
  if (isNew && own.length > 0 && keys.removed.length + keys.changed.length === 0)
    return `${label}${rest} is new, with ${listNames(
      own.map((k) => `"${k}"`),
      4,
    )}: what reads it, and where does a user see it?`;
  const parts = [
    keys.added.length > 0 ? `adds ${quote(keys.added)}` : '',
    keys.removed.length > 0 ? `removes ${quote(keys.removed)}` : '',
    keys.changed.length > 0
      ? `gives ${quote(keys.changed)} ${keys.changed.length === 1 ? `a new value${valueOf(keys)}` : 'new values'}`
      : '',
  ].filter((p) => p !== '');
  if (parts.length === 0 && keys.moved.length > 0)
    return `The change to ${label}${rest} only moves ${quote(keys.moved)}: why, and does anything read their order?`;
  if (parts.length === 0) return listItemsQuestion(label, rest, edit);
  const one = keys.added.length + keys.removed.length + keys.changed.length === 1;
  return `The change to ${label}${rest} ${listNames(parts, 3)}: what reads ${one ? 'it' : 'them'}, and what does a user see differently?`;
}

const ITEM_LINE = /^([+-])("(?:[^"\\]|\\.){1,60}"|-?\d[\w.+-]{0,20})\s*,?$/;

/** A list's entries only added, or only removed: pnpm 7bee7dace4 adds "enotdir" to cspell.json's
 * `words`. Entries replaced by others are a replacement (replaced-words.ts) or several edits. */
function listItemsQuestion(label: string, rest: string, edit: string): string | null {
  const lines = edit.split('\n').filter((line) => line !== '@@');
  const items = lines.map((line) => ITEM_LINE.exec(line));
  if (items.length === 0 || items.some((m) => m === null)) return null;
  const sides = new Set(items.map((m) => m![1]));
  if (sides.size !== 1) return null;
  const entries = items.map((m) => m![2]!);
  const what = `${sides.has('+') ? 'adds' : 'removes'} the ${entries.length === 1 ? 'entry' : 'entries'} ${listNames(entries, 3)}`;
  const one = entries.length === 1;
  const why = sides.has('+')
    ? one
      ? 'why is it needed'
      : 'why are they needed'
    : one
      ? 'why is it no longer needed'
      : 'why are they no longer needed';
  return `The change to ${label}${rest} ${what}: what reads ${one ? 'it' : 'them'}, and ${why}?`;
}

/** A new file of one line whose name has no extension, most often written by mistake: amplication
 * 68175f494 commits `VALUE/exampleBuildId/VALUE`, a build's JSON saved under a path made of an unset
 * variable's name, and was asked "What does the change to VALUE/exampleBuildId/VALUE do?". */
export function strayFileQuestion(label: string, rest: string, edit: string, isNew: boolean): string | null {
  const name = label.slice(label.lastIndexOf('/') + 1);
  if (!isNew || name.includes('.') || !/^\+[^\n]+$/.test(edit)) return null;
  const line = edit.slice(1).replace(/`/g, "'");
  const shown = line.length > 40 ? `${line.slice(0, 39)}…` : line;
  return `The change adds ${label}${rest}, a file of one line and no extension (\`${shown}\`): what writes it, what reads it, and does it belong in the repository?`;
}
