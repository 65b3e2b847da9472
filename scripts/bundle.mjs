// The CLI as it runs: a bundle of dist/ in dist/bundle/ (issue 24, docs/speed.md). tsc's
// one-file-per-module output stays in dist/ (the tests' and tools' imports, the schema, source
// of truth for paths); bin/selfreview.js loads dist/bundle/main.js. ESM costs 1–2 ms a module on
// Node 20, and the gate alone loaded ~77; esbuild's code splitting turns each lazy import() into
// a split point, so every path loads its code together (the gate, the blast radius, the
// questionnaire, the split) in a handful of files, and nothing it does not reach.
//
// - Only our own code is bundled: dependencies (commander, chalk, zod, yaml, TypeScript...) stay
//   in node_modules and load as they did.
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

const toUrl = (path) => path.split(sep).join('/');

/** A module's `import.meta.url` as its file in dist/, from wherever its code lands in dist/bundle/. */
const ownUrl = {
  name: 'own-url',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      if (args.path.startsWith(src + sep) && text.includes('import.meta.url')) {
        const own = toUrl(relative(outdir, join(root, 'dist', relative(src, args.path)).replace(/\.ts$/, '.js')));
        text = `const __ownUrl = new URL(${JSON.stringify(own)}, import.meta.url).href;\n${text.replaceAll('import.meta.url', '__ownUrl')}`;
        text = text.replace(/new URL\((['"])\.\/([\w-]+)\.js\1, __ownUrl\)/g, (whole, quote, name) =>
          entryNames.has(name) ? `new URL(${quote}./${name}.js${quote}, import.meta.url)` : whole,
        );
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ENTRIES,
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies load from node_modules as before, through Node's own ESM/CommonJS interop: a
  // bundled CommonJS package behind import() keeps only its default export (yaml's YAMLError,
  // jsonc-parser's functions would be undefined; tests/integration/config.test.ts).
  packages: 'external',
  sourcemap: 'linked',
  sourcesContent: false,
  plugins: [ownUrl],
  logLevel: 'warning',
});

// The build's own id, for the saved blast-radius data (src/adapters/cache/cache-version.ts): the
// digest of every chunk's code, written over the placeholder (same length: source maps stay right).
const PLACEHOLDER = 'selfreview-unbundled-build-id';
const chunks = (await readdir(outdir)).filter((name) => name.endsWith('.js')).sort();
const texts = await Promise.all(chunks.map((name) => readFile(join(outdir, name), 'utf8')));
const digest = createHash('sha256');
chunks.forEach((name, i) => digest.update(`${name}\0${texts[i]}\0`));
const id = `build-${digest.digest('hex')}`.slice(0, PLACEHOLDER.length);
const holders = chunks.filter((_, i) => texts[i].includes(PLACEHOLDER));
if (holders.length !== 1) throw new Error(`bundle: the build id's placeholder is in ${holders.length} chunks, not 1`);
await writeFile(join(outdir, holders[0]), texts[chunks.indexOf(holders[0])].replaceAll(PLACEHOLDER, id));
