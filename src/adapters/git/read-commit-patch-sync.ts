import { execFileSync } from 'node:child_process';

// A commit's patch against its parent, synchronously (the prompt validates as the person types),
// for an answer that names the commit its change reverts (core/questionnaire/reverted-commit.ts).
// Read only for the hashes an answer writes, each once.

/** Past this, a commit is too large to compare as a revert quickly: read as no commit. */
const MAX_PATCH_BYTES = 16 * 1024 * 1024;
const HASH = /^[0-9a-f]{7,40}$/;

export function createCommitPatchReader(root: string): (sha: string) => string | undefined {
  const read = new Map<string, string | undefined>();
  return (sha) => {
    if (!HASH.test(sha)) return undefined;
    if (!read.has(sha)) {
      let patch: string | undefined;
      try {
        // One process: `^{commit}` refuses a blob or tree of that hash; -U0 and the a/ b/ prefixes
        // as the change's own patch has them; --root: a first commit is all additions.
        patch = execFileSync(
          'git',
          [
            'diff-tree',
            '-r',
            '-p',
            '-U0',
            '--root',
            '--no-commit-id',
            '--no-color',
            '--no-ext-diff',
            '--ignore-cr-at-eol',
            `${sha}^{commit}`,
          ],
          { cwd: root, encoding: 'utf8', maxBuffer: MAX_PATCH_BYTES, stdio: ['ignore', 'pipe', 'ignore'] },
        );
      } catch {
        // No such commit (exit 128), an ambiguous hash, or a commit too large: no commit to compare.
        patch = undefined;
      }
      read.set(sha, patch);
    }
    return read.get(sha);
  };
}
