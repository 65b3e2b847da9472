// The review record's trailers on the commit message (DESIGN.md "Review record"):
//   Self-Review: tree=<id> risk=<level> lines=+A/-R files=N provenance=<kind> digest=sha256:<hex>
//   Self-Review-Intent: <first line of the intent>
//   Self-Review-Override: <reason>
//   Self-Review-Restaged: reviewed=<tree> files=N lines=+A/-R   (a later hook changed the content)
// The fields are for people reading `git log`; CI trusts only the record the digest names
// (verify-review.ts), found in the notes.

export const TRAILER = {
  review: 'Self-Review',
  intent: 'Self-Review-Intent',
  override: 'Self-Review-Override',
  /** A hook after the review (a formatter) changed what is committed: the reviewed tree and the difference. */
  restaged: 'Self-Review-Restaged',
} as const;

export interface ReviewTrailer {
  readonly tree: string;
  readonly risk: 'low' | 'medium' | 'high' | 'unknown';
  readonly added: number;
  readonly removed: number;
  readonly files: number;
  readonly provenance: 'human' | 'ai' | 'unknown';
  /** sha256 of the record in the note (record-digest.ts); absent in trailers before version 2. */
  readonly digest?: string;
}

export function formatReviewTrailer(t: ReviewTrailer): string {
  const digest = t.digest === undefined ? '' : ` digest=${t.digest}`;
  return `tree=${t.tree} risk=${t.risk} lines=+${t.added}/-${t.removed} files=${t.files} provenance=${t.provenance}${digest}`;
}

/** Parses the value of a Self-Review trailer; null when it is not one of ours. */
export function parseReviewTrailer(value: string): ReviewTrailer | null {
  const fields = new Map(
    value
      .trim()
      .split(/\s+/)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), pair.slice(at + 1)] as const;
      }),
  );
  const tree = fields.get('tree') ?? '';
  const lines = /^\+(\d+)\/-(\d+)$/.exec(fields.get('lines') ?? '');
  const risk = fields.get('risk') ?? 'unknown';
  const provenance = fields.get('provenance') ?? 'unknown';
  if (!/^[0-9a-f]{40,64}$/.test(tree) || lines === null) return null;
  return {
    tree,
    risk: (['low', 'medium', 'high'].includes(risk) ? risk : 'unknown') as ReviewTrailer['risk'],
    added: Number(lines[1]),
    removed: Number(lines[2]),
    files: Number(fields.get('files') ?? 0),
    provenance: (['human', 'ai'].includes(provenance) ? provenance : 'unknown') as ReviewTrailer['provenance'],
    ...(fields.has('digest') && { digest: fields.get('digest')! }),
  };
}

/** A one-line trailer value: no newlines, trimmed, bounded. */
export function toTrailerValue(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The message without our trailers, so a re-review (an amend) replaces them. Exact keys only:
 * git's own --if-exists matching treats a key as a prefix, and "Self-Review" would take
 * "Self-Review-Intent" with it. Spelt as selfreview writes them (Self-Review with its tree=
 * value): "self-review: I ran the tests" is the person's line and stays (hooks/trailers.sh too).
 */
export function stripReviewTrailers(message: string): string {
  const others = new Set<string>([TRAILER.intent, TRAILER.override, TRAILER.restaged]);
  return message
    .split('\n')
    .filter((line) => {
      const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
      if (match === null) return true;
      if (match[1] === TRAILER.review) return !match[2]!.startsWith('tree=');
      return !others.has(match[1]!);
    })
    .join('\n');
}

/**
 * True when git would abort the commit for an empty message: nothing but comment lines,
 * whitespace, and what follows the scissors line of `commit --verbose`.
 */
export function isMessageEmpty(message: string, commentChar = '#'): boolean {
  const scissors = message.indexOf(`${commentChar} ------------------------ >8 ------------------------`);
  const body = scissors >= 0 ? message.slice(0, scissors) : message;
  return body.split('\n').every((line) => line.trim() === '' || line.startsWith(commentChar));
}

/** git log placeholders for the values of our review and override trailers (several: \x01 between). */
export const TRAILER_LOG_FIELDS = [
  `%(trailers:key=${TRAILER.review},valueonly,separator=%x01)`,
  `%(trailers:key=${TRAILER.override},valueonly,separator=%x01)`,
] as const;

/** The review trailer and override read from those two fields; the last of each counts. */
export function readTrailerFields(reviews: string, overrides: string): { trailer: ReviewTrailer | null; override: string | null } {
  const trailer =
    reviews
      .split('\x01')
      .map((v) => parseReviewTrailer(v.trim()))
      .filter((t) => t !== null)
      .pop() ?? null;
  const override = overrides.trim() === '' ? null : overrides.split('\x01').pop()!.trim();
  return { trailer, override };
}
