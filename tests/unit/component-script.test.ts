import { expect, test } from '@jest/globals';
import { findScriptBlocks, readComponentScripts, scriptTextOf } from '../../src/core/impact/component-script.js';

// A component's scripts are read in place: the script text keeps every offset and line of the
// file, all else blanked; only top-level `<script>` elements are scripts.

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

test('a Vue component with <script> and <script setup lang="ts">: both read, in place, the template blanked', () => {
  const vue = [
    '<template>',
    '  <UserCard :user="user" @save="onSave" />',
    '</template>',
    '<script lang="ts">',
    'export const LIMIT = 3;',
    '</script>',
    '<script setup lang="ts">',
    "import UserCard from './UserCard.vue';",
    'function onSave() {}',
    '</script>',
    '<style scoped>.a { color: red }</style>',
  ].join('\n');
  const { blocks, script, markup } = readComponentScripts(vue, 'vue');
  expect(blocks.map((b) => [b.lang, b.isSetup])).toEqual([
    ['ts', false],
    ['ts', true],
  ]);
  expect(script).toHaveLength(vue.length);
  expect(lineOf(script, 'import UserCard')).toBe(8);
  expect(lineOf(script, 'LIMIT')).toBe(5);
  expect(script).not.toMatch(/template|style|color|<script/);
  expect(markup).toHaveLength(vue.length);
  expect(markup).toContain('<UserCard');
  expect(markup).not.toContain('onSave()');
});

test('a <script> inside the template, an HTML comment or a script string is no script block', () => {
  const vue = [
    '<!-- <script>import x from "./commented"</script> -->',
    '<template>',
    '  <template v-if="a"><script>import y from "./nested"</script></template>',
    '</template>',
    '<script>',
    'const html = `<script>inner` + "<\\/script>";',
    "import z from './real';",
    '</script>',
  ].join('\n');
  const script = scriptTextOf('src/A.vue', vue);
  expect(script).toContain("import z from './real'");
  expect(script).toContain('<script>inner');
  expect(script).not.toMatch(/commented|nested/);
});

test('Svelte: the module script keeps its exports; the instance script`s `export let` is a prop, not an export', () => {
  const svelte = [
    '<script context="module">',
    '  export const preload = () => 1;',
    '</script>',
    '<script lang="ts">',
    '  export let count = 0;',
    '  export function reset() { count = 0; }',
    '</script>',
    '<button on:click={() => count > 1 && reset()}>{count}</button>',
  ].join('\n');
  const { blocks, script } = readComponentScripts(svelte, 'svelte');
  expect(blocks.map((b) => b.isModule)).toEqual([true, false]);
  expect(script).toContain('export const preload');
  expect(script).toContain('       let count = 0;');
  expect(script).not.toMatch(/export (let|function)/);
  expect(findScriptBlocks('<script module>export const a = 1;</script>')[0]!.isModule).toBe(true);
});

test('no script, CRLF line ends, an unclosed script and stray tags: no crash, offsets kept', () => {
  expect(findScriptBlocks('<template><div /></template>')).toEqual([]);
  const crlf = '<template>\r\n  <p>{{ a }}</p>\r\n</template>\r\n<script setup>\r\nconst a = 1;\r\n</script>\r\n';
  const script = scriptTextOf('A.vue', crlf);
  expect(script).toHaveLength(crlf.length);
  expect(script.split('\r\n')[4]).toBe('const a = 1;');
  expect(scriptTextOf('A.svelte', '{#if a <b}x{/if}\n<script>const b = 1;')).toContain('const b = 1;');
  expect(scriptTextOf('A.svelte', '<p title="a > b">x</p><div><span>\n<script>const c = 2;</script>')).toContain('const c = 2;');
  expect(scriptTextOf('a.ts', '<p>not a component</p>')).toBe('<p>not a component</p>');
});

// karakeep's landing site: Astro components import the site's constants in their frontmatter.
test('Astro: the frontmatter between the opening `---` fences and the `<script>` tags are the scripts, in place', () => {
  const astro = [
    '---',
    'import { Image } from "astro:assets";',
    'import { CLOUD_SIGNUP_LINK } from "../constants";',
    'export const prerender = true;',
    '---',
    '',
    '<a href={CLOUD_SIGNUP_LINK} class="w-full">Sign Up</a>',
    '<p>--- not a fence ---</p>',
    '<script>',
    '  import { track } from "../analytics";',
    '  track("hero");',
    '</script>',
  ].join('\n');
  const { blocks, script, markup } = readComponentScripts(astro, 'astro');
  expect(blocks.map((b) => [b.lang, b.isModule])).toEqual([
    ['ts', false],
    ['ts', false],
  ]);
  expect(script).toHaveLength(astro.length);
  expect(lineOf(script, 'CLOUD_SIGNUP_LINK')).toBe(3);
  expect(lineOf(script, 'track(')).toBe(11);
  expect(script).not.toMatch(/---|Sign Up|<a/);
  expect(markup).toContain('<a href={CLOUD_SIGNUP_LINK}');
  expect(scriptTextOf('src/components/Hero.astro', astro)).toBe(script);
  // No frontmatter: only the `<script>` tags; a `---` further down is text.
  expect(findScriptBlocks('<h1>Hi</h1>\n---\n<p>x</p>\n', 'astro')).toEqual([]);
});
