import type { FileChange } from '../change/staged-change.js';
import { isTestPath } from '../change/test-path.js';
import { join, probe } from '../impact/resolve-specifier.js';
import type { ImpactReport } from '../impact/impact-report.js';
import { compareText } from '../text/compare-text.js';

// A change unit is a coherent piece of the change: an export, the callers updated with it and
// their tests; a module and its test. Docs, config and generated files are pieces of their own
// (each asked a short question or none). Folders are no unit: a 4-file change in one folder
// that is two ideas is two units. Too many small units are merged by folder, at most `max`.

export type UnitKind = 'source' | 'docs' | 'config' | 'generated';

export interface ChangeUnit {
  readonly kind: UnitKind;
  /** The file the piece is about (its largest source change), named in the question. */
  readonly label: string;
  readonly files: readonly FileChange[];
  readonly added: number;
  readonly removed: number;
}

const DOCS = /\.(md|mdx|markdown|rst|txt|adoc)$|(^|\/)(LICENSE|AUTHORS|CHANGELOG)[^/]*$/i;
/** A docs folder's other files are docs too, but for its code and config: lucide's docs/ is a
 * VitePress site, and docs/scripts/writeIconDetails.mts or docs/package.json is asked about as
 * code and config, not "what should its readers now know" (lucide 02eaf471a9). */
const DOCS_FOLDER = /(^|\/)(docs?|\.changeset)\//i;
const CODE = /\.([cm]?[jt]sx?|vue|svelte|astro|css|scss|sass|less|styl|pcss)$/;
const GENERATED =
  /(^|\/)(dist|build|generated|__generated__|__snapshots__)\/|\.(min\.[cm]?js|snap|map)$|\.generated\.|(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|go\.sum)$/;
const CONFIG =
  /(^|\/)(package\.json|tsconfig[^/]*\.json|\.[^/]*rc(\.[cm]?js|\.json|\.ya?ml)?|[^/]*\.config\.[cm]?[jt]s|\.gitignore|\.gitattributes|\.editorconfig|\.npmignore|Dockerfile|Makefile)$|^\.github\/|\.(ya?ml|toml|ini)$/;

export function classifyFile(path: string): UnitKind {
  if (GENERATED.test(path)) return 'generated';
  if (DOCS.test(path)) return 'docs';
  if (CONFIG.test(path)) return 'config';
  if (DOCS_FOLDER.test(path) && !CODE.test(path)) return 'docs';
  return 'source';
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '');
const stemOf = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/(\.(test|spec)(-d)?|\.(stories|d))?\.[^.]+$/, '');
const sizeOf = (f: FileChange) => f.added + f.removed;

function toUnit(kind: UnitKind, files: readonly FileChange[]): ChangeUnit {
  // The piece is named after its largest non-test file: the test follows what it tests.
  const main = [...files].sort(
    (a, b) => Number(isTestPath(a.path)) - Number(isTestPath(b.path)) || sizeOf(b) - sizeOf(a) || compareText(a.path, b.path),
  )[0]!;
  return {
    kind,
    label: main.path,
    files,
    added: files.reduce((n, f) => n + f.added, 0),
    removed: files.reduce((n, f) => n + f.removed, 0),
  };
}

/** An added line that passes on another module: `export * from './x'`, `export { a } from './x'`. */
const REEXPORT = /^\+export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The staged files a staged file's added re-export lines pass on (class-validator 7fe37ed: a new
 * decorator and the barrel line that exports it are one piece; a re-export is no use of a name),
 * resolved as the import graph resolves a relative specifier. */
function listReexports(files: readonly FileChange[], edits: ReadonlyMap<string, string>): [string, string][] {
  const staged = new Set(files.map((f) => f.path));
  const links: [string, string][] = [];
  for (const file of files)
    for (const [, specifier] of (edits.get(file.path) ?? '').matchAll(REEXPORT)) {
      const target = probe(staged, join(folderOf(file.path), specifier!));
      if (target !== null) links.push([file.path, target]);
    }
  return links;
}

/** Joins files into pieces: union-find over "is the test of", "uses a changed export of" and "passes on". */
function joinSourcePieces(
  files: readonly FileChange[],
  impact: ImpactReport | undefined,
  edits: ReadonlyMap<string, string>,
): FileChange[][] {
  const parent = new Map(files.map((f) => [f.path, f.path]));
  const find = (p: string): string => (parent.get(p) === p ? p : find(parent.get(p)!));
  const join = (a: string, b: string) => parent.has(a) && parent.has(b) && parent.set(find(a), find(b));
  const byStem = new Map<string, string>();
  for (const file of files) {
    const key = `${folderOf(file.path).replace(/(__tests__|tests?|spec)\/$/, '')}${stemOf(file.path)}`;
    const other = byStem.get(key);
    if (other !== undefined) join(file.path, other);
    else byStem.set(key, file.path);
  }
  for (const symbol of impact?.changedSymbols ?? []) {
    for (const use of [...symbol.valueUsers, ...symbol.typeUsers]) join(use.path, symbol.path);
  }
  for (const [from, to] of listReexports(files, edits)) join(from, to);
  const groups = new Map<string, FileChange[]>();
  for (const file of files) groups.set(find(file.path), [...(groups.get(find(file.path)) ?? []), file]);
  return [...groups.values()];
}

function mergeByFolder(pieces: FileChange[][], max: number): FileChange[][] {
  let depth = Math.max(...pieces.flat().map((f) => f.path.split('/').length));
  while (pieces.length > max && depth > 0) {
    const byFolder = new Map<string, FileChange[]>();
    for (const piece of pieces) {
      const main = [...piece].sort((a, b) => sizeOf(b) - sizeOf(a))[0]!;
      const folder = main.path
        .split('/')
        .slice(0, depth - 1)
        .join('/');
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), ...piece]);
    }
    pieces = [...byFolder.values()];
    depth--;
  }
  return pieces;
}

/** `edits`: each file's edit as text (same-edit.ts), where added re-export lines are read. */
export function groupChangeUnits(
  files: readonly FileChange[],
  impact?: ImpactReport,
  edits: ReadonlyMap<string, string> = new Map(),
  max = 6,
): ChangeUnit[] {
  const trivia = new Set(impact?.triviaOnly ?? []);
  const counted = files.filter((f) => f.excluded === null && !trivia.has(f.path));
  const units: ChangeUnit[] = [];
  for (const kind of ['docs', 'config', 'generated'] as const) {
    const ofKind = counted.filter((f) => classifyFile(f.path) === kind);
    if (ofKind.length > 0) units.push(toUnit(kind, ofKind));
  }
  const source = counted.filter((f) => classifyFile(f.path) === 'source');
  if (source.length > 0) {
    const pieces = mergeByFolder(joinSourcePieces(source, impact, edits), max);
    units.push(...pieces.map((piece) => toUnit('source', piece)));
  }
  return units.sort((a, b) => Number(b.kind === 'source') - Number(a.kind === 'source') || b.added + b.removed - (a.added + a.removed));
}
