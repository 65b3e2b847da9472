// The `<script>` blocks of a Vue or Svelte single-file component (an Astro component's frontmatter,
// the TypeScript between its opening `---` fences, and its `<script>` tags), as the text TypeScript reads:
// everything outside the blocks blanked (newlines kept), so every offset and line of the script
// is the file's own. Cut the way both compilers cut a component: only top-level elements count
// (a `<script>` inside `<template>`, inside an element or in an HTML comment is markup), and a
// script's text runs to the first `</script` (HTML's raw-text rule: a JavaScript string holding
// `</script>` ends the block for the compilers too). Pure and small: @vue/compiler-sfc and
// svelte's compiler parse the whole markup and load far more than the hook can pay for.

export type ComponentKind = 'vue' | 'svelte' | 'astro';

export interface ScriptBlock {
  /** Offsets of the script's text (between `<script …>` and `</script>`). */
  readonly start: number;
  readonly end: number;
  /** `lang` as written (`ts`, `tsx`), '' when absent. */
  readonly lang: string;
  /** Vue `<script setup>`. */
  readonly isSetup: boolean;
  /** Svelte `<script context="module">` / `<script module>`: the component module's own exports. */
  readonly isModule: boolean;
}

export interface ComponentScripts {
  readonly blocks: readonly ScriptBlock[];
  /** The scripts' text in place, all else blanked. */
  readonly script: string;
  /** The rest in place (template, style, the script tags), the scripts' text blanked. */
  readonly markup: string;
}

export const componentKindOf = (path: string): ComponentKind | null =>
  path.endsWith('.vue') ? 'vue' : path.endsWith('.svelte') ? 'svelte' : path.endsWith('.astro') ? 'astro' : null;

const OPEN_TAG = /<([A-Za-z][\w:.-]*)/y;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/** The offset just past the `>` closing a tag whose attributes start at `from`; -1 if none.
 * Quoted values and Svelte's `{…}` expressions may hold a `>` or a `<`. */
function endOfTag(text: string, from: number): number {
  let braces = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === '{') braces++;
    else if (c === '}' && braces > 0) braces--;
    else if (c === '>' && braces === 0) return i + 1;
    // A `<` where an attribute would be: what opened was no tag (`{a <b}` in Svelte).
    else if (c === '<' && braces === 0) return -1;
  }
  return -1;
}

/** The offset past the element `name` opened before `from` (nested elements of that name
 * counted, comments skipped); -1 when it is never closed. */
function endOfElement(text: string, name: string, from: number): number {
  const tags = new RegExp(`<!--|<(/?)${name.replace(/[.]/g, '\\.')}(?=[\\s/>])`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let match = tags.exec(text); match !== null; match = tags.exec(text)) {
    if (match[0] === '<!--') {
      const close = text.indexOf('-->', match.index + 4);
      if (close < 0) return -1;
      tags.lastIndex = close + 3;
      continue;
    }
    const end = endOfTag(text, tags.lastIndex);
    if (end < 0) return -1;
    tags.lastIndex = end;
    if (match[1] === '/') depth--;
    else if (text[end - 2] !== '/') depth++;
    if (depth === 0) return end;
  }
  return -1;
}

const attribute = (attrs: string, name: string): string | null => {
  const found = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?(?=[\\s/>]|$)`, 'i').exec(attrs);
  return found === null ? null : (found[1] ?? found[2] ?? found[3] ?? '');
};

const FENCE_OPEN = /^\s*---[ \t]*\r?\n/;
const FENCE_CLOSE = /^---[ \t]*\r?$/m;

/** An Astro component's frontmatter: the script between the `---` fences that open the file
 * (TypeScript, run on the server at each render; its exports, `getStaticPaths`, are the module's). */
function frontmatterOf(text: string): ScriptBlock | null {
  const open = FENCE_OPEN.exec(text);
  if (open === null) return null;
  const start = open[0].length;
  const close = FENCE_CLOSE.exec(text.slice(start));
  return { start, end: close === null ? text.length : start + close.index, lang: 'ts', isSetup: false, isModule: false };
}

/** The top-level script blocks of a component's text; an Astro component's frontmatter first. */
export function findScriptBlocks(text: string, kind: ComponentKind = 'vue'): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  let at = 0;
  const frontmatter = kind === 'astro' ? frontmatterOf(text) : null;
  if (frontmatter !== null) {
    blocks.push(frontmatter);
    at = frontmatter.end;
  }
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      at = close < 0 ? text.length : close + 3;
      continue;
    }
    OPEN_TAG.lastIndex = lt;
    const open = OPEN_TAG.exec(text);
    const tagEnd = open === null ? -1 : endOfTag(text, OPEN_TAG.lastIndex);
    if (open === null || tagEnd < 0) {
      at = lt + 1;
      continue;
    }
    const name = open[1]!.toLowerCase();
    const attrs = text.slice(OPEN_TAG.lastIndex, tagEnd - 1);
    if (attrs.endsWith('/') || VOID.has(name)) {
      at = tagEnd;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const closing = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
      closing.lastIndex = tagEnd;
      const close = closing.exec(text);
      const end = close === null ? text.length : close.index;
      if (name === 'script') {
        const context = attribute(attrs, 'context');
        blocks.push({
          start: tagEnd,
          end,
          // Astro's `<script>` is TypeScript, bundled for the browser.
          lang: (attribute(attrs, 'lang') ?? (kind === 'astro' ? 'ts' : '')).toLowerCase(),
          isSetup: attribute(attrs, 'setup') !== null,
          isModule: context === 'module' || attribute(attrs, 'module') !== null,
        });
      }
      at = close === null ? text.length : Math.max(end + 2, endOfTag(text, closing.lastIndex));
      continue;
    }
    // Markup: what it holds is not the component's script. One never closed (a `<b` in a
    // Svelte expression, a stray tag) is read past, not to the end of the file.
    const end = endOfElement(text, name, tagEnd);
    at = end < 0 ? tagEnd : end;
  }
  return blocks;
}

const blank = (text: string) => text.replace(/[^\r\n]/g, ' ');

// In a Svelte component's instance script, `export let x` declares a prop, not an export of the
// module (svelte 4; svelte 5's `$props()` exports nothing): the statement's `export` is blanked.
const PROP_EXPORT = /(^|[;{}\n])([ \t]*)export(?=\s+(?:let|const|var|function|class|async)\b|\s*\{)/g;

/** The component's scripts and its markup, each in place. */
export function readComponentScripts(text: string, kind: ComponentKind): ComponentScripts {
  const blocks = findScriptBlocks(text, kind);
  let script = '';
  let markup = '';
  let at = 0;
  for (const block of blocks) {
    let own = text.slice(block.start, block.end);
    if (kind === 'svelte' && !block.isModule)
      own = own.replace(PROP_EXPORT, (_, before: string, space: string) => `${before}${space}      `);
    const between = text.slice(at, block.start);
    script += blank(between) + own;
    markup += between + blank(own);
    at = block.end;
  }
  const rest = text.slice(at);
  return { blocks, script: script + blank(rest), markup: markup + rest };
}

/** The scripts of `text` when `path` is a component, else `text` itself. */
export function scriptTextOf(path: string, text: string): string {
  const kind = componentKindOf(path);
  return kind === null ? text : readComponentScripts(text, kind).script;
}
