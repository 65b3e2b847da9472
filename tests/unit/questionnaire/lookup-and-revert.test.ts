import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { findCodeNames } from '../../../src/core/questionnaire/detect-code-names.js';
import { validateAnswer, type AnswerRules } from '../../../src/core/questionnaire/validate-answer.js';
import { intentRulesFor } from '../../helpers/intent-rules.js';

// Issue 19, session 38: real explanations refused as naming something "not in this repository"
// that is no claim about it (a glob written from a package's root, words about naming conventions,
// a short abbreviation, a placeholder name), and reverts:
// "This reverts commit <sha>" connects when git shows that the change undoes that commit.
// Patches and bodies are the real commits' (tests/fixtures/answers/names, reverts).

const FIXTURES = join(process.cwd(), 'tests/fixtures/answers');
const patchOf = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const pathsOf = (patch: string) => [...new Set([...patch.matchAll(/^diff --git a\/(\S+) b\/(\S+)$/gm)].flatMap((m) => [m[1]!, m[2]!]))];
/** Rules for the intent question of a real commit; every name the change lacks is found nowhere. */
function rulesFor(fixture: string, extra: Partial<AnswerRules> = {}): AnswerRules {
  const patch = patchOf(fixture);
  return { ...intentRulesFor(patch, pathsOf(patch)), ...extra };
}

describe('names that are no claim about the repository', () => {
  test('a glob written from a package root names the changed files it matches (sinon fb0ba789ed)', () => {
    const body =
      'While it is true these IE utils are not necessary for the newer IEs,\nthey are often still loaded as part of a generic test package.\n\n' +
      'Additionally, to make the ci-tests work:\n\n- Renamed util/*_ie.js to util-ie/*.js.\n- Made sure IE utils are not included in node tests.';
    expect(validateAnswer(body, rulesFor('names/sinon-fb0ba789ed.diff'))).toBeNull();
    expect(validateAnswer(body.replace('util/*_ie.js', 'helpers/*_legacy.js'), rulesFor('names/sinon-fb0ba789ed.diff'))).toMatch(
      /`helpers\/\*_legacy.js` is not in this repository/,
    );
  });

  test('a short abbreviation of mixed case is a word (jest 216e8edbe8)', () => {
    const body =
      '* Add simple rAF polyfill in jsdom environment\n\nCloses #4545\n\n* Fix flow error\n\n* Tweak test\n\n' +
      '* Include time since window initialised in rAF implementation';
    expect(validateAnswer(body, rulesFor('names/jest-216e8edbe8.diff'))).toBeNull();
    // In backticks it is written as code, and looked up.
    expect(findCodeNames('the `rAF` polyfill').map((n) => n.text)).toEqual(['rAF']);
  });

  test('a version in backticks is no code name (hoppscotch 881c71560b: "Node.js `v24` became LTS")', () => {
    const body = 'Node.js `v24` became LTS recently, causing CI failures due to `V8` API\nincompatibilities with isolated-vm `v5.x`.';
    expect(findCodeNames(body)).toEqual([]);
    expect(findCodeNames('calls `v2Handler` and `v24`').map((n) => n.text)).toEqual(['v2Handler']);
  });

  test('words about naming conventions and placeholder names are not code names', () => {
    const text = 'translate back to camelCased names, an under_score column, snake_case keys; `foobar.getBla({where})` and fooBar()';
    expect(findCodeNames(text)).toEqual([]);
    // A real name beside them still is one.
    expect(findCodeNames('normalize `connectTimeoutMS` to camelCase').map((n) => n.text)).toEqual(['connectTimeoutMS']);
  });
});

describe('an answer naming the commit its change reverts (graphql-js e614782abd)', () => {
  const body =
    "This reverts commit 3483827a430906822cec47f28ab5380ef45ad76b.\nI meant to update my PR, let's not just push to master without\ngoing through PR flow for this.";
  const reverted = patchOf('reverts/graphql-3483827a43.diff');
  const readCommitPatch = (sha: string) => ('3483827a430906822cec47f28ab5380ef45ad76b'.startsWith(sha) ? reverted : undefined);

  test('connects when the named commit is one the change undoes', () => {
    expect(validateAnswer(body, rulesFor('reverts/graphql-e614782abd.diff', { readCommitPatch }))).toBeNull();
  });
  test('connects to nothing without git, or when the hash is no commit of the repository', () => {
    expect(validateAnswer(body, rulesFor('reverts/graphql-e614782abd.diff'))).toMatch(/connects to nothing/);
    expect(validateAnswer(body, rulesFor('reverts/graphql-e614782abd.diff', { readCommitPatch: () => undefined }))).toMatch(
      /connects to nothing/,
    );
  });
  // A hash whose first characters are all digits (one in ~300 abbreviated to 12: "0506735147…") is
  // still a hash after "commit"; alone, such a run of digits is a number.
  test('an abbreviated hash of digits only is read after "commit"', () => {
    const digits = '050673514712';
    const read = (sha: string) => (sha === digits ? reverted : undefined);
    const answer = body.replace('3483827a430906822cec47f28ab5380ef45ad76b', digits);
    expect(validateAnswer(answer, rulesFor('reverts/graphql-e614782abd.diff', { readCommitPatch: read }))).toBeNull();
    expect(
      validateAnswer(answer.replace('commit ', 'number '), rulesFor('reverts/graphql-e614782abd.diff', { readCommitPatch: read })),
    ).toMatch(/connects to nothing/);
  });
  test('connects to nothing when the change does not undo it (the commit itself, another change)', () => {
    // The reverted commit's own change is what the commit did, not its undoing.
    expect(validateAnswer(body, rulesFor('reverts/graphql-3483827a43.diff', { readCommitPatch }))).toMatch(/connects to nothing/);
    expect(validateAnswer(body, rulesFor('names/jest-216e8edbe8.diff', { readCommitPatch }))).toMatch(/connects to nothing|says little/);
  });
});

describe('a change that only wraps kept lines in a keyword (chartjs 72f423fb95: `if (xPositions[ i ]) { … }`)', () => {
  const rules = rulesFor('kinds/chartjs-72f423fb95.diff');
  test('its explanation is not held to naming the `if` it adds', () => {
    const body =
      "When two datasets are shown and they don't have the same x-coordinates, then the position of the tooltip is not calculated correctly, " +
      "when using mode 'label' or 'dataset'. This fix checks if the position of every dataset exists, before it is used.";
    expect(validateAnswer(body, rules)).toBeNull();
  });
  test('an answer sharing none of its words still connects to nothing', () => {
    expect(validateAnswer('The legend now reverses its items when the reverse option is set.', rules)).toMatch(
      /connects to nothing|says little/,
    );
  });
});

test('nor to naming a one-letter token it adds (mocha fd6f810c11: the `"\\n"` between message and stack)', () => {
  const body =
    "It's not valid according to the junit xsd. Also the message attribute is not valid in the testcase tag, so it's moved to the failure tag.";
  expect(validateAnswer(body, rulesFor('kinds/mocha-fd6f810c11.diff'))).toBeNull();
});
