import { buildChangeVocabulary } from '../core/questionnaire/change-vocabulary.js';
import type { AnswerRules } from '../core/questionnaire/validate-answer.js';
import type { GitClient } from '../adapters/git/git-client.js';
import { createNameLookup } from '../adapters/git/lookup-name-sync.js';
import { readPlatformNames } from '../adapters/typescript/read-platform-names.js';

// What the answer validator needs to know of the change (validate-answer.ts): its vocabulary,
// from the zero-context patch, and a lookup of the names it does not contain. The hook reads the
// staged index against the review's base; CI reads a record's base against its tree, so both
// judge an answer against the same words and the same repository.

export type AnswerGrounding = Required<Pick<AnswerRules, 'change' | 'nameExists'>>;

export async function readAnswerGrounding(
  git: GitClient,
  side: { readonly base: string; readonly tree?: string },
  paths: readonly string[],
): Promise<AnswerGrounding> {
  const patch = side.tree === undefined ? await git.readStagedHunkPatch(side.base) : await git.readTreeHunkPatch(side.base, side.tree);
  return {
    change: buildChangeVocabulary({ patch, paths }),
    nameExists: createNameLookup(
      git.info.root,
      side.tree === undefined ? { kind: 'index' } : { kind: 'tree', rev: side.tree },
      readPlatformNames,
    ),
  };
}
