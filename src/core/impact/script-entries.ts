// Source files that a package.json script builds into entries: `tsup src/core/index.ts` writes
// `index.js` (and `index.d.ts`), `tsup --entry.modifiers src/modifiers/index.ts` writes
// `modifiers.js`. dnd-kit's packages point `main` and `exports` at such files in the package's
// own folder (tsup's `outDir: './'`), untracked, with nothing else saying where they come from.

const SOURCE = /^(?:\.\/)?(?!-)[\w@.+-]+(?:\/[\w@.+-]+)*\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');

/**
 * Output file name (no folder, no extension) -> the package-relative source a script names for
 * it: a path argument builds a file of its own name, `--entry.NAME path` (tsup, esbuild) one
 * named NAME. A name that two scripts build from different sources is left out.
 */
export function listScriptEntries(scripts: unknown): Record<string, string> {
  if (scripts === null || typeof scripts !== 'object' || Array.isArray(scripts)) return {};
  const found = new Map<string, string | null>();
  const add = (name: string, path: string) => {
    const source = path.replace(/^\.\//, '');
    const known = found.get(name);
    found.set(name, known === undefined || known === source ? source : null);
  };
  for (const script of Object.values(scripts as Record<string, unknown>)) {
    if (typeof script !== 'string') continue;
    const words = script.split(/\s+|&&|\|\||;/).filter((w) => w !== '');
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const entry = /^--entry\.([\w.-]+)(?:=(.*))?$/.exec(word);
      if (entry) {
        const path = entry[2] ?? words[++i];
        if (path !== undefined && SOURCE.test(path)) add(entry[1]!, path);
      } else if (SOURCE.test(word) && !words[i - 1]?.startsWith('-')) add(baseName(word), word);
    }
  }
  return Object.fromEntries([...found].filter((e): e is [string, string] => e[1] !== null));
}
