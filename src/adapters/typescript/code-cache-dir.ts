// Where V8's code cache of TypeScript lives (typescript.ts): the repository's selfreview cache
// folder, set before TypeScript is first loaded. Unset, TypeScript loads without a code cache.

let dir: string | null = null;

export function setCodeCacheDir(path: string): void {
  dir = path;
}

export function codeCacheDir(): string | null {
  return dir;
}
