import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { AGENT_ENV_SIGNALS } from '../../src/core/provenance/agent-env-signals.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { reviewJson, runUnchanged } from '../helpers/review-run.js';

// Which budget applies and why, the verdict, the override, the split proposal.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

function repoWithLines(count: number): TempRepo {
  const r = createTempRepo({ 'src/a.ts': lines(2) });
  r.stage({ 'src/a.ts': lines(count + 2) });
  return r;
}

describe('provenance', () => {
  // Read-only runs on one staged change share one repository (the impact cache stays warm).
  let shared: TempRepo;
  beforeAll(() => {
    shared = repoWithLines(250);
  });
  afterAll(() => shared?.cleanup());

  const agentEnvs: Array<[string, string]> = AGENT_ENV_SIGNALS.map((s) => [s.prefix ? `${s.name}TOKEN` : s.name, s.value ?? '1']);

  test.each(agentEnvs)('%s=%s is an agent: the AI budget applies', (name, value) => {
    const { code, report } = reviewJson(shared, [], { env: { [name]: value } });
    expect(code).toBe(1);
    expect(report.provenance).toMatchObject({ kind: 'ai', isAgentDriven: true, decidedBy: `env ${name}=${value}` });
    expect(report.budget).toMatchObject({ kind: 'ai', lines: 200, files: 10 });
  });

  test('no signal: unknown, human budget; CURSOR_TRACE_ID alone and another Cursor role are not signals', () => {
    const { code, report } = reviewJson(shared, [], { env: { CURSOR_TRACE_ID: 'abc', CURSOR_EXTENSION_HOST_ROLE: 'user' } });
    expect(code).toBe(0);
    expect(report.provenance).toEqual({ kind: 'unknown', signals: [], decidedBy: null, isAgentDriven: false });
    expect(report.budget.kind).toBe('human');
  });

  test('--ai and SELFREVIEW_AI declare; an agent environment wins over SELFREVIEW_AI=0', () => {
    expect(reviewJson(shared, ['--ai']).report.provenance).toMatchObject({ kind: 'ai', decidedBy: '--ai' });
    expect(reviewJson(shared, [], { env: { SELFREVIEW_AI: '1' } }).report.provenance.kind).toBe('ai');
    expect(reviewJson(shared, [], { env: { SELFREVIEW_AI: '0' } }).report.provenance).toMatchObject({
      kind: 'human',
      decidedBy: 'env SELFREVIEW_AI=0',
    });
    const agent = reviewJson(shared, [], { env: { SELFREVIEW_AI: '0', GEMINI_CLI: '1' } }).report.provenance;
    expect(agent).toMatchObject({ kind: 'ai', decidedBy: 'env GEMINI_CLI=1' });
    expect(agent.signals.map((s) => s.signal)).toEqual(['env GEMINI_CLI=1', 'env SELFREVIEW_AI=0']);
  });

  test('the text report names the signal that decided', () => {
    expect(runUnchanged(shared, [], { env: { CLAUDECODE: '1' } }).stdout).toMatch(/Provenance: ai \(env CLAUDECODE=1\)/);
  });
});

describe('the verdict', () => {
  test('at the budget passes; one line over is rejected with the numbers', () => {
    repo = repoWithLines(400);
    expect(reviewJson(repo).code).toBe(0);
    repo.stage({ 'src/a.ts': lines(403) });
    const { code, report } = reviewJson(repo);
    expect(code).toBe(1);
    expect(report.verdict).toBe('reject');
    expect(report.reasons).toEqual([
      { code: 'lines-over-budget', message: '401 changed lines: 1 over the human budget of 400', actual: 401, limit: 400 },
    ]);
  });

  test('too many files: rejected with a split proposal whose parts each fit', () => {
    repo = createTempRepo({ 'README.md': 'x\n' });
    const tree: Record<string, string> = {};
    for (const dir of ['api', 'ui', 'db']) for (let i = 0; i < 12; i++) tree[`src/${dir}/f${i}.ts`] = lines(5);
    repo.stage(tree);
    const { code, report } = reviewJson(repo);
    expect(code).toBe(1);
    expect(report.reasons.map((r) => r.code)).toEqual(['files-over-budget']);
    expect(report.split.length).toBeGreaterThanOrEqual(2);
    for (const part of report.split) {
      expect(part.files).toBeLessThanOrEqual(25);
      expect(part.isOverBudget).toBe(false);
    }
    expect(report.split.flatMap((p) => p.paths).sort()).toEqual(Object.keys(tree).sort());
    const text = runUnchanged(repo).stdout;
    expect(text).toMatch(/Split proposal/);
    expect(text).toMatch(/src\/api\//);
    // The rejection says how to act on the proposal, as this project runs commands (no lockfile: npx).
    expect(text).toMatch(/`npx selfreview split --stage 1`/);
  });

  test('SELFREVIEW_OVERRIDE lets an oversized change through and reports why; an empty reason is refused', () => {
    repo = repoWithLines(500);
    const { code, report } = reviewJson(repo, [], { env: { SELFREVIEW_OVERRIDE: 'prod is down, hotfix for INC-42' } });
    expect(code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.override).toBe('prod is down, hotfix for INC-42');
    expect(report.reasons.map((r) => r.code)).toEqual(['lines-over-budget', 'override']);
    expect(runUnchanged(repo, ['--override', 'prod is down']).stdout).toMatch(/pass by override — prod is down/);

    for (const empty of ['', '   ', '..']) {
      const refused = runUnchanged(repo, [], { env: { SELFREVIEW_OVERRIDE: empty } });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/An override needs a reason/);
    }
  });

  test('SELFREVIEW=0 skips with one line', () => {
    repo = repoWithLines(5000);
    const result = runUnchanged(repo, [], { env: { SELFREVIEW: '0' } });
    expect(result).toEqual({ code: 0, stdout: 'selfreview: skipped (SELFREVIEW=0).\n', stderr: '' });
  });
});
