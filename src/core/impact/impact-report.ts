// The blast radius of a change: the `impact` key of the review JSON and `selfreview impact --json`.
// The questionnaire asks about changedSymbols that have dependents; the split proposal uses edges.

import type { ExportKind } from './module-record.js';

export type SymbolChange = 'added' | 'removed' | 'renamed' | 'shape-changed' | 'body-changed' | 'unknown';

export interface DependentRef {
  readonly path: string;
  /** 1 = uses the changed symbol itself (directly or through barrels that re-export it);
   * 2 = uses an export of a depth-1 dependent that uses it; and so on. */
  readonly depth: number;
  /** The shortest import chain, from the dependent to the changed file. */
  readonly chain: readonly string[];
  readonly isTypeOnly: boolean;
}

/** A walk that stopped past the users (config `impact.maxFurther`; `impact --all` walks on):
 * dependents are listed in full up to `depth`; at most `more` files depend on the change beyond
 * (the files importing, directly or not, those it stopped at: a bound, not a count). */
export interface WalkCap {
  readonly limit: number;
  readonly depth: number;
  readonly more: number;
}

/** The cap of a walk that stopped at `depth`, or none when nothing lies past the stop that the
 * walk did not meet: its counts are whole (no "and up to 0 more"). */
export const walkCap = (limit: number, depth: number, more: number): WalkCap | undefined =>
  more === 0 ? undefined : { limit, depth, more };

/** What a walk that stopped early left out, a bound said as such: "and up to 4927 more past depth 2". */
export const describeCap = (capped: WalkCap): string => `and up to ${capped.more} more past depth ${capped.depth}`;

/** Where a file first uses a changed symbol (1-based line). */
export interface SymbolUse {
  readonly path: string;
  readonly line: number;
}

export interface ChangedSymbol {
  readonly path: string;
  /** The exported name; a default export's local name when it has one (see isDefault). */
  readonly name: string;
  readonly isDefault?: boolean;
  readonly change: SymbolChange;
  /** A shape change that only adds an optional member or parameter (execa's `CommonOptions` gains
   * `readonly killDescendants?: boolean`), itself or through the export it is built on: code that
   * used it still compiles, so the risk does not count it as breaking. */
  readonly widened?: boolean;
  /** A shape change carried through `via` by an export whose own body changed too (webiny
   * bb500f4e48's `ContentEntryLocker`): not a change "only through" the other. */
  readonly bodyChanged?: boolean;
  /** A reshaped export's change by name where its shapes are too long to read: "`alg`: `string` →
   * `unknown`", "a new parameter `options`", "`ExactPartial` → `UnionExactPartial`" (name-reshape.ts). */
  readonly reshaped?: string;
  /** For renames: the old name. */
  readonly previousName?: string;
  /** A shape change that made it another kind of thing: what it was (ts-node 6b1fd40d's `const
   * REPL_FILENAME` became a function: `variable`). */
  readonly previousKind?: ExportKind;
  /** A reshaped interface, class or object type whose change is only to these members (altered or
   * removed; shape-members.ts): the risk weighs it by the users that name them. */
  readonly changedMembers?: readonly string[];
  /** Human description, e.g. "parameters changed: (path: string) -> (path: string, opts?: Options)". */
  readonly detail?: string;
  /** Files that use it at runtime (call, construct, read), with their first such use. Depth 1. */
  readonly valueUsers: readonly SymbolUse[];
  /** Files that use it only in types. Depth 1. */
  readonly typeUsers: readonly SymbolUse[];
  /** Files that never name it but hold the whole module through a namespace that escapes
   * (passed on, stored, spread, indexed by a variable: `window.Sentry = Sentry`), so they may
   * reach it; the line is where the namespace escapes. Not users: in no count of users or
   * dependents. Depth 1. */
  readonly wholeModuleUsers: readonly SymbolUse[];
  /** Files further away (users of exports that use it): a count and the shortest chains (<= 5),
   * each from the far file back to the changed one. */
  readonly transitive: { readonly count: number; readonly chains: readonly (readonly string[])[] };
  /** "implementation changed through `helper`" (or "type changed", a shape change through a
   * changed type): the local whose change this is. */
  readonly via?: string;
  /** An export whose own body changed and that also changed through a helper of its file (growthbook
   * 97e72b9f0d's `RevisionModel` drops a sort key and its `extends BaseClass` drops three indexes):
   * that helper. Its users and risk are the export's own; only its question names both. */
  readonly alsoVia?: string;
  /** Users at depth 1 and beyond, nearest first (valueUsers + typeUsers + transitive, as refs;
   * not wholeModuleUsers). */
  readonly dependents: readonly DependentRef[];
  /** Absent when the walk went as far as the change reaches. */
  readonly capped?: WalkCap;
  /** The published entries that export it (`@webiny/app-headless-cms`): it has users outside the
   * repository, none of them counted (public-api.ts). */
  readonly publicApi?: readonly string[];
}

export interface RiskAssessment {
  readonly level: 'low' | 'medium' | 'high';
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
}

export interface ImpactReport {
  readonly changedSymbols: readonly ChangedSymbol[];
  /** Every file that depends on some changed symbol, deduplicated, nearest first. */
  readonly dependents: readonly DependentRef[];
  /** Some walk stopped early: `dependents` are whole up to `depth` (the shallowest stop). */
  readonly capped?: WalkCap;
  /** Changed JS/TS files that failed to parse (treated as "everything may have changed"). */
  readonly parseErrors: readonly { readonly path: string; readonly message: string }[];
  /** Changed files whose edit is comments, whitespace or formatting only: nothing to ask. */
  readonly triviaOnly: readonly string[];
  /** What makes this report less than complete, e.g. workspace imports that do not resolve. */
  readonly warnings: readonly string[];
  readonly risk: RiskAssessment;
  /** Imports between changed files (`from` imports `to`): the split plan's order and affinity. */
  readonly changedFileEdges?: readonly { readonly from: string; readonly to: string }[];
  /** The same before the change (old side, named by new paths): who stopped importing a deleted file. */
  readonly previousFileEdges?: readonly { readonly from: string; readonly to: string }[];
  /** scanned: files read for their imports only; parsed: files read in full (changed, or crossed by a walk). */
  readonly stats: {
    readonly filesInGraph: number;
    readonly unresolved: number;
    readonly cacheHits: number;
    readonly scanned: number;
    readonly parsed: number;
  };
}
