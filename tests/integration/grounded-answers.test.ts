import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { reviewWithAnswers, type ListedQuestion } from '../helpers/answers.js';
import { createTempRepo, TempRepo } from '../helpers/temp-repo.js';

// Issue 19 through the real CLI (`--answers`): the staged change is the issue's own example
// (`formatPrice` gains `locale = 'en-US'` and uses Intl.NumberFormat; `invoiceLines` passes
// `customer.locale`; a new `average` helper). Each kind of answer the issue found recorded is
// refused, admissions stop as "I am not sure", real answers pass; and CI re-validating a record
// gives the hook's verdict.

const PRICE_BEFORE = `export function formatPrice(cents: number, currency: string): string {
  return \`\${currency} \${(cents / 100).toFixed(2)}\`;
}
`;
const PRICE_AFTER = `export function formatPrice(cents: number, currency: string, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}
`;
const invoice = (args: string) => `import { formatPrice } from './price.js';

export interface Customer { name: string; locale: string; currency: string }

export function invoiceLines(customer: Customer, items: { label: string; cents: number }[]): string[] {
  return items.map((item) => \`\${item.label}: \${formatPrice(${args})}\`);
}
`;
const STATS = `export function average(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
`;

/** Grounded answers for every question but the one under test. */
const GOOD: Record<string, string> = {
  provenance: 'Typed by hand in the editor.',
  intent: 'Invoices showed every price in en-US format; formatPrice now takes the customer locale and Intl.NumberFormat places the symbol.',
  verification: 'Called invoiceLines with a de-DE customer and compared the euro amounts with Intl.NumberFormat output by hand.',
  'no-test': 'average is too trivial to need a test, and formatPrice only hands the locale to Intl.NumberFormat.',
  'unit:src/price.ts': 'formatPrice gains a locale parameter, en-US by default, and formats through Intl.NumberFormat.',
  'unit:src/invoice.ts': 'invoiceLines passes customer.locale as the new third argument.',
  'unit:src/stats.ts': 'The new average helper reduces the values to their sum and divides by values.length.',
};

let repo: TempRepo;
let questions: ListedQuestion[] = [];
beforeAll(() => {
  repo = createTempRepo({
    'package.json': '{"name":"shop","type":"module"}',
    'src/price.ts': PRICE_BEFORE,
    'src/invoice.ts': invoice('item.cents, customer.currency'),
  });
  repo.stage({
    'src/price.ts': PRICE_AFTER,
    'src/invoice.ts': invoice('item.cents, customer.currency, customer.locale'),
    'src/stats.ts': STATS,
  });
  questions = JSON.parse(repo.run(['--dry-run', '--json', '--no-impact']).stdout).questions;
});
afterAll(() => repo.cleanup());

function review(id: string, text: string) {
  return reviewWithAnswers(repo, questions, (asked) => (asked === id ? text : (GOOD[asked] ?? `${GOOD.intent} (${asked})`)));
}

describe('answers about this change, through the CLI', () => {
  test.each([
    [
      'another project',
      'useQuery ignored staleTime after invalidateQueries, so QueryObserver.updateResult now resets fetchStatus before notifying listeners.',
      /`useQuery` is not in this repository/,
    ],
    [
      'a different change',
      'Added a VAT line to the invoice so German customers see 19% tax separately from the net total.',
      /says little of this change|connects to nothing/,
    ],
    [
      'fluent filler',
      'The change modernizes the approach used here, leveraging built-in platform capabilities instead of hand-rolled logic, which improves correctness and readability.',
      /connects to nothing|fit any change/,
    ],
    [
      'Spanish filler',
      'Se corrigió un error en la función para que funcione correctamente como se esperaba.',
      /connects to nothing|says little/,
    ],
    ['Chinese filler', '优化了代码结构，提高了可维护性和可读性。', /connects to nothing/],
  ])('%s is refused', (_kind, text, message) => {
    const { code, output } = review('intent', text);
    expect(code).toBe(1);
    expect(output).toMatch(message);
  });

  test.each([
    'No idea really, the AI suggested it and it looked fine to me so I accepted it.',
    'I am an AI language model and I made these changes to the pricing code.',
    'TODO: write a proper explanation of this change later before merging it.',
  ])('an admission stops the commit as "I am not sure": %j', (text) => {
    const { code, output } = review('intent', text);
    expect(code).toBe(1);
    expect(output).toMatch(/Not sure about/);
  });

  test('real answers, short ones that name the thing included, are recorded', () => {
    expect(questions.map((q) => q.id)).toEqual(expect.arrayContaining(['intent', 'verification']));
    const { code, output } = review(
      'intent',
      '`formatPrice` gains a `locale` so `invoiceLines` can pass `customer.locale`: prices follow the customer.',
    );
    expect(output).not.toMatch(/is not in this repository|connects to nothing|says little/);
    expect(code).toBe(0);
  });
});

describe('real explanations in the shape of a squashed commit (typeorm/typeorm tune split)', () => {
  test.each([
    [
      'steps said again',
      `* formatPrice takes the customer locale, en-US by default\n* invoiceLines passes customer.locale\n${'* fixing broken tests\n'.repeat(6)}`,
    ],
    [
      'list items ending with ";"',
      '* formatPrice formats through Intl.NumberFormat;\n* invoiceLines passes customer.locale;\n* average added;',
    ],
  ])('%s: recorded', (_kind, text) => {
    const { code, output } = review('intent', text);
    expect(output).not.toMatch(/repeats the same word|pasted code/);
    expect(code).toBe(0);
  });
});

describe('CI re-validates a record against the change it reviewed', () => {
  test("the hook's record passes; the same record with an answer about another project fails with the hook's reason", () => {
    repo.git(['tag', '-f', 'base']);
    expect(review('intent', GOOD.intent!).code).toBe(0);
    const messageFile = join(repo.dir, '.git', 'REVIEWED_MSG');
    writeFileSync(messageFile, 'Prices follow the customer locale\n');
    repo.run(['hook', 'prepare-commit-msg', messageFile, 'message']);
    repo.git(['commit', '-q', '--no-verify', '-F', messageFile]);
    repo.run(['hook', 'post-commit']);
    const ci = () => {
      const result = repo.run(['ci', '--base', 'base', '--format', 'json', '--no-impact']);
      const commit = (JSON.parse(result.stdout) as { commits: { findings: { level: string; message: string }[] }[] }).commits[0]!;
      // Answered from a file: CI says so too; only the validation of the answers matters here.
      return commit.findings.filter((f) => f.level === 'error' && !/answered from a file/.test(f.message)).map((f) => f.message);
    };
    expect(ci()).toEqual([]);

    const foreign = 'useQuery ignored staleTime after invalidateQueries, so QueryObserver.updateResult now resets fetchStatus first.';
    const hookVerdict = /`useQuery` is not in this repository/;
    const note = JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD'])) as {
      answers: { questionId: string; answer: string }[];
    };
    for (const answer of note.answers) if (answer.questionId === 'intent') answer.answer = foreign;
    writeFileSync(join(repo.dir, '.git', 'edited-note.json'), JSON.stringify(note));
    repo.git(['notes', '--ref=selfreview', 'add', '-f', '-F', join(repo.dir, '.git', 'edited-note.json'), 'HEAD']);
    expect(ci().join('\n')).toMatch(hookVerdict);
  });
});
