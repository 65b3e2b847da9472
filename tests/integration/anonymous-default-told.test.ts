import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// growthbook/growthbook 2308d83f0d moves a job's kill switch from an env var to a feature flag: its
// `export default async function (agenda: Agenda) {…}` drops `if (!MANAGED_WAREHOUSE_MIGRATION_SWEEP_ENABLED)
// return;`, and was asked "the default export changed its implementation" with nothing named, where a
// named function is told by its branches. A default export without a name is a piece as a named one is.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const job = (gate: string, keyword: string) => `import Agenda from "agenda";
import { MANAGED_WAREHOUSE_MIGRATION_SWEEP_ENABLED } from "./secrets";

const JOB_NAME = "sweepManagedWarehouseMigrations";

const sweepManagedWarehouseMigrations = async () => {
  return JOB_NAME.length;
};

export default ${keyword} (agenda: Agenda) {
  agenda.define(JOB_NAME, sweepManagedWarehouseMigrations);
${gate}
  const job = agenda.create(JOB_NAME, {});
  job.unique({});
  await job.save();
}
`;
const files = (keyword: string) => ({
  'src/jobs/sweep.ts': job('\n  if (!MANAGED_WAREHOUSE_MIGRATION_SWEEP_ENABLED) return;\n', keyword),
  'src/secrets.ts': 'export const MANAGED_WAREHOUSE_MIGRATION_SWEEP_ENABLED = process.env.SWEEP === "1";\n',
  'src/init/queue.ts':
    'import addSweepJob from "../jobs/sweep";\n\nexport async function queueInit(agenda: any) {\n  await addSweepJob(agenda);\n}\n',
});

test.each(['async function', 'async function named'])('a default export written as `%s` is told by the branch it drops', (keyword) => {
  repo = createTempRepo(files(keyword));
  repo.stage({ 'src/jobs/sweep.ts': job('', keyword) });
  const asked = listQuestions(repo);
  const impact = asked.find((q) => q.id.startsWith('impact:src/jobs/sweep.ts'));
  const unit = asked.find((q) => q.id === 'unit:src/jobs/sweep.ts');
  expect(impact?.message).toContain(
    'changed its implementation (the branch `if (!MANAGED_WAREHOUSE_MIGRATION_SWEEP_ENABLED)` removed); 1 file uses it (src/init/queue.ts:4)',
  );
  expect(unit?.message ?? '').not.toMatch(/changed its implementation:/);
});
