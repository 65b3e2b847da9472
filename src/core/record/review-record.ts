// The review record: what the author answered, bound to the exact staged content by the index's
// tree id. Kept pending under the git directory until the commit exists, then stored as a git
// note (refs/notes/selfreview) on the commit; its summary goes into trailers (trailers.ts).

export type DeclaredProvenance = 'written' | 'ai-assisted' | 'ai-generated';

export interface RecordedAnswer {
  readonly questionId: string;
  readonly question: string;
  /** The chosen option's value, for choice questions. */
  readonly choice?: string;
  readonly answer: string;
}

export interface ReviewRecord {
  readonly version: 1;
  /** `git write-tree` of the index that was reviewed. */
  readonly tree: string;
  /** What the index was compared with (HEAD, the empty tree, an automatic merge). */
  readonly base: string;
  readonly createdAt: string;
  readonly provenance: {
    readonly kind: 'human' | 'ai' | 'unknown';
    readonly decidedBy: string | null;
    readonly declared?: DeclaredProvenance;
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
}
