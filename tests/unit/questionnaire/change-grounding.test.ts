import { describe, expect, test } from '@jest/globals';
import { buildChangeVocabulary, splitIdentifier, stemWord } from '../../../src/core/questionnaire/change-vocabulary.js';
import { isAdmission } from '../../../src/core/questionnaire/detect-admission.js';
import { findCodeNames } from '../../../src/core/questionnaire/detect-code-names.js';
import { groundingFor, validateAnswer, type AnswerRules } from '../../../src/core/questionnaire/validate-answer.js';

// Answers judged against the change they explain (issue 19): the issue's own example, a staged
// change where `formatPrice` gains a `locale` and `invoiceLines` passes `customer.locale`.

const PATCH = `diff --git a/src/price.ts b/src/price.ts
--- a/src/price.ts
+++ b/src/price.ts
@@ -1,2 +1,3 @@ import { round } from './round.js';
-export function formatPrice(cents: number, currency: string): string {
-  return \`\${currency} \${(cents / 100).toFixed(2)}\`;
+export function formatPrice(cents: number, currency: string, locale = 'en-US'): string {
+  // Intl knows where each locale puts the currency symbol.
+  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
diff --git a/src/invoice.ts b/src/invoice.ts
--- a/src/invoice.ts
+++ b/src/invoice.ts
@@ -6 +6 @@ export function invoiceLines(customer: Customer, items: Item[]): string[] {
-  return items.map((item) => \`\${item.label}: \${formatPrice(item.cents, customer.currency)}\`);
+  return items.map((item) => \`\${item.label}: \${formatPrice(item.cents, customer.currency, customer.locale)}\`);
diff --git a/src/stats.ts b/src/stats.ts
--- a/src/stats.ts
+++ b/src/stats.ts
@@ -0,0 +1,3 @@
+export function average(values: number[]): number {
+  return values.reduce((a, b) => a + b, 0) / values.length;
+}
`;
const change = buildChangeVocabulary({ patch: PATCH, paths: ['src/price.ts', 'src/invoice.ts', 'src/stats.ts'] });
/** The repository's other names (what `git grep` on the index would find) and the platform's. */
const repository = new Set(['round', 'customer', 'item', 'promise', 'intl', 'numberformat', 'json', 'parse', 'src/round.ts']);
const lookups: string[] = [];
const rules: AnswerRules = {
  minWords: 4,
  otherAnswers: [],
  fileNames: ['src/price.ts', 'src/invoice.ts', 'src/stats.ts'],
  question: 'What problem does this change solve, and why this way?',
  change,
  asksWhatChanged: true,
  nameExists: (name) => (lookups.push(name), repository.has(name.toLowerCase())),
};

describe('the change vocabulary', () => {
  test('identifiers are kept whole and split into words; comments, strings and hunk headers count', () => {
    expect(splitIdentifier('formatPrice')).toEqual(['format', 'price']);
    expect(splitIdentifier('MAX_RETRY_COUNT')).toEqual(['max', 'retry', 'count']);
    expect(splitIdentifier('HTTPServer')).toEqual(['http', 'server']);
    expect(change.names.has('formatprice')).toBe(true);
    expect(change.names.has('invoicelines')).toBe(true); // from the hunk header
    expect(change.names.has('src/price.ts')).toBe(true);
    for (const word of ['format', 'price', 'locale', 'symbol', 'invoice', 'average']) expect(change.words.has(stemWord(word))).toBe(true);
    expect(change.words.has(stemWord('tax'))).toBe(false);
  });
  test('forms of one word share a stem', () => {
    expect(stemWord('formatting')).toBe(stemWord('format'));
    expect(stemWord('caching')).toBe(stemWord('cache'));
    expect(stemWord('invoices')).toBe(stemWord('invoice'));
    expect(stemWord('logging')).toBe(stemWord('log'));
  });
});

describe('code names in an answer', () => {
  test.each([
    ['useQuery ignored staleTime', ['useQuery', 'staleTime']],
    ['`QueryObserver.updateResult` now resets', ['QueryObserver.updateResult']],
    ['calls parse() on src/app/main.ts', ['parse', 'src/app/main.ts']],
    ['the max_retry_count setting', ['max_retry_count']],
    ['README, CI, npm, JavaScript and GitHub, Node.js, e.g. https://x.dev/a.ts', []],
    ['reads vitest.config.js in the user project', []],
    // prettier c609a5415a's body: an emoji shortcode is no code name (it was refused as `kissing_cat`).
    ['* Add tests & docs to eslintignore.\n\n* Update yarn lock file :kissing_cat:', []],
    ['Thanks :+1: for the :white_check_mark: run; `max_retry_count` stays', ['max_retry_count']],
  ])('%j', (text, names) => {
    expect(findCodeNames(text).map((n) => n.text)).toEqual(names);
  });
});

describe('admissions are "I am not sure"', () => {
  test.each([
    'No idea really, the AI suggested it and it looked fine to me so I accepted it.',
    'I am an AI language model and I made these changes…',
    'TODO: write a proper explanation of this change later before merging it.',
    'Honestly no clue, Copilot generated it.',
    'No sé qué hace, la IA lo generó.',
    'Keine Ahnung, die KI hat es vorgeschlagen.',
    '我不知道这段代码做什么，是AI生成的。',
    'よく分かりません。',
  ])('%j', (text) => {
    expect(isAdmission(text)).toBe(true);
    expect(validateAnswer(text, rules)).toMatch(/I am not sure/);
  });
  test.each([
    'We do not know the locale at build time, so formatPrice takes it from the customer.',
    'The parser did not check the BOM, so the first key of a UTF-8 file was wrong.',
    'The model now validates the locale before formatting.',
  ])('a real explanation is not an admission: %j', (text) => {
    expect(isAdmission(text)).toBe(false);
  });
});

describe('answers grounded in this change', () => {
  test.each([
    ['Invoices showed every price in en-US format; formatPrice now takes the customer locale and lets Intl.NumberFormat place the symbol.'],
    ['`formatPrice` gains a `locale` parameter so `invoiceLines` can pass `customer.locale`'],
    ['average is too trivial to need a test'],
    ['Las facturas usaban siempre en-US: `formatPrice` recibe ahora `locale` e `invoiceLines` pasa `customer.locale`.'],
    ['`invoiceLines` 现在把 `customer.locale` 传给 `formatPrice`，价格按客户的地区格式显示。'],
    ['Rounding still goes through round() in src/round.ts; only the symbol placement follows the locale.'],
  ])('accepts %j', (text) => {
    expect(validateAnswer(text, rules)).toBeNull();
  });

  test.each([
    [
      'useQuery ignored staleTime after invalidateQueries, so QueryObserver.updateResult now resets fetchStatus before notifying listeners.',
      /`useQuery` is not in this repository/,
    ],
    [
      'Added a VAT line to the invoice so German customers see 19% tax separately from the net total.',
      /says little of this change|connects to nothing/,
    ],
    [
      'The change modernizes the approach used here, leveraging built-in platform capabilities instead of hand-rolled logic, which improves correctness and readability.',
      /connects to nothing|fit any change/,
    ],
    ['Se corrigió un error en la función para que funcione correctamente como se esperaba.', /connects to nothing/],
    ['优化了代码结构，提高了可维护性和可读性。', /connects to nothing/],
    ['Это изменение улучшает читаемость кода и упрощает сопровождение.', /connects to nothing/],
    ['Updates formatPrice to improve things.', /fit any change|Too short/],
  ])('refuses %j', (text, message) => {
    expect(validateAnswer(text, rules)).toMatch(message);
  });

  test("platform names and the repository's other names are welcome; only names the change lacks are looked up", () => {
    lookups.length = 0;
    expect(
      validateAnswer('`formatPrice` now builds an Intl.NumberFormat per call; `JSON.parse` and Promise are untouched', rules),
    ).toBeNull();
    expect(lookups).toEqual(['JSON', 'parse']);
    expect(validateAnswer('`formatPrice` now rounds with `roundHalfEven` before Intl.NumberFormat sees the locale', rules)).toMatch(
      /^`roundHalfEven` is not in this repository/,
    );
  });

  test('without the change only the change-independent rules apply (as before)', () => {
    const { change: _c, nameExists: _n, ...plain } = rules;
    expect(validateAnswer('Added a VAT line to the invoice so German customers see 19% tax separately.', plain)).toBeNull();
  });
});

describe('questions about a process', () => {
  test('a verification answer names how it was checked, not the change; unknown names are still refused', () => {
    const { change: _c, nameExists: _n, ...plain } = rules;
    const answer = 'Ran the unit tests and the app locally against staging';
    expect(validateAnswer(answer, { ...plain, ...groundingFor('intent', rules) })).toMatch(/connects to nothing/);
    expect(validateAnswer(answer, { ...plain, ...groundingFor('verification', rules) })).toBeNull();
    expect(
      validateAnswer('Ran useQuery against staging with the unit tests', { ...plain, ...groundingFor('verification', rules) }),
    ).toMatch(/`useQuery` is not in this repository/);
    // A member of an unknown name: the message names both, each quoted, the parenthesis closed.
    expect(
      validateAnswer('Fixed QueryObserver.updateResult against staging with the unit tests', {
        ...plain,
        ...groundingFor('verification', rules),
      }),
    ).toMatch(/^`QueryObserver` \(in `QueryObserver\.updateResult`\) is not in this repository/);
  });

  test('a verification answer that names a test file the change stages names its check (wevm/wagmi 0a8eb518)', () => {
    const { change: _c, nameExists: _n, ...plain } = rules;
    const tests = ['test/price.test.ts', 'test/invoice.test.ts'];
    const staged = { ...plain, fileNames: [...plain.fileNames, ...tests] };
    // The staged tests are in the repository's index, as the names index would find them.
    const nameExists = (name: string) => repository.has(name.toLowerCase()) || tests.some((t) => t === name || t.endsWith(`/${name}`));
    const check = (answer: string, fileNames: readonly string[] = staged.fileNames) =>
      validateAnswer(answer, { ...staged, fileNames, ...groundingFor('verification', { ...rules, nameExists }) });
    const answer = 'Added tests for the locale in price.test.ts and test/invoice.test.ts';
    expect(check(answer)).toBeNull();
    // Not a test of this change, or too few words to say how: as before.
    expect(check(answer, plain.fileNames)).toMatch(/would fit any change/);
    expect(check('Added tests for the locale in receipt.test.ts')).not.toBeNull();
    expect(check('Ran price.test.ts')).not.toBeNull();
    // The intent question is not answered by naming a test file.
    expect(
      validateAnswer('Updated price.test.ts and invoice.test.ts here', { ...staged, ...groundingFor('intent', rules) }),
    ).not.toBeNull();
  });
});

describe('the names a question gives are facts of this change', () => {
  // An impact question names an export reached through the change and a user the patch never
  // shows; an answer about exactly those is about this change (found merging the quiz fixture).
  const impact: AnswerRules = {
    ...rules,
    // The repository has receipt.ts and formatMoney (untouched by the patch).
    ...groundingFor('impact:src/price.ts#formatMoney', {
      change,
      nameExists: (name) =>
        ['formatmoney', 'receipt.ts', 'src/receipt.ts'].includes(name.toLowerCase()) || repository.has(name.toLowerCase()),
    }),
    question:
      '`formatMoney` in src/price.ts changed its implementation through `formatPrice`; 1 file uses it (src/receipt.ts:3): why do they keep working?',
  };

  test('an answer naming the question’s export and user passes', () => {
    expect(
      validateAnswer('receipt.ts calls formatMoney, which passes no locale, so receipts keep the en-US format they had', impact),
    ).toBeNull();
  });

  test('without the question, the same answer shares too little with the patch', () => {
    const { question: _question, ...withoutQuestion } = impact;
    expect(
      validateAnswer('receipt.ts calls formatMoney, which passes no locale, so receipts keep the en-US format they had', withoutQuestion),
    ).toMatch(/says little of this change|connects to nothing|is not in this repository/);
  });

  test('naming the question’s export does not rescue filler or another project’s names', () => {
    expect(validateAnswer('formatMoney: useQuery ignored staleTime after invalidateQueries', impact)).toMatch(
      /`useQuery` is not in this repository/,
    );
  });
});
