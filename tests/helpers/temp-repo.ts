import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testEnv } from './env.js';
import { SETSID, spawnWithoutTerminal } from './no-terminal.js';

// A real git repository in a temporary folder, built from a file tree. Identity set, signing and
// auto-gc off; removed after the test. It refuses to run inside the project's own checkout.

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(PROJECT_ROOT, 'bin', 'selfreview.js');

/** This checkout as the project's installed selfreview (`node_modules/selfreview`), as the hooks find it. */
export function linkSelfreview(dir: string): void {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(PROJECT_ROOT, join(dir, 'node_modules', 'selfreview'));
}

export type FileTree = Record<string, string | Buffer | { symlink: string } | { executable: string }>;

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface WorkSnapshot {
  readonly status: string;
  readonly staged: string;
  readonly unstaged: string;
  readonly stash: string;
  readonly indexTree: string;
  /** Every ref and what it points to (branches, tags, notes, stash), and HEAD. */
  readonly refs: string;
}

export class TempRepo {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  git(args: readonly string[], options: { env?: Record<string, string | undefined>; input?: string } = {}): string {
    return execFileSync(SETSID, ['--wait', 'git', ...args], {
      cwd: this.dir,
      env: testEnv(options.env),
      encoding: 'utf8',
      input: options.input ?? '',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'], // git's chatter on stderr is not the test's output
    });
  }

  write(tree: FileTree): this {
    for (const [path, content] of Object.entries(tree)) {
      const full = join(this.dir, path);
      mkdirSync(dirname(full), { recursive: true });
      rmSync(full, { force: true });
      if (typeof content === 'object' && 'symlink' in content) symlinkSync(content.symlink, full);
      else if (typeof content === 'object' && 'executable' in content) {
        writeFileSync(full, content.executable);
        chmodSync(full, 0o755);
      } else writeFileSync(full, content);
    }
    return this;
  }

  /** Writes and stages the files. */
  stage(tree: FileTree): this {
    this.write(tree);
    this.git(['add', '--', ...Object.keys(tree)]);
    return this;
  }

  commit(message = 'commit', tree?: FileTree): this {
    if (tree) this.stage(tree);
    this.git(['commit', '-q', '--no-verify', '--allow-empty', '-m', message]);
    return this;
  }

  /** Runs the built CLI in this repository with a clean environment plus `env`. */
  run(
    args: readonly string[] = [],
    options: { env?: Record<string, string | undefined>; cwd?: string; timeoutMs?: number } = {},
  ): RunResult {
    const result = spawnWithoutTerminal(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? this.dir,
      env: testEnv(options.env),
      encoding: 'utf8',
      input: '',
      timeout: options.timeoutMs ?? 30_000,
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  runJson(
    args: readonly string[] = [],
    options: Parameters<TempRepo['run']>[1] = {},
  ): { code: number; json: Record<string, unknown>; stderr: string } {
    const result = this.run(['--json', ...args], options);
    return { code: result.code, json: JSON.parse(result.stdout) as Record<string, unknown>, stderr: result.stderr };
  }

  /** The user's work as git sees it: compared before and after every run (never touch it). */
  snapshot(): WorkSnapshot {
    return {
      status: this.git(['status', '--porcelain=v1', '-z', '--untracked-files=all']),
      staged: this.git(['diff', '--cached', '--binary', '--no-color']),
      unstaged: this.git(['diff', '--binary', '--no-color']),
      stash: this.git(['stash', 'list']),
      indexTree: this.git(['ls-files', '-s', '-z']),
      // HEAD from its file: `rev-parse HEAD` fails before the first commit.
      refs: `${this.git(['for-each-ref', '--format=%(refname) %(objectname)'])}HEAD ${readFileSync(resolve(this.dir, this.git(['rev-parse', '--git-path', 'HEAD']).trim()), 'utf8')}`,
    };
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function createTempRepo(tree: FileTree = {}, options: { commit?: boolean; bare?: boolean } = {}): TempRepo {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'selfreview-repo-')));
  if (dir.startsWith(PROJECT_ROOT)) throw new Error('refusing to create a test repository inside the project');
  const repo = new TempRepo(dir);
  repo.git(['init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : [])]);
  if (options.bare) return repo;
  for (const [key, value] of [
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
    ['gc.auto', '0'],
    ['core.autocrlf', 'false'],
    ['user.name', 'Test Author'],
    ['user.email', 'author@example.com'],
  ] as const) {
    repo.git(['config', key, value]);
  }
  if (Object.keys(tree).length > 0) {
    repo.stage(tree);
    if (options.commit !== false) repo.commit('initial');
  }
  return repo;
}

/** A numbered block of lines, for sizing changes. */
export function lines(count: number, prefix = 'line'): string {
  return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`).join('\n') + '\n';
}
