import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// consola 9f7a22a: `prompt` hands `opts.initial` on to `select` and `multiselect`, each call returned
// from a branch (`if (opts.type === "select") { return (await select({ … })) as any; }`), and its
// impact question said only "`prompt` changed its implementation": the keys passed to a call were
// read from a statement of the body only. A key gained or lost is not named (one moved into a
// local is out of sight, not gone), nor one more call given a key by a name already passed
// (`initialValue` to `select`); a key whose value changed is.

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

const promptFiles = (source: string) => ({
  'src/clack.ts':
    'export const confirm = async (o: object) => o;\nexport const select = async (o: object) => o;\nexport const multiselect = async (o: object) => o;\n',
  'src/prompt.ts': source,
  'src/index.ts': "import { prompt } from './prompt';\n\nexport const ask = () => prompt('Pick', { type: 'select' });\n",
});

test('a key handed to a call returned from a branch is named when the keys by its name change', () => {
  repo = createTempRepo(promptFiles(prompt('\n      initialValue: opts.initial as string,', '')));
  repo.stage({ 'src/prompt.ts': prompt('\n      initialValue: opts.initial,', '\n      initialValues: opts.initial,') });
  expect(messageOf(listQuestions(repo), 'impact:src/prompt.ts#prompt')).toMatch(
    /^`prompt` in src\/prompt\.ts changed its implementation \(`initialValue` changed\); 1 file uses it \(src\/index\.ts:3\)/,
  );
});

// jose 3a918336 wraps `return Uint8Array.fromBase64(…, { alphabet: 'base64url' })` in a `try`: the
// key is where it was, inside one more statement, and nothing of it is said.
const decode = (wrapped: boolean) => {
  const call = "return Uint8Array.from(input.split(','), {\n        alphabet: 'base64url',\n      })";
  return `export function decode(input: string) {
  if (input.length > 0) {
    ${wrapped ? `try {\n      ${call}\n    } catch (cause) {\n      throw new TypeError('The input is not correctly encoded.', { cause })\n    }` : call}
  }
  return new Uint8Array();
}
`;
};

test('a key by a name already passed, given to one more call, is no change of it', () => {
  repo = createTempRepo(promptFiles(prompt('', '')));
  repo.stage({ 'src/prompt.ts': prompt('\n      initialValue: opts.initial,', '\n      initialValue: opts.initial,') });
  expect(messageOf(listQuestions(repo), 'impact:src/prompt.ts#prompt')).not.toMatch(/`initialValue` changed/);
});

test('a key that a try now wraps is neither removed nor changed', () => {
  repo = createTempRepo({
    'src/base64url.ts': decode(false),
    'src/verify.ts': "import { decode } from './base64url';\n\nexport const bytes = decode('a');\n",
  });
  repo.stage({ 'src/base64url.ts': decode(true) });
  const asked = messageOf(listQuestions(repo), 'impact:src/base64url.ts#decode');
  expect(asked).toMatch(/^`decode` in src\/base64url\.ts changed its implementation/);
  expect(asked).not.toMatch(/alphabet/);
});
