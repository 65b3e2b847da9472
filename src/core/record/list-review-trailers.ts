import { computeRecordDigest } from './record-digest.js';
import type { ReviewRecord } from './review-record.js';
import { MAX_TRAILER_LINE, TRAILER, formatReviewTrailer, toTrailerValue } from './trailers.js';

// The exact trailer lines a commit carries for a review record, in order: the review (with the
// record's digest), then the intent, the override and the restaging when there are any. The
// store writes them beside each pending record, so hooks/hook.sh adds them with
// `git interpret-trailers` and no node start; the node path (attach-record.ts) uses the same list.
// The intent and the override are shortened to fit MAX_TRAILER_LINE (message linters such as
// commitlint reject long lines); the note holds them whole.

/** `<key>: <text>` on one line of at most MAX_TRAILER_LINE characters. */
const line = (key: string, text: string) => `${key}: ${toTrailerValue(text, MAX_TRAILER_LINE - key.length - 2)}`;

export function listReviewTrailers(record: ReviewRecord): string[] {
  const review = formatReviewTrailer({
    risk: record.risk,
    added: record.totals.added,
    removed: record.totals.removed,
    files: record.totals.files,
    provenance: record.provenance.kind,
    digest: computeRecordDigest(record),
  });
  return [
    `${TRAILER.review}: ${review}`,
    ...(record.intent !== '' ? [line(TRAILER.intent, record.intent)] : []),
    ...(record.override !== null ? [line(TRAILER.override, record.override)] : []),
    ...(record.restaged
      ? [
          `${TRAILER.restaged}: reviewed=${record.restaged.reviewedTree.slice(0, 12)} files=${record.restaged.files.length} lines=+${record.restaged.added}/-${record.restaged.removed}`,
        ]
      : []),
  ];
}
