import { expect, test } from '@jest/globals';
import { describeMarkupEdit } from '../../../src/core/questionnaire/markup-edit.js';

// The edits of appwrite/console's Svelte components, as git shows them (hunk lines with their marks).

test("a component's rewritten text is told from where it starts to differ", () => {
  // 0889ace4f3, premiumGeoDB.svelte.
  const card = [
    ' <CardGrid>',
    '     <svelte:fragment slot="title">Premium Geo DB</svelte:fragment>',
    '-    Enrich session and request data with premium geolocation details such as timezone, postal code, ISP,',
    '-    connection type, and organization. Useful for fine-grained analytics, fraud detection, and personalized',
    '-    user experiences.',
    "+    Know exactly where your users are and how they're connecting. Tailor pricing, currency and language",
    '+    by region, meet local compliance requirements, and catch risky sign-ins before they cause damage —',
    '+    all without writing a line of geo lookup code.',
    '     <svelte:fragment slot="aside">',
  ].join('\n');
  expect(describeMarkupEdit(card)).toBe(' (its text `Enrich session and request data with…` → `Know exactly where your users are…`)');
  // 5bfc3716e2, selectPaymentMethod.svelte: the first five words are kept.
  const notice = [
    '-                To comply with RBI regulations in India, Appwrite will ask for verification to charge',
    '-                up to $150 USD on your payment method.',
    '+                To comply with RBI regulations in India, you will be asked to authenticate the first charge',
    '+                during checkout.',
  ].join('\n');
  expect(describeMarkupEdit(notice)).toBe(' (its text `…India, Appwrite will ask for verification…` → `…India, you will be asked to…`)');
});

test('an element put in around another, and an attribute whose value changed, are named', () => {
  // 613dc06b0a, updateProtocols.svelte and updateBuildSettings.svelte.
  const wrapped = [
    '             </div>',
    '-            <Divider />',
    '+            <div class="protocol-toolbar-divider">',
    '+                <Divider />',
    '+            </div>',
    '             <div class="protocol-list-content">',
  ].join('\n');
  expect(describeMarkupEdit(wrapped)).toBe(' (`<div class="protocol-toolbar-divider">` put in)');
  const reset = [
    "                                 on:click={() => reset('installCommand')}",
    '-                                disabled={installCommand === frameworkAdapterData?.installCommand}>',
    "+                                disabled={(installCommand ?? '') ===",
    "+                                    (frameworkAdapterData?.installCommand ?? '')}>",
  ].join('\n');
  expect(describeMarkupEdit(reset)).toBe(' (`disabled` now has another value)');
  // nuxt/ui 30218f1b5b, NavigationMenu.vue: two attributes passed on, beside a type's edit.
  const passed = [
    "-export interface NavigationMenuItem extends Omit<LinkProps, 'raw' | 'custom'> {",
    "+export interface NavigationMenuItem extends Omit<LinkProps, 'raw' | 'custom'>, Pick<CollapsibleRootProps, 'defaultOpen' | 'open'> {",
    '@@',
    '           :value="item.value || String(index)"',
    '+          :default-open="item.defaultOpen"',
    '+          :open="item.open"',
    '           :class="ui.item({ class: props.ui?.item })"',
  ].join('\n');
  expect(describeMarkupEdit(passed)).toBe(' (`:default-open` and `:open` added)');
});

test('script statements are no text, an unchanged text is none, and a rewrite of many elements is not told', () => {
  expect(describeMarkupEdit(['-export default Card', '+export default PriceCard'].join('\n'))).toBe('');
  // 14a0c3683f: a return type's arguments are no element.
  const typed = [
    '-    async function updateRowContents(row: Models.Row) {',
    '+    async function updateRowContents(row: Models.Row): Promise<Models.Row | false> {',
  ].join('\n');
  expect(describeMarkupEdit(typed)).toBe('');
  expect(describeMarkupEdit(['-  Your plan renews monthly', '+  Your plan renews  monthly'].join('\n'))).toBe('');
  const rewrite = ['-<p>a</p>', '+<section>', '+  <h2>b</h2>', '+  <ul><li>c</li></ul>', '+</section>'].join('\n');
  expect(describeMarkupEdit(rewrite)).toBe('');
});
