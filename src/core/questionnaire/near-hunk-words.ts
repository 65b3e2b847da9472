import { REASONING } from './connect-to-change.js';
import { GENERIC_WORDS, STOP_WORDS } from './answer-vocabulary.js';
import { splitIdentifier, stemWord, type ChangeVocabulary } from './change-vocabulary.js';
import type { WordCounts } from './classify-words.js';

// A pull request's description tells the problem in the words of the code around the change, not
// of its lines: "setting a property as non-enumerable" of a hunk a few lines below
// `enumerable: false` (immutable-js 1c9d970d3c), "the hit detection render" of a hunk beside
// `hitDetectionContext` (openlayers 600e1a4647). Such a word is the change's when it is written
// within a few lines of a hunk in the file's new text and is rare in the repository (a sample of
// its files: a word most files hold says nothing of where the change is). Only a long
// explanation that already shares a word with the change, and has more words of its own than
// generic ones, is judged so (tune splits, session 53: of the answers otherwise refused as loose or
// unconnected, 15 own bodies of 91 pass, 64 other commits' bodies of 850, 2 different changes of
// 158, no generic answer or filler).

/** Lines above and below each hunk (new side) whose words are near it. */
export const NEAR_LINES = 10;
/** A word in at most this part of the repository's sampled files is rare. */
export const RARE_SHARE = 0.05;
/** Words an explanation needs to be judged by its context (a pull request's description, not a line). */
export const MIN_WORDS_FOR_CONTEXT = 30;
/** Characters of a file read for its words (as enclosing-pairs.ts reads at most). */
const MAX_FILE_CHARS = 300_000;

export interface NearHunkContext {
  /** Stems (stemWord) of the words within NEAR_LINES of a hunk in the changed files' new texts. */
  readonly stems: ReadonlySet<string>;
  /** The part (0–1) of the repository's sampled files that hold a stem. */
  readonly share: (stem: string) => number;
}

const WORD = /[\p{L}_$][\p{L}\p{N}_$]*/gu;
const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Stems of the words (identifiers split, 3 letters or more) of a text. */
export function stemsOfText(text: string, into: Set<string> = new Set()): Set<string> {
  for (const identifier of text.match(WORD) ?? [])
    for (const part of splitIdentifier(identifier)) if ([...part].length >= 3) into.add(stemWord(part));
  return into;
}

/** The new-side line ranges [first, last] of each file's hunks in a zero-context patch. */
function hunkRanges(patch: string): Map<string, Array<[number, number]>> {
  const byPath = new Map<string, Array<[number, number]>>();
  let ranges: Array<[number, number]> | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      const path = /^diff --git a\/.* b\/(.*)$/.exec(line)?.[1];
      ranges = path === undefined ? undefined : [];
      if (path !== undefined) byPath.set(path, ranges!);
    } else if (ranges !== undefined && line.startsWith('@@')) {
      const match = HUNK.exec(line);
      if (match === null) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      ranges.push([start, start + Math.max(count, 1) - 1]);
    }
  }
  return byPath;
}

/** Stems of the words within NEAR_LINES lines of each hunk of the changed files' new texts. */
export function nearHunkStems(files: ReadonlyArray<{ readonly path: string; readonly text: string }>, patch: string): Set<string> {
  const ranges = hunkRanges(patch);
  const stems = new Set<string>();
  for (const { path, text } of files) {
    const hunks = ranges.get(path);
    if (hunks === undefined || hunks.length === 0) continue;
    const lines = text.slice(0, MAX_FILE_CHARS).split('\n');
    const near = new Set<number>();
    for (const [first, last] of hunks)
      for (let line = Math.max(1, first - NEAR_LINES); line <= Math.min(lines.length, last + NEAR_LINES); line++) near.add(line);
    for (const line of near) stemsOfText(lines[line - 1]!, stems);
  }
  return stems;
}

/** The part of the texts (a sample of the repository's files) that hold each stem. Each distinct
 * identifier is split and stemmed once (a sample of 6 MB holds ~40 times fewer distinct ones). */
export function wordSharesOf(texts: readonly string[]): (stem: string) => number {
  const counts = new Map<string, number>();
  const stemsOfIdentifier = new Map<string, readonly string[]>();
  for (const text of texts) {
    const stems = new Set<string>();
    for (const identifier of new Set(text.slice(0, MAX_FILE_CHARS).match(WORD) ?? [])) {
      let parts = stemsOfIdentifier.get(identifier);
      if (parts === undefined) {
        parts = splitIdentifier(identifier)
          .filter((part) => [...part].length >= 3)
          .map(stemWord);
        stemsOfIdentifier.set(identifier, parts);
      }
      for (const stem of parts) stems.add(stem);
    }
    for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  const size = Math.max(1, texts.length);
  return (stem) => (counts.get(stem) ?? 0) / size;
}

/**
 * Whether a long explanation (MIN_WORDS_FOR_CONTEXT words) that shares `shared` units with the
 * change writes a word the change's lines lack but the code beside its hunks holds, rare in the
 * repository. `counts`: the answer's words as the connection reads them (classifyWords).
 */
export function linksByRareNearWord(
  text: string,
  counts: WordCounts,
  shared: number,
  change: ChangeVocabulary,
  near: NearHunkContext | undefined,
): boolean {
  if (near === undefined || shared < 1 || text.trim().split(/\s+/).length < MIN_WORDS_FOR_CONTEXT) return false;
  // Improvement filler ("… so that the channel works better and more reliably for everyone …") is
  // mostly generic words: an explanation has more words of its own than of those.
  if (counts.generic >= counts.content.size) return false;
  for (const word of counts.content) {
    if ([...word].length < 3 || GENERIC_WORDS.has(word) || STOP_WORDS.has(word) || REASONING.has(word)) continue;
    const stem = stemWord(word);
    if (change.words.has(stem)) continue;
    if (near.stems.has(stem) && near.share(stem) < RARE_SHARE) return true;
  }
  return false;
}
