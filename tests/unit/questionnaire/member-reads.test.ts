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

describe('findMemberRead', () => {
  test('an altered member is found before a changed one; comments and assignments are no reads', () => {
    expect(findMemberRead(text, { altered: ['promise'], changed: ['cancel'] })).toEqual({
      member: 'promise',
      line: 6,
      expression: 'query.promise',
      isCall: false,
      isAltered: true,
    });
    // `query.fetch = …` assigns it; the read on the same line is the one found.
    expect(findMemberRead(text, { altered: [], changed: ['fetch'] })).toMatchObject({ line: 4, expression: 'query.fetch', isCall: false });
    expect(findMemberRead(text, { altered: [], changed: ['cancel'] })).toMatchObject({ line: 5, isCall: true, isAltered: false });
  });
  test('`this.member` is the class reading itself, and a name inside a longer one is no read', () => {
    expect(findMemberRead('this.promise\nquery.promiseLike\n', { altered: ['promise'], changed: [] })).toBeNull();
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
