import { expect, test } from '@jest/globals';
import { describeLocalsEdit } from '../../../src/core/questionnaire/component-locals.js';

// nuxt/ui 0f8c398673's docs components, their edits as the questions read them (trimmed lines, hunks by `@@`).

test('a prop put in and a local whose declaration changed are named (ComponentProps.vue)', () => {
  const edit = [
    '+pro?: boolean',
    '@@',
    '-const componentTheme = (theme as any)[camelName]',
    '+const componentTheme = ((props.pro ? themePro : theme) as any)[camelName]',
  ].join('\n');
  expect(describeLocalsEdit(edit)).toBe(' (`pro` added, `componentTheme` changed)');
});

test('a key the other side still spells is not taken out; a local only re-spaced is not changed (ComponentTheme.vue)', () => {
  const edit = ['-ui: {', "+[props.pro ? 'uiPro' : 'ui']: {", '@@', '-const a =  1', '+const a = 1'].join('\n');
  expect(describeLocalsEdit(edit)).toBe('');
  expect(describeLocalsEdit(['-label: string', '+title: string'].join('\n'))).toBe(' (`title` added, `label` taken out)');
});
