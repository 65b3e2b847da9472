import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// hatchet 73403371f8 leaves its DAG operators out of the worker counts: queries of sqlc's
// tenant_limits.sql and workers.sql gain `AND "operatorId" IS NULL`. They were asked "what does the
// change to `FROM "Worker"` do differently now?" and "… to `WHERE` …", the lines git heads each hunk
// with. A query's new conditions say what it now reads.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

// hatchet's pkg/repository/sqlcv1/tenant_limits.sql at 73403371f8's parent, cut to the query the change edits.
const BEFORE = `-- name: CountTenantWorkers :one
SELECT COUNT(distinct id) AS "count"
FROM "Worker"
WHERE "tenantId" = @tenantId::uuid
AND "lastHeartbeatAt" >= NOW() - '30 seconds'::INTERVAL
AND "isActive" = true;
`;
const AFTER = `-- name: CountTenantWorkers :one
SELECT COUNT(distinct id) AS "count"
FROM "Worker"
WHERE
    "tenantId" = @tenantId::uuid
    AND "lastHeartbeatAt" >= NOW() - '30 seconds'::INTERVAL
    AND "isActive" = true
    -- exclude operators from worker count for metering
    AND "operatorId" IS NULL
;
`;

test("a query's new condition is named, its re-indented ones are not (hatchet 73403371f8)", () => {
  repo = createTempRepo({
    'pkg/repository/sqlcv1/tenant_limits.sql': BEFORE,
    'frontend/src/event-utils.ts': 'export const isFailure = (t: string) => t === "FAILED";\n',
  });
  repo.stage({
    'pkg/repository/sqlcv1/tenant_limits.sql': AFTER,
    'frontend/src/event-utils.ts': 'export const isFailure = (t: string) => t === "FAILED" || t === "TIMED_OUT";\n',
  });
  expect(messageOf(listQuestions(repo), 'unit:pkg/repository/sqlcv1/tenant_limits.sql')).toBe(
    'In pkg/repository/sqlcv1/tenant_limits.sql, the change adds the condition `AND "operatorId" IS NULL`: which queries read it, and which rows does it now leave out or let in?',
  );
});

test('a condition edited is told as changed; a one-file change asked nothing but where its hunks sit is asked its intent alone', () => {
  repo = createTempRepo({ 'pkg/repository/sqlcv1/tenant_limits.sql': BEFORE });
  repo.stage({ 'pkg/repository/sqlcv1/tenant_limits.sql': BEFORE.replace("'30 seconds'", "'60 seconds'") });
  expect(messageOf(listQuestions(repo), 'unit:pkg/repository/sqlcv1/tenant_limits.sql')).toBe(
    'In pkg/repository/sqlcv1/tenant_limits.sql, the change changes the condition `AND "lastHeartbeatAt" >= NOW() - \'30 seconds\'::INTERVAL` to `AND "lastHeartbeatAt" >= NOW() - \'60 seconds\'::INTERVAL`: which queries read it, and which rows does it now leave out or let in?',
  );
  repo.stage({ 'pkg/repository/sqlcv1/tenant_limits.sql': BEFORE.replace('COUNT(distinct id)', 'COUNT(id)') });
  expect(listQuestions(repo).filter((q) => q.id.startsWith('unit:'))).toEqual([]);
});
