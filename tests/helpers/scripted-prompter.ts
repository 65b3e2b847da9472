import type { Prompter } from '../../src/core/questionnaire/prompter.js';
import type { Answer, Question } from '../../src/core/questionnaire/question.js';

// A Prompter port that answers from a script, in order, and fails the test on any question the
// script did not expect (changesets' way of testing inquirer flows). Each scripted answer runs
// through the questionnaire's validator, as a person's typing would: a rejected answer is an error.

export interface ScriptedAnswer {
  /** The id of the question this answers (exact), or a pattern for generated ids. */
  readonly id: string | RegExp;
  readonly text?: string;
  readonly choice?: string;
  /** Throw this instead of answering (e.g. inquirer's ExitPromptError for Ctrl-C). */
  readonly interrupt?: boolean;
}

export interface ScriptedPrompter extends Prompter {
  readonly asked: Question[];
  readonly defaults: Array<Answer | undefined>;
  readonly written: string[];
  readonly isClosed: boolean;
}

export function createScriptedPrompter(script: readonly ScriptedAnswer[]): ScriptedPrompter {
  const queue = [...script];
  const asked: Question[] = [];
  const defaults: Array<Answer | undefined> = [];
  const written: string[] = [];
  let isClosed = false;
  return {
    asked,
    defaults,
    written,
    get isClosed() {
      return isClosed;
    },
    async ask(question, { defaultAnswer, validate }) {
      asked.push(question);
      defaults.push(defaultAnswer);
      const next = queue.shift();
      const matches = next && (typeof next.id === 'string' ? next.id === question.id : next.id.test(question.id));
      if (!next || !matches)
        throw new Error(
          `unexpected question ${question.id}: "${question.message}" (script expected ${next ? String(next.id) : 'nothing more'})`,
        );
      if (next.interrupt) {
        const error = new Error('User force closed the prompt');
        error.name = 'ExitPromptError';
        throw error;
      }
      const text = next.text ?? next.choice ?? '';
      const isTextAsked = question.kind === 'text' || (question.needsReason && next.text !== undefined);
      const problem = isTextAsked ? validate(text) : null;
      if (problem !== null) throw new Error(`the validator rejected the scripted answer to ${question.id}: ${problem}`);
      return { questionId: question.id, text, ...(next.choice !== undefined && { choice: next.choice }) };
    },
    write: (text) => void written.push(text),
    close: () => void (isClosed = true),
  };
}
