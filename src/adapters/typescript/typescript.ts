import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type * as TypeScript from 'typescript';

// TypeScript loaded with require(), not import: an ESM import of this 9 MB CommonJS file makes
// Node scan it for its export names (cjs-module-lexer) and test-compile it as ESM first.
// From Node 22.1 V8's compile cache skips even the compile on later runs
// (`module.enableCompileCache`). Node 20 has no such switch, so there we compile it ourselves
// with V8's code cache (`vm.Script` cachedData): about half of TypeScript's load time (0.5 s
// to 0.27 s, measured here). It is compiled code of TypeScript, not anything of a repository,
// so it is kept per user, where Node 22 keeps its own (the user's cache folder: 2.5 MB for a
// TypeScript and Node version pair), and every repository's first run has it. It is written
// after the run's parsing, so it holds the parser's functions too; V8 checks it against the
// source and its own flags, and a rejected one is rewritten. No HOME, or one not writable:
// TypeScript loads without it. A cache folder inside a git work tree (a home directory kept in
// git, a demo whose HOME is its repository) is never written: it would be a new file there.

function codeCacheDir(): string | null {
  const base = process.env.XDG_CACHE_HOME || (process.env.HOME ? join(homedir(), '.cache') : '');
  return base === '' ? null : join(base, 'selfreview');
}

const require = nodeModule.createRequire(import.meta.url);
const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

let script: Script | null = null;
let cacheFile: string | null = null;
let isCacheCurrent = false;

function loadWithCodeCache(dir: string): typeof TypeScript {
  const file = require.resolve('typescript');
  const version = (require('typescript/package.json') as { version: string }).version;
  cacheFile = join(dir, `typescript-${version}-${process.version}-${process.arch}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  // The wrapper Node itself puts around a CommonJS module.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n});`;
  script = new Script(source, { filename: file, cachedData });
  isCacheCurrent = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as typeof TypeScript };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, nodeModule.createRequire(file), module, file, dirname(file));
  return module.exports;
}

function loadTypescript(): typeof TypeScript {
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const dir = codeCacheDir();
  if (!hasCompileCache && dir !== null) {
    try {
      return loadWithCodeCache(dir);
    } catch {
      script = null;
    }
  }
  return require('typescript') as typeof TypeScript;
}

export const ts: typeof TypeScript = loadTypescript();

function isInWorkTree(path: string): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

/** Writes V8's code cache of TypeScript when there was none or V8 rejected it; never throws. */
export function saveTypescriptCodeCache(): void {
  if (script === null || cacheFile === null || isCacheCurrent || isInWorkTree(dirname(cacheFile))) return;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
    isCacheCurrent = true;
  } catch {
    // a read-only git directory only costs speed
  }
}
