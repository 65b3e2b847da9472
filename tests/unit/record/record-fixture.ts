import { addPatchIds } from '../../../src/core/change/patch-id-sum.js';
import type { PatchFileSummary, PatchSummary } from '../../../src/core/change/patch-summary.js';
import type { ReviewRecord } from '../../../src/core/record/review-record.js';

// Hand-built records and patches for the pure verification tests (the integration tests make
// real ones through the hooks).

export const id = (n: number) => n.toString(16).padStart(40, '0');

export function patchOf(files: Array<Partial<PatchFileSummary> & { path: string }>): PatchSummary {
  const full = files.map((f, i) => ({ patchId: id(1000 + i), oldBlob: id(2000 + i), newBlob: id(3000 + i), added: 1, removed: 0, ...f }));
  return { id: addPatchIds(full.map((f) => f.patchId)), files: full };
}

export function recordOf(patch: PatchSummary, overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    version: 2,
    tree: id(1),
    base: id(2),
    patch,
    reviewer: { name: 'Ada', email: 'ada@example.com' },
    answeredFrom: 'terminal',
    createdAt: '2026-01-01T00:00:00.000Z',
    provenance: { kind: 'human', decidedBy: 'declared by the author', declared: 'written' },
    totals: { files: patch.files.length, added: 1, removed: 0 },
    risk: 'low',
    intent: 'Configs with stray spaces broke the loader',
    answers: [
      { questionId: 'provenance', question: 'Who wrote it?', choice: 'written', answer: 'written' },
      { questionId: 'intent', question: 'Why?', answer: 'Configs with stray spaces broke the loader, so strict mode trims them' },
      { questionId: 'verification', question: 'How checked?', answer: 'Ran the config tests and parsed a padded config by hand' },
    ],
    override: null,
    tool: { name: 'selfreview', version: '0.1.0' },
    ...overrides,
  };
}
