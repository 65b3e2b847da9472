import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// hatchet b868948006 adds a 114-line `DomainRedirectModal` in a new file and one line rendering it
// in root.tsx. A new file has no unchanged line to offer beside its own lines, and root.tsx's line
// names the component the report prints: the quiz was one question, "what does `className`
// default to", read off `className="max-w-lg text-center"` alone on a line of `<DialogContent` —
// an element's attribute, no parameter's default — and a guesser passed it 1 time in 5. Now the
// attribute is no default, and a quiz whose lines run out asks which names the change declares,
// beside names the file imports.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
const MODAL = 'frontend/app/src/components/modals/domain-redirect-modal.tsx';

test('a new file and one line that renders it: a quiz a guesser passes at most 1 in 25, every choice checked', () => {
  const modal = fixture('hatchet-domain-redirect-modal.b868948006.tsx.txt');
  repo = createTempRepo({ 'frontend/app/src/pages/root.tsx': fixture('hatchet-root.before.tsx.txt') });
  repo.stage({ 'frontend/app/src/pages/root.tsx': fixture('hatchet-root.b868948006.tsx.txt'), [MODAL]: modal });
  const quiz = listQuestions(repo).filter((q) => q.quiz === true);
  // Read off the real file: what it declares, and what its import statements bring in.
  const declared = new Set([...modal.matchAll(/^\s*(?:export\s+)?(?:function|const|let)\s+([\w$]+)/gm)].map((m) => m[1]!));
  const imports = modal.slice(0, modal.indexOf('\n\n//'));
  const isImported = (name: string) => new RegExp(`\\b${name}\\b`).test(imports) && !declared.has(name);
  expect(quiz.some((q) => /default to/.test(q.message))).toBe(false);
  const asking = quiz.filter((q) => q.message.startsWith(`Which of these names does this change declare in ${MODAL}`));
  expect(asking.length).toBeGreaterThan(0);
  const offered: string[] = [];
  for (const q of asking) {
    // One right choice, the rest imported: never a name the report prints (`DomainRedirectModal`).
    expect(q.choices!.filter((c) => declared.has(c))).toHaveLength(1);
    expect(q.choices!.filter(isImported)).toHaveLength(q.choices!.length - 1);
    expect(q.choices).not.toContain('DomainRedirectModal');
    offered.push(...q.choices!);
  }
  // A wrong name is offered once: seen twice, it would be known wrong.
  expect(new Set(offered).size).toBe(offered.length);
  expect(quiz.reduce((chance, q) => chance / q.choices!.length, 1)).toBeLessThanOrEqual(1 / 25 + 1e-12);
});
