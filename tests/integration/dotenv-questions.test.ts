import { afterEach, expect, test } from '@jest/globals';
import { listQuestions } from '../helpers/listed-questions.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// amplication 68175f494 adds `DSG_RESOURCE_DATA_BASE_FOLDER` and `DSG_RESOURCE_DATA_FILE` to two
// packages' `.env` (and reads them in each `env.ts`); the review asked "The same edit is made in
// packages/amplication-build-manager/.env, packages/amplication-server/.env: what does the edit
// do?", naming no variable. A dotenv file's variables are named as a JSON file's keys are.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const ENV = 'PORT=3000\nLOG_LEVEL="info"\n';
const ADDED = 'DSG_RESOURCE_DATA_BASE_FOLDER=".amplication/dsg-resource-data"\nDSG_RESOURCE_DATA_FILE="resource-data.json"\n';

test('the same variables added to two .env files are named in the one question asked of them', () => {
  repo = createTempRepo({ 'packages/server/.env': ENV, 'packages/build-manager/.env': ENV, 'README.md': '# app\n' });
  repo.stage({ 'packages/server/.env': `${ENV}\n${ADDED}`, 'packages/build-manager/.env': `${ENV}${ADDED}\n` });
  const messages = listQuestions(repo).map((q) => q.message);
  const asked = messages.filter((m) => m.includes('.env'));
  expect(asked).toHaveLength(1);
  expect(asked[0]).toMatch(/\(`DSG_RESOURCE_DATA_BASE_FOLDER` and `DSG_RESOURCE_DATA_FILE` added\)/);
});

test('a .env file beside other files: its variables added, removed and changed, by name', () => {
  repo = createTempRepo({ '.env.production': ENV, 'src/port.ts': 'export const port = Number(process.env.PORT);\n' });
  repo.stage({
    '.env.production': 'export PORT=8080\nSENTRY_DSN="https://example.invalid/1"\n',
    'src/port.ts': 'export const port = Number(process.env.PORT ?? 8080);\n',
  });
  const asked = listQuestions(repo).find((q) => q.id.startsWith('unit:') && q.message.includes('.env.production'))?.message;
  expect(asked).toMatch(/`SENTRY_DSN` added, `LOG_LEVEL` removed, `PORT` changed: what reads them/);
});
