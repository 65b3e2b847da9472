import { describe, expect, test } from '@jest/globals';
import { findMemberRead, listReadMembers } from '../../../src/core/questionnaire/member-reads.js';
import type { MemberChanges } from '../../../src/core/questionnaire/changed-members.js';

// Which line of a user reads a member the change altered or changed (the unit question's reader).

const text = [
  "import type { Query } from './query'",
  '// query.promise is read below',
  'export function dehydrate(query: Query) {',
  '  query.fetch = wrap(query.fetch)',
  '  const next = query.cancel()',
  '  return query.promise?.then(serialize)',
  '}',
].join('\n');

const QUERY = { name: 'Query', path: 'src/query.ts' };
const DATETIME = { name: 'DateTime', path: 'src/datetime.js' };

describe('findMemberRead', () => {
  test('an altered member is found before a changed one; comments and assignments are no reads', () => {
    expect(findMemberRead(text, { altered: ['promise'], changed: ['cancel'] }, QUERY)).toEqual({
      member: 'promise',
      line: 6,
      expression: 'query.promise',
      isCall: false,
      isAltered: true,
    });
    // `query.fetch = …` assigns it; the read on the same line is the one found.
    expect(findMemberRead(text, { altered: [], changed: ['fetch'] }, QUERY)).toMatchObject({
      line: 4,
      expression: 'query.fetch',
      isCall: false,
    });
    expect(findMemberRead(text, { altered: [], changed: ['cancel'] }, QUERY)).toMatchObject({ line: 5, isCall: true, isAltered: false });
  });
  // arktype 10e4ce3: `ArkErrors` gains `static get [Symbol.species]()`, and the question named
  // "ark/type/keywords/string.ts:262, which reads `parsedParts.m`": the brackets of the computed
  // name made a character class, so any member of one of its letters was a read.
  test('a computed member name is read by no dot: no read is found for it', () => {
    const user = ['const parts = {} as Record<string, string>', 'const date = new Date(`${parts.m}/${parts.d}`)'].join('\n');
    expect(findMemberRead(user, { altered: [], changed: ['[Symbol.species]'] }, QUERY)).toBeNull();
    expect(findMemberRead(user, { altered: [], changed: ['[Symbol.species]', 'd'] }, QUERY)).toMatchObject({ line: 2, member: 'd' });
  });
  test('`this.member` is the class reading itself, and a name inside a longer one is no read', () => {
    expect(findMemberRead('this.promise\nquery.promiseLike\n', { altered: ['promise'], changed: [] }, QUERY)).toBeNull();
  });
  test("another class's static member is no read of the changed class's (luxon 765f90bf: duration.js's own `Duration.fromObject`)", () => {
    const duration = [
      "import DateTime, { Info as I } from './datetime.js';",
      "import Locale from './impl/locale.js';",
      'const zone = Locale.fromObject({});',
      'export default class Duration {',
      '  static of(values) { return Duration.fromObject(values); }',
      '  toDate() { return Math.max(1, 2) && I.fromObject(this) && DateTime.fromObject(this.values); }',
      '}',
    ].join('\n');
    expect(findMemberRead(duration, { altered: [], changed: ['fromObject', 'max'] }, DATETIME)).toMatchObject({
      line: 6,
      expression: 'I.fromObject',
    });
    const required =
      "const DT = require('./datetime');\nconst DateTime = require('luxon');\nconst d = DateTime.fromObject({});\nconst e = DT.fromObject({});\n";
    // A method of the built-in objects read off anything but the class itself is another object's.
    const locale =
      "import { DateTime } from './datetime.js';\nconst cache = new Map();\ncache.set(1, 2);\nDateTime.set(3);\nzone.setZone(4);\n";
    expect(findMemberRead(locale, { altered: [], changed: ['set', 'setZone'] }, DATETIME)).toMatchObject({
      line: 4,
      expression: 'DateTime.set',
    });
    expect(findMemberRead(locale, { altered: [], changed: ['setZone', 'set'] }, DATETIME)).toMatchObject({ line: 4 });
    expect(findMemberRead(locale.replace('DateTime.set(3);\n', ''), { altered: [], changed: ['set', 'setZone'] }, DATETIME)).toMatchObject({
      expression: 'zone.setZone',
    });
    // Required by the file's name: the binding is its own.
    expect(
      findMemberRead(required.replace('const d = DateTime.fromObject({});\n', ''), { altered: [], changed: ['fromObject'] }, DATETIME),
    ).toMatchObject({
      expression: 'DT.fromObject',
    });
    expect(findMemberRead(required, { altered: [], changed: ['fromObject'] }, DATETIME)).toMatchObject({
      line: 3,
      expression: 'DateTime.fromObject',
    });
  });
});

describe('listReadMembers', () => {
  const changes = (over: Partial<MemberChanges>): MemberChanges => ({
    changed: ['fetch', 'constructor'],
    added: [],
    removed: [],
    areProperties: true,
    branches: [],
    altered: ['promise'],
    ...over,
  });
  const members = (c: MemberChanges) => new Map([['src/query.ts', new Map([['Query', c]])]]);
  test("a class's members, the constructor left out (nobody reads it off an instance); a function's locals are read by nobody", () => {
    expect(listReadMembers(members(changes({})), { path: 'src/query.ts', name: 'Query' })).toEqual({
      altered: ['promise'],
      changed: ['fetch'],
    });
    expect(listReadMembers(members(changes({ areProperties: false })), { path: 'src/query.ts', name: 'Query' })).toBeNull();
  });
});
