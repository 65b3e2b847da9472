import { join } from 'node:path';
import { listReviewTrailers } from '../core/record/list-review-trailers.js';
import { isMessageEmpty, stripReviewTrailers } from '../core/record/trailers.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { readTextFile, removeFile, writeTextFile } from '../adapters/fs/text-files.js';
import { openReviewStore } from '../adapters/store/review-store.js';
import { attachPendingRecords } from './attach-pending.js';

// The two hooks around a commit. prepare-commit-msg: the review of the index being committed
// becomes trailers on the message (whatever wrote it: -m, -F, a template, a merge, an amend).
// post-commit: the whole record becomes a git note on the new commit, and the pending copy goes.

/**
 * The hooks that add the trailers. prepare-commit-msg adds them to a message that is already
 * written (-m, -F, a merge, a squash), so an editor shows them. commit-msg, after any editing,
 * adds them again (replacing, never doubling) — unless the message without them is empty or the
 * unedited template: then it takes ours out, so git still aborts the commit as the person meant.
 * Git checks for an empty message after commit-msg has run.
 */
export async function addTrailersFromHook(
  cwd: string,
  hook: 'prepare-commit-msg' | 'commit-msg',
  messageFile: string,
  source: string | undefined,
  logger: Logger,
): Promise<'added' | 'no-review' | 'deferred'> {
  const git = await openRepository(cwd, logger);
  const templateCopy = join(git.info.gitDir, 'selfreview', 'template-message');
  if (hook === 'prepare-commit-msg') {
    if (source === 'template') writeTextFile(templateCopy, readTextFile(messageFile) ?? '');
    // `-m ""`: git aborts an empty message after commit-msg; trailers alone must not fill it.
    if (source === 'message' && isMessageEmpty(readTextFile(messageFile) ?? '', await readCommentChar(git))) return 'deferred';
    return source === 'message' || source === 'merge' || source === 'squash' ? addTrailers(git, messageFile, logger) : 'deferred';
  }
  const commentChar = await readCommentChar(git);
  const message = readTextFile(messageFile) ?? '';
  const withoutOurs = stripReviewTrailers(message);
  const template = readTextFile(templateCopy);
  removeFile(templateCopy);
  if (isMessageEmpty(withoutOurs, commentChar) || (template !== null && stripReviewTrailers(template).trim() === withoutOurs.trim())) {
    if (withoutOurs !== message) writeTextFile(messageFile, withoutOurs);
    return 'deferred';
  }
  return addTrailers(git, messageFile, logger);
}

const readCommentChar = async (git: GitClient) => (await git.readConfig('core.commentChar'))?.trim().slice(0, 1) || '#';

async function addTrailers(git: GitClient, messageFile: string, logger: Logger): Promise<'added' | 'no-review'> {
  void logger;
  const record = openReviewStore(git.info.commonDir).readReview(await git.writeTreeOfIndexCopy());
  if (record === null) return 'no-review';
  const trailers = listReviewTrailers(record);
  // An amend reviewed again replaces the old review's trailers instead of doubling them.
  const message = readTextFile(messageFile) ?? '';
  // NOTE: without a final newline (MERGE_MSG has none) interpret-trailers would glue the
  // trailers under the subject, where they are not read as trailers.
  const stripped = stripReviewTrailers(message).replace(/([^\n])$/, '$1\n');
  if (stripped !== message) writeTextFile(messageFile, stripped);
  await git.addTrailers(messageFile, trailers);
  return 'added';
}

export async function storeNote(cwd: string, logger: Logger): Promise<'stored' | 'no-review'> {
  const git = await openRepository(cwd, logger);
  const tree = await git.readTreeOf('HEAD');
  const store = openReviewStore(git.info.commonDir);
  const record = tree === null ? null : store.readReview(tree);
  if (record !== null) {
    await git.writeNote('selfreview', 'HEAD', `${JSON.stringify(record, null, 2)}\n`);
    store.removeReview(record.tree);
  }
  // Records an earlier hook could not attach (killed, or outraced every retry).
  await attachPendingRecords(git, store, logger);
  return record === null ? 'no-review' : 'stored';
}
