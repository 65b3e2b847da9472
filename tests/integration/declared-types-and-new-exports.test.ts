import { afterEach, describe, expect, test } from '@jest/globals';
import { coldAndWarm, symbol, uses } from '../helpers/impact-json.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// What a new user saw on sindresorhus/execa 84fa0ec ("Add `killDescendants` option"), cut to what
// it needs (tests/fixtures/impact/new-helper-declared): hand-written declaration files imported by
// their JavaScript names (`from './options.js'` is options.d.ts), a new file whose exports the
// change already calls, and three option types that change through one of their file.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const message = messageOf;

describe('execa 84fa0ec: a new option, declared by hand and spawned through a new file', () => {
  test('`./options.js` written in a declaration file is options.d.ts: its importers are the changed types users', () => {
    repo = createScenarioRepo('impact', 'new-helper-declared');
    const impact = coldAndWarm(repo);
    // Before: 0 users for each (the specifier resolved to nothing).
    expect(uses(symbol(impact, 'CommonOptions').typeUsers)).toEqual(['types/result.d.ts:3']);
    expect(uses(symbol(impact, 'Options').typeUsers)).toEqual(['types/main.d.ts:3']);
    expect(uses(symbol(impact, 'SyncOptions').typeUsers)).toEqual(['types/sync.d.ts:3']);
    expect(symbol(impact, 'Options').via).toBe('CommonOptions');
  });

  test("an added export's users are the files that already use it, and nothing further", () => {
    repo = createScenarioRepo('impact', 'new-helper-declared');
    const impact = coldAndWarm(repo);
    const added = symbol(impact, 'getKillFunction');
    expect(added.change).toBe('added');
    expect(uses(added.valueUsers)).toEqual(['lib/main.js:7']);
    expect(added.transitive.count).toBe(0);
  });

  test('the questions: the new file by its users, the reshaped type by its member, the types it carries asked with it', () => {
    repo = createScenarioRepo('impact', 'new-helper-declared');
    const questions = listQuestions(repo);
    // Was: "`getKillFunction` is new: who will use it outside its file …?" while main.js calls it.
    expect(message(questions, 'unit:lib/kill.js')).toContain('`getKillFunction` is new, used by lib/main.js:7 (updated here)');
    const ids = questions.map((q) => q.id).filter((id) => id.startsWith('impact:'));
    // One question for `CommonOptions` and the two types built on it, not three.
    expect(ids).toEqual(['impact:types/options.d.ts#CommonOptions']);
    const asked = message(questions, 'impact:types/options.d.ts#CommonOptions');
    expect(asked).toContain('changed its signature (`killDescendants` added), and `Options` and `SyncOptions` with it');
    expect(asked).toContain('1 file uses its type (types/result.d.ts:3); 2 more files use theirs');
  });
});
