import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// A body change that names no piece is told by its one hunk's token edit: ts-node 7025abf8 turned
// `process.execArgv.unshift(` into `process.execArgv.push(` in `main`, and both its questions said
// only "`main` changed its implementation" (the calls rule names no array method).

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const bin = (method: string) => `export function main(argv: string[]) {
  const args = argv.slice(2);
  // Prepend \`ts-node\` arguments to CLI for child processes.
  process.execArgv.${method}(
    __filename,
    ...args,
  );
  return args.length;
}
`;
const files = (method: string) => ({
  'src/bin.ts': bin(method),
  'src/bin-cwd.ts': "import { main } from './bin.js';\n\nmain(process.argv);\n",
});

test('one hunk replacing a call of an array method names it', () => {
  repo = createTempRepo(files('unshift'));
  repo.stage({ 'src/bin.ts': bin('push') });
  const questions = listQuestions(repo);
  expect(messageOf(questions, 'impact:src/bin.ts#main')).toMatch(
    /^`main` in src\/bin\.ts changed its implementation \(`process\.execArgv\.unshift` → `process\.execArgv\.push`\); 1 file uses it/,
  );
});

test('two hunks are no one edit: nothing is quoted', () => {
  const twice = (method: string) =>
    `${bin(method)}\nexport function other(argv: string[]) {\n  return argv.${method === 'push' ? 'at(-1)' : 'at(0)'};\n}\n`;
  repo = createTempRepo({ ...files('unshift'), 'src/bin.ts': twice('unshift') });
  repo.stage({ 'src/bin.ts': twice('push') });
  expect(messageOf(listQuestions(repo), 'impact:src/bin.ts#main')).toMatch(/^`main` in src\/bin\.ts changed its implementation; /);
});

// pnpm dfdf7745d3: `getConfig` set `lockfileDir` after building `extraEnv` from it; the fix moves
// the three lines up, and both questions said only "`getConfig` changed its implementation".
const config = (early: boolean) => {
  const move = '  if (config.shared && !config.lockfileDir) {\n    config.lockfileDir = config.workspaceDir;\n  }\n';
  return `export function getConfig(config: { shared?: boolean; lockfileDir?: string; workspaceDir: string; env?: string }) {
${early ? move : ''}  config.env = config.lockfileDir ?? config.workspaceDir;
  const first = config.env.length;
  const second = first * 2;
  const third = second + first;
  const fourth = third - 1;
  const fifth = fourth + second;
  const sixth = fifth * third;
  const seventh = sixth - fourth;
${early ? '' : move}  return seventh;
}
`;
};

test('lines taken out in one hunk and put back the same in another are a move, told by its way', () => {
  repo = createTempRepo({
    'src/config.ts': config(false),
    'src/cli.ts': "import { getConfig } from './config.js';\n\ngetConfig({ workspaceDir: '.' });\n",
  });
  repo.stage({ 'src/config.ts': config(true) });
  expect(messageOf(listQuestions(repo), 'impact:src/config.ts#getConfig')).toMatch(
    /^`getConfig` in src\/config\.ts changed its implementation \(moves the lines from `if \(config\.shared && !config\.lockfileDir\) \{` earlier\); 1 file uses it/,
  );
});

// effector 576379d49 added one more build to `rollupEffector`'s list, eight lines of one call:
// "`rollupEffector` changed its implementation", with nothing named (the callee was called before).
const rollup = (extra: string) => `import { createEsCjs } from './builders';

export async function rollupEffector(name: string) {
  return Promise.all([
    createEsCjs(name, {
      file: { cjs: \`npm/\${name}/inspect.js\`, es: \`npm/\${name}/inspect.mjs\` },
      input: 'inspect',
      inputExtension: 'ts',
    }),
${extra}  ]);
}
`;
const ADDED = `    createEsCjs(name, {
      file: {
        cjs: \`npm/\${name}/enable_debug_traces.js\`,
        es: \`npm/\${name}/enable_debug_traces.mjs\`,
      },
      input: 'enable_debug_traces',
      inputExtension: 'ts',
    }),
`;

test('one hunk that only adds a long call names the call', () => {
  repo = createTempRepo({
    'tools/builder/rollup.ts': rollup(''),
    'tools/builder/builders.ts': 'export function createEsCjs(name: string, options: object) {\n  return [name, options];\n}\n',
    'tasks/effector.ts': "import { rollupEffector } from '../tools/builder/rollup';\n\nvoid rollupEffector('effector');\n",
  });
  repo.stage({ 'tools/builder/rollup.ts': rollup(ADDED) });
  expect(messageOf(listQuestions(repo), 'impact:tools/builder/rollup.ts#rollupEffector')).toMatch(
    /^`rollupEffector` in tools\/builder\/rollup\.ts changed its implementation \(`createEsCjs\(…\)` added, with `'enable_debug_traces'` and `'ts'`\); 1 file uses it/,
  );
});

// effector bc33f3fac moved the deduplication of owners out of `createNode`: "(`owners` changed)"
// named the local and not what became of it.
const createNode = (owners: string) => `const arrifyNodes = (list: unknown): unknown[] => (Array.isArray(list) ? list : [list]);

export function createNode({ owners: rawOwners }: { owners?: unknown } = {}) {
  const owners = ${owners};
  return { owners, seq: [] as unknown[] };
}
`;

test('a local named alone gives way to the hunk that changes it', () => {
  repo = createTempRepo({
    'src/effector/createNode.ts': createNode('[...new Set(arrifyNodes(rawOwners))]'),
    'src/effector/createUnit.ts': "import { createNode } from './createNode';\n\nexport const unit = createNode({ owners: [] });\n",
  });
  repo.stage({ 'src/effector/createNode.ts': createNode('arrifyNodes(rawOwners)') });
  expect(messageOf(listQuestions(repo), 'impact:src/effector/createNode.ts#createNode')).toMatch(
    /^`createNode` in src\/effector\/createNode\.ts changed its implementation \(`owners =\[\.\.\.new Set\(arrifyNodes\(rawOwners\)\)\]` → `owners = arrifyNodes\(rawOwners\)`\); 1 file uses it/,
  );
});

// consola c5c1534: `box`'s local `width` changed in its initializer (`line.length` →
// `stripAnsi(line).length`), and "(`width` changed)" was all its questions said: the one hunk's
// edit does not hold the local's name, so it is told after it (`stripAnsi` was called before).
const box = (length: string) => `const stripAnsi = (text: string) => text.replace(/\\u001B\\[\\d+m/g, '');

export function box(text: string, padding = 2) {
  const lines = text.split('\\n');
  const width =
    Math.max(...lines.map((line) => ${length})) + padding;
  return lines.map((line) => stripAnsi(line).padEnd(width)).join('\\n');
}
`;

test('a local whose one hunk does not name it is told with that hunk', () => {
  repo = createTempRepo({
    'src/utils/box.ts': box('line.length'),
    'src/reporters/fancy.ts': "import { box } from '../utils/box';\n\nexport const banner = box('hello');\n",
  });
  repo.stage({ 'src/utils/box.ts': box('stripAnsi(line).length') });
  expect(messageOf(listQuestions(repo), 'impact:src/utils/box.ts#box')).toMatch(
    // From the operand: the parameter `line` before it is inside the arrow's parentheses, which
    // close before the cut (no longer "`line) => line.length` → …").
    /^`box` in src\/utils\/box\.ts changed its implementation \(`width`: `line\.length` → `stripAnsi\(line\)\.length`\); 1 file uses it/,
  );
});

// json-schema-to-typescript c44faed: `toSafeString` gains `.replace(/^\d+/, '')` at the end of its
// chain, under two lines of comment: "changed its implementation", nothing named.
const safe = (tail: string) => `export function toSafeString(text: string): string {
  return text
    .replace(/[^\\w\\s]/g, '')
    // remove remaining whitespace
    .replace(/\\s/g, '')${tail};
}
`;

test('a call chained onto the last one, under comment lines, is named', () => {
  repo = createTempRepo({
    'src/utils.ts': safe(''),
    'src/generator.ts': "import { toSafeString } from './utils';\n\nexport const name = toSafeString('1 a');\n",
  });
  repo.stage({
    'src/utils.ts': safe(
      `\n    // strip any leading digits: they're valid elsewhere in an identifier, but\n    // never as the first character\n    .replace(/^\\d+/, '')`,
    ),
  });
  expect(messageOf(listQuestions(repo), 'impact:src/utils.ts#toSafeString')).toMatch(
    /^`toSafeString` in src\/utils\.ts changed its implementation \(`\.replace\(…\)` added\); 1 file uses it/,
  );
});

// c12 08a87fc: `setupDotenv`'s local `environment` is built with `expandFileReferences ?? true`, now
// `?? false`, in one of three hunks (a JSDoc `@default` and `loadDotenv`'s test change too): the
// local's own two texts give its edit where the file's hunks are more than one.
const dotenv = (fallback: string, test: string) => `export interface DotenvOptions {
  /**
   * Expand \`_FILE\` references.
   *
   * @default ${fallback}
   */
  expandFileReferences?: boolean;
  fileName?: string;
}

export async function setupDotenv(options: DotenvOptions): Promise<Record<string, string>> {
  const fileName = options.fileName ?? '.env';
  const environment = await loadDotenv({
    fileName,
    expandFileReferences: options.expandFileReferences ?? ${fallback},
  });
  return { ...environment, fileName };
}

export async function loadDotenv(options: DotenvOptions): Promise<Record<string, string>> {
  const environment: Record<string, string> = {};
  const first = options.fileName?.length ?? 0;
  const second = first + 1;
  const third = second + first;
  const fourth = third + second;
  if (${test}) {
    environment.expanded = String(fourth);
  }
  return environment;
}
`;

test('a local named alone in a file of several hunks is told by its own edit', () => {
  repo = createTempRepo({
    'src/dotenv.ts': dotenv('true', 'options.expandFileReferences !== false'),
    'src/loader.ts': "import { setupDotenv } from './dotenv';\n\nexport const load = () => setupDotenv({});\n",
  });
  repo.stage({ 'src/dotenv.ts': dotenv('false', 'options.expandFileReferences') });
  expect(messageOf(listQuestions(repo), 'impact:src/dotenv.ts#setupDotenv')).toMatch(
    /^`setupDotenv` in src\/dotenv\.ts changed its implementation \(`environment`: `options\.expandFileReferences \?\? true` → `options\.expandFileReferences \?\? false`\); 1 file uses it/,
  );
});

// pnpm cc5df67f2f: `fromHostedGit`'s `normalizedBareSpecifier: \`git+${httpsUrl}\`` became
// `hosted.https()`, under a comment: a template literal cannot be quoted in a code span.
const hosted = (value: string) => `export function fromHostedGit(hosted: { https(): string }, httpsUrl: string) {
  return {
    fetchSpec: hosted.https() + httpsUrl,
${value}
  };
}
`;

test('an edit with a template literal on one side is not quoted', () => {
  repo = createTempRepo({
    'src/parse.ts': hosted('    normalizedBareSpecifier: `git+${httpsUrl}`,'),
    'src/index.ts': "import { fromHostedGit } from './parse';\n\nexport const spec = fromHostedGit({ https: () => '' }, '');\n",
  });
  repo.stage({
    'src/parse.ts': hosted(
      '    // `httpsUrl` is the `ls-remote` target, so it carries no committish.\n    normalizedBareSpecifier: hosted.https(),',
    ),
  });
  const asked = messageOf(listQuestions(repo), 'impact:src/parse.ts#fromHostedGit');
  expect(asked).toMatch(/^`fromHostedGit` in src\/parse\.ts changed its implementation/);
  expect(asked).not.toMatch(/git\+/);
});
