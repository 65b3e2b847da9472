import { describe, expect, test } from '@jest/globals';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import { computeTotals } from '../../../src/core/change/totals.js';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../../src/core/config/defaults.js';
import type { ReviewAnalysis } from '../../../src/core/contracts/review-outcome.js';
import { evaluateSizeGate } from '../../../src/core/policy/size-gate.js';
import type { ReviewRecord } from '../../../src/core/record/review-record.js';
import type { Draft, ReviewStore } from '../../../src/adapters/store/review-store.js';
import { listQuestions } from '../../../src/review/list-questions.js';
import { runQuestionnaire } from '../../../src/review/run-questionnaire.js';
import { createScriptedPrompter, type ScriptedAnswer } from '../../helpers/scripted-prompter.js';
import { buildReviewRecord, type RecordInput } from '../../../src/core/record/build-record.js';

// What git adds to a record (the staged patch, the reviewer) is the integration tests' business.
const completeRecord = async (input: Omit<RecordInput, 'patch' | 'reviewer'>) =>
  buildReviewRecord({ ...input, patch: { id: '', files: [] }, reviewer: { name: 'Test', email: 'test@example.com' } });

// The questionnaire's flow, in process, through the Prompter port: no terminal, no git. The
// tmux e2e tests drive the same flow through a real terminal.

const TREE = 'a'.repeat(40);

function file(path: string, added: number, removed = 0): FileChange {
  return {
    path,
    status: 'modified',
    oldKind: 'file',
    newKind: 'file',
    oldBlob: '1'.repeat(40),
    newBlob: `${path.length}`.padStart(40, '2'),
    added,
    removed,
    binary: false,
    modeOnly: false,
    excluded: null,
  };
}

function analyse(
  files: FileChange[],
  provenance: 'human' | 'ai' | 'unknown' = 'human',
  config: ResolvedConfig = DEFAULT_CONFIG,
): ReviewAnalysis {
  const gate = evaluateSizeGate({ files, provenance, config });
  return {
    verdict: gate.verdict,
    reasons: gate.reasons,
    notes: [],
    base: { kind: 'head', rev: 'b'.repeat(40) },
    files,
    totals: computeTotals(files),
    provenance: { kind: provenance, signals: [], decidedBy: provenance === 'unknown' ? null : 'test', isAgentDriven: false },
    gate,
    split: [],
    override: null,
    configSource: null,
  };
}

function memoryStore(): ReviewStore & { reviews: Map<string, ReviewRecord>; drafts: Map<string, Draft> } {
  const reviews = new Map<string, ReviewRecord>();
  const drafts = new Map<string, Draft>();
  return {
    reviews,
    drafts,
    readReview: (tree) => reviews.get(tree) ?? null,
    writeReview: (record) => void reviews.set(record.tree, record),
    removeReview: (tree) => void reviews.delete(tree),
    listPendingTrees: () => [...reviews.keys()],
    readDraft: (tree) => structuredClone(drafts.get(tree) ?? {}),
    writeDraft: (tree, draft) => void drafts.set(tree, structuredClone(draft)),
    removeDraft: (tree) => void drafts.delete(tree),
  };
}

/** A distinct, specific answer for every question of the analysis, in order. */
function answerAll(analysis: ReviewAnalysis): ScriptedAnswer[] {
  return listQuestions(analysis).map((q, i) =>
    q.kind === 'choice'
      ? {
          id: q.id,
          choice: q.choices![0]!.value,
          ...(q.needsReason && { text: `Callers pass the same arguments as before, checked case ${i}` }),
        }
      : {
          id: q.id,
          text: `Explains answer ${i}: parseConfig now rejects duplicate keys because issue ${100 + i} showed silent overwrites`,
        },
  );
}

async function run(analysis: ReviewAnalysis, script: readonly ScriptedAnswer[], store = memoryStore()) {
  const prompter = createScriptedPrompter(script);
  const questions = listQuestions(analysis);
  const result = await runQuestionnaire({
    analysis,
    questions,
    tree: TREE,
    config: DEFAULT_CONFIG,
    store,
    version: '0.0.0-test',
    answers: { kind: 'prompter', prompter },
    readQuizFiles: async () => [],
    completeRecord,
  });
  return { result, prompter, store, questions };
}

describe('the questionnaire through a scripted prompter', () => {
  const analysis = analyse([file('src/config/parse.ts', 40, 10), file('src/config/parse.test.ts', 30)]);

  test('every question answered: a record bound to the tree with each answer, and no draft left', async () => {
    const { result, prompter, store, questions } = await run(analysis, answerAll(analysis));
    expect(result.kind).toBe('recorded');
    expect(prompter.asked.map((q) => q.id)).toEqual(questions.map((q) => q.id));
    const record = store.reviews.get(TREE)!;
    expect(record.tree).toBe(TREE);
    expect(record.answers.map((a) => a.questionId)).toEqual(questions.map((q) => q.id));
    expect(record.intent).toMatch(/^Explains answer 0/);
    expect(record.provenance.kind).toBe('human');
    expect(store.drafts.has(TREE)).toBe(false);
  });

  test('"I am not sure" stops the review, and keeps what was typed before it as a draft', async () => {
    const [first, second] = answerAll(analysis);
    const { result, store } = await run(analysis, [first!, { id: second!.id, text: 'not sure' }]);
    expect(result.kind).toBe('not-sure');
    expect(store.reviews.size).toBe(0);
    expect(store.drafts.get(TREE)?.[String(first!.id)]?.text).toBe(first!.text);
  });

  test('Ctrl-C mid-way: interrupted, and the next run offers the typed answers as defaults', async () => {
    const script = answerAll(analysis);
    const store = memoryStore();
    const first = await run(analysis, [script[0]!, { id: script[1]!.id, interrupt: true }], store);
    expect(first.result.kind).toBe('interrupted');
    const second = await run(analysis, script, store);
    expect(second.result.kind).toBe('recorded');
    expect(second.prompter.defaults[0]?.text).toBe(script[0]!.text);
    expect(second.prompter.defaults[1]).toBeUndefined();
  });

  test('declared AI-generated on a change over the AI budget: rejected before anything else is asked', async () => {
    const large = analyse([file('src/a.ts', 150), file('src/b.ts', 100)], 'unknown');
    expect(large.verdict).toBe('pass'); // within the human budget, over the AI one (200 lines)
    const { result, prompter } = await run(large, [{ id: 'provenance', choice: 'ai-generated' }]);
    expect(result.kind).toBe('over-ai-budget');
    expect(prompter.asked).toHaveLength(1);
  });

  test('an answers file: a missing answer and an empty one are both reported by id', async () => {
    const questions = listQuestions(analysis);
    const entries = Object.fromEntries(
      questions
        .slice(1)
        .map((q) => [q.id, q.id === questions[1]!.id ? '' : 'The parser rejects duplicate keys now, see parse.test.ts cases']),
    );
    const result = await runQuestionnaire({
      analysis,
      questions,
      tree: TREE,
      config: DEFAULT_CONFIG,
      store: memoryStore(),
      version: '0.0.0-test',
      answers: { kind: 'file', entries },
      readQuizFiles: async () => [],
      completeRecord,
    });
    expect(result.kind).toBe('invalid-answers');
    const problems = result.kind === 'invalid-answers' ? result.problems : [];
    expect(problems.some((p) => p.startsWith(`${questions[0]!.id}: no answer`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${questions[1]!.id}:`))).toBe(true);
  });
});
