import { execFileSync } from 'node:child_process';
import type { NameSource, ReadNamesIndex } from './lookup-name-sync.js';
import { readNamesIndexSync } from './names-index.js';

// The repository's name an author most likely meant when an answer names one found nowhere: a
// typo one edit away (`autoDispsoe` of `autoDispose`, `parseTooCall` of `parseToolCall`), or a
// file in another folder or one letter off (`src/formatting/stringFormatter.js` of
// `lib/formatters/stringFormatter.js`, `examples/webpack/exapmle-builder.js`). Asked only once a
// name is refused: the answer is still refused, but the message says what to write instead.

/** Shorter names have too many neighbours one edit away to guess which was meant. */
const MIN_TYPO_LENGTH = 6;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789_$';

export type SuggestName = (name: string, kind: 'identifier' | 'path') => string | undefined;

/** Every text one edit from `word` (a letter dropped, added, replaced, or two neighbours swapped),
 * each with the edit's place, so the suggestion can keep the answer's casing. */
function* oneEditFrom(word: string): Generator<{ text: string; at: number; delta: -1 | 0 | 1 }> {
  for (let i = 0; i < word.length; i++) yield { text: word.slice(0, i) + word.slice(i + 1), at: i, delta: -1 };
  for (let i = 0; i + 1 < word.length; i++) yield { text: word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2), at: i, delta: 0 };
  for (let i = 0; i < word.length; i++)
    for (const c of LETTERS) if (c !== word[i]) yield { text: word.slice(0, i) + c + word.slice(i + 1), at: i, delta: 0 };
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) yield { text: word.slice(0, i) + c + word.slice(i), at: i, delta: 1 };
}

/** `candidate` (lower-cased, as the index keeps names) cased as the answer wrote `name`: the
 * letters before the edit keep their case, those after it theirs, shifted by the edit. */
function recase(name: string, candidate: string, at: number, delta: -1 | 0 | 1): string {
  let out = '';
  for (let i = 0; i < candidate.length; i++) {
    const source = i < at ? i : delta === 1 && i === at ? -1 : i - delta;
    const original = source >= 0 ? name[source] : undefined;
    out += original !== undefined && original !== original.toLowerCase() ? candidate[i]!.toUpperCase() : candidate[i]!;
  }
  // A swap keeps the cases where they were.
  return out;
}

/** Whether two texts are one edit apart (a letter dropped, added, replaced, or two swapped). */
function isOneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const [restA, restB] = [a.length - head - tail, b.length - head - tail];
  if (Math.max(restA, restB) <= 1) return true;
  return restA === 2 && restB === 2 && a[head] === b[head + 1] && a[head + 1] === b[head];
}

/**
 * `namesIndex`: the hook's background index (names-index.ts); a name refused before it is built
 * gets no guess (the person is typing: nothing blocks). Without one (an answers file, CI) the
 * index is read now, once, on the first refused name: nobody waits there.
 */
export function createNameSuggester(root: string, source: NameSource, namesIndex?: ReadNamesIndex): SuggestName {
  let index: { names: ReadonlySet<string> } | undefined;
  let casedPaths: string[] | undefined;
  const readIndex = () => (namesIndex !== undefined ? namesIndex() : (index ??= readNamesIndexSync(root, source)));
  const readCasedPaths = () => {
    try {
      const args = source.kind === 'index' ? ['ls-files', '-z'] : ['ls-tree', '-r', '-z', '--name-only', '--full-tree', source.rev];
      return (casedPaths ??= execFileSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .split('\0')
        .filter(Boolean));
    } catch {
      return (casedPaths ??= []);
    }
  };
  return (name, kind) => {
    if (kind === 'identifier') {
      const lower = name.toLowerCase();
      if (lower.length < MIN_TYPO_LENGTH || !/^[\w$]+$/.test(lower)) return undefined;
      const names = readIndex()?.names;
      if (names === undefined) return undefined;
      for (const edit of oneEditFrom(lower)) if (names.has(edit.text)) return recase(name, edit.text, edit.at, edit.delta);
      return undefined;
    }
    const lower = name.toLowerCase().replace(/^\.\//, '');
    // A glob stands for many files: no one of them to suggest.
    if (/[*?]/.test(lower)) return undefined;
    const file = lower.split('/').pop() ?? lower;
    const paths = readCasedPaths();
    // The same file in another folder: the one that shares most folders with the answer's.
    const sameFile = paths.filter((p) => (p.toLowerCase().split('/').pop() ?? '') === file);
    const folders = new Set(lower.split('/').slice(0, -1));
    const shared = (p: string) =>
      p
        .toLowerCase()
        .split('/')
        .filter((s) => folders.has(s)).length;
    if (sameFile.length > 0) return sameFile.sort((a, b) => shared(b) - shared(a))[0];
    // A letter off (the path or its end from a folder inside the repository).
    return paths.find((p) => {
      const pl = p.toLowerCase();
      return [-1, 0, 1].some((d) => {
        const length = lower.length + d;
        const isWhole = pl.length === length || (pl.length > length && pl[pl.length - length - 1] === '/');
        return isWhole && isOneEditApart(pl.slice(-length), lower);
      });
    });
  };
}
