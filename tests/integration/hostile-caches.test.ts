import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeCacheFile } from '../../src/adapters/cache/trusted-cache-file.js';
import { expectEachDamageRebuilt, expectSameRun, runBounded, type BoundedRun } from '../helpers/hostile.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// Issue 22: a cache is data, never trust. V8 checks a code cache only against the source's
// length, so a cache compiled from an altered typescript.js of the same length ran its code in
// every command that loads TypeScript; damaged bytes crashed V8 (exit 133) on every run; a FIFO
// or a link to /dev/zero hung. Here the planted cache is real: compiled by this Node from a copy
// of typescript.js whose licence comment became code that writes a marker file. A control run
// shows it does run when the file passes every check (the user's own file: a user who can write
// it can run code anyway); every other probe must leave no marker and answer as a cold run.

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const require = createRequire(import.meta.url);
const typescriptFile = require.resolve('typescript');
const typescriptVersion = (require('typescript/package.json') as { version: string }).version;
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const realKey = `typescript ${typescriptVersion} ${process.version} ${process.arch} ${sha256(readFileSync(typescriptFile))}`;

/** Compiles, in a node flagged as the CLI is here, typescript.js altered to write `marker` first, keeping its length. */
function compileAlteredTypescript(marker: string): { cachedData: Buffer; key: string; tag: string } {
  const script = `
    const fs = require('fs'), vm = require('vm'), crypto = require('crypto'), v8 = require('v8');
    const [file, marker] = process.argv.slice(1);
    const text = fs.readFileSync(file, 'utf8');
    const end = text.indexOf('*/') + 2;
    const code = 'require("fs").writeFileSync(' + JSON.stringify(marker) + ', "ran");';
    const altered = code + '/*' + ' '.repeat(end - code.length - 4) + '*/' + text.slice(end);
    if (altered.length !== text.length) throw new Error('length differs');
    const wrapped = '(function (exports, require, module, __filename, __dirname) { ' + altered + '\\n});';
    const data = new vm.Script(wrapped, { filename: file }).createCachedData();
    const tag = v8.cachedDataVersionTag().toString(16);
    process.stdout.write(JSON.stringify({ data: data.toString('base64'), digest: crypto.createHash('sha256').update(altered).digest('hex'), tag }));`;
  // Under the V8 flags the CLI runs with in this small repository, V8's own (bin/selfreview.js
  // raises the interrupt budget only for a large one): V8 takes a code cache only from a process
  // whose flags hash the same, and the cache's name carries that hash (V8's version tag).
  const out = spawnSync(process.execPath, ['-e', script, typescriptFile, marker], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(out.status).toBe(0);
  const { data, digest, tag } = JSON.parse(out.stdout) as { data: string; digest: string; tag: string };
  return {
    cachedData: Buffer.from(data, 'base64'),
    key: `typescript ${typescriptVersion} ${process.version} ${process.arch} ${digest}`,
    tag,
  };
}

let repo: TempRepo;
let base: string;
let marker: string;
let planted: { cachedData: Buffer; key: string; tag: string };
let cold: Map<string, BoundedRun>;

const COMMANDS: ReadonlyArray<readonly string[]> = [
  ['impact', '--json'],
  ['--dry-run', '--json'],
  ['ci', '--staged'],
  ['split'],
  ['split', '--check'],
];

/** A run of `args` with HOME at `home` and no module cache: TypeScript is loaded, in this process. */
function run(home: string, args: readonly string[] = ['impact', '--json']): Promise<BoundedRun> {
  rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
  return runBounded(repo.dir, args, { env: { HOME: home }, deadlineMs: 90_000 });
}

const cacheName = () => `typescript-${typescriptVersion}-${process.version}-${process.arch}-${planted.tag}.v8cache`;

function newHome(): { home: string; cacheDir: string; cacheFile: string } {
  const home = mkdtempSync(join(base, 'home-'));
  const cacheDir = join(home, '.cache', 'selfreview');
  return { home, cacheDir, cacheFile: join(cacheDir, cacheName()) };
}

function expectAsCold(result: BoundedRun, args: readonly string[] = ['impact', '--json']): void {
  expectSameRun(result, cold.get(args.join(' '))!, marker);
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'selfreview-hostile-caches-'));
  marker = join(base, 'planted-code-ran');
  planted = compileAlteredTypescript(marker);
  repo = createTempRepo({
    'src/a.ts': 'export function one(): number {\n  return 1;\n}\nexport const two = 2;\n',
    'src/b.ts': "import { one } from './a';\nexport const b = one();\n",
    'src/c.ts': "import { two } from './a';\nimport { b } from './b';\nexport const c = two + b;\n",
    'src/view.ts': '/// <reference lib="es2020" />\nimport { c } from \'./c\';\nexport const view = () => [c];\n',
  });
  // A changed file with a triple-slash directive, always TypeScript's (user-whole.ts): every
  // command loads TypeScript, and with it the code cache, in its own process.
  repo.stage({
    'src/a.ts': 'export function one(): string {\n  return "1";\n}\nexport const two = 3;\n',
    'src/view.ts': '/// <reference lib="es2020" />\nimport { c } from \'./c\';\nexport const view = () => [c, c];\n',
  });
  cold = new Map();
  for (const args of COMMANDS) cold.set(args.join(' '), await run(newHome().home, args));
}, 600_000);

afterAll(() => {
  repo?.cleanup();
  rmSync(base, { recursive: true, force: true });
});

describe('the V8 code cache of TypeScript', () => {
  test('control: the planted cache is real; as the user\u2019s own file with the right digests, its code runs', async () => {
    const { home, cacheFile } = newHome();
    writeCacheFile(cacheFile, realKey, planted.cachedData, { isOutsideWorkTree: true });
    await run(home);
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
  }, 120_000);

  test('compiled from another source: without our header, or with the digest of its own source, it never runs', async () => {
    const { home, cacheFile } = newHome();
    mkdirSync(join(home, '.cache', 'selfreview'), { recursive: true, mode: 0o700 });
    writeFileSync(cacheFile, planted.cachedData, { mode: 0o600 });
    const bare = await run(home);
    expectAsCold(bare);
    expect(bare.stderr).toMatch(/ignored the cache .*\.v8cache: it is not a selfreview cache file/);
    writeCacheFile(cacheFile, planted.key, planted.cachedData, { isOutsideWorkTree: true });
    const stale = await run(home);
    expectAsCold(stale);
    // Rewritten from the real source: the next run uses it.
    expect(readFileSync(cacheFile).subarray(0, 200).toString('latin1')).toContain(sha256(realKey));
  }, 240_000);

  (isRoot ? test : test.skip)(
    'planted by another user (owned by nobody, mode 666, in a 777 folder): ignored in every command that loads TypeScript',
    async () => {
      const { home, cacheDir, cacheFile } = newHome();
      writeCacheFile(cacheFile, realKey, planted.cachedData, { isOutsideWorkTree: true });
      chownSync(cacheFile, NOBODY, NOBODY);
      chmodSync(cacheFile, 0o666);
      for (const args of COMMANDS) {
        const result = await run(home, args);
        expectAsCold(result, args);
        expect([args.join(' '), result.stderr]).toEqual([
          args.join(' '),
          expect.stringMatching(/ignored the cache .*owned by another user/),
        ]);
        writeCacheFile(cacheFile, realKey, planted.cachedData, { isOutsideWorkTree: true });
        chownSync(cacheFile, NOBODY, NOBODY);
      }
      writeCacheFile(cacheFile, realKey, planted.cachedData, { isOutsideWorkTree: true });
      chmodSync(cacheFile, 0o666);
      const writable = await run(home);
      expectAsCold(writable);
      expect(writable.stderr).toMatch(/ignored the cache .*writable by group or others \(mode 666\)/);
      // Our cache folder left writable by others: not read, and closed to 0700 when rewritten.
      writeCacheFile(cacheFile, realKey, planted.cachedData, { isOutsideWorkTree: true });
      chmodSync(cacheDir, 0o777);
      const open = await run(home);
      expectAsCold(open);
      expect(open.stderr).toMatch(/its folder is writable by group or others \(mode 777\)/);
      expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
      // A shared XDG_CACHE_HOME where another user made selfreview/ and planted the cache: not
      // read, and nothing is written there.
      const xdg = mkdtempSync(join(base, 'xdg-'));
      chmodSync(xdg, 0o1777);
      const theirs = join(xdg, 'selfreview');
      writeCacheFile(join(theirs, basename(cacheFile)), realKey, planted.cachedData);
      chownSync(join(theirs, basename(cacheFile)), NOBODY, NOBODY);
      chownSync(theirs, NOBODY, NOBODY);
      rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
      const shared = await runBounded(repo.dir, ['impact', '--json'], { env: { HOME: home, XDG_CACHE_HOME: xdg }, deadlineMs: 90_000 });
      expectAsCold(shared);
      expect(shared.stderr).toMatch(/ignored the cache .*owned by another user/);
      expect(readdirSync(theirs)).toEqual([basename(cacheFile)]);
      expect(statSync(join(theirs, basename(cacheFile))).uid).toBe(NOBODY);
    },
    600_000,
  );

  test('committed in a repository used as HOME: ignored, and nothing is written into its work tree', async () => {
    const homeRepo = createTempRepo({ 'README.md': 'a home in git\n' });
    try {
      const cacheFile = join(homeRepo.dir, '.cache', 'selfreview', cacheName());
      // Written as it would be outside a work tree, then committed: a clone gives it to the user.
      mkdirSync(join(homeRepo.dir, '.cache', 'selfreview'), { recursive: true, mode: 0o700 });
      const outside = newHome();
      writeCacheFile(outside.cacheFile, realKey, planted.cachedData);
      writeFileSync(cacheFile, readFileSync(outside.cacheFile), { mode: 0o600 });
      homeRepo.git(['add', '.cache']);
      homeRepo.git(['commit', '-q', '-m', 'cache']);
      const result = await run(homeRepo.dir);
      expectAsCold(result);
      expect(result.stderr).toMatch(/ignored the cache .*inside a git work tree/);
      expect(homeRepo.git(['status', '--porcelain'])).toBe('');
    } finally {
      homeRepo.cleanup();
    }
  }, 120_000);

  test('damaged (bytes flipped, cut short), a FIFO, a link to /dev/zero: no crash, no hang, the cold answer', async () => {
    const { home, cacheFile } = newHome();
    expectAsCold(await run(home)); // writes the real cache
    await expectEachDamageRebuilt(cacheFile, [200_000, 500_000], () => run(home), expectAsCold, /ignored the cache .*\.v8cache/);
  }, 600_000);
});
