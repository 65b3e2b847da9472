import type { PatchFileSummary, PatchSummary } from '../change/patch-summary.js';

// Does a commit's change match what was reviewed? Reviews follow the patch, not the tree:
// - the record's tree is the commit's own, or its patch is the commit's (rebased, cherry-picked);
// - else file by file (a squash or a fixup combines several reviews): a file is accounted for by
//   a reviewed file with the same patch id, or by a chain of reviewed blob changes from the
//   file's old blob to its new one (a fixup reviewed on top of the commit it fixes, an amend);
// - what no review accounts for is listed: the files and lines that changed after the review.

export interface ReviewedPatch {
  /** The record's digest: names it in the outcome. */
  readonly digest: string;
  readonly tree: string;
  readonly patch: PatchSummary;
}

export type PatchMatch =
  | { readonly kind: 'same-tree' | 'same-patch'; readonly digests: readonly string[] }
  | { readonly kind: 'combined'; readonly digests: readonly string[] }
  | { readonly kind: 'changed'; readonly digests: readonly string[]; readonly differences: readonly string[] };

const describe = (f: { added: number; removed: number }) => `+${f.added} -${f.removed}`;

function chainOf(file: PatchFileSummary, pool: readonly ReviewedPatch[]): string[] | null {
  // Breadth-first over reviewed blob changes of this path, from the old blob to the new one.
  const steps = pool.flatMap((r) =>
    r.patch.files
      .filter((f) => f.path === file.path && f.oldBlob !== f.newBlob)
      .map((f) => ({ digest: r.digest, from: f.oldBlob, to: f.newBlob })),
  );
  let frontier: Array<{ blob: string; via: string[] }> = [{ blob: file.oldBlob, via: [] }];
  const seen = new Set([file.oldBlob]);
  for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const at of frontier) {
      for (const step of steps.filter((s) => s.from === at.blob)) {
        const via = [...at.via, step.digest];
        if (step.to === file.newBlob) return via;
        if (!seen.has(step.to)) {
          seen.add(step.to);
          next.push({ blob: step.to, via });
        }
      }
    }
    frontier = next;
  }
  return null;
}

/**
 * `claimed`: the records the commit names (its trailers, its own note). `pool`: every verified
 * record known (the notes), for the fixups whose trailers a squash dropped.
 */
export function matchReviewedPatch(
  commit: { readonly tree: string; readonly patch: PatchSummary },
  claimed: readonly ReviewedPatch[],
  pool: readonly ReviewedPatch[],
): PatchMatch {
  const whole =
    claimed.find((r) => r.patch.id === commit.patch.id && r.tree === commit.tree) ?? claimed.find((r) => r.patch.id === commit.patch.id);
  if (whole) return { kind: whole.tree === commit.tree ? 'same-tree' : 'same-patch', digests: [whole.digest] };
  const everything = [...claimed, ...pool.filter((r) => !claimed.some((c) => c.digest === r.digest))];
  const used = new Set<string>();
  const differences: string[] = [];
  for (const file of commit.patch.files) {
    const same = everything.find((r) => r.patch.files.some((f) => f.path === file.path && f.patchId === file.patchId));
    const chain = same ? [same.digest] : chainOf(file, everything);
    if (chain) {
      chain.forEach((d) => used.add(d));
      continue;
    }
    const reviewed = claimed.flatMap((r) => r.patch.files).find((f) => f.path === file.path);
    differences.push(
      reviewed
        ? `${file.path}: ${describe(file)} in the commit, ${describe(reviewed)} when reviewed`
        : `${file.path}: not in the review (${describe(file)})`,
    );
  }
  // A reviewed file the commit no longer changes is a change after the review too.
  for (const record of claimed) {
    for (const f of record.patch.files) {
      if (!commit.patch.files.some((c) => c.path === f.path))
        differences.push(`${f.path}: reviewed (${describe(f)}) but not changed by the commit`);
    }
  }
  const digests = [...new Set([...claimed.map((r) => r.digest), ...used])];
  if (differences.length > 0) return { kind: 'changed', digests, differences: [...new Set(differences)] };
  return { kind: 'combined', digests };
}
