// The CLI as it runs: a bundle of dist/ in dist/bundle/ (issue 24, docs/speed.md). tsc's
// one-file-per-module output stays in dist/ (the tests' and tools' imports, the schema, source
// of truth for paths); bin/selfreview.js loads dist/bundle/main.js. ESM costs 1–2 ms a module on
// Node 20: esbuild's code splitting turns each lazy import() into a split point, so every path
// loads its code together (the blast radius, the questionnaire, the split), and nothing it does
// not reach.
//
// - The gate (the review up to its verdict and its report, every commit's cost) is one chunk
//   loaded with main.js. esbuild has no manual chunks: it puts a module in the chunk of the set
//   of entry points (main and every import() target) that reach it, which scattered the gate's
//   ~75 modules over 46 files (~50 ms of a 270 ms run). So, in the bundle only (the sources keep
//   their lazy imports): an import() of a gate module from our code is a static import, and every
//   other module of ours imports the gate's roots, so each entry point reaches all of the gate
//   and its modules share one chunk (GATE_ROOTS below; tests/integration/startup-modules.test.ts
//   counts the files a gate loads). The parse worker's own modules are left out: a worker does
//   not load the gate.
// - Only our own code is bundled: dependencies (commander, chalk, zod, yaml, TypeScript...) stay
//   in node_modules and load as they did, where they are used: no gate module imports one.
// - Every `import.meta.url` of a module stays the URL of its own file in dist/: what it reads
//   beside itself (package.json, the schema's code) and what it resolves from (createRequire)
//   are where they were. A worker started from `new URL('./<entry>.js', import.meta.url)` is the
//   bundle's entry of that name.
// - Source maps (dist/bundle/*.map, shipped): bin/selfreview.js turns them on for --debug and
//   SELFREVIEW_DEBUG, so a stack names our source files.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const outdir = join(root, 'dist', 'bundle');
const ENTRIES = ['src/cli/main.ts', 'src/adapters/typescript/parse-worker.ts'];
const entryNames = new Set(ENTRIES.map((entry) => basename(entry, '.ts')));
// What the gate loads besides main.ts's own imports: the lazy imports on its way to a verdict and
// its report (--json or text), an accepted change's too up to the blast radius and the questions.
const GATE_ROOTS = [
  'src/cli/commands/review.ts',
  'src/adapters/git/git-client.ts',
  'src/review/run-review.ts',
  'src/adapters/output/progress.ts',
  'src/adapters/fs/detect-package-runner.ts',
  'src/adapters/output/format-json-report.ts',
  'src/adapters/output/format-text-report.ts',
  'src/core/split/propose-split-parts.ts',
  'src/core/split/parse-patch-hunks.ts',
  'src/review/list-questions.ts',
  'src/review/run-quiz.ts',
];
const GATE_ALL = join(src, '<gate>.ts');

const toUrl = (path) => path.split(sep).join('/');

/** The modules `entryPoints` reach through static imports (import() not followed), absolute paths. */
async function staticClosure(entryPoints) {
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir: join(root, 'dist', 'closure'),
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        name: 'static-only',
        setup(builder) {
          builder.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
        },
      },
    ],
  });
  return new Set(Object.keys(result.metafile.inputs).map((path) => join(root, path)));
}

const gate = await staticClosure([ENTRIES[0], ...GATE_ROOTS]);
const worker = await staticClosure([ENTRIES[1]]);

/** The gate's modules in one chunk (see the top): its import()s static, the rest importing its roots. */
function oneGateChunk(path, text) {
  if (!path.startsWith(src + sep) || worker.has(path)) return text;
  // Added on the first line: every line of the module keeps its number in the source map.
  const heads = gate.has(path) && path !== join(root, ENTRIES[0]) ? [] : [`import ${JSON.stringify(GATE_ALL)}; `];
  const body = text.replace(/(?<!typeof )\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g, (whole, quote, specifier) => {
    if (!gate.has(join(dirname(path), specifier).replace(/\.js$/, '.ts'))) return whole;
    const name = `__gate${heads.length}`;
    heads.push(`import * as ${name} from ${JSON.stringify(specifier)}; `);
    return `Promise.resolve(${name})`;
  });
  return heads.join('') + body;
}

/**
 * A module's `import.meta.url` as its file in dist/, from wherever its code lands in dist/bundle/;
 * the gate in one chunk.
 */
const ownUrl = {
  name: 'own-url',
  setup(builder) {
    builder.onResolve({ filter: /<gate>\.ts$/ }, () => ({ path: GATE_ALL, namespace: 'gate' }));
    builder.onLoad({ filter: /.*/, namespace: 'gate' }, () => ({
      contents: GATE_ROOTS.map((path) => `import ${JSON.stringify(join(root, path))};`).join('\n'),
      loader: 'ts',
      resolveDir: root,
    }));
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      if (args.path.startsWith(src + sep) && text.includes('import.meta.url')) {
        const own = toUrl(relative(outdir, join(root, 'dist', relative(src, args.path)).replace(/\.ts$/, '.js')));
        text = `const __ownUrl = new URL(${JSON.stringify(own)}, import.meta.url).href; ${text.replaceAll('import.meta.url', '__ownUrl')}`;
        text = text.replace(/new URL\((['"])\.\/([\w-]+)\.js\1, __ownUrl\)/g, (whole, quote, name) =>
          entryNames.has(name) ? `new URL(${quote}./${name}.js${quote}, import.meta.url)` : whole,
        );
      }
      return { contents: oneGateChunk(args.path, text), loader: 'ts' };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
// What the ES module builds share. Dependencies load from node_modules as before, through Node's
// own ESM/CommonJS interop: a bundled CommonJS package behind import() keeps only its default
// export (yaml's YAMLError, jsonc-parser's functions would be undefined; tests/integration/config.test.ts).
const ESM_MODULES = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
};
await build({
  ...ESM_MODULES,
  entryPoints: ENTRIES,
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  splitting: true,
  plugins: [ownUrl],
});

// The main thread's code as one script, dist/bundle/cli.cjs, for Node 20, which keeps no compiled
// code of an ES module between runs: bin/selfreview.js runs it through src/cli/load-cli.ts with
// V8's code cache, as TypeScript is loaded (docs/speed.md, round 53: compiling the ~560 KB a warm
// `impact` loads was ~15 ms of CPU a run, ~2 ms from the cache). The same sources, other form:
// - CommonJS, no splitting: every module is in the file, and V8 compiles a function only when it
//   first runs; a module reached only through import() is evaluated only when imported (esbuild's
//   lazy module wrappers), as its chunk was loaded only then.
// - Packages stay in node_modules (require), except the ES-module-only ones (chalk, zod,
//   @inquirer/*), which Node 20's require cannot load: they are in the file. import() of a
//   package (yaml, jsonc-parser, commander: CommonJS) becomes require(), which gives the same
//   exports; a vm.Script has no import() of its own.
// - `import.meta.url` of a module is its file in dist/, from `__bundleUrl` (load-cli.ts passes
//   this file's URL); the parse worker is still the ES module entry parse-worker.js.
// Node 22.1+ and --debug (source maps) load main.js as before.
const ESM_ONLY_PACKAGES = /^(chalk|zod|@inquirer\/[\w-]+)(\/|$)/;
const CJS_ENTRY = join(outdir, 'cli.cjs');
const oneScript = {
  name: 'one-script',
  setup(builder) {
    // A package our code imports stays in node_modules unless it is ES-module-only; what a bundled
    // package imports is bundled with it.
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      !args.importer.startsWith(src + sep) || ESM_ONLY_PACKAGES.test(args.path) || args.path.startsWith('node:')
        ? undefined
        : { path: args.path, external: true },
    );
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      if (!args.path.startsWith(src + sep)) return { contents: text, loader: 'ts' };
      text = text.replace(
        /\bimport\((['"])(yaml|jsonc-parser|commander)\1\)/g,
        (whole, quote, name) => `Promise.resolve(require(${quote}${name}${quote}))`,
      );
      if (text.includes('import.meta.url')) {
        const own = toUrl(relative(outdir, join(root, 'dist', relative(src, args.path)).replace(/\.ts$/, '.js')));
        text = text.replace(/new URL\((['"])\.\/([\w-]+)\.js\1, import\.meta\.url\)/g, (whole, quote, name) =>
          entryNames.has(name) ? `new URL(${quote}./${name}.js${quote}, __bundleUrl)` : whole,
        );
        text = `const __ownUrl = new URL(${JSON.stringify(own)}, __bundleUrl).href; ${text.replaceAll('import.meta.url', '__ownUrl')}`;
      }
      return { contents: text, loader: 'ts' };
    });
  },
};
await build({
  absWorkingDir: root,
  entryPoints: [ENTRIES[0]],
  outfile: CJS_ENTRY,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Without comments and indentation, and so in ASCII (esbuild escapes what is not, in strings):
  // fewer bytes to read and hash on every run, and a string of one byte a character for V8 (a
  // character past ASCII in a comment made it two: ~4 ms more a run to decode). Names stay as
  // written (a class's name is in some messages).
  minifyWhitespace: true,
  plugins: [oneScript],
  logLevel: 'warning',
});
// esbuild leaves a regular expression's characters past ASCII as they are (`’`, `…`, kana): one
// such character makes V8's copy of the whole script two bytes a character, and its UTF-8
// decoding ~1.5 ms slower a run. Written as \uXXXX, which means the same character in a string,
// a template, a regular expression (a character class too) and a name.
{
  const text = await readFile(CJS_ENTRY, 'utf8');
  await writeFile(
    CJS_ENTRY,
    text.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}
// What runs the script (and its trust checks), one file of its own: never the gate's chunk.
await build({ ...ESM_MODULES, entryPoints: ['src/cli/load-cli.ts'], outfile: join(outdir, 'load-cli.js') });

// The build's own id, for the saved blast-radius data (src/adapters/cache/cache-version.ts): the
// digest of every chunk's code, written over the placeholder (same length: source maps stay right),
// in the chunk that holds it and in cli.cjs.
const PLACEHOLDER = 'selfreview-unbundled-build-id';
const chunks = (await readdir(outdir)).filter((name) => name.endsWith('.js') || name.endsWith('.cjs')).sort();
const texts = await Promise.all(chunks.map((name) => readFile(join(outdir, name), 'utf8')));
const digest = createHash('sha256');
chunks.forEach((name, i) => digest.update(`${name}\0${texts[i]}\0`));
const id = `build-${digest.digest('hex')}`.slice(0, PLACEHOLDER.length);
const holders = chunks.filter((_, i) => texts[i].includes(PLACEHOLDER));
if (holders.length !== 2 || !holders.includes(basename(CJS_ENTRY))) {
  throw new Error(`bundle: the build id's placeholder is in ${holders.join(', ')}, not in one chunk and cli.cjs`);
}
for (const holder of holders) await writeFile(join(outdir, holder), texts[chunks.indexOf(holder)].replaceAll(PLACEHOLDER, id));
