import type { FileChange } from '../change/staged-change.js';
import type { ChangedSymbol, ImpactReport } from '../impact/impact-report.js';
import type { ProvenanceKind } from '../provenance/detect-provenance.js';
import { groupChangeUnits } from './change-units.js';
import { NOT_SURE, type Question } from './question.js';

// The questionnaire for one change, generated from its analysis: provenance when the machine
// could not tell, the intent, what each change unit does, why each used export that changed
// keeps its dependents working, how it was checked, and for high risk how it would be undone.

export interface QuestionnaireInput {
  readonly files: readonly FileChange[];
  readonly provenance: ProvenanceKind;
  readonly impact?: ImpactReport;
}

const TEST = /(?:^|\/)(?:__tests__|tests?|spec)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/;
const SOURCE = /\.(?:[cm]?[jt]sx?|py|go|rs|java|kt|rb|cs|swift|php|c|cc|cpp|h)$/;
const ASKED_CHANGES = new Set<ChangedSymbol['change']>(['removed', 'renamed', 'shape-changed', 'unknown', 'body-changed']);
const MAX_IMPACT_QUESTIONS = 4;

const CHANGE_PHRASE: Record<ChangedSymbol['change'], string> = {
  added: 'was added',
  removed: 'was removed',
  renamed: 'was renamed',
  'shape-changed': 'changed its signature',
  'body-changed': 'changed its implementation',
  unknown: 'may have changed (its file does not parse)',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function impactQuestion(symbol: ChangedSymbol): Question {
  const examples = symbol.dependents.slice(0, 3).map((d) => d.path).join(', ');
  const name = symbol.name === '*' ? symbol.path : `\`${symbol.name}\``;
  return {
    id: `impact:${symbol.path}#${symbol.name}`,
    kind: 'choice',
    message: `${name} ${CHANGE_PHRASE[symbol.change]}; ${plural(symbol.dependents.length, 'file')} use${symbol.dependents.length === 1 ? 's' : ''} it, e.g. ${examples}: why do they keep working?`,
    context: [...(symbol.detail ? [symbol.detail] : []), ...symbol.dependents.slice(0, 8).map((d) => `  ${d.path}${d.depth > 1 ? ` (through ${d.chain.slice(1, -1).join(' → ')})` : ''}`)],
    choices: [
      { value: 'callers-updated', label: 'The callers are updated in this change' },
      { value: 'compatible', label: 'The change is compatible: callers need no update' },
      { value: NOT_SURE, label: 'I am not sure' },
    ],
    needsReason: true,
    contentKey: `${symbol.path}#${symbol.name}:${symbol.change}:${symbol.detail ?? ''}`,
  };
}

export function generateQuestions(input: QuestionnaireInput): Question[] {
  const questions: Question[] = [];
  const counted = input.files.filter((f) => f.excluded === null);
  const allBlobs = counted.map((f) => f.newBlob).join(',');
  if (input.provenance === 'unknown') {
    questions.push({
      id: 'provenance',
      kind: 'choice',
      message: 'Who wrote this change?',
      context: [],
      choices: [
        { value: 'written', label: 'I wrote it' },
        { value: 'ai-assisted', label: 'AI-assisted: I edited what an AI tool wrote' },
        { value: 'ai-generated', label: 'AI-generated: mostly accepted as it was' },
      ],
      contentKey: 'provenance',
    });
  }
  questions.push({ id: 'intent', kind: 'text', message: 'What problem does this change solve, and why this way?', context: [], contentKey: allBlobs });
  const symbols = input.impact?.changedSymbols ?? [];
  for (const unit of groupChangeUnits(input.files)) {
    const paths = new Set(unit.files.map((f) => f.path));
    const changed = symbols.filter((s) => paths.has(s.path) && s.name !== '*').map((s) => `${s.name} (${s.change})`);
    questions.push({
      id: `unit:${unit.label}`,
      kind: 'text',
      message: `What does the change to ${unit.label} do?`,
      context: [
        ...unit.files.slice(0, 10).map((f) => `  ${f.path}  +${f.added} -${f.removed}`),
        ...(unit.files.length > 10 ? [`  … and ${unit.files.length - 10} more files`] : []),
        ...(changed.length > 0 ? [`  exports: ${changed.slice(0, 6).join(', ')}`] : []),
      ],
      contentKey: unit.files.map((f) => `${f.path}:${f.newBlob}`).join(','),
    });
  }
  const asked = symbols.filter((s) => ASKED_CHANGES.has(s.change) && s.dependents.length > 0);
  asked.sort((a, b) => b.dependents.length - a.dependents.length);
  questions.push(...asked.slice(0, MAX_IMPACT_QUESTIONS).map(impactQuestion));
  questions.push({ id: 'verification', kind: 'text', message: 'How did you check that it works?', context: [], contentKey: allBlobs });
  const sourceChanged = counted.some((f) => SOURCE.test(f.path) && !TEST.test(f.path));
  if (sourceChanged && !counted.some((f) => TEST.test(f.path))) {
    questions.push({ id: 'no-test', kind: 'text', message: 'Source changed and no test did: why is no test needed?', context: [], contentKey: allBlobs });
  }
  if (input.impact?.risk.level === 'high') {
    questions.push({
      id: 'rollback',
      kind: 'text',
      message: 'This change is high risk: how would you notice if it is wrong, and how would you roll it back?',
      context: input.impact.risk.reasons.map((r) => `  - ${r.message}`),
      contentKey: allBlobs,
    });
  }
  return questions;
}
