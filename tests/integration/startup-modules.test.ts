import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';

// The gate runs on every commit: what it loads is its start-up (docs/speed.md, issue 24). Node's
// own list of the built-in modules a run loaded (process.moduleLoadList, written at exit by a
// preload) must not hold what the gate never uses: node:crypto (~15 modules; nothing is hashed
// without a config file or a module for the quiz to read), perf_hooks (the logger's clock) or
// ICU's collator's caller; and --json loads no chalk. Each was loaded before this round. The
// gate's own code is one chunk of the bundle (scripts/bundle.mjs): 46 files before, ~1 ms each.
// Two forms run the same code (bin/selfreview.js): on Node 20 the one script cli.cjs, with V8's
// code cache (src/cli/load-cli.ts); on Node 22.1+ and with --debug, the ES modules. `form:
// 'modules'` has the preload give node:module an `enableCompileCache`, as Node 22 has, so this
// Node runs the ES modules: what each chunk holds is checked there.

let repo: TempRepo;
let dir: string;

/** The built-in modules, the packages' files and the bundle's files one run of the CLI loaded. */
function loadedBy(
  args: string[],
  inRepo = repo,
  form: 'script' | 'modules' = 'script',
): { builtins: string[]; packages: string[]; bundle: string[]; code: number } {
  const out = join(dir, `loaded-${args.join('_')}-${inRepo === repo ? 'a' : 'b'}-${form}`);
  const result = inRepo.run(args, {
    env: {
      NODE_OPTIONS: `--require ${join(dir, 'record.cjs')}`,
      RECORD_BUILTINS: `${out}.json`,
      RECORD_URLS: `${out}.urls`,
      RECORD_FORM: form,
    },
  });
  const builtins = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as string[];
  const urls = readFileSync(`${out}.urls`, 'utf8').split('\n');
  return {
    builtins,
    packages: urls.filter((url) => url.includes('/node_modules/')),
    bundle: [...new Set(urls.filter((url) => url.includes('/dist/bundle/')))],
    code: result.code,
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'selfreview-startup-'));
  // Built-ins: node's own list, written at exit. ES modules: every URL the loader resolves, written
  // by a resolve hook (module.register), which runs on the loader's own thread.
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.RECORD_URLS, resolved.url + '\\n');
  return resolved;
}
`,
  );
  writeFileSync(
    join(dir, 'record.cjs'),
    `const fs = require('node:fs');
fs.writeFileSync(process.env.RECORD_URLS, '');
require('node:module').register(require('node:url').pathToFileURL(${JSON.stringify(join(dir, 'hooks.mjs'))}));
process.on('exit', () => fs.writeFileSync(process.env.RECORD_BUILTINS, JSON.stringify(process.moduleLoadList)));
// CommonJS too (cli.cjs requires its packages): every file require() resolves.
const Module = require('node:module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  if (file.startsWith('/')) fs.appendFileSync(process.env.RECORD_URLS, require('node:url').pathToFileURL(file).href + '\\n');
  return file;
};
if (process.env.RECORD_FORM === 'modules' && typeof Module.enableCompileCache !== 'function') Module.enableCompileCache = () => undefined;
`,
  );
  repo = createTempRepo({ 'src/a.ts': lines(5) });
  repo.stage({ 'src/a.ts': lines(9) });
});
afterAll(() => {
  repo?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('the gate alone (--dry-run --json --no-impact) loads only what it uses', () => {
  test('no perf_hooks, no chalk', () => {
    const { builtins, packages, code } = loadedBy(['--dry-run', '--json', '--no-impact'], repo, 'modules');
    expect(code).toBe(0);
    // The control: the run did record what it loaded (git is spawned through child_process).
    expect(builtins).toContain('NativeModule child_process');
    expect(builtins.filter((m) => /^NativeModule perf_hooks$/.test(m))).toEqual([]);
    expect(packages.filter((url) => url.includes('/chalk/'))).toEqual([]);
    // cli.cjs holds chalk (an ES module only package): its module is not evaluated either, and
    // with it node:tty (chalk's supports-color), which nothing else of a --json run loads.
    const script = loadedBy(['--dry-run', '--json', '--no-impact']);
    expect(script.code).toBe(0);
    expect(script.builtins).toContain('NativeModule child_process');
    expect(script.builtins.filter((m) => /^NativeModule (perf_hooks|tty)$/.test(m))).toEqual([]);
  });

  test('no node:v8: only a cold run on a large repository sets a V8 flag (bin/selfreview.js)', () => {
    const { builtins, code } = loadedBy(['--dry-run', '--json', '--no-impact']);
    expect(code).toBe(0);
    expect(builtins).toContain('NativeModule child_process');
    expect(builtins.filter((m) => /^NativeModule v8$/.test(m))).toEqual([]);
  });

  test('no node:crypto when nothing is hashed: a change with no module for the quiz to read', () => {
    // A module's quiz sides are checked by their git object ids (read-blob-file.ts): that hash
    // costs less than the `cat-file` process it replaces (docs/speed.md). Without one, no crypto.
    repo.git(['reset', '-q']);
    repo.stage({ 'docs/a.md': lines(9) });
    try {
      // The ES modules' form: cli.cjs's loader hashes the script for its code cache, every run.
      const { builtins, code } = loadedBy(['--dry-run', '--json', '--no-impact'], repo, 'modules');
      expect(code).toBe(0);
      expect(builtins).toContain('NativeModule child_process');
      expect(builtins.filter((m) => /^NativeModule crypto$/.test(m))).toEqual([]);
      // The control: the module change's quiz hashes its sides.
      repo.git(['reset', '-q']);
      repo.stage({ 'src/a.ts': lines(9) });
      expect(loadedBy(['--dry-run', '--json', '--no-impact'], repo, 'modules').builtins).toContain('NativeModule crypto');
    } finally {
      repo.git(['reset', '-q']);
      repo.stage({ 'src/a.ts': lines(9) });
    }
  });

  test('the text report still loads chalk (the control of the check above)', () => {
    const { packages, code } = loadedBy(['--dry-run', '--no-impact'], repo, 'modules');
    expect(code).toBe(0);
    expect(packages.filter((url) => url.includes('/chalk/')).length).toBeGreaterThan(0);
    expect(loadedBy(['--dry-run', '--no-impact']).builtins).toContain('NativeModule tty');
  });
});

describe('the gate loads its own code in a few files of the bundle', () => {
  let big: TempRepo | undefined;
  afterAll(() => big?.cleanup());

  test('accepted, --json: main.js, the gate chunk and what it shares with the parse worker', () => {
    const { bundle, packages, code } = loadedBy(['--dry-run', '--json', '--no-impact'], repo, 'modules');
    expect(code).toBe(0);
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle.length).toBeLessThanOrEqual(4);
    // A package imported by a gate module would load on every commit: none is.
    expect(packages).toEqual([]);
    // The script's form: its loader is the one ES module of the bundle; cli.cjs requires no package.
    const script = loadedBy(['--dry-run', '--json', '--no-impact']);
    expect(script.code).toBe(0);
    expect(script.bundle.map((url) => url.slice(url.lastIndexOf('/') + 1))).toEqual(['load-cli.js']);
    expect(script.packages).toEqual([]);
  });

  test('rejected, the text report and the split proposal: the same chunks, and chalk', () => {
    big = createTempRepo({ 'src/a.ts': lines(5) });
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`src/part${i}.ts`] = lines(3);
    big.stage(files);
    const { bundle, code } = loadedBy(['--dry-run', '--no-impact'], big, 'modules');
    expect(code).toBe(1);
    // colors.ts, chalk's only importer, stays out of the gate's chunk (--json never loads it).
    expect(bundle.length).toBeLessThanOrEqual(5);
  });

  test.each(['script', 'modules'] as const)(
    '`impact --json` does not load commander (%s): a command line of switches alone needs no parser',
    (form) => {
      const { packages, code } = loadedBy(['impact', '--json'], repo, form);
      expect(code).toBe(0);
      expect(packages.filter((url) => url.includes('/commander/'))).toEqual([]);
      // The control: a command line with a value still goes through commander.
      expect(
        loadedBy(['impact', '--json', '--base', 'HEAD'], repo, form).packages.filter((url) => url.includes('/commander/')).length,
      ).toBeGreaterThan(0);
    },
  );

  test('the control: the blast radius loads its own chunks after them', () => {
    const gate = loadedBy(['--dry-run', '--json', '--no-impact'], repo, 'modules').bundle;
    const { bundle, code } = loadedBy(['--dry-run', '--json'], repo, 'modules');
    expect(code).toBe(0);
    expect(bundle.length).toBeGreaterThan(gate.length);
  });
});
