import { MAX_TRAILER_LINE } from './trailers.js';

// What a project's commitlint config says of the lines selfreview adds to a message: its footer
// and body line limits, read from the config's text (JavaScript, JSON or YAML; never run).
// mswjs/interceptors sets `'footer-max-line-length': [1, 'always']`, no length: commitlint then
// warns on every footer line ("must not be longer than 0 characters"), and doctor said
// selfreview's lines fit its limits.

/** The review line stays under 100 characters; the others under MAX_TRAILER_LINE. */
export const MAX_REVIEW_LINE = 99;

export interface LineLimit {
  readonly rule: 'footer-max-line-length' | 'body-max-line-length';
  /** commitlint's level: 1 warns, 2 refuses the commit. */
  readonly level: 1 | 2;
  /** The length it allows; commitlint reads a missing one as 0. */
  readonly limit: number;
}

const RULE = /["']?(footer|body)-max-line-length["']?\s*:\s*\[\s*([012])\s*,\s*["']?(always|never)["']?\s*(?:,\s*(\d+))?\s*\]/g;

/** The line-length rules our lines break, each once (the last one written wins, as in an object). */
export function findBrokenLineLimits(configText: string): LineLimit[] {
  const rules = new Map<string, LineLimit | null>();
  for (const m of configText.matchAll(RULE)) {
    const rule = `${m[1]}-max-line-length` as LineLimit['rule'];
    const level = Number(m[2]);
    const limit = m[4] === undefined ? 0 : Number(m[4]);
    const breaks = level > 0 && m[3] === 'always' && limit < MAX_REVIEW_LINE;
    rules.set(rule, breaks ? { rule, level: level as 1 | 2, limit } : null);
  }
  return [...rules.values()].filter((r): r is LineLimit => r !== null);
}

/** doctor's words for one: what commitlint does to every reviewed commit, and what to write instead. */
export function describeLineLimit(limit: LineLimit): string {
  const does = limit.level === 2 ? 'refuses every reviewed commit' : 'warns on every reviewed commit';
  return `its ${limit.rule} is ${limit.limit}: it ${does} (the review line runs to ${MAX_REVIEW_LINE} characters, the others ${MAX_TRAILER_LINE})`;
}
