import { afterEach, expect, test } from '@jest/globals';
import { coldAndWarm, symbol, uses } from '../helpers/impact-json.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// xyflow 9b3f390e21 moves `setTimeout(…)` out of an `else` block, so the end event fires after
// every wheel tick, not only after later ones. The file was reported "trivia only" and nothing
// changed: TypeScript's node kinds in pre-order are the same for `else { a; b; }` and `else { a; }
// b;`. Each node's number of children is hashed too.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const handler = (body: string) => `export function createPanOnScrollHandler(onStart: () => void, onPan: () => void, onEnd: () => void) {
  let isPanScrolling = false;
  let timeout: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timeout);
    if (!isPanScrolling) {
      isPanScrolling = true;
      onStart();
    } else {
${body}
  };
}
`;
const inside = `      onPan();
      timeout = setTimeout(() => {
        onEnd();
        isPanScrolling = false;
      }, 150);
    }`;
const after = `      onPan();
    }
    // armed on every tick
    timeout = setTimeout(() => {
      onEnd();
      isPanScrolling = false;
    }, 150);`;
const user = `import { createPanOnScrollHandler } from './eventhandler';

export const attach = (el: HTMLElement) => el.addEventListener('wheel', createPanOnScrollHandler(() => {}, () => {}, () => {}));
`;

test('a statement moved out of a block is a change of the export, not trivia', () => {
  repo = createTempRepo({ 'src/eventhandler.ts': handler(inside), 'src/pan-zoom.ts': user });
  repo.stage({ 'src/eventhandler.ts': handler(after) });
  const impact = coldAndWarm(repo);
  expect(impact.triviaOnly).toEqual([]);
  const changed = symbol(impact, 'createPanOnScrollHandler');
  expect(changed.change).toBe('body-changed');
  expect(uses(changed.valueUsers)).toEqual(['src/pan-zoom.ts:3']);
});
