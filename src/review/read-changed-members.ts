import type { ReviewAnalysis } from '../core/contracts/review-outcome.js';
import type { QuizFile } from '../core/questionnaire/build-quiz.js';
import { diffMembers, type ChangedMembers } from '../core/questionnaire/changed-members.js';

// Which named pieces of each changed export the change touches, from both sides of its file (the
// quiz's material, read once): the questions say "`flush` changed, `_attachAbortListener` added"
// where they said "changed its implementation".

export async function readChangedMembers(
  analysis: ReviewAnalysis,
  readFiles: () => Promise<readonly QuizFile[]>,
): Promise<ChangedMembers | undefined> {
  const paths = new Set(
    (analysis.impact?.changedSymbols ?? []).filter((s) => s.change === 'body-changed' || s.change === 'shape-changed').map((s) => s.path),
  );
  if (paths.size === 0) return undefined;
  const files = (await readFiles()).filter((f) => paths.has(f.path) && f.oldText !== '');
  if (files.length === 0) return undefined;
  const { listMembers } = await import('../adapters/typescript/list-members.js');
  return new Map(
    files.map((f) => {
      const sides = listMembers(f.path, {
        oldText: f.oldText,
        newText: f.newText,
        oldRanges: f.hunks.filter((h) => h.oldLines > 0).map((h) => [h.oldStart, h.oldStart + h.oldLines - 1] as const),
        newRanges: f.hunks.filter((h) => h.newLines > 0).map((h) => [h.newStart, h.newStart + h.newLines - 1] as const),
      });
      return [f.path, diffMembers(sides.old, sides.new)];
    }),
  );
}
