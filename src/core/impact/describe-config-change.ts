import { isTsconfigPath, parseLenient } from './read-project-config.js';
import { listNames } from '../text/list-names.js';

// Configuration whose change alters how everything builds, runs or deploys: named so the risk
// says what changed ("package.json: dependencies `srvx` ^0.2.8 → ^0.4.0 changed, `rou3`
// removed"; "tsconfig.json: TypeScript config `lib` ["DOM","ES2020"] → ["DOM","ES2021"]"), not
// only that a file did. Each name has its own verb: "`lint` added", never "`lint` added changed".

const PACKAGE = /(?:^|\/)package\.json$/;

/** Whether the description reads the file's texts (its blobs must be read for it). */
export const isReadForChange = (path: string): boolean => PACKAGE.test(path) || isTsconfigPath(path);
const CONFIG_FILES: Array<[RegExp, string]> = [
  [/^\.github\/workflows\/|(?:^|\/)\.gitlab-ci\.yml$|(?:^|\/)Jenkinsfile$|^\.circleci\/|(?:^|\/)azure-pipelines\.yml$/, 'CI configuration'],
  [/(?:^|\/)Dockerfile(?:\.[\w-]+)?$|(?:^|\/)docker-compose[\w.-]*\.ya?ml$|(?:^|\/)compose\.ya?ml$/, 'container build'],
  [/(?:^|\/)migrations?\//, 'database migration'],
];

const PACKAGE_KEYS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
  'scripts',
  'exports',
  'main',
  'bin',
  'engines',
  'type',
];

function parseJson(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const DEPENDENCY_KEYS = new Set(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']);
const MAX_NAMED = 3;

type Values = ReadonlyMap<string, unknown>;
const entriesOf = (v: unknown): Values => new Map(v !== null && typeof v === 'object' ? Object.entries(v) : []);
/** A file added, removed or changed, said of the whole when its text does not parse. */
const wholeChange = (before: string | null, after: string | null) => (after === null ? 'removed' : before === null ? 'added' : 'changed');

/** The names whose values differ, each said by `tell` ("`lint` added"), three at most; null when none. */
function listChanges(old: Values, now: Values, tell: (name: string) => string): string | null {
  const names = [...new Set([...old.keys(), ...now.keys()])].filter(
    (name) => JSON.stringify(old.get(name)) !== JSON.stringify(now.get(name)),
  );
  if (names.length === 0) return null;
  const more = names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : '';
  return `${names.slice(0, MAX_NAMED).map(tell).join(', ')}${more}`;
}

/** What changed under one key, by name: "`srvx` ^0.2.8 → ^0.4.0 changed", "`lint` added" (a
 * maintainer's first question is which dependency moved, not that one did). */
function namedChanges(key: string, a: unknown, b: unknown): string {
  const [old, now] = [entriesOf(a), entriesOf(b)];
  const value = (v: unknown) => (typeof v === 'string' ? v.replace(/\p{Cc}/gu, '').slice(0, 40) : '…');
  const tell = (name: string) =>
    !old.has(name)
      ? `\`${name}\` added`
      : !now.has(name)
        ? `\`${name}\` removed`
        : DEPENDENCY_KEYS.has(key)
          ? `\`${name}\` ${value(old.get(name))} → ${value(now.get(name))} changed`
          : `\`${name}\` changed`;
  const named = listChanges(old, now, tell);
  return named === null ? `${key} changed` : `${key} ${named}`;
}

/** A value's text for a finding: control characters out, 40 characters at most. */
const clip = (raw: string) => {
  const text = raw.replace(/\p{Cc}/gu, '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};
const shown = (v: unknown) => clip(JSON.stringify(v) ?? String(v));

/** Inside a value too long to show whole (hoppscotch 863b1b29a's `paths`, cut at the same 40
 * characters on both sides): its keys that moved ("`@app/lib/*` removed") or, for a list, its items;
 * null for a value short enough to show, or of another shape. */
function movedWithin(a: unknown, b: unknown): string | null {
  if (shown(a) === JSON.stringify(a) && shown(b) === JSON.stringify(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    const itemsOf = (list: readonly unknown[]) => new Set(list.map((item) => JSON.stringify(item)));
    const [before, after] = [itemsOf(a), itemsOf(b)];
    const items = (from: Set<string>, not: Set<string>) =>
      [...from].filter((item) => !not.has(item)).map((item) => `\`${shownItem(item)}\``);
    const parts = [[items(after, before), 'added'] as const, [items(before, after), 'removed'] as const]
      .filter(([list]) => list.length > 0)
      .map(([list, verb]) => `${listNames(list, MAX_NAMED)} ${verb}`);
    return parts.length > 0 ? parts.join(', ') : 'reordered';
  }
  const isMap = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isMap(a) || !isMap(b)) return null;
  const [old, now] = [entriesOf(a), entriesOf(b)];
  const tell = (name: string) => `\`${name}\` ${!old.has(name) ? 'added' : !now.has(name) ? 'removed' : 'changed'}`;
  return listChanges(old, now, tell);
}

const shownItem = (json: string) => clip(json.replace(/^"(.*)"$/, '$1'));

/** A tsconfig's options by name (`compilerOptions` flattened: `lib`, `strict`) with its other keys. */
function tsconfigOptions(json: Record<string, unknown>): Map<string, unknown> {
  const options = new Map<string, unknown>();
  for (const [key, value] of Object.entries(json)) {
    if (key !== 'compilerOptions' || value === null || typeof value !== 'object' || Array.isArray(value)) options.set(key, value);
    else for (const [option, set] of Object.entries(value)) options.set(option, set);
  }
  return options;
}

/** What moved in a tsconfig, option by option, or null when only comments or formatting did. */
function tsconfigChange(before: string | null, after: string | null): string | null {
  const [a, b] = [before, after].map((text) => (text === null ? null : parseLenient(text)));
  // A new tsconfig's options say what it is for (vue language-tools 10c916819's test project sets
  // `include` and `paths`); "TypeScript config added" alone fits any.
  if (before === null && b !== null) {
    const names = [...tsconfigOptions(b!).keys()].map((name) => `\`${name}\``);
    return names.length === 0 ? 'TypeScript config added' : `TypeScript config added (${listNames(names, MAX_NAMED)})`;
  }
  if (a === null || b === null) return `TypeScript config ${wholeChange(before, after)}`;
  const [old, now] = [tsconfigOptions(a!), tsconfigOptions(b!)];
  const tell = (name: string) =>
    !old.has(name)
      ? `\`${name}\` ${shown(now.get(name))} added`
      : !now.has(name)
        ? `\`${name}\` removed`
        : `\`${name}\` ${movedWithin(old.get(name), now.get(name)) ?? `${shown(old.get(name))} → ${shown(now.get(name))}`}`;
  const named = listChanges(old, now, tell);
  return named === null ? null : `TypeScript config ${named}`;
}

/** A description of a configuration change, or null when the file is not configuration. */
export function describeConfigChange(path: string, before: string | null, after: string | null): string | null {
  if (PACKAGE.test(path)) {
    const [a, b] = [parseJson(before), parseJson(after)];
    if (a === null || b === null) return `${path}: ${wholeChange(before, after)}`;
    const keys = PACKAGE_KEYS.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
    const named = keys.map((key) => (DEPENDENCY_KEYS.has(key) || key === 'scripts' ? namedChanges(key, a[key], b[key]) : `${key} changed`));
    return keys.length > 0 ? `${path}: ${named.join('; ')}` : null;
  }
  if (isTsconfigPath(path)) {
    const change = tsconfigChange(before, after);
    return change === null ? null : `${path}: ${change}`;
  }
  const match = CONFIG_FILES.find(([pattern]) => pattern.test(path));
  return match ? `${path}: ${match[1]} changed` : null;
}
