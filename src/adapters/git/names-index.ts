import { spawn, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeclarationFile, readDependencyDirs, type NameSource } from './lookup-name-sync.js';
import { addPathTexts } from './path-texts.js';

// Every name of the repository (its tracked text files at the index or a tree), its paths, and
// the names of its dependencies' type declarations, read once per review so that looking a name
// up is a set lookup, not a `git grep` (0.4–4 s each on a large repository). The hook starts it
// in the background when the questionnaire starts: the person reads the first question while git
// streams the files, and the answers are judged against the finished index; until it is
// finished, lookup-name-sync.ts greps name by name as before (same verdict, slower).

export interface NamesIndex {
  /** Identifiers of the tracked text files, lower-cased (as `git grep -w -i` finds them). */
  readonly names: ReadonlySet<string>;
  /** Tracked paths, lower-cased. */
  readonly paths: readonly string[];
  /** Identifiers of the dependencies' `.d.ts` and configuration schemas, or 'incomplete' when a declared one is not installed. */
  readonly dependencyNames: ReadonlySet<string> | 'incomplete';
  /** Words of the tracked text files written as paths (holding a `/`: `docs/setup.md`, `dist/index.js`),
   * lower-cased: a path no file has may be one a text mentions, found here instead of by `git grep` over every file. */
  readonly pathTexts: ReadonlySet<string>;
}

export interface NamesIndexBuild {
  /** The index once built; undefined before, or when it was given up (too large, git failed). */
  readonly current: () => NamesIndex | undefined;
  readonly ready: Promise<NamesIndex | undefined>;
  /** Stops the build (the review ended first): nothing keeps the process alive. */
  readonly stop: () => void;
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;
/** Past this much text the index is given up and names are grepped one by one. */
const MAX_TEXT_BYTES = 256 * 1024 * 1024;

function addNames(text: string, into: Set<string>): void {
  for (const match of text.matchAll(IDENTIFIER)) {
    const name = match[0].toLowerCase();
    into.add(name);
    // `git grep -w` finds `foo` in `$foo`: "$" is no word character to it.
    if (name.includes('$')) for (const part of name.split('$')) if (part !== '') into.add(part);
  }
}

// -h: no file names; -I: text files only (as the per-name grep); `-e .`: every non-empty line.
const textArgs = (source: NameSource) => [
  'grep',
  '-h',
  '-I',
  '--no-color',
  '-e',
  '.',
  ...(source.kind === 'index' ? ['--cached'] : [source.rev]),
  '--',
];
const pathArgs = (source: NameSource) =>
  source.kind === 'index' ? ['ls-files', '-z'] : ['ls-tree', '-r', '-z', '--name-only', '--full-tree', source.rev];

/** Streams git's output through `onText`; resolves false when git fails or the text is too large. */
function streamGit(root: string, args: readonly string[], onText: (text: string) => void, children: Set<ReturnType<typeof spawn>>) {
  return new Promise<boolean>((resolve) => {
    const child = spawn('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    children.add(child);
    let bytes = 0;
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      bytes += chunk.length;
      if (bytes > MAX_TEXT_BYTES) {
        child.kill();
        return;
      }
      // A name may be cut between two chunks: the last line waits for the next one.
      const cut = chunk.lastIndexOf('\n');
      if (cut < 0) rest += chunk;
      else {
        onText(rest + chunk.slice(0, cut));
        rest = chunk.slice(cut + 1);
      }
    });
    child.on('error', () => resolve(false));
    child.on('close', (code) => {
      children.delete(child);
      onText(rest);
      // git grep exits 1 when nothing matched (an empty tree): still an index.
      resolve((code === 0 || code === 1) && bytes <= MAX_TEXT_BYTES);
    });
  });
}

async function readDependencyNames(
  root: string,
  paths: readonly string[],
  isStopped: () => boolean,
): Promise<ReadonlySet<string> | 'incomplete'> {
  const { dirs, isIncomplete } = readDependencyDirs(root, paths);
  if (isIncomplete) return 'incomplete';
  const names = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (isStopped()) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (isDeclarationFile(entry.name)) addNames(await readFile(path, 'utf8').catch(() => ''), names);
    }
  };
  for (const dir of dirs) await walk(join(root, dir));
  return names;
}

/** Starts building the index in the background. */
export function startNamesIndex(root: string, source: NameSource, changedPaths: readonly string[] = []): NamesIndexBuild {
  const children = new Set<ReturnType<typeof spawn>>();
  let stopped = false;
  let built: NamesIndex | undefined;
  const build = async (): Promise<NamesIndex | undefined> => {
    const names = new Set<string>();
    const pathTexts = new Set<string>();
    let paths = '';
    const [hasText, hasPaths, dependencyNames] = await Promise.all([
      streamGit(
        root,
        textArgs(source),
        (text) => {
          addNames(text, names);
          addPathTexts(text, pathTexts);
        },
        children,
      ),
      streamGit(root, pathArgs(source), (text) => (paths += `${text}\n`), children),
      readDependencyNames(root, changedPaths, () => stopped),
    ]);
    if (stopped || !hasText || !hasPaths) return undefined;
    built = {
      names,
      paths: paths
        .split(/[\0\n]/)
        .filter(Boolean)
        .map((p) => p.toLowerCase()),
      dependencyNames,
      pathTexts,
    };
    return built;
  };
  const ready = build().catch(() => undefined);
  return {
    current: () => built,
    ready,
    stop: () => {
      stopped = true;
      for (const child of children) child.kill();
    },
  };
}

/** The same index, read at once (scripts and tests measure against it). */
export function readNamesIndexSync(root: string, source: NameSource, changedPaths: readonly string[] = []): NamesIndex {
  const run = (args: readonly string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: MAX_TEXT_BYTES, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      return (error as { stdout?: string }).stdout ?? '';
    }
  };
  const names = new Set<string>();
  const pathTexts = new Set<string>();
  const texts = run(textArgs(source));
  addNames(texts, names);
  addPathTexts(texts, pathTexts);
  const { dirs, isIncomplete } = readDependencyDirs(root, changedPaths);
  let dependencyNames: Set<string> | 'incomplete' = 'incomplete';
  if (!isIncomplete) {
    const found = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (isDeclarationFile(entry.name)) addNames(readFileSync(path, 'utf8'), found);
      }
    };
    for (const dir of dirs) walk(join(root, dir));
    dependencyNames = found;
  }
  const paths = run(pathArgs(source))
    .split('\0')
    .filter(Boolean)
    .map((p) => p.toLowerCase());
  return { names, paths, dependencyNames, pathTexts };
}
