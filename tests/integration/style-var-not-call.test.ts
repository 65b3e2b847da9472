import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// gitbutler 3fea1d5024 (held out in round 53, seen on the start build) gives CommitListItem.svelte a
// `busy` prop, a spinner, and a style rule `color: var(--text-2);`: the question said the component
// "now calls `var`", a stylesheet's function read as a call. `var` is a reserved word of JavaScript:
// never a callee.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
const ITEM = 'apps/desktop/src/components/commit/CommitListItem.svelte';

test("a component's style rule is no call (gitbutler 3fea1d5024)", () => {
  const LIST = 'apps/desktop/src/components/commit/CommitList.svelte';
  const list = (busy: string) =>
    `<script lang="ts">\n\timport CommitListItem from "./CommitListItem.svelte";\n</script>\n\n<CommitListItem${busy} />\n`;
  repo = createTempRepo({ [ITEM]: fixture('gitbutler-commit-list-item.before.svelte.txt'), [LIST]: list('') });
  // A file beside it changes too, as in the commit (a lone file is asked nothing of its own).
  repo.stage({ [ITEM]: fixture('gitbutler-commit-list-item.3fea1d5024.svelte.txt'), [LIST]: list(' busy={true}') });
  const message = messageOf(listQuestions(repo), `unit:${ITEM}`);
  expect(message).toMatch(
    /^In apps\/desktop\/src\/components\/commit\/CommitListItem\.svelte \(with [^)]*\), `CommitListItem` \(default export\) changed its implementation/,
  );
  expect(message).not.toMatch(/calls `var`/);
});
