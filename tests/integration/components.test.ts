import { afterEach, expect, test } from '@jest/globals';
import { createNameLookup } from '../../src/adapters/git/lookup-name-sync.js';
import { readNamesIndexSync } from '../../src/adapters/git/names-index.js';
import { impactOf, symbol } from '../helpers/impact-json.js';
import { listQuestions } from '../helpers/listed-questions.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// Vue and Svelte single-file components on real repositories, through the built CLI: their
// scripts are read as TypeScript (the real parser), `./Card.vue` resolves to the file, a
// component importing a changed export is its direct user (value or type), and a component's
// own change (script or markup) is a change of its default export, with its users.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const UTIL = 'export function formatPrice(cents: number): string {\n  return `$${cents / 100}`;\n}\nexport type Price = number;\n';
const CARD = [
  '<template>',
  '  <p class="price">{{ formatPrice(price) }}</p>',
  '</template>',
  '',
  '<script setup lang="ts">',
  "import { formatPrice } from './util';",
  "import type { Price } from './util';",
  'defineProps<{ price: Price }>();',
  '</script>',
  '',
].join('\n');
const PAGE = [
  '<script lang="ts">',
  'export function pageTitle(name: string) {',
  '  return name.toUpperCase();',
  '}',
  '</script>',
  '<script setup lang="ts">',
  "import PriceCard from './Card.vue';",
  '</script>',
  '<template>',
  '  <price-card :price="100" />',
  '</template>',
  '',
].join('\n');
const COUNTER = [
  '<script lang="ts">',
  "  import { formatPrice, type Price } from './util';",
  '  export let count: Price = 0;',
  '</script>',
  '',
  '<button on:click={() => count++}>{formatPrice(count)}</button>',
  '',
].join('\n');
const MAIN =
  "import Counter from './Counter.svelte';\nimport { pageTitle } from './Page.vue';\nexport const app = [Counter, pageTitle('a')];\n";

const project = () =>
  createTempRepo({ 'src/util.ts': UTIL, 'src/Card.vue': CARD, 'src/Page.vue': PAGE, 'src/Counter.svelte': COUNTER, 'src/main.ts': MAIN });

test('a .vue and a .svelte file importing a changed export are its direct users, value and type told apart', () => {
  repo = project();
  repo.stage({
    'src/util.ts': UTIL.replace('(cents: number)', '(cents: number, currency = "USD")').replace(
      'export type Price = number',
      'export type Price = bigint',
    ),
  });
  const impact = impactOf(repo);
  expect(symbol(impact, 'formatPrice').valueUsers).toEqual([
    { path: 'src/Card.vue', line: 2 },
    { path: 'src/Counter.svelte', line: 6 },
  ]);
  expect(symbol(impact, 'Price').typeUsers.map((u) => u.path)).toEqual(['src/Card.vue', 'src/Counter.svelte']);
  // Through the components' default exports: `<price-card>` in Page.vue, `Counter` in main.ts.
  expect(impact.dependents.map((d) => d.path).sort()).toEqual(['src/Card.vue', 'src/Counter.svelte', 'src/Page.vue', 'src/main.ts']);
});

test("a change of a component's template or script is a change of its default export, with its users; a named export of its <script> is its own", () => {
  repo = project();
  repo.stage({ 'src/Card.vue': CARD.replace('class="price"', 'class="price total"') });
  const markup = impactOf(repo);
  expect(markup.triviaOnly).toEqual([]);
  expect(markup.changedSymbols.map((s) => [s.name, s.change])).toEqual([['Card', 'body-changed']]);
  expect(symbol(markup, 'Card').valueUsers).toEqual([{ path: 'src/Page.vue', line: 10 }]);

  repo.stage({ 'src/Card.vue': CARD, 'src/Page.vue': PAGE.replace('toUpperCase()', 'toLowerCase()') });
  const script = impactOf(repo);
  expect(script.changedSymbols.map((s) => [s.name, s.change])).toEqual([['pageTitle', 'body-changed']]);
  expect(symbol(script, 'pageTitle').valueUsers).toEqual([{ path: 'src/main.ts', line: 3 }]);
});

test("a component whose script is only reformatted or re-commented did not change; its script's real edit did", () => {
  // appwrite/console 9be285a786 ("format"): `$derived(\n  a && b\n)` onto one line in two
  // components was "`CreateMember` (default export) changed its implementation: why do they keep
  // working?" while the same files were listed as formatting only.
  const derived = (body: string) =>
    [
      '<script lang="ts">',
      "  import { formatPrice } from './util';",
      '  export let count = 0;',
      body,
      '</script>',
      '',
      '<p>{label}</p>',
      '',
    ].join('\n');
  repo = project();
  repo.stage({ 'src/Counter.svelte': derived('  const label = $derived(\n    formatPrice(count) + " left"\n  );') });
  repo.commit('a label');
  repo.stage({ 'src/Counter.svelte': derived('  // what the button says\n  const label = $derived(formatPrice(count) + " left");') });
  const reformatted = impactOf(repo);
  expect(reformatted.triviaOnly).toEqual(['src/Counter.svelte']);
  expect(reformatted.changedSymbols).toEqual([]);

  repo.stage({ 'src/Counter.svelte': derived('  const label = $derived(formatPrice(count) + " to go");') });
  expect(impactOf(repo).changedSymbols.map((s) => [s.name, s.change])).toEqual([['Counter', 'body-changed']]);

  // Vue's two scripts: the component is its `<script setup>` (and template); a reformatted one is no change.
  repo.stage({ 'src/Counter.svelte': derived('  const label = $derived(\n    formatPrice(count) + " left"\n  );') });
  repo.stage({
    'src/Page.vue': PAGE.replace("import PriceCard from './Card.vue';", "import   PriceCard   from './Card.vue'   // the card"),
  });
  const vue = impactOf(repo);
  expect(vue.triviaOnly).toEqual(['src/Page.vue']);
  expect(vue.changedSymbols).toEqual([]);
  repo.stage({
    'src/Page.vue': PAGE.replace("import PriceCard from './Card.vue';", "import PriceCard from './Card.vue';\nconst shown = true;"),
  });
  expect(impactOf(repo).changedSymbols.map((s) => [s.name, s.change])).toEqual([['Page', 'body-changed']]);
});

test("the questionnaire names a component's changed function and its users", () => {
  repo = project();
  repo.stage({ 'src/Page.vue': PAGE.replace('(name: string)', '(name: string, suffix = "")') });
  const questions = listQuestions(repo)
    .map((q) => q.message)
    .join('\n');
  expect(questions).toContain('pageTitle');
  expect(questions).toContain('src/main.ts');
});

// karakeep-app/karakeep's landing site (apps/landing): `.astro` components import the site's
// constants and components in their frontmatter; they were in no graph, so a change to
// `constants.ts` had no users and a changed `Hero.astro` was asked "What does the change to … do?".
const HERO = [
  '---',
  "import { formatPrice } from './util';",
  '---',
  '',
  '<section class="hero">',
  '  <a href="/signup" target="_blank" rel="noreferrer">From {formatPrice(400)}</a>',
  '</section>',
  '',
].join('\n');
const INDEX = ['---', "import Hero from './Hero.astro';", '---', '<Layout>', '  <Hero />', '</Layout>', ''].join('\n');

test('an .astro component importing a changed export in its frontmatter is its user; its markup change is its own, with its users', () => {
  repo = createTempRepo({ 'src/util.ts': UTIL, 'src/Hero.astro': HERO, 'src/index.astro': INDEX });
  repo.stage({ 'src/util.ts': UTIL.replace('(cents: number)', '(cents: number, currency = "USD")') });
  const util = impactOf(repo);
  expect(symbol(util, 'formatPrice').valueUsers).toEqual([{ path: 'src/Hero.astro', line: 6 }]);
  expect(util.dependents.map((d) => d.path).sort()).toEqual(['src/Hero.astro', 'src/index.astro']);

  repo.stage({ 'src/util.ts': UTIL, 'src/Hero.astro': HERO.replace(' target="_blank" rel="noreferrer"', '') });
  const hero = impactOf(repo);
  expect(hero.changedSymbols.map((s) => [s.name, s.change])).toEqual([['Hero', 'body-changed']]);
  expect(symbol(hero, 'Hero').valueUsers).toEqual([{ path: 'src/index.astro', line: 5 }]);
});

test("a component's markup edit that only takes lines out (or only adds them) is told by those lines", () => {
  // As karakeep a416d043e6's Hero.astro: two attributes of a link taken out, a kept one between.
  const attributes = '\n    target="_blank"\n    class="w-full"\n    rel="noreferrer"\n  ';
  const link = HERO.replace(' target="_blank" rel="noreferrer"', attributes);
  repo = createTempRepo({ 'src/util.ts': UTIL, 'src/Hero.astro': link, 'src/index.astro': INDEX });
  repo.stage({ 'src/Hero.astro': link.replace(attributes, '\n    class="w-full"\n  ') });
  const questions = listQuestions(repo).map((q) => q.message);
  expect(questions).toContainEqual(
    expect.stringContaining(
      '`Hero` (default export) in src/Hero.astro changed its implementation (`target="_blank"` and `rel="noreferrer"` taken out)',
    ),
  );
});

test("a component's markup that replaces its text or wraps an element is told by them, not by nothing", () => {
  // appwrite/console 0889ace4f3 and 613dc06b0a: "`PremiumGeoDB` (default export) … changed its implementation;
  // 1 file uses it: why do they keep working?", the rewritten card text and the new wrapper named nowhere.
  const card = (text: string, divider: string) =>
    ['<script lang="ts">', "  import { formatPrice } from './util';", '</script>', '', '<section>', text, divider, '</section>', ''].join(
      '\n',
    );
  const before = card('  Enrich session and request data with premium geolocation details.', '  <hr />');
  repo = createTempRepo({
    'src/util.ts': UTIL,
    'src/Card.svelte': before,
    'src/main.ts': "import Card from './Card.svelte';\nexport const app = [Card];\n",
  });
  repo.stage({ 'src/Card.svelte': card('  Know exactly where your users are and how they connect.', '  <hr />') });
  expect(listQuestions(repo).map((q) => q.message)).toContainEqual(
    expect.stringContaining(
      'changed its implementation (its text `Enrich session and request data with…` → `Know exactly where your users are…`)',
    ),
  );
  repo.stage({
    'src/Card.svelte': card(
      '  Enrich session and request data with premium geolocation details.',
      '  <div class="divider">\n    <hr />\n  </div>',
    ),
  });
  expect(listQuestions(repo).map((q) => q.message)).toContainEqual(
    expect.stringContaining('changed its implementation (`<div class="divider">` put in)'),
  );
  // c668baad57: words in parentheses are no call ("now calls `disabled`" was asked).
  const note = (text: string) => card(`  {#if count}See the nameservers{/if} instead.${text}`, '  <hr />');
  repo.commit('a note', { 'src/Card.svelte': note('') });
  repo.stage({ 'src/Card.svelte': note(' If you use a CDN, make sure the proxy is\n  disabled (set to DNS only) for this record.') });
  const told = listQuestions(repo).map((q) => q.message);
  expect(told).toContainEqual(
    expect.stringMatching(/`Card` \(default export\) in src\/Card\.svelte changed its implementation \(.*disabled/),
  );
  expect(told.join('\n')).not.toMatch(/calls `disabled`/);
});

test("a component script's new prop and a local it now computes otherwise are named", () => {
  // nuxt/ui 0f8c398673's ComponentProps.vue: "changed its implementation" with nothing named.
  const props = (prop: string, theme: string) =>
    [
      '<script setup lang="ts">',
      "import { formatPrice } from './util';",
      'const props = defineProps<{',
      '  price: number',
      prop,
      '}>()',
      `const label = ${theme}`,
      '</script>',
      '<template><p>{{ label }}</p></template>',
      '',
    ].join('\n');
  repo = createTempRepo({
    'src/util.ts': UTIL,
    'src/Props.vue': props('', 'formatPrice(props.price)'),
    'src/main.ts': "import Props from './Props.vue';\nexport const app = [Props];\n",
  });
  repo.stage({ 'src/Props.vue': props('  pro?: boolean', "props.pro ? 'free' : formatPrice(props.price)") });
  expect(listQuestions(repo).map((q) => q.message)).toContainEqual(
    expect.stringContaining('`Props` (default export) in src/Props.vue changed its implementation (`pro` added, `label` changed)'),
  );
});

test("a component's local named by its helper's edit is not told twice", () => {
  // nuxt/ui 0ceafe1d54's InputMenu.vue: "(`item` changed) and through `displayValue` (`item` changed, …)".
  const menu = (body: string) =>
    [
      '<script setup lang="ts">',
      "import { formatPrice } from './util';",
      'const props = defineProps<{ items: number[]; valueKey?: string }>()',
      'function displayValue(value: number): string {',
      body,
      '  return item === undefined ? "" : formatPrice(item)',
      '}',
      '</script>',
      '<template><p>{{ displayValue(1) }}</p></template>',
      '',
    ].join('\n');
  repo = createTempRepo({
    'src/util.ts': UTIL,
    'src/Menu.vue': menu('  const item = props.items.find((i) => props.valueKey ? i === value : i > value)'),
    'src/main.ts': "import Menu from './Menu.vue';\nexport const app = [Menu];\n",
  });
  repo.stage({
    'src/Menu.vue': menu('  if (!props.valueKey) return ""\n  const item = props.items.find((i) => i === value)'),
  });
  const told = listQuestions(repo).map((q) => q.message);
  expect(told).toContainEqual(expect.stringContaining('changed its implementation through `displayValue` (`item` changed'));
  expect(told.join('\n')).not.toMatch(/\(`item` changed\) and through/);
});

test('odd components: no script, two scripts, a script in the template or a comment, CRLF, a script that does not parse', () => {
  repo = createTempRepo({
    'src/util.ts': UTIL,
    'src/Static.vue': '<template><p>static</p></template>\n',
    'src/Odd.vue': [
      '<!-- <script>import { formatPrice } from "./util"</script> -->',
      '<template><template v-if="x"><script>import { Price } from "./util"</script></template></template>',
      '<script>export const a = 1;</script>',
      '<script setup>',
      "import { formatPrice } from './util';",
      'const s = `<script>`;',
      'formatPrice(1);',
      '</script>',
      '',
    ].join('\r\n'),
    'src/Broken.svelte': "<script>\nimport { formatPrice } from './util';\nconst = ;\n</script>\n{formatPrice(1)}\n",
  });
  repo.stage({ 'src/util.ts': UTIL.replace('(cents: number)', '(cents: bigint)').replace('= number', '= bigint') });
  const impact = impactOf(repo);
  expect(symbol(impact, 'formatPrice').valueUsers.map((u) => `${u.path}:${u.line}`)).toEqual(['src/Broken.svelte:5', 'src/Odd.vue:7']);
  expect(symbol(impact, 'Price').typeUsers).toEqual([]);

  repo.stage({ 'src/Broken.svelte': '<script>\nconst = ;;\n</script>\n', 'src/Static.vue': '<template><p>still static</p></template>\n' });
  const broken = impactOf(repo);
  expect(broken.parseErrors.map((e) => e.path)).toEqual(['src/Broken.svelte']);
  expect(broken.parseErrors[0]!.message).toMatch(/^line 2:/);
});

test("a name that lives only in a component, or a component's name, is found by the hook's and CI's lookups and the names index", () => {
  repo = project();
  repo.write({
    'src/Draft.vue': '<script setup lang="ts">\nfunction saveDraftNow() {}\n</script>\n<template><b @click="saveDraftNow" /></template>\n',
    'src/draft-banner.svelte': '<p>draft</p>\n',
  });
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'draft']);
  const none = () => new Set<string>();
  for (const exists of [
    createNameLookup(repo.dir, { kind: 'index' }, none),
    createNameLookup(repo.dir, { kind: 'tree', rev: 'HEAD' }, none),
    createNameLookup(repo.dir, { kind: 'index' }, none, () => readNamesIndexSync(repo.dir, { kind: 'index' })),
  ]) {
    expect(exists('saveDraftNow', 'identifier')).toBe(true);
    // A component is named after its file, as the questions name it: `draft-banner.svelte` is `DraftBanner`.
    expect(exists('DraftBanner', 'identifier')).toBe(true);
    expect(exists('saveDraftLater', 'identifier')).toBe(false);
  }
});

test("Nuxt's `~`, `@`, `~~` resolve when the tsconfig extends the generated .nuxt/tsconfig.json; `#` modules are named for what they are", () => {
  // nuxt/ui's playground (Nuxt 4's app/ folder) imports `~/types`; 186 imports were "workspace packages" that did not resolve.
  const nuxt = '{\n  "extends": "./.nuxt/tsconfig.json"\n}\n';
  repo = createTempRepo({
    'playground/tsconfig.json': nuxt,
    'playground/app/types/index.ts': UTIL,
    'playground/app/pages/price.vue':
      '<script setup lang="ts">\nimport { formatPrice } from \'~/types\';\n</script>\n<template><b>{{ formatPrice(1) }}</b></template>\n',
    'playground/app/pages/root.vue':
      '<script setup lang="ts">\nimport { formatPrice } from \'~~/app/types\';\n</script>\n<template><i>{{ formatPrice(2) }}</i></template>\n',
    'package.json': JSON.stringify({ name: 'ui', type: 'module', imports: { '#build/ui/*': './.nuxt/ui/*.ts' } }),
    'site/tsconfig.json': nuxt,
    'site/utils/price.ts': UTIL,
    'site/pages/index.vue':
      '<script setup lang="ts">\nimport { formatPrice } from \'@/utils/price\';\nimport theme from \'#build/ui/button\';\n</script>\n<template><b :class="theme">{{ formatPrice(1) }}</b></template>\n',
  });
  repo.stage({
    'playground/app/types/index.ts': UTIL.replace('(cents: number)', '(cents: bigint)'),
    'site/utils/price.ts': UTIL.replace('(cents: number)', '(cents: bigint)'),
  });
  const impact = impactOf(repo);
  const users = impact.changedSymbols.flatMap((s) => [...s.valueUsers, ...s.typeUsers].map((u) => u.path)).sort();
  // The app/ layout (Nuxt 4) and the root one (Nuxt 3) alike.
  expect(users).toEqual(['playground/app/pages/price.vue', 'playground/app/pages/root.vue', 'site/pages/index.vue']);
  expect(impact.warnings).toEqual([
    expect.stringMatching(
      /^1 import of a generated module does not resolve \(e\.g\. #build\/ui\/button from site\/pages\/index\.vue: `#` names/,
    ),
  ]);
});

test("SvelteKit's `$lib` resolves to src/lib when the tsconfig extends the generated .svelte-kit/tsconfig.json", () => {
  repo = createTempRepo({
    'site/tsconfig.json':
      '{\n  // written by sv create\n  "extends": "./.svelte-kit/tsconfig.json",\n  "compilerOptions": { "strict": true }\n}\n',
    'site/src/lib/util.ts': UTIL,
    'site/src/lib/Card.svelte': '<script lang="ts">\n  import { formatPrice } from \'$lib/util\';\n</script>\n<b>{formatPrice(1)}</b>\n',
    'site/src/routes/+page.svelte': "<script>\n  import Card from '$lib/Card.svelte';\n</script>\n\n<Card />\n",
  });
  repo.stage({ 'site/src/lib/util.ts': UTIL.replace('(cents: number)', '(cents: bigint)') });
  const impact = impactOf(repo);
  expect(symbol(impact, 'formatPrice').valueUsers).toEqual([{ path: 'site/src/lib/Card.svelte', line: 4 }]);
  expect(impact.dependents.map((d) => d.path)).toContain('site/src/routes/+page.svelte');
  expect(impact.warnings).toEqual([]);
});

test('a Vue options-API component (`export default {…}`) is named after its file; a template change is its change', () => {
  const legacy = "<template>\n  <p>{{ label }}</p>\n</template>\n<script>\nexport default {\n  props: ['label'],\n};\n</script>\n";
  repo = createTempRepo({
    'src/price-tag.vue': legacy,
    'src/Shop.vue': "<script>\nimport PriceTag from './price-tag.vue';\nexport default { components: { PriceTag } };\n</script>\n",
  });
  repo.stage({ 'src/price-tag.vue': legacy.replace('<p>', '<p class="tag">') });
  const impact = impactOf(repo);
  expect(impact.changedSymbols.map((s) => [s.name, s.isDefault, s.change])).toEqual([['PriceTag', true, 'body-changed']]);
  expect(symbol(impact, 'PriceTag').valueUsers).toEqual([{ path: 'src/Shop.vue', line: 3 }]);
});

test("the questions name the changed member of a component script's export, whatever its template holds", () => {
  const store = [
    '<template>',
    '  <p>/* {{ count }} items</p>',
    '</template>',
    '<script lang="ts">',
    'export class Store {',
    '  flush() {',
    '    return 1;',
    '  }',
    '  keep() {',
    '    return 2;',
    '  }',
    '}',
    '</script>',
    '',
  ].join('\n');
  repo = createTempRepo({
    'src/Store.vue': store,
    'src/main.ts': "import { Store } from './Store.vue';\nexport const s = new Store().flush();\n",
  });
  repo.stage({ 'src/Store.vue': store.replace('return 1;', 'return 3;') });
  const impact = listQuestions(repo).find((q) => q.id.startsWith('impact:'))!;
  // Its one hunk's edit, after the member's name.
  expect(impact.message).toContain('(`flush`: `return 1` → `return 3`)');
  expect(impact.message).toContain('src/main.ts:2');
});

test("a component whose script already binds its file's name is the file's `default`, not a made-up name", () => {
  const calendar = "<script>\n  import * as Calendar from './parts';\n</script>\n<Calendar.Month />\n";
  repo = createTempRepo({
    'src/parts.ts': 'export const Month = 1;\n',
    'src/calendar.svelte': calendar,
    'src/Page.svelte': "<script>\n  import Calendar from './calendar.svelte';\n</script>\n<Calendar />\n",
  });
  repo.stage({ 'src/calendar.svelte': calendar.replace('<Calendar.Month />', '<Calendar.Month year={1} />') });
  const impact = impactOf(repo);
  expect(impact.changedSymbols.map((s) => [s.name, s.isDefault])).toEqual([['default', true]]);
  expect(symbol(impact, 'default').valueUsers).toEqual([{ path: 'src/Page.svelte', line: 4 }]);
});
