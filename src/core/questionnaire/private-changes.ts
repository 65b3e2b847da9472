import type { FileHunks } from '../split/split-plan.js';

// A change to code no export shows: preact signals bb9cd0a edits the callback of the top-level
// `hook(OptionsTypes.RENDER, (old, vnode) => {…})` and adds a private function for it, and was
// asked "What does the change to packages/preact/src/index.ts do?", a question that fits any
// change of any file. Git's hunk headings name the top-level statement each hunk sits in, and
// the lines at a statement's start that the change adds or removes name the functions it gives
// the file or takes from it.

export interface PrivateChange {
  /** The statements the hunks sit in, as a question quotes them: `hook(OptionsTypes.RENDER, …)`. */
  readonly sites: readonly string[];
  /** Functions and classes declared (not exported) on lines the change adds, or removes. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

const MAX_SITE = 60;
const DECLARED = [
  /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/,
  /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)/,
  /^(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/,
];

/** A heading as a question quotes it: a call's callback cut (`hook(OptionsTypes.RENDER, …)`), or
 * the declaration's first line without its brace; null when it names nothing (a comment, a brace). */
function siteOf(heading: string): string | null {
  const text = heading.trim().replace(/\s*\{$/, '');
  if (!/^[A-Za-z_$]/.test(text) || /^(?:import|export)\b/.test(text)) return null;
  const call = /^([\w$.]+\((?:[^(),]|\([^()]*\))*?),\s*(?:async\s*)?(?:\(|function\b|[\w$]+\s*=>)/.exec(text);
  const site = call ? `${call[1]}, …)` : text;
  return site.length <= MAX_SITE ? site : null;
}

const declaredIn = (lines: readonly string[]) =>
  lines.flatMap((line) => DECLARED.map((pattern) => pattern.exec(line)?.[1]).filter((name): name is string => name !== undefined));

/** Each file's private change, for files whose hunks name a site or a declaration. */
export function listPrivateChanges(hunks: FileHunks): Map<string, PrivateChange> {
  const out = new Map<string, PrivateChange>();
  for (const [path, fileHunks] of hunks) {
    const sites = [...new Set(fileHunks.map((h) => siteOf(h.heading)).filter((s): s is string => s !== null))];
    const [declared, dropped] = [declaredIn(fileHunks.flatMap((h) => h.added)), declaredIn(fileHunks.flatMap((h) => h.removed))];
    // A declaration on both sides was edited or moved, not added.
    const added = [...new Set(declared.filter((name) => !dropped.includes(name)))];
    const removed = [...new Set(dropped.filter((name) => !declared.includes(name)))];
    if (sites.length + added.length + removed.length > 0) out.set(path, { sites, added, removed });
  }
  return out;
}

const quoted = (names: readonly string[]) =>
  names.length <= 2 ? names.map((n) => `\`${n}\``).join(' and ') : `\`${names[0]}\`, \`${names[1]}\` and ${names.length - 2} more`;

/** "In packages/preact/src/index.ts, what does the change to `hook(OptionsTypes.RENDER, …)` do
 * differently now, with the new `createComponentUpdateCallback`?"; null when nothing is named. */
export function privateChangeQuestion(label: string, rest: string, change: PrivateChange | undefined): string | null {
  if (change === undefined) return null;
  const { sites, added, removed } = change;
  const file = `${label}${rest}`;
  if (sites.length > 0 && sites.length <= 2) {
    const what = [added.length > 0 ? `with the new ${quoted(added)}` : '', removed.length > 0 ? `without ${quoted(removed)}` : '']
      .filter((p) => p !== '')
      .join(' and ');
    return `In ${file}, what does the change to ${quoted(sites)} do differently now${what === '' ? '' : `, ${what}`}?`;
  }
  if (added.length > 0 && removed.length > 0)
    return `In ${file}, the change adds ${quoted(added)} and removes ${quoted(removed)}: what does the new code do that the old did not?`;
  if (added.length > 0) {
    const [does, it] = added.length === 1 ? ['does it', 'it'] : ['do they', 'them'];
    return `In ${file}, the change adds ${quoted(added)}, which no other file imports: what ${does} do, and what runs ${it}?`;
  }
  if (removed.length > 0) return `In ${file}, the change removes ${quoted(removed)}: what did it do, and what does that now?`;
  return null;
}
