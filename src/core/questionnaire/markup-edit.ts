import { listNames } from '../text/list-names.js';
import { moreTags } from './element-tags.js';
import { sideLines } from './same-edit.js';

// A component's markup edit that replaces lines, told by what a reader sees change: an element
// put in or taken out, the text it shows, an attribute's value. appwrite/console's Svelte
// components were asked "changed its implementation; 1 file uses it: why do they keep working?"
// with nothing named: 0889ace4f3 rewrote a card's description, 613dc06b0a wrapped `<Divider />` in
// a `<div class="protocol-toolbar-divider">` and changed a `<Button>`'s `disabled={…}`.

/** Characters of a tag or text quoted, at most. */
const MAX_QUOTE = 60;
/** Words of a text quoted before "…". */
const TEXT_WORDS = 6;

// Not a type's arguments (`Promise<Models.Row | false>`, appwrite/console 14a0c3683f) nor a comparison (`i<n`).
const OPEN_TAG = /(?<![\w$.)\]])<([A-Za-z][\w.:-]*)(?=[\s/>]|$)[^<>]*>?/g;
/** A line of words a page shows: three plain words in a row, no tag, brace, assignment or
 * statement mark, no statement's keyword first (`export default Card`, `async function load()`). */
const PROSE =
  /^(?![-*/#])(?!(?:import|export|const|let|var|return|if|else|for|while|function|async|type|interface|await|throw|case|default|new)\b)[^<>{}=;[\]`|&]*$/;
const THREE_WORDS = /\p{L}+ \p{L}+ \p{L}+/u;

/** Whether a changed line of a component is words it shows, not code (appwrite/console c668baad57's
 * "make sure the proxy is disabled (set to DNS only)" calls no `disabled`). */
export const isProseLine = (line: string): boolean => PROSE.test(line.trim()) && THREE_WORDS.test(line);

const ATTRIBUTE = /(?:^|\s)([A-Za-z_:@][\w:.@-]*)=(\{.*|"[^"]*"|'[^']*')/g;

function tagsOf(lines: readonly string[]): { tag: string; text: string }[] {
  return lines.flatMap((line) => [...line.matchAll(OPEN_TAG)].map((m) => ({ tag: m[1]!, text: m[0].trim() })));
}

function proseOf(lines: readonly string[]): string[] {
  return lines.filter(isProseLine).map((line) => line.trim());
}

const quote = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function tagsPart(was: readonly string[], now: readonly string[]): string[] {
  const [before, after] = [tagsOf(was), tagsOf(now)];
  const put = [
    ...new Set(
      moreTags(
        before.map((t) => t.tag),
        after.map((t) => t.tag),
      ),
    ),
  ];
  const out = [
    ...new Set(
      moreTags(
        after.map((t) => t.tag),
        before.map((t) => t.tag),
      ),
    ),
  ];
  if (put.length + out.length === 0 || put.length > 2 || out.length > 2) return [];
  const shown = (tag: string, side: typeof before) => {
    const text = side.find((t) => t.tag === tag)?.text ?? '';
    return quote(text.endsWith('>') && text.length <= MAX_QUOTE ? text : `<${tag}>`);
  };
  return [
    ...(put.length > 0
      ? [
          `${listNames(
            put.map((tag) => shown(tag, after)),
            2,
          )} put in`,
        ]
      : []),
    ...(out.length > 0
      ? [
          `${listNames(
            out.map((tag) => shown(tag, before)),
            2,
          )} taken out`,
        ]
      : []),
  ];
}

function textPart(was: readonly string[], now: readonly string[]): string[] {
  const [before, after] = [proseOf(was).join(' ').split(/\s+/), proseOf(now).join(' ').split(/\s+/)];
  const [hasBefore, hasAfter] = [before[0] !== '', after[0] !== ''];
  // From the word before the first that differs: a rewritten sentence's head is often kept.
  let same = 0;
  while (hasBefore && hasAfter && same < Math.min(before.length, after.length) && before[same] === after[same]) same++;
  const from = Math.max(0, same - 1);
  const head = (words: readonly string[]) => {
    const shown = words.slice(from, from + TEXT_WORDS).join(' ');
    return quote(`${from > 0 ? '…' : ''}${shown}${words.length > from + TEXT_WORDS ? '…' : ''}`);
  };
  if (hasBefore && hasAfter) return same === before.length && same === after.length ? [] : [`its text ${head(before)} → ${head(after)}`];
  if (hasAfter) return [`the text ${head(after)} added`];
  return hasBefore ? [`the text ${head(before)} taken out`] : [];
}

function attributesPart(was: readonly string[], now: readonly string[]): string[] {
  const values = (lines: readonly string[]) => {
    const found = new Map<string, Set<string>>();
    for (const line of lines)
      for (const [, name, value] of line.matchAll(ATTRIBUTE))
        found.set(name!, (found.get(name!) ?? new Set()).add(value!.replace(/\s+/g, ' ')));
    return found;
  };
  const [before, after] = [values(was), values(now)];
  const named = (names: readonly string[]) =>
    listNames(
      names.map((name) => quote(name)),
      2,
    );
  const changed = [...after.keys()].filter(
    (name) => before.has(name) && [...after.get(name)!].sort().join('\0') !== [...before.get(name)!].sort().join('\0'),
  );
  // nuxt/ui 30218f1b5b's NavigationMenu passes each item's `:default-open` and `:open` on.
  // Put in or taken out on lines of their own: a new element's attributes are the element's.
  const alone = (lines: readonly string[]) => values(lines.filter((line) => line.match(OPEN_TAG) === null));
  const added = [...alone(now).keys()].filter((name) => !before.has(name));
  const removed = [...alone(was).keys()].filter((name) => !after.has(name));
  if (changed.length > 2 || added.length > 2 || removed.length > 2) return [];
  return [
    ...(changed.length > 0 ? [`${named(changed)} now ${changed.length > 1 ? 'have other values' : 'has another value'}`] : []),
    ...(added.length > 0 ? [`${named(added)} added`] : []),
    ...(removed.length > 0 ? [`${named(removed)} taken out`] : []),
  ];
}

/** " (`<div class="protocol-toolbar-divider">` put in, `disabled` now has another value)": at most
 * two of the elements, text and attribute values a component's markup edit changes; else empty. */
export function describeMarkupEdit(edit: string): string {
  const [was, now] = [sideLines(edit, '-'), sideLines(edit, '+')];
  const parts = [...tagsPart(was, now), ...textPart(was, now), ...attributesPart(was, now)].slice(0, 2);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}
