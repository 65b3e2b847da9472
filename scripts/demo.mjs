// npm run demo: builds a throwaway repository with a small TypeScript project, stages a change,
// and runs `selfreview --dry-run` on it; then stages an oversized change to show a rejection and
// its split. Then the whole flow: `selfreview init`, and a real `git commit` whose hook asks the
// questions in your terminal (where there is none, as under CI, the answers come from a file),
// and the trailer and the note of the commit it made.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'selfreview.js');
const dir = mkdtempSync(join(tmpdir(), 'selfreview-demo-'));
// A home of its own, outside the repository: selfreview keeps TypeScript's code cache under
// ~/.cache, which `git add -A` would otherwise stage here.
const home = mkdtempSync(join(tmpdir(), 'selfreview-demo-home-'));
const env = {
  PATH: process.env.PATH,
  HOME: home,
  LANG: 'C.UTF-8',
  TERM: process.env.TERM ?? 'dumb',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Demo',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'Demo',
  GIT_COMMITTER_EMAIL: 'demo@example.com',
  ...(process.env.NO_COLOR !== undefined && { NO_COLOR: process.env.NO_COLOR }),
  ...(process.env.FORCE_COLOR !== undefined && { FORCE_COLOR: process.env.FORCE_COLOR }),
};
const git = (...args) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
const write = (path, text) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const review = (title, extraEnv = {}) => {
  const args = ['--dry-run'];
  const prefix = Object.entries(extraEnv)
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  console.log(`\n$ ${prefix}npx selfreview ${args.join(' ')}   # ${title}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  console.log(`(exit code ${result.status})`);
};

console.log(`Demo repository: ${dir}`);
git('init', '-q', '-b', 'main');
write('package.json', JSON.stringify({ name: 'demo-shop', type: 'module', dependencies: { zod: '^4.0.0' } }, null, 2) + '\n');
write(
  'src/config/parse.ts',
  `export interface Config {\n  readonly currency: string;\n}\n\nexport function parseConfig(text: string): Config {\n  return JSON.parse(text) as Config;\n}\n`,
);
write(
  'src/cart/total.ts',
  `import { parseConfig } from '../config/parse.js';\n\nexport function total(prices: number[]): number {\n  return prices.reduce((sum, p) => sum + p, 0);\n}\n\nexport const config = parseConfig('{"currency":"EUR"}');\n`,
);
write('src/cart/total.test.ts', `import { total } from './total.js';\n\nif (total([1, 2]) !== 3) throw new Error('total');\n`);
git('add', '-A');
git('commit', '-q', '-m', 'A small shop');

// 1. A reasonable change: a new option, its use, its test, and a lock file that does not count.
write(
  'src/config/parse.ts',
  `export interface Config {\n  readonly currency: string;\n  readonly taxRate: number;\n}\n\nexport function parseConfig(text: string, defaults: Partial<Config> = {}): Config {\n  const parsed = JSON.parse(text) as Partial<Config>;\n  return { currency: 'EUR', taxRate: 0, ...defaults, ...parsed };\n}\n`,
);
write(
  'src/cart/total.ts',
  `import { parseConfig } from '../config/parse.js';\n\nexport const config = parseConfig('{"currency":"EUR"}', { taxRate: 0.2 });\n\nexport function total(prices: number[]): number {\n  const net = prices.reduce((sum, p) => sum + p, 0);\n  return net * (1 + config.taxRate);\n}\n`,
);
write(
  'src/cart/total.test.ts',
  `import { total } from './total.js';\n\nif (Math.abs(total([1, 2]) - 3.6) > 1e-9) throw new Error('total with tax');\n`,
);
write(
  'package-lock.json',
  JSON.stringify(
    {
      name: 'demo-shop',
      lockfileVersion: 3,
      packages: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`node_modules/dep${i}`, { version: `1.0.${i}` }])),
    },
    null,
    2,
  ) + '\n',
);
git('add', '-A');
review('a small change: it passes');

// 2. The same, written by an agent: the AI budget applies.
review('the same change, committed by an AI agent: the AI budget applies', { CLAUDECODE: '1' });

// 3. An oversized change across three areas: rejected, with a split proposal.
for (const area of ['checkout', 'inventory', 'reports']) {
  for (let i = 0; i < 4; i++) {
    write(`src/${area}/part${i}.ts`, Array.from({ length: 40 }, (_, n) => `export const ${area}${i}_${n} = ${n};`).join('\n') + '\n');
  }
}
git('add', '-A');
review('an oversized change: rejected, with a split proposal');

// 4. The whole flow: init, then a real commit through the hooks.
for (const area of ['checkout', 'inventory', 'reports']) {
  git('rm', '-q', '-r', '--cached', `src/${area}`);
  rmSync(join(dir, 'src', area), { recursive: true, force: true });
}
mkdirSync(join(dir, 'node_modules'), { recursive: true });
symlinkSync(join(dirname(cli), '..'), join(dir, 'node_modules', 'selfreview'));
write('.gitignore', 'node_modules\n');
console.log('\n$ npx selfreview init\n');
spawnSync(process.execPath, [cli, 'init'], { cwd: dir, env, stdio: 'inherit' });
git('add', '.gitignore', '.selfreviewrc.json', 'package-lock.json');
git('commit', '-q', '--no-verify', '-m', 'Set up selfreview', '--', '.gitignore', '.selfreviewrc.json', 'package-lock.json');
const hasTerminal = (() => {
  try {
    closeSync(openSync('/dev/tty', 'r+'));
    return process.stdout.isTTY === true;
  } catch {
    return false;
  }
})();
let commitEnv = env;
if (hasTerminal) {
  console.log('\n$ git commit -m "Tax rate in the config"   # the hook asks in this terminal; answer, or Ctrl-C to stop\n');
} else {
  const answers = join(dir, '.git', 'demo-answers.json');
  const say = (text) => `${text} (the demo had no terminal, so this answer came from a file)`;
  // The questions this change gets (`--dry-run --json`), each with a real answer, found by what
  // they ask (an id names a piece by its first file; the message names the export).
  const texts = [
    [/^intent/, 'Prices needed tax, so the config carries a tax rate that the cart total applies'],
    [/^(unit|pattern)\b.*`parseConfig`/s, 'parseConfig takes defaults, merged under the parsed text; total.ts passes a taxRate of 0.2'],
    [/^unit\b.*`total`/s, 'The cart total multiplies the net sum by one plus the configured tax rate'],
    [/^impact.*parseConfig/, 'The only caller, the cart, passes the new defaults in this same change'],
    [
      /^impact.*total/,
      'total.test.ts still calls total with a plain list of prices; only its expected sum changes, now with the tax rate applied',
    ],
    [/^verification/, 'The cart test now checks a total with twenty percent tax applied'],
  ];
  const { questions: listed = [] } = JSON.parse(
    execFileSync(process.execPath, [cli, '--dry-run', '--json'], { cwd: dir, env, encoding: 'utf8' }),
  );
  // The impact questions this change gets, also when the listing above missed them.
  const impact = ['impact:src/config/parse.ts#parseConfig', 'impact:src/cart/total.ts#total'].map((id) => ({
    id,
    kind: 'choice',
    choices: ['callers-updated'],
  }));
  const questions = [...listed, ...impact.filter((q) => !listed.some((l) => l.id === q.id))];
  const answerOf = (q) => {
    const asked = `${q.id} ${q.message ?? ''}`;
    const text = say(texts.find(([pattern]) => pattern.test(asked))?.[1] ?? `The demo change touches ${q.id} only to show a whole commit`);
    if (q.id === 'provenance') return 'written';
    // parseConfig's one caller is updated in this change; total's users need nothing.
    if (q.kind !== 'choice') return text;
    return { choice: q.id.includes('parseConfig') ? 'callers-updated' : q.choices[0], reason: text };
  };
  writeFileSync(answers, JSON.stringify(Object.fromEntries(questions.map((q) => [q.id, answerOf(q)]))));
  commitEnv = { ...env, SELFREVIEW_ANSWERS: answers };
  console.log('\n$ SELFREVIEW_ANSWERS=answers.json git commit -m "Tax rate in the config"   # no terminal here: answers from a file\n');
}
const committed = spawnSync('git', ['commit', '-m', 'Tax rate in the config'], { cwd: dir, env: commitEnv, stdio: 'inherit' });
console.log(`(exit code ${committed.status})`);
if (committed.status === 0) {
  console.log('\n$ git log -1 --format=%B   # the trailers\n');
  console.log(git('log', '-1', '--format=%B').trim());
  console.log('\n$ npx selfreview show   # the note: every question and answer\n');
  spawnSync(process.execPath, [cli, 'show'], { cwd: dir, env, stdio: 'inherit' });
}
console.log(`\nThe repository is left at ${dir} for you to try more, e.g.:\n  cd ${dir} && node ${cli} --dry-run --json`);
