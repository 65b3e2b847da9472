import { afterEach, expect, test } from '@jest/globals';
import { impactOf, symbol } from '../helpers/impact-json.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// A change to one member of a type reaches the files that name that member, not every user of the
// type: ts-node 2ee80a87 reshaped `TSInternal.nodeModuleNameResolver` (a parameter split in two
// for TypeScript 5.3), which one of the interface's six users calls; it was "risk high" because
// six files use `TSInternal`. A member removed that many users read stays high.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const TYPES = `import type * as _ts from 'typescript';

export interface TSInternal {
  libs?: string[];
  Diagnostics: {
    File_0_not_found: _ts.DiagnosticMessage;
  };
  createCompilerDiagnostic(message: _ts.DiagnosticMessage, ...args: (string | number | undefined)[]): _ts.Diagnostic;
  nodeModuleNameResolver(
    moduleName: string,
    containingFile: string,
    compilerOptions: _ts.CompilerOptions,
    host: _ts.ModuleResolutionHost,
    cache?: _ts.ModuleResolutionCache,
    redirectedReference?: _ts.ResolvedProjectReference,
    lookupConfig?: boolean
  ): _ts.ResolvedModuleWithFailedLookupLocations;
  // Added in TS 4.7
  getModeForFileReference?: (
    ref: _ts.FileReference | string,
    containingFileMode: _ts.SourceFile['impliedNodeFormat']
  ) => _ts.SourceFile['impliedNodeFormat'];
}
`;
const RESHAPED = TYPES.replace(
  '    lookupConfig?: boolean\n',
  '    conditionsOrIsConfigLookup?: string[] | boolean, // `conditions` parameter added in TS 5.3\n    isConfigLookup?: boolean\n',
);
const CALLER = `import type { TSInternal } from './ts-compiler-types';

export function resolveExtends(ts: TSInternal, name: string, host: any) {
  return ts.nodeModuleNameResolver(name, 'tsconfig.json', {}, host, undefined, undefined, true);
}
`;
const holder = (i: number) => `import type { TSInternal } from './ts-compiler-types';

export function diagnose${i}(ts: TSInternal) {
  return ts.createCompilerDiagnostic(ts.Diagnostics.File_0_not_found, 'file${i}');
}
`;

function createProject() {
  const users = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`src/user${i}.ts`, holder(i)]));
  repo = createTempRepo({ 'src/ts-compiler-types.ts': TYPES, 'src/ts-internals.ts': CALLER, ...users, 'src/user.test.ts': '' });
  return repo;
}

test('a reshaped method is weighed by the one file that calls it, not the six that use the interface', () => {
  createProject().stage({ 'src/ts-compiler-types.ts': RESHAPED, 'src/user.test.ts': '// 5.3\n' });
  const impact = impactOf(repo);
  const types = symbol(impact, 'TSInternal');
  expect(types.changedMembers).toEqual(['nodeModuleNameResolver']);
  expect(types.typeUsers).toHaveLength(6);
  expect(impact.risk.level).toBe('medium');
  expect(impact.risk.reasons.find((r) => r.code === 'breaking-export')?.message).toBe(
    '1 removed, renamed or reshaped export with users (up to 1 file)',
  );
});

test('a removed member that every user reads is weighed by all of them', () => {
  createProject().stage({
    'src/ts-compiler-types.ts': TYPES.replace(/ {2}Diagnostics: \{\n.*\n {2}\};\n/, ''),
    'src/user.test.ts': '// gone\n',
  });
  const impact = impactOf(repo);
  expect(symbol(impact, 'TSInternal').changedMembers).toEqual(['Diagnostics']);
  expect(impact.risk.level).toBe('high');
});

// unbuild 31c7901 widened `RollupBuildOptions.inlineDependencies` from `boolean` to `boolean |
// Array<string | RegExp>`; its one user embeds it (`BuildOptions.rollup`) and names no member, and
// config.ts, further away, reads `ctx.options.rollup.inlineDependencies`: that reader counts.
test('a member read through a type that embeds the changed one counts its reader further away', () => {
  const rollupTypes = (type: string) => `export interface RollupBuildOptions {\n  emitCJS?: boolean;\n  inlineDependencies?: ${type};\n}\n`;
  repo = createTempRepo({
    'src/builders/rollup/types.ts': rollupTypes('boolean'),
    'src/types.ts':
      "import type { RollupBuildOptions } from './builders/rollup/types';\n\nexport interface BuildOptions {\n  name: string;\n  rollup: RollupBuildOptions;\n}\n",
    'src/builders/rollup/config.ts':
      "import type { BuildOptions } from '../../types';\n\nexport function isInlined(options: BuildOptions, id: string) {\n  return options.rollup.inlineDependencies === true || id.length === 0;\n}\n",
    'src/config.test.ts': '',
  });
  repo.stage({ 'src/builders/rollup/types.ts': rollupTypes('boolean | Array<string | RegExp>'), 'src/config.test.ts': '// arrays\n' });
  const impact = impactOf(repo);
  expect(symbol(impact, 'RollupBuildOptions').changedMembers).toEqual(['inlineDependencies']);
  expect(impact.risk.reasons.find((r) => r.code === 'breaking-export')?.message).toBe(
    '1 removed, renamed or reshaped export with users (up to 1 file)',
  );
});

// unjs/c12 41ee9e0 made `DotenvOptions.cwd` optional; its one user declares it as
// `LoadConfigOptions.dotenv`, a type with its own `cwd`, which every file of the loader reads: they
// were counted as readers of the changed member (risk high). Through the property it is declared
// under, the one file that gives a `cwd` for it is.
test('a member named by another type is no reader; one given through the embedding property is', () => {
  const dotenv = (cwd: string) => `export interface DotenvOptions {\n  ${cwd}: string;\n  fileName?: string;\n}`;
  const TEST = `import { load0 } from '../src/loader0';\n\nawait load0({\n  cwd: 'fixture',\n  dotenv: {\n    cwd: 'fixture',\n    fileName: '.env',\n  },\n});\n`;
  const loader = (i: number) =>
    `import type { LoadConfigOptions } from './types';\n\nexport async function load${i}(options: LoadConfigOptions) {\n  options.cwd = options.cwd || '.';\n  if (options.dotenv) return { cwd: options.cwd, ...(options.dotenv === true ? {} : options.dotenv) };\n}\n`;
  const loaders = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`src/loader${i}.ts`, loader(i)]));
  repo = createTempRepo({
    'src/dotenv.ts': dotenv('cwd'),
    'src/types.ts': `import type {\n  DotenvOptions,\n} from './dotenv';\n\nexport interface LoadConfigOptions {\n  cwd?: string;\n  dotenv?: boolean | DotenvOptions;\n}\n`,
    ...loaders,
    'test/loader.test.ts': TEST,
  });
  repo.stage({ 'src/dotenv.ts': dotenv('cwd?'), 'test/loader.test.ts': `${TEST}// optional\n` });
  const impact = impactOf(repo);
  expect(symbol(impact, 'DotenvOptions').changedMembers).toEqual(['cwd']);
  expect(impact.risk.reasons.find((r) => r.code === 'breaking-export')?.message).toBe(
    '1 removed, renamed or reshaped export with users (up to 1 file)',
  );
  expect(impact.risk.level).toBe('medium');
});
