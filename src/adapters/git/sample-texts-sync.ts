import { execFileSync } from 'node:child_process';
import { parseBatchAnswers } from './cat-file-batch.js';
import type { NameSource } from './lookup-name-sync.js';
import { nodeCrypto } from '../../core/node-crypto.js';

// A fixed sample of the repository's source and documentation files, for how common a word is in it
// (near-hunk-words.ts): the files whose path hashes first (SHA-256), so the same tree gives the same
// sample on every machine. Read once, synchronously, only when an answer otherwise refused asks
// (the validator is synchronous): one `ls-files`/`ls-tree` and one `cat-file --batch`. node:crypto is
// taken on first use (node-crypto.ts): the gate, which imports this module, hashes nothing.

/** Files in the sample. */
export const SAMPLE_FILES = 400;
const TEXT_FILE = /\.(?:[cm]?[jt]sx?|json|md|mdx|vue|svelte|astro|css|scss|less|html|ya?ml)$/i;
const SKIPPED = /(?:^|\/)(?:node_modules|dist|vendor|build)\/|lock|\.min\.|\.map$/i;
const MAX_BLOB_BYTES = 512 * 1024 * 1024;

function git(root: string, args: readonly string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd: root, input, maxBuffer: MAX_BLOB_BYTES, stdio: ['pipe', 'pipe', 'ignore'] });
}

/** The texts of the sampled files (an empty list when git fails: no word is then rare). */
export function readSampleTexts(root: string, source: NameSource, size: number = SAMPLE_FILES): string[] {
  try {
    const listing = git(
      root,
      source.kind === 'index' ? ['ls-files', '-z'] : ['ls-tree', '-r', '-z', '--name-only', '--full-tree', source.rev],
    ).toString('utf8');
    const picked = listing
      .split('\0')
      .filter((path) => TEXT_FILE.test(path) && !SKIPPED.test(path) && !path.includes('\n'))
      .map((path) => [nodeCrypto().createHash('sha256').update(path).digest('hex'), path] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, size)
      .map(([, path]) => path);
    if (picked.length === 0) return [];
    const prefix = source.kind === 'index' ? ':' : `${source.rev}:`;
    const answers = parseBatchAnswers(git(root, ['cat-file', '--batch'], picked.map((path) => `${prefix}${path}\n`).join('')));
    return answers.flatMap(([, text]) => (text === null ? [] : [text]));
  } catch {
    return [];
  }
}
