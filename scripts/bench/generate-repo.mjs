// Generates (and caches) a realistic TypeScript monorepo of about N tracked files for benchmarks.
//
//   import { generateRepo, benchEnv } from './generate-repo.mjs';
//   const dir = generateRepo('.bench/repo-10000', { files: 10000 });  // committed on `main`
//
// Layout: an npm workspace (packages/core, packages/utils, packages/ui, apps/web) whose packages
// import each other by name (package.json `name`, `exports`), folders of ~20 modules each behind a
// barrel index.ts (`export * from`), tsconfig `paths` aliases (@core/*, @utils/*) used by imports,
// a test beside every tenth module, and some docs. The same N always gives the same repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PACKAGES = [
  { dir: 'packages/utils', name: '@bench/utils', alias: '@utils' },
  { dir: 'packages/core', name: '@bench/core', alias: '@core' },
  { dir: 'packages/ui', name: '@bench/ui', alias: null },
  { dir: 'apps/web', name: '@bench/web', alias: null },
];
const PER_FOLDER = 20;

/** A fixed environment for git in benchmarks: no user config, a fixed identity. */
export function benchEnv(extra = {}) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    NO_COLOR: '1',
    ...extra,
  };
}

export function git(dir, args, options = {}) {
  return execFileSync('git', args, {
    cwd: dir,
    env: benchEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    input: options.input ?? '',
  });
}

function write(root, path, text) {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

function moduleSource(pkgIndex, folder, index, folders) {
  const pkg = PACKAGES[pkgIndex];
  const name = `f${folder}m${index}`;
  const imports = [];
  if (index > 0) imports.push(`import { value_f${folder}m${index - 1} as previous } from './m${index - 1}.js';`);
  else imports.push('const previous = 0;');
  // A barrel of another folder in the same package.
  const other = (folder + 1) % folders;
  if (other !== folder) imports.push(`import * as folder${other} from '../folder${other}/index.js';`);
  else imports.push(`const folder${other} = {};`);
  // Cross-package imports: by alias where the package has one, else by workspace name.
  if (pkgIndex > 0 && index % 3 === 0) {
    const dep = PACKAGES[pkgIndex - 1];
    const target = `folder${folder % 5}/m${index % PER_FOLDER}`;
    imports.push(
      dep.alias
        ? `import { helper_f${folder % 5}m${index % PER_FOLDER} as dep } from '${dep.alias}/${target}.js';`
        : `import { version as dep } from '${dep.name}';`,
    );
  } else {
    imports.push(`const dep = 1;`);
  }
  return `${imports.join('\n')}

/** ${pkg.name} ${name}. */
export interface Options_${name} {
  readonly limit: number;
  readonly label?: string;
}

export const value_${name} = ${folder * 100 + index};

export function helper_${name}(input: number, options: Options_${name} = { limit: 10 }): number {
  const base = typeof previous === 'number' ? previous : 0;
  return Math.min(input + base + Object.keys(folder${other}).length + Number(typeof dep), options.limit);
}

export class Service_${name} {
  private count = 0;
  run(step: number): number {
    this.count += helper_${name}(step);
    return this.count;
  }
}
`;
}

/** Builds the repository in `dir` unless it is there already; returns `dir`. */
export function generateRepo(dir, { files }) {
  if (existsSync(join(dir, '.git', 'bench-complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  write(dir, 'package.json', JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['packages/*', 'apps/*'] }, null, 2));
  write(
    dir,
    'tsconfig.json',
    JSON.stringify(
      {
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          baseUrl: '.',
          paths: Object.fromEntries(PACKAGES.filter((p) => p.alias).map((p) => [`${p.alias}/*`, [`${p.dir}/src/*`]])),
        },
      },
      null,
      2,
    ),
  );
  write(dir, 'README.md', '# bench monorepo\n');
  // Each module is ~1.1 files (modules, barrels, tests); spread them over the packages.
  const modules = Math.max(PER_FOLDER, Math.round(files / 1.16));
  const perPackage = Math.ceil(modules / PACKAGES.length);
  const folders = Math.max(1, Math.ceil(perPackage / PER_FOLDER));
  PACKAGES.forEach((pkg, pkgIndex) => {
    write(
      dir,
      `${pkg.dir}/package.json`,
      JSON.stringify(
        {
          name: pkg.name,
          version: '1.0.0',
          type: 'module',
          main: './src/index.ts',
          types: './src/index.ts',
          exports: { '.': './src/index.ts', './*': './src/*' },
        },
        null,
        2,
      ),
    );
    const barrels = [];
    for (let folder = 0; folder < folders; folder++) {
      const names = [];
      for (let index = 0; index < PER_FOLDER; index++) {
        write(dir, `${pkg.dir}/src/folder${folder}/m${index}.ts`, moduleSource(pkgIndex, folder, index, folders));
        names.push(`m${index}`);
        if (index % 10 === 0) {
          write(
            dir,
            `${pkg.dir}/src/folder${folder}/m${index}.test.ts`,
            `import { helper_f${folder}m${index} } from './m${index}.js';\n\nif (helper_f${folder}m${index}(1) < 0) throw new Error('negative');\n`,
          );
        }
      }
      write(dir, `${pkg.dir}/src/folder${folder}/index.ts`, names.map((n) => `export * from './${n}.js';`).join('\n') + '\n');
      barrels.push(`export * as folder${folder} from './folder${folder}/index.js';`);
    }
    write(dir, `${pkg.dir}/src/index.ts`, `${barrels.join('\n')}\nexport const version = '1.0.0';\n`);
    write(dir, `${pkg.dir}/README.md`, `# ${pkg.name}\n`);
  });
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'gc.auto', '0']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'generated']);
  // Packed, as a cloned repository is: loose objects would make every blob read a file open.
  git(dir, ['gc', '-q']);
  writeFileSync(join(dir, '.git', 'bench-complete'), '');
  return dir;
}

/** Tracked .ts module paths (not barrels or tests), for picking files to change. */
export function listModules(dir) {
  return git(dir, ['ls-files', '-z', '--', '*.ts'])
    .split('\0')
    .filter((p) => /\/m\d+\.ts$/.test(p));
}
