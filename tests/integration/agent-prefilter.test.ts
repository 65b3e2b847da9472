import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { AGENT_ENV_SIGNALS } from '../../src/core/provenance/agent-env-signals.js';
import { COMMIT_SIGNALS, detectCommitSignals } from '../../src/core/provenance/commit-signals.js';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { PROJECT_ROOT } from '../helpers/temp-repo.js';

// hooks/agents.sh decides, in the shell, whether node must start to decide a commit that may be
// an agent's. It must never miss what core/provenance detects: every entry of both tables, as
// the agent writes it, passes the shell's test; a plain commit by a person does not.

const dir = mkdtempSync(join(tmpdir(), 'selfreview-prefilter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function shell(fn: string, env: Record<string, string>, message = 'Fix the parser\n'): number {
  const file = join(dir, 'MSG');
  writeFileSync(file, message);
  const script = `. "${join(PROJECT_ROOT, 'hooks', 'agents.sh')}"; ${fn} "$1"`;
  return spawnWithoutTerminal('sh', ['-c', script, 'sh', file], { cwd: dir, env: testEnv(env), encoding: 'utf8' }).status ?? -1;
}

const author = (ident: string) => {
  const [, name = '', email = ''] = /^(.*) <([^>]*)>$/.exec(ident) ?? [];
  return { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email };
};

describe('the commit signals', () => {
  test.each(COMMIT_SIGNALS.map((s) => [s.agent, s.in, s.example] as const))('%s (%s: %s)', (_agent, where, example) => {
    const message = `Fix the parser\n\n${example}\n`;
    // The core table detects its own example, and the shell lets it through to node.
    const detected = where === 'message' ? detectCommitSignals(message, 'A Person <a@example.com>') : detectCommitSignals('Fix\n', example);
    expect(detected.length).toBeGreaterThan(0);
    expect(where === 'message' ? shell('may_be_agent', {}, message) : shell('may_be_agent', author(example))).toBe(0);
  });

  test('a person, a plain message: node does not start', () => {
    expect(shell('may_be_agent', {}, 'Fix the parser\n\nRefs: #12\n')).toBe(1);
    expect(shell('may_be_agent', author('Ada Lovelace <ada@example.com>'))).toBe(1);
  });
});

describe('the environment', () => {
  test.each(AGENT_ENV_SIGNALS.map((s) => [s.prefix ? `${s.name}TOKEN` : s.name, s.value ?? '1'] as const))('%s=%s', (name, value) => {
    expect(shell('agent_env', { [name]: value })).toBe(0);
  });

  test('no agent, or an empty variable: no', () => {
    expect(shell('agent_env', {})).toBe(1);
    expect(shell('agent_env', { CLAUDECODE: '' })).toBe(1);
    expect(shell('agent_env', { CURSOR_TRACE_ID: 'abc' })).toBe(1);
    // The prefix family is looked for in `export -p` first: an empty one, or the name inside
    // another variable's value, is no agent.
    expect(shell('agent_env', { COPILOT_AGENT_TOKEN: '' })).toBe(1);
    expect(shell('agent_env', { NOTES: 'COPILOT_AGENT_TOKEN=1' })).toBe(1);
  });
});
