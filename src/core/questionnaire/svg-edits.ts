// An SVG file's edit is a drawing's: lucide 240118e521 moves its calendar icons up a unit
// (`<rect … y="4" …/>` → `y="3"`, `<path d="M8 2v4" />` → `v3`) and was asked "What does the
// change to icons/calendar-days.svg (with 22 related files) do?". Its question names the elements
// whose attributes changed, the ones added or removed, and one attribute's values where that is
// all that changed.

import { listNames } from '../text/list-names.js';
import { plural } from '../text/plural.js';

interface Element {
  readonly tag: string;
  readonly attributes: ReadonlyMap<string, string>;
}

/** An element written on one line: `<path d="M8 2v4" />`, `<rect x="3" y="4"/>`, `<g>`. */
const ELEMENT = /^<([a-zA-Z][\w:-]*)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*\/?>$/;
const ATTRIBUTE = /([\w:-]+)\s*=\s*"([^"]*)"/g;
const MAX_VALUE = 24;

/** One side's elements of a hunk; lines that are no one-line element (a multi-line tag's
 * attributes, text, a closing tag) are left out. */
function readElements(hunk: string, mark: '+' | '-'): Element[] {
  const elements: Element[] = [];
  for (const line of hunk.split('\n')) {
    const match = line[0] === mark ? ELEMENT.exec(line.slice(1).trim()) : null;
    if (match === null) continue;
    const attributes = new Map([...match[2]!.matchAll(ATTRIBUTE)].map((a) => [a[1]!, a[2]!] as const));
    elements.push({ tag: match[1]!, attributes });
  }
  return elements;
}

const changedAttributes = (before: Element, after: Element) =>
  [...new Set([...before.attributes.keys(), ...after.attributes.keys()])].filter(
    (name) => before.attributes.get(name) !== after.attributes.get(name),
  );

const tagCounts = (elements: readonly Element[]) => {
  const counts = new Map<string, number>();
  for (const e of elements) counts.set(e.tag, (counts.get(e.tag) ?? 0) + 1);
  return [...counts].map(([tag, n]) => (n === 1 ? `a \`<${tag}>\`` : plural(n, `\`<${tag}>\``, `\`<${tag}>\``)));
};

/** What the edit does to the drawing: "`d` of 9 `<path>` and `y` of a `<rect>` changed", "a
 * `<circle>` added"; empty when no one-line element changed. */
export function describeSvgEdit(edit: string): string {
  const changed = new Map<string, { count: number; names: Set<string>; values: [string, string][] }>();
  const added: Element[] = [];
  const removed: Element[] = [];
  for (const hunk of edit.split('\n@@\n')) {
    const [before, after] = [readElements(hunk, '-'), readElements(hunk, '+')];
    // Paired in order where both sides hold the same tags (a drawing edited in place);
    // otherwise what one side has more of was added or removed.
    const paired = before.length === after.length && before.every((e, i) => e.tag === after[i]!.tag);
    if (!paired) {
      added.push(...after.filter((e) => !before.some((b) => b.tag === e.tag && changedAttributes(b, e).length === 0)));
      removed.push(...before.filter((e) => !after.some((a) => a.tag === e.tag && changedAttributes(e, a).length === 0)));
      continue;
    }
    before.forEach((b, i) => {
      const names = changedAttributes(b, after[i]!);
      if (names.length === 0) return;
      const entry = changed.get(b.tag) ?? { count: 0, names: new Set<string>(), values: [] };
      entry.count += 1;
      for (const name of names) entry.names.add(name);
      if (names.length === 1) entry.values.push([b.attributes.get(names[0]!) ?? '', after[i]!.attributes.get(names[0]!) ?? '']);
      changed.set(b.tag, entry);
    });
  }
  const parts = [...changed].map(([tag, { count, names, values }]) => {
    const attributes = listNames(
      [...names].map((n) => `\`${n}\``),
      3,
    );
    const one = count === 1 && names.size === 1 && values.length === 1;
    const [from, to] = one ? values[0]! : ['', ''];
    return one && from.length <= MAX_VALUE && to.length <= MAX_VALUE
      ? `\`<${tag}>\` ${attributes} "${from}" → "${to}"`
      : `${attributes} of ${count === 1 ? 'a' : count} \`<${tag}>\``;
  });
  const said = [
    parts.length > 0 ? `${listNames(parts, 3)} changed` : '',
    added.length > 0 ? `${listNames(tagCounts(added), 3)} added` : '',
    removed.length > 0 ? `${listNames(tagCounts(removed), 3)} removed` : '',
  ].filter((p) => p !== '');
  return said.join(', ');
}

/** The question on an SVG file's edit, naming what it redraws; null when its changed lines hold no
 * one-line element (an attribute edited on a line of its own, text). */
export function svgQuestion(label: string, rest: string, edit: string): string | null {
  const said = describeSvgEdit(edit);
  return said === '' ? null : `The change to ${label}${rest} redraws it (${said}): what does a user see differently?`;
}
