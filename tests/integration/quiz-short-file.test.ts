import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// A short file whose change moves a block between its pieces (no line new, none gone, none far
// from the edits) had no quiz, and a guesser passed its review. The beside question takes its wrong
// choices from the files beside it; a line naming its file (`SwitchThumb` in switch.ws.ts) gives
// itself away and is offered by none.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const meta = (root: string, item: string) => `import type { WsComponentMeta } from "@webstudio-is/sdk";
import { div } from "@webstudio-is/sdk/normalize.css";

export const metaToggle: WsComponentMeta = {
  icon: "toggle",
  presetStyle: { div },
  initialProps: ["id", "class", "pressed", "disabled"],${root}
};

export const metaToggleItem: WsComponentMeta = {
  icon: "item",
  presetStyle: { button: div },
  initialProps: ["id", "class", "value"],${item}
};
`;
const STATES = `
  states: [
    { label: "On", selector: "[data-state=on]" },
    { label: "Off", selector: "[data-state=off]" },
  ],`;

const sibling = (name: string, tag: string) => `import type { WsComponentMeta } from "@webstudio-is/sdk";
import { ${tag} } from "@webstudio-is/sdk/normalize.css";

export const meta${name}: WsComponentMeta = {
  icon: "${name.toLowerCase()}",
  presetStyle: { ${tag} },
  contentModel: { category: "none", children: ["instance"] },
  initialProps: ["id", "class", "open"],
  descendants: [radix.${name}Thumb],
};

export const meta${name}Content: WsComponentMeta = {
  label: "${name} Content",
  presetStyle: { ${tag} },
  initialProps: ["id", "class", "forceMount"],
};
`;

test('a short file whose block moves gets beside questions, wrong choices from the files beside it, none naming its file', () => {
  repo = createTempRepo({
    'src/toggle.ws.ts': meta(STATES, ''),
    'src/switch.ws.ts': sibling('Switch', 'span'),
    'src/popover.ws.ts': sibling('Popover', 'section'),
  });
  repo.stage({ 'src/toggle.ws.ts': meta('', STATES) });
  const quiz = listQuestions(repo).filter((q) => q.quiz === true);
  expect(quiz.length).toBeGreaterThanOrEqual(2);
  const own = new Set(
    meta('', STATES)
      .split('\n')
      .map((line) => line.trim()),
  );
  const beside = new Set(`${sibling('Switch', 'span')}\n${sibling('Popover', 'section')}`.split('\n').map((line) => line.trim()));
  for (const question of quiz) {
    expect(question.message).toBe(
      'Which of these lines stands in src/toggle.ws.ts within five lines of a line this change edits (the others stand far from every edit, or in files beside it)?',
    );
    const choices = question.choices ?? [];
    expect(choices.length).toBeGreaterThanOrEqual(4);
    expect(choices.filter((c) => own.has(c))).toHaveLength(1);
    expect(choices.filter((c) => !own.has(c)).every((c) => beside.has(c))).toBe(true);
    expect(choices.filter((c) => /switch|popover|toggle/i.test(c))).toEqual([]);
  }
});
