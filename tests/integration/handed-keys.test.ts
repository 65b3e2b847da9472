import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// consola 9f7a22a: `prompt` hands `opts.initial` on to `select` and `multiselect`, each call returned
// from a branch (`if (opts.type === "select") { return (await select({ … })) as any; }`), and its
// impact question said only "`prompt` changed its implementation": the keys passed to a call were
// read from a statement of the body only, and a key gained was never named.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const prompt = (select: string, multiselect: string) => `import { confirm, select, multiselect } from './clack';

export async function prompt(message: string, opts: { type: string; initial?: unknown; options?: string[] }) {
  if (opts.type === "confirm") {
    return (await confirm({
      message,
      initialValue: opts.initial,
    })) as any;
  }

  if (opts.type === "select") {
    return (await select({
      message,
      options: opts.options,${select}
    })) as any;
  }

  if (opts.type === "multiselect") {
    return (await multiselect({
      message,
      options: opts.options,${multiselect}
    })) as any;
  }

  throw new Error(\`Unknown prompt type: \${opts.type}\`);
}
`;

test('keys handed to a call returned from a branch are named, a key gained as added', () => {
  repo = createTempRepo({
    'src/clack.ts':
      'export const confirm = async (o: object) => o;\nexport const select = async (o: object) => o;\nexport const multiselect = async (o: object) => o;\n',
    'src/prompt.ts': prompt('', ''),
    'src/index.ts': "import { prompt } from './prompt';\n\nexport const ask = () => prompt('Pick', { type: 'select' });\n",
  });
  repo.stage({ 'src/prompt.ts': prompt('\n      initialValue: opts.initial,', '\n      initialValues: opts.initial,') });
  expect(messageOf(listQuestions(repo), 'impact:src/prompt.ts#prompt')).toMatch(
    /^`prompt` in src\/prompt\.ts changed its implementation \(`initialValue` changed, `initialValues` added\); 1 file uses it \(src\/index\.ts:3\)/,
  );
});
