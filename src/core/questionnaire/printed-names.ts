// What a question prints, for the quiz: the names it tells as added or removed (their lines are
// on one side only) and the phrases it quotes (a line holding one is given away). Read from the
// question's text, whichever rule wrote it (changed-members.ts, private-changes.ts, replaced-words.ts).

/** The pieces a question names as added or removed: a line holding one is on one side only, so
 * the quiz offers none (run-quiz.ts). "`and N more`" names none. */
export function listNamesOfOneSide(message: string): string[] {
  // A JSX attribute is named by its element (`<Line renderOrder>`): its line holds the attribute.
  const names = (list: string) => [...list.matchAll(/`(?:<[^`\s>]+ )?([^`\s>]+)>?`/g)].map((n) => n[1]!);
  return [
    ...[...message.matchAll(/((?:`(?:[^`\s]+|<[^`\s>]+ [^`\s>]+>)`(?:, | and )?)+) (?:added|removed)\b/g)].flatMap((m) => names(m[1]!)),
    ...[...message.matchAll(/\bnew locals? ((?:`[^`\s]+`(?:, | and )?)+)/g)].flatMap((m) => names(m[1]!)),
    // Calls a change starts or stops making (private-changes.ts) are on the lines of one side.
    ...[...message.matchAll(/\b(?:adds|removes) (?:a call of|calls of) ((?:`[^`\s]+`(?:, | and )?)+)/g)].flatMap((m) => names(m[1]!)),
    // And an export's (shiki f694a7256f's "now calls `v3ClearEndCommentPrefix`": its one added line).
    ...[...message.matchAll(/\b(?:now|no longer) calls ((?:`[^`\s]+`(?:, | and )?)+)/g)].flatMap((m) => names(m[1]!)),
    // A replacement (replaced-words.ts): the old words are on removed lines, the new on added ones.
    ...[...message.matchAll(/`([^`]+)` → `([^`]+)`/g)].flatMap((m) =>
      [m[1]!, m[2]!].flatMap((side) => side.match(/[A-Za-z_$][\w$]*/g) ?? []),
    ),
  ];
}

/** The phrases a message quotes (a code span holding a space: a branch's condition, a test's title):
 * a quiz line holding one is given away. Spans are read pair by pair: a space between two spans
 * ("`get`, `new` and `old` removed") is no phrase, and must not shift the pairs after it (motion
 * 1946162db's "`if (subject instanceof Element)`", read as "` and `", offered its line). */
export function listPrintedPhrases(message: string): string[] {
  // A conditional expression's branch is quoted `opts.title ? …`: the line holds what comes before the `…`.
  // A shortened one (`if (isSPM && fileContent.includes(…))`) by its parts either side of the `…`.
  const spans = [...message.matchAll(/`([^`]*)`/g)].flatMap((m) => {
    const parts = m[1]!.replace(/ \? …$/, ' ?').split('…');
    return parts.length === 1 ? parts.filter((span) => /\s/.test(span)) : parts.filter((part) => /\S\s+\S/.test(part));
  });
  // A value returned (returned-values.ts) is on a `return` line of one side.
  // Or an arrow function's body (`=> memo.name`), or the value anywhere on a line, where it is long enough to tell.
  const returned = [...message.matchAll(/\b(?:now returns|where it returned|no longer returns) ((?:`[^`]+`(?: or )?)+)/g)].flatMap((m) =>
    [...m[1]!.matchAll(/`([^`]+)`/g)].flatMap((v) => [`return ${v[1]!}`, `=> ${v[1]!}`, ...(v[1]!.length >= 6 ? [v[1]!] : [])]),
  );
  return [...spans, ...returned];
}
