import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// growthbook/growthbook ccb79b9526 says "organization" where its docs said "business", nine pages,
// each line reworded its own way; the docs question was "What should readers of
// docs/app/choose-data-path.mdx, … now know that they did not?". The word swapped is the change.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const pages = {
  'docs/app/choose-data-path.mdx': [
    "- You'd like to keep your data in your own warehouse so it can be joined with the rest of your business data.",
    "- You'd like to keep your data in your own warehouse so it can be joined with the rest of your organization's data.",
  ],
  'docs/overview.mdx': [
    'description: Learn about the GrowthBook platform and how it can help you grow your business.',
    'description: Learn about the GrowthBook platform and how it can help your organization grow.',
  ],
  'docs/app/metrics.mdx': [
    'Metrics are how you measure success and failure for your business. Every company is different.',
    'Metrics are how you measure success and failure for your organization. Every company is different.',
  ],
} as const;
const page = (line: string) => `# Title\n\nSome words first.\n\n${line}\n\nSome words after.\n`;

test('docs that swap one word for another, each line its own way, are asked about that word', () => {
  repo = createTempRepo(Object.fromEntries(Object.entries(pages).map(([path, [was]]) => [path, page(was)])));
  repo.stage(Object.fromEntries(Object.entries(pages).map(([path, [, now]]) => [path, page(now)])));
  const asked = listQuestions(repo).find((q) => q.id.startsWith('docs:'))?.message;
  expect(asked).toMatch(
    /^In docs\/\S+\.mdx, docs\/\S+\.mdx and 1 more, `business` becomes `organization`: what should their readers take differently\?$/,
  );
});

test('docs reworded with no word in common are asked what readers now know', () => {
  repo = createTempRepo({ 'docs/a.mdx': page('The cache keeps entries for a day.'), 'docs/b.mdx': page('Run the job nightly.') });
  repo.stage({ 'docs/a.mdx': page('The cache keeps entries for an hour.'), 'docs/b.mdx': page('Run the job every weekend.') });
  const asked = listQuestions(repo).find((q) => q.id.startsWith('docs:'))?.message;
  expect(asked).toMatch(/^What should readers of docs\/a\.mdx, docs\/b\.mdx now know that they did not\?$/);
});
