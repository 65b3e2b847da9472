import type { ChangedSymbol } from './impact-report.js';
import type { Resolver, WorkspacePackage } from './resolve-specifier.js';

// A package published from the repository has users the repository does not hold: a changed
// export that its entry passes on (the entry itself, or a barrel chain to it) is public API,
// whatever its users here. The entries are those package.json writes (`exports` subpaths, `main`,
// `module`, `types`), resolved to source as an import of the package is; a `"private": true`
// package, or one that names no entry, publishes nothing.

/** Each entry file of a publishable workspace package -> the specifiers that load it
 * (`@webiny/app-headless-cms`, `@acme/core/server`). */
export function listPublicEntries(packages: readonly WorkspacePackage[], resolve: Resolver): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  for (const pkg of packages) {
    if (pkg.isPrivate === true || pkg.name === '') continue;
    const subpaths = [...new Set([...exportSubpaths(pkg.exports), ...((pkg.main ?? pkg.module ?? pkg.types) ? ['.'] : [])])];
    for (const subpath of subpaths) {
      const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
      const found = resolve(`${pkg.dir === '' ? '' : `${pkg.dir}/`}package.json`, specifier);
      if ('path' in found) entries.set(found.path, [...(entries.get(found.path) ?? []), specifier]);
    }
  }
  return entries;
}

/** `exports`' subpaths without a pattern (`.`, `./server`); `.` for a string, an array or conditions only. */
function exportSubpaths(exports: unknown): string[] {
  if (exports === undefined || exports === null) return [];
  if (typeof exports !== 'object' || Array.isArray(exports)) return ['.'];
  const keys = Object.keys(exports);
  if (!keys.some((k) => k.startsWith('.'))) return ['.'];
  // `./package.json` loads no code; a `null` target hides a subpath.
  const map = exports as Record<string, unknown>;
  return keys.filter((k) => k.startsWith('.') && !k.includes('*') && k !== './package.json' && map[k] !== null);
}

/** The symbol with the specifiers of the public entries that export it (`passing`: the files passing its name on). */
export function withPublicApi(
  symbol: ChangedSymbol,
  passing: ReadonlySet<string> | undefined,
  entries: ReadonlyMap<string, string[]>,
): ChangedSymbol {
  if (entries.size === 0) return symbol;
  const files = passing ?? new Set([symbol.path]);
  const specifiers = [...new Set([...files].flatMap((file) => entries.get(file) ?? []))].sort();
  return specifiers.length === 0 ? symbol : { ...symbol, publicApi: specifiers };
}

/** "exported from `@webiny/app-headless-cms`: users outside this repository". */
export const describePublicApi = (specifiers: readonly string[]): string =>
  `exported from ${specifiers
    .slice(0, 2)
    .map((p) => `\`${p}\``)
    .join(', ')}${specifiers.length > 2 ? ` and ${specifiers.length - 2} more` : ''}: users outside this repository`;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const escapeName = (name: string) => name.replace(/\$/g, '\\$');

/**
 * Whether `text` exports the value of `local` under another name: `const Anchor = InternalAnchor
 * as CompoundedComponent; export default Anchor` (ant-design's components/anchor/index.tsx), `=
 * local`, `satisfies`, `!`, parentheses. Such a file is no user that builds on the binding: it
 * passes the binding's value on, as a barrel does, with members added at most. Read from the text
 * (a comment can only add a wrapper, never hide one: public API errs toward more).
 */
export function wrapsImport(text: string, local: string): boolean {
  if (!IDENTIFIER.test(local)) return false;
  const declared = new RegExp(
    `(?:^|[;\\n])\\s*(export\\s+)?(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*(?::[^=;\\n]+)?=\\s*\\(*\\s*${escapeName(local)}\\s*\\)*\\s*(?:as\\b|satisfies\\b|!|;|\\n|$)`,
    'g',
  );
  for (const [, isExported, name] of text.matchAll(declared)) {
    if (isExported !== undefined || name === local) return isExported !== undefined;
    const exported = new RegExp(
      `export\\s+default\\s+${escapeName(name!)}\\s*(?:;|\\n|$)|export\\s*\\{[^}]*\\b${escapeName(name!)}\\b[^}]*\\}(?!\\s*from)`,
    );
    if (exported.test(text)) return true;
  }
  return false;
}
