import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// One export changed the same way in three files is one question, and it says what the edit is:
// create-t3-app 969ebe92b5 gives each of three auth configs `plugins: [nextCookies()]`, and was asked
// "`auth` changed its implementation the same way in …: what does the edit do", naming nothing of it.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const store = (adapter: string, extra: string) => `import { createStore } from '../lib/create-store.js';
${extra === '' ? '' : "import { logger } from '../lib/logger.js';\n"}
export const store = createStore({
  adapter: '${adapter}',
  retries: 3,${extra}
});
`;

test('an export changed the same way in three files is asked once, naming what the edit adds', () => {
  repo = createTempRepo({
    'src/lib/create-store.ts': 'export const createStore = (options: object) => ({ options });\n',
    'src/lib/logger.ts': 'export const logger = () => (event: string) => event;\n',
    'src/stores/memory.ts': store('memory', ''),
    'src/stores/redis.ts': store('redis', ''),
    'src/stores/sqlite.ts': store('sqlite', ''),
    'src/app.ts': "import { store } from './stores/memory.js';\nexport const start = () => store.options;\n",
  });
  const extra = '\n  middleware: [logger()],';
  repo.stage({
    'src/stores/memory.ts': store('memory', extra),
    'src/stores/redis.ts': store('redis', extra),
    'src/stores/sqlite.ts': store('sqlite', extra),
  });
  const asked = listQuestions(repo).filter((q) => /^(unit|pattern):/.test(q.id));
  expect(asked).toHaveLength(1);
  expect(asked[0]!.message).toMatch(
    /^`store` changed its implementation the same way \(`middleware` added, now calls `logger`\) in src\/stores\//,
  );
});

// FlowiseAI/Flowise 9181ae2879 gives four request tools' `this.baseClasses` a last entry, `'Tool'`:
// asked "`nodeClass` changed its implementation the same way in …: what does the edit do", naming
// nothing of it. Each line differs by its class's name, so no one replacement or token edit said it.
test('the same entry put in each file, beside names that differ, is named', () => {
  const tool = (method: string, extra: string) => `class Requests${method}_Tools {
    constructor() {
        this.label = 'Requests ${method}'
        this.baseClasses = [this.type, ...getBaseClasses(Requests${method}Tool)${extra}]
    }
}

module.exports = { nodeClass: Requests${method}_Tools }
`;
  const methods = ['Get', 'Post', 'Put', 'Delete'];
  repo = createTempRepo(
    Object.fromEntries(methods.map((m) => [`packages/components/nodes/tools/Requests${m}/Requests${m}.js`, tool(m, '')])),
  );
  repo.stage(Object.fromEntries(methods.map((m) => [`packages/components/nodes/tools/Requests${m}/Requests${m}.js`, tool(m, ", 'Tool'")])));
  const asked = listQuestions(repo).filter((q) => /^(unit|pattern):/.test(q.id));
  expect(asked).toHaveLength(1);
  expect(asked[0]!.message).toMatch(
    /^`nodeClass` changed its implementation the same way \(`'Tool'` inserted\) in packages\/components\/nodes\/tools\//,
  );
});
