import { readFileSync, writeFileSync } from 'node:fs';
import { TRAILER, formatReviewTrailer, stripReviewTrailers, toTrailerValue } from '../core/record/trailers.js';
import { openRepository } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { openReviewStore } from '../adapters/store/review-store.js';

// The two hooks around a commit. prepare-commit-msg: the review of the index being committed
// becomes trailers on the message (whatever wrote it: -m, -F, a template, a merge, an amend).
// post-commit: the whole record becomes a git note on the new commit, and the pending copy goes.

export async function addTrailers(cwd: string, messageFile: string, logger: Logger): Promise<'added' | 'no-review'> {
  const git = await openRepository(cwd, logger);
  const record = openReviewStore(git.info.commonDir).readReview(await git.readIndexTree());
  if (record === null) return 'no-review';
  const trailers = [
    `${TRAILER.review}: ${formatReviewTrailer({ tree: record.tree, risk: record.risk, added: record.totals.added, removed: record.totals.removed, files: record.totals.files, provenance: record.provenance.kind })}`,
    ...(record.intent !== '' ? [`${TRAILER.intent}: ${toTrailerValue(record.intent)}`] : []),
    ...(record.override !== null ? [`${TRAILER.override}: ${toTrailerValue(record.override)}`] : []),
  ];
  // An amend reviewed again replaces the old review's trailers instead of doubling them.
  const message = readFileSync(messageFile, 'utf8');
  const stripped = stripReviewTrailers(message);
  if (stripped !== message) writeFileSync(messageFile, stripped);
  await git.raw(['interpret-trailers', '--in-place', '--if-exists', 'add', '--if-missing', 'add', ...trailers.flatMap((t) => ['--trailer', t]), messageFile]);
  return 'added';
}

export async function storeNote(cwd: string, logger: Logger): Promise<'stored' | 'no-review'> {
  const git = await openRepository(cwd, logger);
  const tree = (await git.raw(['rev-parse', '--verify', '-q', 'HEAD^{tree}'])).trim();
  const store = openReviewStore(git.info.commonDir);
  const record = store.readReview(tree);
  if (record === null) return 'no-review';
  await git.raw(['notes', '--ref=selfreview', 'add', '-f', '-F', '-', 'HEAD'], `${JSON.stringify(record, null, 2)}\n`);
  store.removeReview(tree);
  return 'stored';
}
