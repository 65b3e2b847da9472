import type { Answer, Question } from './question.js';

// The port the questionnaire asks through: a terminal in real use (adapters/prompts), a script
// in unit tests. The review never knows which.

export interface Prompter {
  ask(question: Question, options: { defaultAnswer?: Answer; validate: (text: string) => string | null }): Promise<Answer>;
  write(text: string): void;
  close(): void;
}
