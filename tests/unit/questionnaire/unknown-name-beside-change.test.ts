import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { surveyCodeNames } from '../../../src/core/questionnaire/survey-code-names.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';
import { intentRulesFor } from '../../helpers/intent-rules.js';

// Issue 19, session 42: a real explanation that names this change's own names may also name one
// found nowhere in the repository (vercel/ai cf06314e2d, its body as committed: `parseTooCall()`,
// a slip for `parseToolCall`, beside `useChat()`, `generateText()`, `streamText()` of its patch).
// It is accepted; a name found nowhere is still refused when the answer names fewer than two of
// the change's names or fewer than the unknown ones, or is short (a sentence names its subject only),
// or when it is a member claimed of a package (`JSON.parseTooCall()`).

const patch = readFileSync(join(process.cwd(), 'tests/fixtures/answers/names/ai-cf06314e2d.diff'), 'utf8');
const paths = [...patch.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]!);
// Names the repository has elsewhere (outside this change).
const rules = intentRulesFor(patch, paths, new Set(['toresponsemessages', 'parsetoolcall', 'json']));
const BODY =
  "When a model produces an invalid tool call with malformed JSON,\n`parseTooCall()` recognizes it and stores it as a string in the tool\ninput. On Bedrock, tool use input needs to be an object, which throws an\nAPI error.\n\nThis occurs when messages are persisted and replayed (e.g. using\n`useChat()`) on a second turn.\n\nIt doesn't occur with, for example, multiple steps in one\n`generateText()` or `streamText()` because `toResponseMessages()` guards\nagainst it by replacing an invalid tool with `{}`.\n\nWrap invalid tool use input in an object so that it's always valid API\ninput.";

describe('a name found nowhere, beside the change’s own names', () => {
  test('the survey counts every name found nowhere and goes on counting the change’s', () => {
    const survey = surveyCodeNames(BODY, BODY, rules);
    expect(survey.unknown).toBe('`parseTooCall`');
    expect(survey.unknownCount).toBe(1);
    expect(survey.inChange).toBe(3);
  });

  test('the real body, naming three of the change’s names, is accepted', () => {
    expect(validateAnswer(BODY, rules)).toBeNull();
  });

  test.each([
    // One name of the change beside it: not enough to tell an interim name from another project's.
    BODY.replace('`useChat()`', 'the chat hook').replace('`generateText()` or `streamText()`', 'a single generation call'),
    // More names found nowhere (3) than names of the change (2), in the same long body.
    BODY.replace('`toResponseMessages()`', '`coerceToolInput()`').replace('`streamText()`', '`ToolInputGuard`'),
    // A member claimed of a package or object the repository has (`JSON`): an API, not an interim name.
    BODY.replace('`parseTooCall()`', '`JSON.parseTooCall()`'),
    // A short answer names only its subject: a name found nowhere there is invented.
    '`parseTooCall()` kept the malformed tool input as a string, so `useChat()` and `streamText()` replayed what Bedrock refuses.',
    // Another project's explanation, names of this change none.
    'useSWRInfinite refetched every page after a mutation, so revalidateFirstPage now only reloads the first page of the list.',
  ])('a name found nowhere is still refused by name: %s', (text) => {
    expect(validateAnswer(text, rules)).toMatch(/is not in this repository/);
  });
});
