import type { FilePatch } from './split-patch.js';

// Our patch id is git's own (`git patch-id --stable`) computed per file and added up the way git
// adds them: git hashes each file of a patch on its own and sums the hashes byte by byte,
// little-endian with carry (patch-id.c flush_one_hunk). Per file, because a squash or a fixup is
// matched file by file, and "what changed after the review" is told per file. The sum equals
// `git diff … | git patch-id --stable` for text changes; we never compare it with git's, only
// with itself, so the few headers git folds differently (mode-only changes) do not matter.

export function addPatchIds(ids: readonly string[], width = 40): string {
  const sum = new Uint8Array(width / 2);
  for (const id of ids) {
    let carry = 0;
    for (let i = 0; i < sum.length; i++) {
      carry += sum[i]! + parseInt(id.slice(i * 2, i * 2 + 2), 16);
      sum[i] = carry & 0xff;
      carry >>= 8;
    }
  }
  return [...sum].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A fake object id per file, so one `git patch-id` run returns every file's id, in order. */
export function labelOf(index: number, width = 40): string {
  return index.toString(16).padStart(width, '0');
}

/** The input of `git patch-id --stable`: each file behind a `commit <label>` line. */
export function formatPatchIdInput(files: readonly FilePatch[], width = 40, first = 0): string {
  return files.map((file, i) => `commit ${labelOf(first + i, width)}\n${file.text}`).join('');
}

/** `git patch-id` output ("<patch id> <label>" lines) by label. */
export function parsePatchIds(output: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const line of output.split('\n')) {
    const [id, label] = line.trim().split(' ');
    if (id && label) ids.set(label, id);
  }
  return ids;
}
