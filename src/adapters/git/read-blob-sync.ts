import { execFileSync } from 'node:child_process';
import type { RepoInfo } from './git-client.js';

// Blob text on demand, synchronously: the TypeScript compiler host asks for files one at a time
// and cannot wait. Each blob is read once (`git cat-file blob`) and kept.

export function createBlobReader(info: RepoInfo, preloaded: ReadonlyMap<string, string> = new Map()): (id: string) => string | undefined {
  const cache = new Map<string, string | undefined>(preloaded);
  return (id) => {
    if (cache.has(id)) return cache.get(id);
    let text: string | undefined;
    try {
      text = execFileSync('git', ['cat-file', 'blob', id], {
        cwd: info.root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      text = undefined; // a missing blob (a submodule's commit id) is no file
    }
    cache.set(id, text);
    return text;
  };
}
