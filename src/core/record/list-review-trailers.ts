import { computeRecordDigest } from './record-digest.js';
import type { ReviewRecord } from './review-record.js';
import { TRAILER, formatReviewTrailer, toTrailerValue } from './trailers.js';

// The exact trailer lines a commit carries for a review record, in order: the review (with the
// record's digest), then the intent, the override and the restaging when there are any. The
// store writes them beside each pending record, so hooks/hook.sh adds them with
// `git interpret-trailers` and no node start; the node path (attach-record.ts) uses the same list.

export function listReviewTrailers(record: ReviewRecord): string[] {
  const review = formatReviewTrailer({
    tree: record.tree,
    risk: record.risk,
    added: record.totals.added,
    removed: record.totals.removed,
    files: record.totals.files,
    provenance: record.provenance.kind,
    digest: computeRecordDigest(record),
  });
  return [
    `${TRAILER.review}: ${review}`,
    ...(record.intent !== '' ? [`${TRAILER.intent}: ${toTrailerValue(record.intent)}`] : []),
    ...(record.override !== null ? [`${TRAILER.override}: ${toTrailerValue(record.override)}`] : []),
    ...(record.restaged
      ? [
          `${TRAILER.restaged}: reviewed=${record.restaged.reviewedTree} files=${record.restaged.files.length} lines=+${record.restaged.added}/-${record.restaged.removed}`,
        ]
      : []),
  ];
}
