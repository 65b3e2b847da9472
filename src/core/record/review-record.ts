import type { LineSplit } from '../provenance/lines/line-owners.js';
import type { PatchSummary } from '../change/patch-summary.js';

// The review record: what the author answered, bound to the exact staged content by the index's
// tree id and to the change itself by its patch (which a rebase or a cherry-pick keeps). Kept
// pending under the git directory until the commit exists, then stored as a git note
// (refs/notes/selfreview) on the commit; its summary and digest go into trailers (trailers.ts),
// and CI recomputes the digest from the note (record-digest.ts).

export type DeclaredProvenance = 'written' | 'ai-assisted' | 'ai-generated';

export interface RecordedAnswer {
  readonly questionId: string;
  readonly question: string;
  /** The chosen option's value, for choice questions. */
  readonly choice?: string;
  readonly answer: string;
}

/** A signature over the record's digest with the reviewer's git signing key (sign-digest.ts). */
export interface RecordSignature {
  /** git's gpg.format: ssh or openpgp. */
  readonly format: 'ssh' | 'openpgp';
  /** The armored signature. */
  readonly value: string;
}

export interface ReviewRecord {
  /** 2: with patch, reviewer and answeredFrom, digested; 1: before digests (not verifiable). */
  readonly version: 2;
  /** `git write-tree` of the index that was reviewed. */
  readonly tree: string;
  /** What the index was compared with (HEAD, the empty tree, an automatic merge). */
  readonly base: string;
  /** The reviewed change as its patch: what CI matches after a rebase, cherry-pick or squash. */
  readonly patch: PatchSummary;
  /** git's user.name and user.email where the review was answered; the signer's principal. */
  readonly reviewer: { readonly name: string; readonly email: string };
  /** Where the answers came from: typed at a terminal, or read from an answers file. */
  readonly answeredFrom: 'terminal' | 'file';
  readonly createdAt: string;
  readonly provenance: {
    readonly kind: 'human' | 'ai' | 'unknown';
    readonly decidedBy: string | null;
    readonly declared?: DeclaredProvenance;
    /** AI-written lines from line-level records (git-ai working log, Agent Trace), when they decided. */
    readonly lines?: LineSplit;
  };
  readonly totals: { readonly files: number; readonly added: number; readonly removed: number };
  readonly risk: 'low' | 'medium' | 'high' | 'unknown';
  /** The first answer to the intent question, one line; the Self-Review-Intent trailer. */
  readonly intent: string;
  readonly answers: readonly RecordedAnswer[];
  readonly override: string | null;
  /**
   * Set when a hook that ran after the review (a formatter, lint-staged) changed the staged
   * content: the record moved to the committed tree, and this is what it reviewed and the change.
   */
  readonly restaged?: {
    readonly reviewedTree: string;
    readonly files: readonly { readonly path: string; readonly added: number; readonly removed: number }[];
    readonly added: number;
    readonly removed: number;
  };
  readonly timingsMs?: Readonly<Record<string, number>>;
  readonly tool: { readonly name: 'selfreview'; readonly version: string };
  /** Not part of the digest: it signs the digest. */
  readonly signature?: RecordSignature;
}
