// One line on a record's comprehension check, from its answers (`quiz:<attempt>:<n>`, each
// "right" or "wrong"): how many attempts it took and how many picks were wrong, so `show` and CI
// say what the record holds without a reader counting picks.

export function describeQuizAttempts(answers: readonly { readonly questionId: string; readonly answer: string }[]): string | null {
  const picks = answers
    .map((a) => ({ attempt: /^quiz:(\d+):\d+$/.exec(a.questionId)?.[1], answer: a.answer }))
    .filter((p): p is { attempt: string; answer: string } => p.attempt !== undefined);
  if (picks.length === 0) return null;
  const last = Math.max(...picks.map((p) => Number(p.attempt)));
  const wrong = picks.filter((p) => p.answer !== 'right').length;
  const attempts = last === 1 ? 'on the first attempt' : `on attempt ${last}`;
  return `Comprehension check: passed ${attempts} (${wrong === 0 ? 'no wrong pick' : `${wrong} wrong pick${wrong === 1 ? '' : 's'}`})`;
}
