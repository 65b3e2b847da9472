import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

// Type-checks states of a repository that exist only as blob ids (HEAD plus the first k groups
// of a split), with the compiler API over a virtual file system: nothing is written, the
// working tree is not read. Only TypeScript's own lib files and an installed node_modules are
// read from disk. Parsed files are shared across states by blob id, so each state costs its
// type check, not a re-parse. Diagnostics come back as "path: message" (no line numbers, which
// move between states), for the files asked about.

/** One state: repository-relative path -> blob id. */
export type TreeState = ReadonlyMap<string, string>;

export interface CheckRequest {
  readonly root: string;
  /** The tsconfig (repository-relative) whose options apply. */
  readonly tsconfig: string;
  readonly states: readonly TreeState[];
  /** The files to report on, per state (repository-relative; only those present are checked). */
  readonly files: readonly (readonly string[])[];
  readonly readBlob: (id: string) => string | undefined;
}

const libDir = dirname(ts.getDefaultLibFilePath({}));

function createHost(
  request: CheckRequest,
  state: TreeState,
  dirs: ReadonlySet<string>,
  cache: Map<string, ts.SourceFile>,
): ts.CompilerHost {
  const rel = (abs: string) => relative(request.root, abs);
  const isReal = (abs: string) => abs.startsWith(libDir) || /[\\/]node_modules[\\/]/.test(abs);
  const readFile = (abs: string): string | undefined => {
    const blob = state.get(rel(abs));
    if (blob !== undefined) return request.readBlob(blob);
    return isReal(abs) && existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  };
  return {
    fileExists: (abs) => state.has(rel(abs)) || (isReal(abs) && existsSync(abs)),
    directoryExists: (abs) => dirs.has(rel(abs)) || rel(abs) === '' || (isReal(abs) && existsSync(abs) && statSync(abs).isDirectory()),
    readFile,
    getSourceFile(abs, languageVersion) {
      const key = `${state.get(rel(abs)) ?? abs}\0${abs}`;
      const known = cache.get(key);
      if (known !== undefined) return known;
      const text = readFile(abs);
      if (text === undefined) return undefined;
      const file = ts.createSourceFile(abs, text, languageVersion, true);
      cache.set(key, file);
      return file;
    },
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    getDefaultLibLocation: () => libDir,
    writeFile: () => undefined,
    getCurrentDirectory: () => request.root,
    getDirectories: () => [],
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    realpath: (abs) => abs,
  };
}

function readOptions(request: CheckRequest, state: TreeState, dirs: ReadonlySet<string>): ts.CompilerOptions {
  const host = createHost(request, state, dirs, new Map());
  const path = join(request.root, request.tsconfig);
  const { config } = ts.readConfigFile(path, (p) => host.readFile(p));
  // No readDirectory: the roots are the files asked about; what they import comes in on its own.
  const parsed = ts.parseJsonConfigFileContent(
    config ?? {},
    { ...host, readDirectory: () => [], useCaseSensitiveFileNames: true },
    dirname(path),
  );
  return { ...parsed.options, noEmit: true, incremental: false, composite: false, declaration: false, skipLibCheck: true };
}

const folders = (state: TreeState) =>
  new Set(
    [...state.keys()].flatMap((p) =>
      p
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );

/** Diagnostics per state, as "path: message" lines. */
export function typeCheckStates(request: CheckRequest): string[][] {
  const cache = new Map<string, ts.SourceFile>();
  let previous: ts.Program | undefined;
  return request.states.map((state, i) => {
    const dirs = folders(state);
    const options = readOptions(request, state, dirs);
    const roots = request.files[i]!.filter((p) => state.has(p)).map((p) => join(request.root, p));
    if (roots.length === 0) return [];
    const program = ts.createProgram({
      rootNames: roots,
      options,
      host: createHost(request, state, dirs, cache),
      ...(previous && { oldProgram: previous }),
    });
    previous = program;
    return roots.flatMap((root) => {
      const file = program.getSourceFile(root);
      if (file === undefined) return [];
      return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => {
        const where = d.file ? relative(request.root, d.file.fileName) : 'program';
        return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      });
    });
  });
}
