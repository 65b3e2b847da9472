import { addPatchIds } from '../change/patch-id-sum.js';
import { groundingFor, validateAnswer, type AnswerGroundingRules } from '../questionnaire/validate-answer.js';
import type { ReviewRecord } from './review-record.js';

// What a record must hold before CI believes it, whoever wrote it: the shape of version 2, a
// patch whose files add up to its id, and answers that pass the same validator the hook applies
// as they are typed (validate-answer.ts), so a record written by hand with "ok" for every answer
// does not verify. Choice-only answers (the provenance question, the comprehension check) are
// not free text and are not validated. Given the reviewed change (its base against its tree, as
// the hook read the index), the answers are judged against it as the hook judged them.

const REQUIRED = ['intent', 'verification'];
const isChoiceOnly = (id: string) => id === 'provenance' || id.startsWith('quiz:');

function isShaped(record: ReviewRecord): boolean {
  const r = record as Partial<ReviewRecord>;
  return (
    r.version === 2 &&
    typeof r.tree === 'string' &&
    Array.isArray(r.answers) &&
    typeof r.patch === 'object' &&
    r.patch !== null &&
    Array.isArray(r.patch.files) &&
    typeof r.reviewer === 'object' &&
    r.reviewer !== null &&
    typeof r.provenance === 'object' &&
    r.provenance !== null &&
    (r.answeredFrom === 'terminal' || r.answeredFrom === 'file')
  );
}

/** Every problem of the record, in words; empty when it holds. */
export function checkRecordIntegrity(record: ReviewRecord, minWords: number, grounding: AnswerGroundingRules = {}): string[] {
  if (!isShaped(record)) {
    const version = (record as { version?: unknown }).version;
    return [
      version === 1 ? 'a record from before selfreview 0.2 (no patch, no digest): it cannot be verified' : 'not a selfreview review record',
    ];
  }
  const problems: string[] = [];
  const width = record.patch.id.length;
  if (
    addPatchIds(
      record.patch.files.map((f) => f.patchId),
      width,
    ) !== record.patch.id
  )
    problems.push("its patch id is not the sum of its files' patch ids");
  const ids = new Set(record.answers.map((a) => a.questionId));
  for (const id of REQUIRED) if (!ids.has(id)) problems.push(`no answer to "${id}"`);
  const fileNames = record.patch.files.map((f) => f.path);
  const earlier: string[] = [];
  for (const answer of record.answers) {
    if (typeof answer.answer !== 'string') {
      problems.push(`answer "${answer.questionId}" is not text`);
      continue;
    }
    // As the hook does: each answer against every earlier one, choices included.
    const problem = isChoiceOnly(answer.questionId)
      ? null
      : validateAnswer(answer.answer, {
          minWords,
          otherAnswers: earlier,
          fileNames,
          // The question as it was asked: its names connect an answer to the change, as in the hook.
          ...(typeof answer.question === 'string' && { question: answer.question }),
          ...groundingFor(answer.questionId, grounding),
        });
    if (problem !== null) problems.push(`answer "${answer.questionId}" does not pass the hook's validation: ${problem}`);
    earlier.push(answer.answer);
  }
  return problems;
}
