import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// A bug fix that moves a call under a condition changes no line but braces: ant-design fe3c108262's
// `onVisibleChange` called `triggerVisible(newVisible)` before `if (!newVisible && … && filterOnClose)
// { onConfirm() }`, and now only in that `if`'s new `else`, so closing a filter no longer fires the
// close callback twice. It was asked "(`onVisibleChange` changed)", which says where, not what.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const dropdown = (body: string) => `export interface Column {
  filterDropdown?: unknown;
}

export function createFilterDropdown(column: Column, filterOnClose: boolean, onConfirm: () => void, triggerVisible: (v: boolean) => void) {
  const onVisibleChange = (newVisible: boolean, source: string) => {
    if (source === 'trigger') {
${body}
    }
  };
  return { onVisibleChange };
}
`;
const USER =
  "import { createFilterDropdown } from './dropdown';\n\nexport const dropdown = createFilterDropdown({}, true, () => undefined, () => undefined);\n";

test('a call moved into a new `else` is named with the `if` it now depends on', () => {
  const before = [
    '      triggerVisible(newVisible);',
    '',
    '      if (!newVisible && !column.filterDropdown && filterOnClose) {',
    '        onConfirm();',
    '      }',
  ].join('\n');
  const after = [
    '      if (!newVisible && !column.filterDropdown && filterOnClose) {',
    '        onConfirm();',
    '      } else {',
    '        triggerVisible(newVisible);',
    '      }',
  ].join('\n');
  repo = createTempRepo({ 'src/dropdown.ts': dropdown(before), 'src/table.ts': USER });
  repo.stage({ 'src/dropdown.ts': dropdown(after) });
  expect(messageOf(listQuestions(repo), 'impact:src/dropdown.ts#createFilterDropdown')).toMatch(
    /changed its implementation \(`onVisibleChange`: `triggerVisible\(newVisible\)` moved into the `else` of `if \(!newVisible && !column\.filterDropdown && filterOnClose\)`\);/,
  );
});

// A call moved into an `if` that was already there (its body gains a line, no branch is new).
test('a call moved into an existing `if` is named with its condition', () => {
  const before = '      triggerVisible(newVisible);\n      if (filterOnClose) {\n        onConfirm();\n      }';
  const after = '      if (filterOnClose) {\n        triggerVisible(newVisible);\n        onConfirm();\n      }';
  repo = createTempRepo({ 'src/dropdown.ts': dropdown(before), 'src/table.ts': USER });
  repo.stage({ 'src/dropdown.ts': dropdown(after) });
  expect(messageOf(listQuestions(repo), 'impact:src/dropdown.ts#createFilterDropdown')).toMatch(
    /\(`onVisibleChange`: `triggerVisible\(newVisible\)` moved under `if \(filterOnClose\)`\)/,
  );
});
