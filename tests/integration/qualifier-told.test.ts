import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// eclipsesource/jsonforms e797a3d89 routes every renderer's id calls through a new `Id` object:
// `removeId(this.id)` becomes `Id.removeId(this.id)`. The cut between the two sides' common ends is
// `Id .` alone, and the question read "(`ngOnDestroy`: `super.ngOnDestroy()` → `super.ngOnDestroy()
// Id.`)" and "(`update`: `Id.` added)".

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const ids = (more: string) => `const used = new Set<string>();

export const createId = (proposed: string) => {
  used.add(proposed);
  return proposed;
};

export const removeId = (id: string) => used.delete(id);
${more}`;
const control = (imported: string, call: (name: string) => string) => `import { ${imported} } from './ids';

export abstract class BaseControl {
  id = '';

  ngOnInit() {
    this.id = ${call('createId')}('control');
  }

  ngOnDestroy() {
    this.stop();
    ${call('removeId')}(this.id);
  }

  stop() {}
}
`;
const array = `import { BaseControl } from './control';

export class ArrayControl extends BaseControl {}
`;

test('a qualifier put before a call is told with the call it qualifies', () => {
  repo = createTempRepo({ 'src/ids.ts': ids(''), 'src/control.ts': control('createId, removeId', (n) => n), 'src/array.ts': array });
  repo.stage({
    'src/ids.ts': ids('\nexport const Id = { createId, removeId };\n'),
    'src/control.ts': control('Id', (n) => `Id.${n}`),
  });
  expect(messageOf(listQuestions(repo), 'unit:src/control.ts')).toMatch(
    /`BaseControl` changed its implementation \(`ngOnInit`: `createId\('control'\)` → `Id\.createId\('control'\)`; `ngOnDestroy`: `removeId\(this\.id\)` → `Id\.removeId\(this\.id\)`\)/,
  );
});

test('a qualifier taken off is told the same way round', () => {
  repo = createTempRepo({
    'src/ids.ts': ids('\nexport const Id = { createId, removeId };\n'),
    'src/control.ts': control('Id', (n) => `Id.${n}`),
    'src/array.ts': array,
  });
  repo.stage({ 'src/ids.ts': ids(''), 'src/control.ts': control('createId, removeId', (n) => n) });
  expect(messageOf(listQuestions(repo), 'unit:src/control.ts')).toMatch(
    /`ngOnDestroy`: `Id\.removeId\(this\.id\)` → `removeId\(this\.id\)`/,
  );
});
