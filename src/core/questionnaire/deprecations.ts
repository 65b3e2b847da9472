import { listNames } from '../text/list-names.js';
import { rewordedQuestion, type RewordedDoc } from './doc-comments.js';

// An export's `@deprecated` tag is no syntax: a change that only adds or drops it is "comments
// only" to the impact analysis, yet its users' editors and linters now warn, or stop warning
// (io-ts e312a81c79, 4b85202e9c and e508b89448 undeprecate `NeverType`, `AnyType`, `FunctionType`
// and their companions, and were asked "What does the change to src/index.ts do?", or nothing).

export interface DeprecationChange {
  /** Exports on both sides whose doc comment gains `@deprecated`, or loses it. */
  readonly now: readonly string[];
  readonly noLonger: readonly string[];
  /** In a file whose edit is comments only, the doc comments that now say more (doc-comments.ts). */
  readonly reworded?: readonly RewordedDoc[];
}

/** A doc comment, the line comments after it, and the export it documents. */
const DOCUMENTED =
  /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:\/\/[^\n]*\n\s*)*export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|interface|type|const|let|var|function\*?|enum|namespace)\s+([A-Za-z_$][\w$]*)/g;

/** Each documented export's name and whether its doc comment says `@deprecated`: an overload
 * deprecated deprecates the name. */
function readDeprecated(text: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const match of text.matchAll(DOCUMENTED)) out.set(match[2]!, out.get(match[2]!) === true || /@deprecated\b/.test(match[1]!));
  return out;
}

/** The exports one side of a file deprecates and the other does not; null when none. */
export function diffDeprecations(oldText: string, newText: string): DeprecationChange | null {
  const [before, after] = [readDeprecated(oldText), readDeprecated(newText)];
  const now = [...after].filter(([name, is]) => is && before.get(name) === false).map(([name]) => name);
  const noLonger = [...after].filter(([name, is]) => !is && before.get(name) === true).map(([name]) => name);
  return now.length + noLonger.length === 0 ? null : { now, noLonger };
}

const names = (list: readonly string[]) =>
  listNames(
    list.map((n) => `\`${n}\``),
    3,
  );

/** "In src/index.ts, `NeverType`, `NeverC` and `never` are no longer deprecated: …"; null when no
 * export changed its deprecation. */
export function deprecationQuestion(label: string, rest: string, change: DeprecationChange | undefined): string | null {
  if (change === undefined) return null;
  const { now, noLonger } = change;
  if (now.length + noLonger.length === 0) return rewordedQuestion(label, rest, change.reworded);
  const is = (list: readonly string[]) => (list.length === 1 ? 'is' : 'are');
  const parts = [
    noLonger.length > 0 ? `${names(noLonger)} ${is(noLonger)} no longer deprecated` : '',
    now.length > 0 ? `${names(now)} ${is(now)} now deprecated` : '',
  ].filter((p) => p !== '');
  const why =
    now.length === 0
      ? `why ${noLonger.length === 1 ? 'is it' : 'are they'} kept after all, and what may ${noLonger.length === 1 ? 'its' : 'their'} users now rely on`
      : `what should ${now.length === 1 ? 'its' : 'their'} users use instead, and when will ${now.length === 1 ? 'it' : 'they'} go`;
  return `In ${label}${rest}, ${parts.join(', and ')}: ${why}?`;
}
