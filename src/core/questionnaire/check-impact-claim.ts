import type { Answer, Question } from './question.js';

// "The callers are updated in this change" is a claim about facts the review knows: when no
// runtime user of the symbol is staged, the answer is challenged with those facts.

const CLAIMS_UPDATED =
  /\b(callers?|users?|call ?sites?|dependents?|usages?|consumers?)\b.{0,40}\b(updated|changed|adapted|adjusted|migrated|fixed|modified)\b|\bupdated? (all |the )?(callers?|call ?sites?|usages?|users?)\b/i;

/** Null when the claim holds (or none is made), else the facts that contradict it, in one line. */
export function checkImpactClaim(question: Question, answer: Answer): string | null {
  const facts = question.claimCheck;
  if (facts === undefined || facts.usersInChange.length > 0) return null;
  const claims = answer.choice === 'callers-updated' || CLAIMS_UPDATED.test(answer.text);
  if (!claims) return null;
  const named = [facts.symbol, ...(facts.others ?? [])].map((name) => `\`${name}\``);
  const symbol = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
  if (facts.users.length === 0) {
    return `No file calls ${symbol} at runtime, so no caller was updated: say why its type users keep working.`;
  }
  const shown = facts.users.slice(0, 3).join(', ');
  const [calls, call] = facts.isShape ? ['uses', 'use'] : ['calls', 'call'];
  if (facts.users.length === 1)
    return `The one file that ${calls} ${symbol} (${shown}) is not in this change: stage it, or say why it keeps working unchanged.`;
  return `None of the ${facts.users.length} files that ${call} ${symbol} (${shown}${facts.users.length > 3 ? ', …' : ''}) is in this change: stage them, or say why they keep working unchanged.`;
}
