import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// drizzle-team/drizzle-orm 87d7704b6d ("Implemented extra drivers") gives the `switch` of
// `drizzle` four new clauses, `case 'better-sqlite3':` and three more; the questions said
// "`drizzle` changed its implementation" and named none of them.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const clause = (name: string) => `    case '${name}': {
      const { open } = await import('./drivers/${name}');
      return open(connection);
    }
`;
const driver = (names: readonly string[]) => `export const drizzle = async (client: string, connection: unknown) => {
  switch (client) {
${names.map(clause).join('')}    default:
      throw new Error(\`Unsupported client: \${client}\`);
  }
};
`;
const app = `import { drizzle } from './monodriver';

export const connect = () => drizzle('node-postgres', { url: process.env.DATABASE_URL });
`;

test("a switch's new clauses are named as its new branches", () => {
  repo = createTempRepo({ 'src/monodriver.ts': driver(['node-postgres']), 'src/app.ts': app });
  repo.stage({ 'src/monodriver.ts': driver(['node-postgres', 'better-sqlite3', 'bun-sqlite', 'd1']) });
  expect(messageOf(listQuestions(repo), 'impact:src/monodriver.ts#drizzle')).toMatch(
    /^`drizzle` in src\/monodriver\.ts changed its implementation \(new branches `case 'better-sqlite3':`, `case 'bun-sqlite':` and 1 more\); 1 file uses it/,
  );
});

test('a clause taken out is named as a branch removed', () => {
  repo = createTempRepo({ 'src/monodriver.ts': driver(['node-postgres', 'd1']), 'src/app.ts': app });
  repo.stage({ 'src/monodriver.ts': driver(['node-postgres']) });
  expect(messageOf(listQuestions(repo), 'impact:src/monodriver.ts#drizzle')).toMatch(/`case 'd1':`/);
});
