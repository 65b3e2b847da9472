// Who wrote which lines of a file, as the line-level records give it (git-ai working logs and
// authorship notes, Agent Trace records): plain data that the parsers return and
// attribute-lines.ts maps onto a change's added lines. A tool's record is input, not truth: every
// parser skips what it cannot read and counts it, never throws on a record.

export type LineOwnerKind = 'ai' | 'human';

export interface OwnedRange {
  /** 1-indexed, inclusive. */
  readonly start: number;
  readonly end: number;
  readonly kind: LineOwnerKind;
}

export interface FileOwners {
  readonly path: string;
  /** Later ranges override earlier ones where they overlap (a later edit of the same lines). */
  readonly ranges: readonly OwnedRange[];
  /**
   * The content hash the record was made for (git-ai: SHA-256 of the file), when it gives one:
   * the adapter checks it against the file before trusting the line numbers.
   */
  readonly sha256?: string;
}

export interface LineRecords {
  /** In words every output prints: "git-ai working log", "Agent Trace", "git-ai note". */
  readonly source: string;
  readonly files: readonly FileOwners[];
  /** Records (lines, entries) that could not be read and were ignored. */
  readonly skipped: number;
}

/** The AI-written and the other changed lines of one change, per file and in total. */
export interface LineSplit {
  readonly source: string;
  /** Changed lines (added + removed) written by AI. */
  readonly ai: number;
  /** The rest of the changed lines of the attributed files and every line of the others. */
  readonly human: number;
  readonly files: readonly { readonly path: string; readonly ai: number; readonly human: number }[];
  /** One line each: what was ignored or counted conservatively, and why (not recorded). */
  readonly notices?: readonly string[];
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A split as a review record keeps it (read from a note: checked, never trusted), or null. */
export function readRecordedSplit(value: unknown): LineSplit | null {
  if (!isObject(value) || typeof value.source !== 'string' || !count(value.ai) || !count(value.human)) return null;
  if (!Array.isArray(value.files)) return null;
  const files: { path: string; ai: number; human: number }[] = [];
  for (const f of value.files) {
    if (!isObject(f) || typeof f.path !== 'string' || !count(f.ai) || !count(f.human)) return null;
    files.push({ path: f.path, ai: f.ai, human: f.human });
  }
  return { source: value.source, ai: value.ai, human: value.human, files };
}

/** What a review record keeps of a split: the files with AI lines, no notices. */
export function toRecordedSplit(split: LineSplit): LineSplit {
  return { source: split.source, ai: split.ai, human: split.human, files: split.files.filter((f) => f.ai > 0) };
}

/** Parses "1-4,9-10,12" (git-ai's line range specification) into ranges; null when malformed. */
export function parseRangeList(text: string): { start: number; end: number }[] | null {
  const ranges: { start: number; end: number }[] = [];
  for (const part of text.split(',')) {
    const match = /^(\d{1,9})(?:-(\d{1,9}))?$/.exec(part);
    if (match === null) return null;
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    if (start < 1 || end < start) return null;
    ranges.push({ start, end });
  }
  return ranges;
}

export const isPositiveLine = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value < 1e9;
