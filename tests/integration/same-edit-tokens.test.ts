import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// One fix made in two files is one question, though the formatter laid the lines out otherwise in
// each (wevm/wagmi 0a8eb518: `blockNumber ? …` became `blockNumber !== undefined ? …` in getBalance,
// one line, and in getTransactionCount, a `return` wrapped over five lines). Before, two unit and two
// impact questions asked the same thing, the first naming a local (`value` changed), the second nothing.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const action = (name: string, body: string) => `import { getClient } from '../client.js';

export async function ${name}(config: { chainId: number }, parameters: { address: string; blockNumber?: bigint; blockTag?: string }) {
  const { address, blockNumber, blockTag } = parameters;
  const action = getClient(config.chainId).${name};
${body}
}
`;
const user = (name: string) => `import { ${name} } from '../actions/${name}.js';

export const ${name}Query = (config: { chainId: number }, address: string) => ${name}(config, { address });
`;
const files = {
  'src/client.ts':
    'export const getClient = (id: number) => ({ getBalance: async (p: object) => p, getTransactionCount: async (p: object) => p, id });\n',
  'src/query/getBalance.ts': user('getBalance'),
  'src/query/getTransactionCount.ts': user('getTransactionCount'),
};

test('the same tokens changed in two files, laid out otherwise, are one edit, named', () => {
  repo = createTempRepo({
    ...files,
    'src/actions/getBalance.ts': action(
      'getBalance',
      `  const value = await action(\n    blockNumber ? { address, blockNumber } : { address, blockTag },\n  );\n  return value;`,
    ),
    'src/actions/getTransactionCount.ts': action(
      'getTransactionCount',
      `  return action(blockNumber ? { address, blockNumber } : { address, blockTag });`,
    ),
  });
  repo.stage({
    'src/actions/getBalance.ts': action(
      'getBalance',
      `  const value = await action(\n    blockNumber !== undefined\n      ? { address, blockNumber }\n      : { address, blockTag },\n  );\n  return value;`,
    ),
    'src/actions/getTransactionCount.ts': action(
      'getTransactionCount',
      `  return action(\n    blockNumber !== undefined\n      ? { address, blockNumber }\n      : { address, blockTag },\n  );`,
    ),
  });
  const questions = listQuestions(repo);
  const asked = questions.filter((q) => /^(unit|pattern|impact):/.test(q.id));
  expect(asked.map((q) => q.id.replace(/^pattern:.*/, 'pattern'))).toEqual(['pattern', 'impact:src/actions/getBalance.ts#getBalance']);
  expect(asked[0]!.message).toMatch(
    /^The same edit \(`blockNumber` → `blockNumber !== undefined`\) is made in src\/actions\/(getBalance|getTransactionCount)\.ts, src\/actions\/(getBalance|getTransactionCount)\.ts: what does the edit do, and why does each of them need it\?$/,
  );
  expect(messageOf(questions, 'impact:src/actions/getBalance.ts#getBalance')).toMatch(
    /^`getBalance` and `getTransactionCount` changed their implementations the same way \(`blockNumber` → `blockNumber !== undefined`, in 2 files: /,
  );
});

test('the same value given to two names is two edits', () => {
  repo = createTempRepo({
    'src/a.ts': 'export const retries = 1;\nexport const read = () => retries;\n',
    'src/b.ts': 'export const timeout = 1;\nexport const wait = () => timeout;\n',
    'src/c.ts': "import { read } from './a.js';\nimport { wait } from './b.js';\nexport const both = () => read() + wait();\n",
  });
  repo.stage({
    'src/a.ts': 'export const retries = 2;\nexport const read = () => retries;\n',
    'src/b.ts': 'export const timeout = 2;\nexport const wait = () => timeout;\n',
  });
  const ids = listQuestions(repo).map((q) => q.id);
  expect(ids.filter((id) => /^(unit|pattern):/.test(id))).toEqual(['unit:src/a.ts', 'unit:src/b.ts']);
});
