import { afterEach, expect, test } from '@jest/globals';
import { coldAndWarm, symbol, uses } from '../helpers/impact-json.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

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

// Its question then said "changed its implementation" alone: git's zero-context hunks split the
// move in three, one with a comment added. The lines, comments aside, are the same on both sides
// in another order: the run that moved and the line it now comes before say it.
test('lines put in another order are told by the run that moved, comments aside', () => {
  repo = createTempRepo({ 'src/eventhandler.ts': handler(inside), 'src/pan-zoom.ts': user });
  repo.stage({ 'src/eventhandler.ts': handler(after) });
  // git's diff of these texts aligns them either way: the `}` moved up, or the lines it closed on moved down.
  expect(messageOf(listQuestions(repo), 'impact:src/eventhandler.ts#createPanOnScrollHandler')).toMatch(
    /^`createPanOnScrollHandler` in src\/eventhandler\.ts changed its implementation \(moves (`}` before `timeout = setTimeout\(\(\) => \{`|the lines from `timeout = setTimeout\(\(\) => \{` later)\); 1 file uses it/,
  );
});

// webstudio 96236bbb04 moves the canvas's `<Main>` elements below the side panels, with a JSX
// comment saying why: a comment put beside lines moved is no part of the move.
const layout = (before: string, after: string) => `import { Main, Panel, Workspace } from "./ui";

export const Builder = ({ title }: { title: string }) => {
  return (
    <div>
${before}      <Panel side="left" />
      <Panel side="right" />
${after}    </div>
  );
};
`;
const main = `      <Main>
        <Workspace title={title} />
      </Main>
`;
const route = `import { Builder } from "./builder";

export const Route = () => <Builder title="Home" />;
`;

test('a JSX block moved later beside a JSX comment is told as moved', () => {
  repo = createTempRepo({
    'src/builder.tsx': layout(main, ''),
    'src/route.tsx': route,
    'src/ui.tsx': 'export const Main = () => null;\nexport const Panel = () => null;\nexport const Workspace = () => null;\n',
  });
  repo.stage({
    'src/builder.tsx': layout('', `      {/* Main after the panels: the plus button must stay above the sidebar */}\n${main}`),
  });
  // The block moved later, or (as git aligns these texts) the panels it stood before moved earlier.
  expect(messageOf(listQuestions(repo), 'impact:src/builder.tsx#Builder')).toMatch(
    /^`Builder` in src\/builder\.tsx changed its implementation \(moves the lines from (`<Main>` later|`<Panel side="left" \/>` earlier)\); 1 file uses it/,
  );
});
