import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NameSource } from './lookup-name-sync.js';

// The packages the repository's package.json files declare (every workspace's, read from the
// index or the tree under review, not from the disk: a bare clone, or a CI job before `npm ci`,
// has them too), and whether their declarations can be read (installed in node_modules).

const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
/** Manifests read at most: a monorepo's workspaces, not its fixtures' thousands. */
const MAX_MANIFESTS = 400;
const MANIFEST = /(?:^|\/)package\.json$/;

/** How prose qualifies a package's members: `React` of react, `ReactDOM` of react-dom, `Sentry` of `@sentry/node`. */
const packageWord = (name: string) =>
  name
    .replace(/^@types\//, '')
    .replace(/^@[^/]+\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

function git(root: string, args: readonly string[], input?: string): Buffer {
  // stdio ignored but stdout: a missing manifest is "absent", never noise.
  return execFileSync('git', args, { cwd: root, input, maxBuffer: 64 * 1024 * 1024, stdio: ['pipe', 'pipe', 'ignore'] });
}

/** The declared packages by the word prose qualifies them with; empty when git cannot say. */
export function readDeclaredPackages(root: string, source: NameSource): Map<string, string[]> {
  const byWord = new Map<string, string[]>();
  let output: Buffer;
  try {
    const list = source.kind === 'index' ? ['ls-files', '-z'] : ['ls-tree', '-r', '-z', '--name-only', '--full-tree', source.rev];
    const manifests = git(root, list)
      .toString('utf8')
      .split('\0')
      .filter((p) => MANIFEST.test(p) && !/(?:^|\/)node_modules\//.test(p))
      .slice(0, MAX_MANIFESTS);
    if (manifests.length === 0) return byWord;
    const prefix = source.kind === 'index' ? ':' : `${source.rev}:`;
    // --batch: one process for every manifest, each as "<id> blob <size>\n<bytes>\n".
    output = git(root, ['cat-file', '--batch'], manifests.map((p) => `${prefix}${p}\n`).join(''));
  } catch {
    return byWord;
  }
  for (const text of splitBatch(output)) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch {
      continue; // A fixture's broken manifest declares nothing.
    }
    for (const field of FIELDS) {
      const deps = (manifest as Record<string, unknown> | null)?.[field];
      if (typeof deps !== 'object' || deps === null) continue;
      for (const name of Object.keys(deps)) byWord.set(packageWord(name), [...(byWord.get(packageWord(name)) ?? []), name]);
    }
  }
  return byWord;
}

function splitBatch(output: Buffer): string[] {
  const texts: string[] = [];
  let at = 0;
  while (at < output.length) {
    const eol = output.indexOf(10, at);
    if (eol < 0) break;
    const header = /^\S+ blob (\d+)$/.exec(output.subarray(at, eol).toString('utf8'));
    if (header === null) {
      at = eol + 1; // "<name> missing"
      continue;
    }
    const size = Number(header[1]);
    texts.push(output.subarray(eol + 1, eol + 1 + size).toString('utf8'));
    at = eol + 1 + size + 1;
  }
  return texts;
}

/** Whether `qualifier` is how prose names a declared package whose declarations are not installed. */
export function isUnreadPackage(root: string, declared: ReadonlyMap<string, readonly string[]>, qualifier: string): boolean {
  const word = packageWord(qualifier);
  const names = word.length < 2 ? undefined : declared.get(word);
  if (names === undefined) return false;
  return !names.some((name) => existsSync(join(root, 'node_modules', name)) || existsSync(join(root, 'node_modules', '@types', name)));
}
