// Questions are data (STYLE.md): generated from the analysis, rendered by the prompts adapter,
// answered from a terminal or a file, validated by the same rules either way.

export const NOT_SURE = 'not-sure';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface Question {
  /** Stable within a change: the key of an answers file and of a draft. */
  readonly id: string;
  readonly kind: 'text' | 'choice';
  readonly message: string;
  /** Lines shown above the question: the diff stat, changed symbols, dependents. */
  readonly context: readonly string[];
  readonly choices?: readonly Choice[];
  /** Choice questions that also need a written reason (impact questions). */
  readonly needsReason?: boolean;
  /** A comprehension-check question: a wrong pick is shown the truth, and a second is asked. */
  readonly isQuiz?: boolean;
  /** Impact questions: the facts an answer claiming "callers updated" is checked against. */
  readonly claimCheck?: ClaimCheck;
  /** Identifies the content the question is about, so a draft answer is reused only while that
   * content is unchanged (a unit's blob ids). */
  readonly contentKey: string;
}

export interface ClaimCheck {
  readonly symbol: string;
  /** The other exports asked about in the same question (one edit in several files). */
  readonly others?: readonly string[];
  /** Files that use the symbol at runtime (and, for a new shape, its type), as `path:line`. */
  readonly users: readonly string[];
  /** A new shape: the type users are among `users`, so they "use" it rather than "call" it. */
  readonly isShape?: boolean;
  /** Those of them that this change touches. */
  readonly usersInChange: readonly string[];
}

export interface Answer {
  readonly questionId: string;
  readonly choice?: string;
  readonly text: string;
}

/** "I am not sure" typed as text: always an answer, and it stops the commit. */
export function isNotSure(text: string): boolean {
  return /^\s*(\?|i('| a)?m not sure|not sure|unsure|don'?t know|no idea)\s*\.?\s*$/i.test(text);
}
