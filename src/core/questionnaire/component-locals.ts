import { listNames } from '../text/list-names.js';
import { sideLines } from './same-edit.js';

// A component script's locals and props an edit changes, by name, where it declares and calls
// nothing new: nuxt/ui 0f8c398673's ComponentProps.vue gains a `pro?: boolean` prop and picks its
// theme by it (`const componentTheme = ((props.pro ? themePro : theme) as any)[camelName]`), and
// was asked "changed its implementation" with nothing named.

const LOCAL = /^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\b/;
/** A member of a type or an object on a line of its own: `pro?: boolean`, `label: string;`. */
const MEMBER = /^(?:readonly\s+)?([A-Za-z_$][\w$]*)\??:\s*[^\s=]/;

function byName(lines: readonly string[], pattern: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of lines) {
    const name = pattern.exec(line)?.[1];
    if (name !== undefined && !found.has(name)) found.set(name, line.replace(/\s+/g, ' '));
  }
  return found;
}

/** " (`pro` added, `componentTheme` changed)": members put in or taken out and locals (with
 * `withKeys`, keys too) whose declaring line changed, three at most of each; empty otherwise. */
export function describeLocalsEdit(edit: string, withKeys = false): string {
  const [was, now] = [sideLines(edit, '-'), sideLines(edit, '+')];
  const [localsWas, localsNow] = [byName(was, LOCAL), byName(now, LOCAL)];
  const [membersWas, membersNow] = [byName(was, MEMBER), byName(now, MEMBER)];
  // Locals whose declaring line changed; `withKeys`, keys or members on lines of their own too
  // (`enabled: func.enabled || undefined` → `enabled: func.enabled ?? undefined`): a component's
  // are told by the helper they are in (changed-members.ts), a pattern's by nothing else.
  const redeclared = (was: Map<string, string>, now: Map<string, string>) =>
    [...now].filter(([name, line]) => was.has(name) && was.get(name) !== line).map(([name]) => name);
  const changed = [...new Set([...redeclared(localsWas, localsNow), ...(withKeys ? redeclared(membersWas, membersNow) : [])])];
  // A name the other side still spells is moved or computed, not put in or taken out (`ui: {` →
  // `[props.pro ? 'uiPro' : 'ui']: {` in nuxt/ui's ComponentTheme.vue).
  const spells = (lines: readonly string[], name: string) =>
    lines.some((line) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(line));
  const added = [...membersNow.keys()].filter((name) => !membersWas.has(name) && !spells(was, name));
  const removed = [...membersWas.keys()].filter((name) => !membersNow.has(name) && !spells(now, name));
  const named = (list: readonly string[]) =>
    listNames(
      list.map((n) => `\`${n}\``),
      3,
    );
  const parts = [
    added.length > 0 && added.length <= 3 ? `${named(added)} added` : '',
    removed.length > 0 && removed.length <= 3 ? `${named(removed)} taken out` : '',
    changed.length > 0 && changed.length <= 3 ? `${named(changed)} changed` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}
