import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { buildProgram } from '../../../src/cli/build-program.js';
import type { ImpactFlags } from '../../../src/cli/commands/impact.js';
import type { ReviewFlags } from '../../../src/cli/commands/review.js';
import { readImpactSwitches, readReviewSwitches } from '../../../src/cli/review-flags.js';
import type { RunContext } from '../../../src/cli/run-context.js';

// main.ts skips commander for a review, and for `impact`, asked for with switches alone: the flags
// it builds must be the ones commander's parse of build-program.ts gives the command's action, for
// every combination.

function commanderFlags(args: readonly string[]): ReviewFlags {
  const context = { version: '0.0.0', exitCode: 0, isDebug: false, logger: () => undefined } as unknown as RunContext;
  const program = buildProgram(context);
  let seen: ReviewFlags | undefined;
  // The review's action replaced: what commander would hand to runReviewCommand.
  program.action((flags: ReviewFlags) => {
    seen = { ...flags };
  });
  program.parse(['node', 'selfreview', ...args]);
  if (seen === undefined) throw new Error(`commander did not run the review for ${args.join(' ')}`);
  return seen;
}

function commanderImpactFlags(args: readonly string[]): ImpactFlags {
  const context = { version: '0.0.0', exitCode: 0, isDebug: false, logger: () => undefined } as unknown as RunContext;
  const program = buildProgram(context);
  let seen: ImpactFlags | undefined;
  program.commands
    .find((command) => command.name() === 'impact')!
    .action((flags: ImpactFlags) => {
      seen = { ...flags };
    });
  program.parse(['node', 'selfreview', 'impact', ...args]);
  if (seen === undefined) throw new Error(`commander did not run impact for ${args.join(' ')}`);
  return seen;
}

const SWITCHES = ['--dry-run', '--json', '--ai', '--no-impact', '--debug', '--no-color', '--quiet', '-q'];

describe('readReviewSwitches', () => {
  const saved = process.env.SELFREVIEW_OVERRIDE;
  beforeAll(() => {
    delete process.env.SELFREVIEW_OVERRIDE;
  });
  afterAll(() => {
    if (saved !== undefined) process.env.SELFREVIEW_OVERRIDE = saved;
  });

  test('a bare command line gives what commander gives', () => {
    expect(readReviewSwitches([])).toEqual(commanderFlags([]));
  });

  test('every subset of the switches, in order and reversed, gives what commander gives', () => {
    let checked = 0;
    for (let mask = 1; mask < 1 << SWITCHES.length; mask++) {
      const args = SWITCHES.filter((_, i) => (mask >> i) & 1);
      for (const order of [args, [...args].reverse()]) {
        expect({ args: order, flags: readReviewSwitches(order) }).toEqual({ args: order, flags: commanderFlags(order) });
        checked += 1;
      }
    }
    expect(checked).toBe(2 * 255);
  });

  test('a repeated switch gives what commander gives', () => {
    expect(readReviewSwitches(['--json', '--json', '-q', '--quiet'])).toEqual(commanderFlags(['--json', '--json', '-q', '--quiet']));
  });

  test.each([
    [['--config', 'x.json']],
    [['--answers', 'a.json']],
    [['--override', 'hotfix']],
    [['--override=hotfix']],
    [['impact']],
    [['ci', '--json']],
    [['--help']],
    [['-V']],
    [['--version']],
    [['-qj']],
    [['--json', '--unknown']],
    [['--dry-run', '--']],
    [['--toString']],
    [['constructor']],
  ])('%j is left to commander', (args) => {
    expect(readReviewSwitches(args)).toBeNull();
  });
});

describe('readImpactSwitches', () => {
  const IMPACT_SWITCHES = ['--json', '--all', '--debug', '--no-color'];

  test('every subset of the switches, in order and reversed, a bare `impact` too, gives what commander gives', () => {
    let checked = 0;
    for (let mask = 0; mask < 1 << IMPACT_SWITCHES.length; mask++) {
      const args = IMPACT_SWITCHES.filter((_, i) => (mask >> i) & 1);
      for (const order of [args, [...args].reverse()]) {
        const flags = readImpactSwitches(['impact', ...order]);
        expect({ args: order, flags }).toEqual({ args: order, flags: commanderImpactFlags(order) });
        checked += 1;
      }
    }
    expect(checked).toBe(2 * 16);
  });

  test.each([
    [['impact', '--base', 'HEAD~1']],
    [['impact', '--json', '--head=HEAD']],
    [['impact', '--config', 'x.json']],
    [['impact', '--help']],
    [['impact', '--dry-run']],
    [['impact', '-j']],
    [['impact', '--json', 'extra']],
    [['--debug', 'impact']],
    [['ci', '--json']],
    [['impact', '--toString']],
    [[]],
  ])('%j is left to commander', (args) => {
    expect(readImpactSwitches(args)).toBeNull();
  });
});
