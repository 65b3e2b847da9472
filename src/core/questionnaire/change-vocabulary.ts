// The words of one change, built once per review from its zero-context patch: every identifier
// of an added or removed line (whole, and split into words: `formatPrice` -> format, price;
// snake_case, kebab-case), the text of its comments, strings and test titles (they are on those
// lines too), the enclosing function git names in each hunk header, and the changed paths'
// segments. An answer connects to the change when it shares words or names with it
// (validate-answer.ts). Pure: the patch is read by the caller.

import { STOP_WORDS } from './answer-vocabulary.js';
import { readChangeKinds, type ChangeKind } from './change-kinds.js';
import { readEdits } from './reverted-commit.js';

export interface ChangeVocabulary {
  /** Stems (stemWord) of the words of the change, function words and generic words included. */
  readonly words: ReadonlySet<string>;
  /** Identifiers and paths of the change, lower-cased, whole. */
  readonly names: ReadonlySet<string>;
  /** Pairs of adjacent CJK characters of the change's comments and strings. */
  readonly cjkPairs: ReadonlySet<string>;
  /** What the change itself alters: stems and names of the identifiers and words found only on its
   * added lines or only on its removed ones, or on one side only of one of its hunks (not those
   * a line merely keeps, nor hunk headers). */
  readonly delta: ReadonlySet<string>;
  /** Adjacent word stems of its added and removed lines ("kitchen sink", "trailing newline"):
   * two words in a row of an answer found in a row in the change say more than either alone. */
  readonly pairs: ReadonlySet<string>;
  /** Names its added or removed lines declare (`function average`, `class Lexer`, `const limit`),
   * lower-cased: "average" in an answer is that function, not a word met by chance. */
  readonly declared: ReadonlySet<string>;
  /** The words of each identifier on the lines the change adds or removes (`requestAnimationFrame`
   * -> request, animation, frame), lower-cased: the pieces an interim name of this change is made of. */
  readonly lineNames: readonly (readonly string[])[];
  /** Its added and removed lines (up to MAX_LINE_TEXT characters), as written: where an answer's
   * quoted code is looked for verbatim (verbatim-code.ts). */
  readonly lines: readonly string[];
  /** What the change is inside of, lower-cased: the function or class git names in each hunk header,
   * the names its added or removed lines declare, and its files' names when written as code
   * (`getFileIgnorer.js`, `name-pieces.ts`). An explanation of this change names them; one of another
   * change of the same repository names its own (validate-answer.ts: focusHolds). */
  readonly focus: ReadonlySet<string>;
  /** What kind of change its shape shows (change-kinds.ts): only deletes, only comments, only tests … */
  readonly kinds: ReadonlySet<ChangeKind>;
  /** Its edits as git writes them, each once: `+line` and `-line` and `index 1a2b3c4..5d6e7f8` (a
   * file's blobs, binary ones too): what a commit it undoes did the other way round
   * (reverted-commit.ts). Read from the patch on the first call: only an answer naming a hash asks. */
  readonly edits: () => ReadonlySet<string>;
  /** Word pairs of the declarations enclosing its hunks and of their doc comments (enclosing-pairs.ts):
   * a weaker ground than `pairs` (what the change is inside of, not what it writes); empty when its
   * files' texts were not read. */
  readonly enclosingPairs: ReadonlySet<string>;
}

/** Past this many characters of patch text, the rest is not read: the vocabulary stays cheap. */
const MAX_PATCH_CHARS = 4_000_000;
/** Past this many characters of changed lines, quoted code is not looked for further (a search per
 * answer must stay well under a millisecond). */
const MAX_LINE_TEXT = 1_000_000;
const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$]*/gu;
/** Versions (`1.7.0`, `^3.6.0`): a dependency bump's names. */
const VERSION = /\d+(?:\.\d+)+/g;
const DECLARES = /\b(?:const|let|var|function|class|interface|type|enum|def|fn|func)\s+([\p{L}_$][\p{L}\p{N}_$]*)/gu;
/** The name a hunk header gives: `function isPathIgnored(`, `class Lexer`, `def parse(`; else the
 * call-like name before its first parenthesis (`getFileIgnorer = (`, `  printComments(path) {`). */
const HEADER_DECLARES = /\b(?:function|class|interface|enum|def|fn|func)\s+([\p{L}_$][\p{L}\p{N}_$]*)/u;
const HEADER_CALL = /([\p{L}_$][\p{L}\p{N}_$]*)\s*(?:=\s*(?:async\s*)?(?:function\s*)?)?\(/u;
/** Keywords, and the test harness's calls a hunk header of a test file shows (`describe('parse', () => {`):
 * what the hunk is in is then the test, not a function of the code. */
const NOT_A_NAME = new Set(
  'if for while switch return catch function async await new typeof describe it test expect suite context beforeEach afterEach'.split(' '),
);
/** A file name written as code: an inner capital, a dash or an underscore (`isPathIgnored`, `name-pieces`). */
const CODE_FILE_NAME = /^[\p{L}_$][\p{L}\p{N}_$-]*(?:\p{Ll}\p{Lu}|[-_]\p{L})[\p{L}\p{N}_$-]*$/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+/gu;

/** The part of a word its forms share: "formatting", "formats", "formatted" -> "forma";
 * "caching", "cache" -> "cach"; "logging", "log" -> "log". */
export function stemWord(word: string): string {
  let stem = word.toLowerCase();
  const bare = stem.replace(/(ations?|ings?|edly|ed|es|s|ly|ers?)$/u, '');
  if ([...bare].length >= 3) stem = bare;
  stem = stem.replace(/(?<=...)e$/u, '').replace(/([b-df-hj-np-tv-z])\1$/u, '$1');
  return [...stem].slice(0, 5).join('');
}

/** `formatPrice` -> format, price; `MAX_RETRY_COUNT` -> max, retry, count; `HTTPServer` -> http, server. */
export function splitIdentifier(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[\s_$\-\d]+/)
    .filter((part) => part !== '')
    .map((part) => part.toLowerCase());
}

export function cjkPairsOf(text: string, into: Set<string> = new Set()): Set<string> {
  for (const run of text.match(CJK_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) into.add(chars[i]! + chars[i + 1]!);
  }
  return into;
}

/** Words that make no pair: grammar ("the value of a type" -> valu type). */
const UNPAIRED = STOP_WORDS;
/** Clauses of prose: a pair does not cross punctuation followed by a space, a blank line or a list
 * item (a line break alone is the wrapping of a commit body). */
const CLAUSE_END = /[.;:!?,]+(?=\s|$)|[()]|\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s/;

/** The pairs of adjacent words of a text, clause by clause: a word is its stem, an identifier of
 * several words is itself, grammar is left out ("the value of a type" -> valu type). With
 * `inside` (a change's lines), also the pairs of the words inside an identifier, so prose meets
 * code: "foreign key" of an answer is in `dropForeignKey`. An answer's own identifiers give no
 * inside pairs: `GraphQLError` named in an answer is matched as a name, not as "graph ql". */
export function wordPairsOf(text: string, into: Set<string> = new Set(), inside = false): Set<string> {
  for (const clause of text.split(CLAUSE_END)) {
    let previous: string | undefined;
    for (const identifier of clause.match(IDENTIFIER) ?? []) {
      if (identifier.length > 64 || identifier.length < 2) continue;
      const parts = splitIdentifier(identifier).filter((part) => part.length > 1 && !UNPAIRED.has(part));
      if (parts.length === 0) continue;
      const stems = parts.map(stemWord);
      if (inside) for (let i = 0; i + 1 < stems.length; i++) if (stems[i] !== stems[i + 1]) into.add(`${stems[i]} ${stems[i + 1]}`);
      const unit = parts.length === 1 ? stems[0]! : identifier.toLowerCase();
      if (previous !== undefined && previous !== unit) into.add(`${previous} ${unit}`);
      previous = unit;
    }
  }
  return into;
}

export interface ChangeText {
  /** `git diff -U0` of the change (hunk headers, added and removed lines). */
  readonly patch: string;
  /** The changed paths (new and old). */
  readonly paths: readonly string[];
  /** The word pairs of the declarations enclosing it (readEnclosingPairs), when its files were read. */
  readonly enclosingPairs?: ReadonlySet<string>;
}

export function buildChangeVocabulary(change: ChangeText): ChangeVocabulary {
  const words = new Set<string>();
  const names = new Set<string>();
  const cjkPairs = new Set<string>();
  const pairs = new Set<string>();
  const declared = new Set<string>();
  const lineTexts: string[] = [];
  let lineChars = 0;
  const added = new Set<string>();
  const removed = new Set<string>();
  // The identifiers of the current hunk's removed and added lines, and those found on one side
  // only of some hunk: what that hunk adds or removes, though another hunk may keep or move it.
  const hunk = { removed: new Set<string>(), added: new Set<string>() };
  const movedInHunks = new Set<string>();
  const closeHunk = () => {
    for (const [side, other] of [
      [hunk.added, hunk.removed],
      [hunk.removed, hunk.added],
    ] as const)
      for (const identifier of side) if (!other.has(identifier)) movedInHunks.add(identifier);
    hunk.added.clear();
    hunk.removed.clear();
  };
  // Each identifier split once: a change repeats its names on many lines.
  const partsOf = new Map<string, string[]>();
  const split = (identifier: string) => {
    let parts = partsOf.get(identifier);
    if (parts === undefined) partsOf.set(identifier, (parts = splitIdentifier(identifier)));
    return parts;
  };
  const addText = (text: string, side?: Set<string>) => {
    for (const identifier of text.match(IDENTIFIER) ?? []) {
      if (identifier.length > 64) continue;
      names.add(identifier.toLowerCase());
      side?.add(identifier);
      if (side !== undefined) (side === added ? hunk.added : hunk.removed).add(identifier);
      for (const part of split(identifier)) words.add(stemWord(part));
    }
    for (const version of text.match(VERSION) ?? []) {
      names.add(version);
      side?.add(version);
    }
    cjkPairsOf(text, cjkPairs);
  };
  const addPath = (path: string) => {
    names.add(path.toLowerCase());
    const base = path.split('/').pop() ?? path;
    names.add(base.toLowerCase());
    names.add(base.replace(/\.[^.]+$/, '').toLowerCase());
    addText(path);
  };
  let edits: ReadonlySet<string> | undefined;
  const focus = new Set<string>();
  const addFocus = (path: string) => {
    const base = (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '').replace(/\.(test|spec)$/, '');
    if (CODE_FILE_NAME.test(base)) focus.add(base.toLowerCase());
  };
  for (const path of change.paths) {
    addPath(path);
    addFocus(path);
  }
  const patch = change.patch.length > MAX_PATCH_CHARS ? change.patch.slice(0, MAX_PATCH_CHARS) : change.patch;
  let sides: string[] = [];
  const movedFiles: string[] = [];
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---')) continue;
    if (line.startsWith('diff --git ')) {
      // Both sides' paths, renames included: the hook and CI read the same header.
      sides = /^diff --git a\/(.*) b\/(.*)$/.exec(line)?.slice(1) ?? [];
      for (const path of sides) {
        addPath(path);
        addFocus(path);
      }
      // A file copied or renamed: its new name is what the change makes.
      if (sides.length === 2 && sides[0] !== sides[1]) movedFiles.push(sides[1]!);
      continue;
    }
    // A file the change creates or deletes: its name is what the change alters.
    if (line.startsWith('new file mode') || line.startsWith('deleted file mode')) {
      movedFiles.push(...sides.slice(line.startsWith('new') ? 1 : 0, line.startsWith('new') ? 2 : 1));
      continue;
    }
    if (line.startsWith('+') || line.startsWith('-')) {
      const text = line.slice(1);
      addText(text, line.startsWith('+') ? added : removed);
      if (lineChars < MAX_LINE_TEXT) {
        lineTexts.push(text);
        lineChars += line.length;
      }
      wordPairsOf(line.slice(1), pairs, true);
      for (const match of line.matchAll(DECLARES)) {
        declared.add(match[1]!.toLowerCase());
        focus.add(match[1]!.toLowerCase());
      }
    } else if (line.startsWith('@@')) {
      closeHunk();
      const header = line.replace(/^@@[^@]*@@/, '');
      addText(header);
      const name = HEADER_DECLARES.exec(header)?.[1] ?? HEADER_CALL.exec(header)?.[1];
      if (name !== undefined && !NOT_A_NAME.has(name)) focus.add(name.toLowerCase());
    }
  }
  closeHunk();
  const delta = new Set<string>();
  const lineNames = new Map<string, string[]>();
  for (const identifier of [...added, ...removed]) {
    if (/^\d/.test(identifier)) continue; // a version
    const parts = split(identifier);
    lineNames.set(parts.join(' '), parts);
  }
  for (const [side, other] of [
    [added, removed],
    [removed, added],
  ] as const) {
    for (const identifier of side) {
      // On both sides of every hunk it is in: a word the edited lines keep. On one side of a hunk:
      // a use the change adds or removes there (`source` a parameter where it was a local).
      if (other.has(identifier) && !movedInHunks.has(identifier)) continue;
      delta.add(identifier.toLowerCase());
      if (/^\d/.test(identifier)) continue; // a version
      for (const part of split(identifier)) delta.add(stemWord(part));
    }
  }
  for (const path of movedFiles) {
    const base = (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '');
    delta.add(base.toLowerCase());
    for (const part of splitIdentifier(base)) delta.add(stemWord(part));
  }
  return {
    words,
    names,
    cjkPairs,
    delta,
    pairs,
    declared,
    lineNames: [...lineNames.values()],
    lines: lineTexts,
    focus,
    kinds: readChangeKinds({ patch, paths: change.paths }),
    edits: () => (edits ??= readEdits(patch)),
    enclosingPairs: change.enclosingPairs ?? new Set(),
  };
}
