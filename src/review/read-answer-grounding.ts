import { buildChangeVocabulary, type ChangeVocabulary } from '../core/questionnaire/change-vocabulary.js';
import { readEnclosingPairs, selectTextPaths } from '../core/questionnaire/enclosing-pairs.js';
import { nearHunkStems, wordSharesOf, type NearHunkContext } from '../core/questionnaire/near-hunk-words.js';
import { validateAnswer, type AnswerRules } from '../core/questionnaire/validate-answer.js';
import { prepareQuotedCode } from '../core/questionnaire/verbatim-code.js';
import type { GitClient } from '../adapters/git/git-client.js';
import { createNameLookup, type NameSource } from '../adapters/git/lookup-name-sync.js';
import { startNamesIndex } from '../adapters/git/names-index.js';
import { createNameSuggester } from '../adapters/git/suggest-name-sync.js';
import { createCommitPatchReader } from '../adapters/git/read-commit-patch-sync.js';
import { readSampleTexts } from '../adapters/git/sample-texts-sync.js';
import { readPlatformNames } from '../adapters/typescript/read-platform-names.js';

// What the answer validator needs to know of the change (validate-answer.ts): its vocabulary,
// from the zero-context patch and the declarations enclosing its hunks in its files' new texts
// (enclosing-pairs.ts), and a lookup of the names it does not contain. The hook reads the
// staged index against the review's base; CI reads a record's base against its tree, so both
// judge an answer against the same words and the same repository.

/** Any text in the scripts the validator tells apart; its verdict is not used. */
const WARM_UP = 'Warm `upValidator` über ключ 键値 키';
function warmUp(change: ChangeVocabulary): void {
  readPlatformNames();
  validateAnswer(WARM_UP, { minWords: 1, otherAnswers: [], fileNames: [], change });
  prepareQuotedCode(change);
}

export type AnswerGrounding = Required<Pick<AnswerRules, 'change' | 'nameExists' | 'readCommitPatch' | 'suggestName'>> &
  Pick<AnswerRules, 'nearHunk'> & {
    /** Stops the background names index, if one was started. */
    readonly close?: () => void;
  };

/**
 * `inBackground`: a person is about to answer: the repository's names are indexed while they
 * read (names-index.ts), so a name is then looked up in a set. Without it (an answers file, CI)
 * each unknown name is grepped when met.
 */
export async function readAnswerGrounding(
  git: GitClient,
  side: { readonly base: string; readonly tree?: string },
  paths: readonly string[],
  options: { readonly inBackground?: boolean } = {},
): Promise<AnswerGrounding> {
  // The files' texts beside the patch, in one `cat-file --batch`.
  const texted = selectTextPaths(paths);
  const [patch, texts] = await Promise.all([
    side.tree === undefined ? git.readStagedHunkPatch(side.base) : git.readTreeHunkPatch(side.base, side.tree),
    side.tree === undefined ? git.readIndexTexts(texted) : git.readTreeTexts(side.tree, texted),
  ]);
  const source: NameSource = side.tree === undefined ? { kind: 'index' } : { kind: 'tree', rev: side.tree };
  const index = options.inBackground === true ? startNamesIndex(git.info.root, source, paths) : undefined;
  // The platform's names too are read while the person reads (about 0.1 s the first time), and
  // the validator's first run (its Unicode tables, the change's scripts) is paid then, not on the
  // first answer.
  const files = [...texts].map(([path, text]) => ({ path, text }));
  const enclosingPairs = readEnclosingPairs(files, patch);
  const change = buildChangeVocabulary({ patch, paths, enclosingPairs });
  if (index !== undefined) setImmediate(warmUp, change);
  // The words beside the hunks, and a sample of the repository for how rare each is: read once,
  // when an answer would otherwise be refused as loose (near-hunk-words.ts).
  let near: NearHunkContext | undefined;
  const nearHunk = () => (near ??= { stems: nearHunkStems(files, patch), share: wordSharesOf(readSampleTexts(git.info.root, source)) });
  return {
    change,
    nameExists: createNameLookup(git.info.root, source, readPlatformNames, index?.current, paths),
    suggestName: createNameSuggester(git.info.root, source, index?.current),
    // A commit an answer says the change reverts: read from git only when an answer names a hash.
    readCommitPatch: createCommitPatchReader(git.info.root),
    nearHunk,
    ...(index !== undefined && { close: index.stop }),
  };
}
