import type { MemberChanges } from './changed-members.js';
import { unmatched } from '../text/unmatched.js';

// JSX elements a change puts in or takes out, by tag: hatchet 86315c1565's `DemoTemplate` no longer
// wraps its page in `<RequireManagedComputeWriteAccess>`, and was asked "changed its implementation"
// with nothing named.

/** The tags `now` opens and `was` does not, counted (each a side's touched lines' tags): an element
 * only re-indented (its wrapper taken out) opens on both sides and is no new one. */
export function moreTags(was: readonly string[], now: readonly string[]): string[] {
  return unmatched(now, was);
}

/** Tags a side may put in or take out for a question to name them: more is a rewrite of the markup. */
const MAX_TAGS = 2;

/** "`<RequireManagedComputeWriteAccess>` taken out", "`<Avatar>` put in": elements the touched lines
 * render on one side only, by tag, where no attribute of that tag is named already; empty for a
 * rewrite (more than two tags a side). */
export function describeElements(changes: MemberChanges): string {
  const [gained, lost] = changes.elements ?? [[], []];
  const pieces = [...changes.changed, ...changes.added, ...changes.removed];
  const unnamed = (tags: readonly string[]) => [...new Set(tags)].filter((tag) => !pieces.some((p) => p.startsWith(`<${tag} `)));
  const [put, out] = [unnamed(gained!), unnamed(lost!)];
  if (put.length > MAX_TAGS || out.length > MAX_TAGS) return '';
  const tags = (list: readonly string[]) => list.map((tag) => `\`<${tag}>\``).join(' and ');
  return [put.length > 0 ? `${tags(put)} put in` : '', out.length > 0 ? `${tags(out)} taken out` : '']
    .filter((part) => part !== '')
    .join(', ');
}
